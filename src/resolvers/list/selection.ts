import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Which of `names` the query selects on the nodes of a connection (`nodes { x }` or `edges { node { x } }`),
 * so a list can embed those children in its own statement instead of a second one.
 */
export function selectedNodeFields(info: GraphQLResolveInfo, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  const wanted = new Set(names);
  if (wanted.size === 0) return found;
  for (const fieldNode of info.fieldNodes) {
    for (const connectionField of fieldsOf(fieldNode.selectionSet, info)) {
      const name = connectionField.name.value;
      const nodeSets =
        name === 'nodes'
          ? [connectionField.selectionSet]
          : name === 'edges'
            ? fieldsOf(connectionField.selectionSet, info)
                .filter((edgeField) => edgeField.name.value === 'node')
                .map((edgeField) => edgeField.selectionSet)
            : [];
      for (const set of nodeSets) {
        for (const field of fieldsOf(set, info))
          if (wanted.has(field.name.value)) found.add(field.name.value);
      }
    }
  }
  return found;
}

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, depth = 0): FieldNode[] {
  if (!set || depth > 10) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info, depth + 1);
    return fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, depth + 1);
  });
}
