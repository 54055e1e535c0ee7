import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../errors.js';
import { MAX_PAGE_SIZE } from './list/list-query.js';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/** The size of a list a field is asked for, when it says (`first`, `limit`); otherwise 1. */
const LIST_SIZE_ARGUMENTS = ['first', 'limit', 'last'];
/** A connection asked for without `first` is counted at the default page size, so defaults cannot hide cost. */
const DEFAULT_PAGE_SIZE = 50;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Measures the operation's depth and estimated cost (each field 1, times the page size it asks for,
 * compounding through nested lists) and returns an error naming the limit it breaks, if any.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): GraphQLError | undefined {
  const operation = findOperation(document, operationName);
  if (!operation) return undefined;
  const walk: Walk = { schema, fragments: new Map(), variables: variables ?? {} };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) walk.fragments.set(definition.name.value, definition);
  }
  const depth = measureDepth(operation.selectionSet, walk, new Set());
  if (depth > limits.maxDepth) {
    return new GraphQLError(
      `The query is ${depth} levels deep; the limit is ${limits.maxDepth} (${depth - limits.maxDepth} too many).`,
      { extensions: { code: ErrorCode.QueryTooDeep, limit: limits.maxDepth, actual: depth } },
    );
  }
  const root = schema.getRootType(operation.operation);
  const cost = root ? measureCost(operation.selectionSet, root, walk) : 0;
  if (cost > limits.maxComplexity) {
    return new GraphQLError(
      `The query's estimated cost is ${cost}; the limit is ${limits.maxComplexity} (${cost - limits.maxComplexity} over). Ask for smaller pages or fewer nested lists.`,
      { extensions: { code: ErrorCode.QueryTooComplex, limit: limits.maxComplexity, actual: cost } },
    );
  }
  return undefined;
}

function findOperation(document: DocumentNode, name: string | null | undefined) {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return name ? operations.find((operation) => operation.name?.value === name) : operations[0];
}

function fieldsOf(selectionSet: SelectionSetNode, walk: Walk, visiting: Set<string>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, walk, visiting);
    const name = selection.name.value;
    const fragment = walk.fragments.get(name);
    if (!fragment || visiting.has(name)) return []; // cycles are reported by GraphQL validation
    return fieldsOf(fragment.selectionSet, walk, new Set([...visiting, name]));
  });
}

function measureDepth(selectionSet: SelectionSetNode, walk: Walk, visiting: Set<string>): number {
  let deepest = 0;
  for (const field of fieldsOf(selectionSet, walk, visiting)) {
    if (field.name.value.startsWith('__')) continue; // introspection is bounded by the schema itself
    const below = field.selectionSet ? measureDepth(field.selectionSet, walk, visiting) : 0;
    deepest = Math.max(deepest, 1 + below);
  }
  return deepest;
}

function measureCost(selectionSet: SelectionSetNode, parent: GraphQLNamedType, walk: Walk): number {
  let cost = 0;
  for (const { field, parentType } of typedFieldsOf(selectionSet, parent, walk, new Set())) {
    if (field.name.value.startsWith('__')) continue;
    cost += 1;
    if (!field.selectionSet) continue;
    const definition =
      isObjectType(parentType) || isInterfaceType(parentType)
        ? parentType.getFields()[field.name.value]
        : undefined;
    if (!definition) continue; // unknown fields are reported by GraphQL validation
    const type = getNamedType(definition.type);
    cost += pageSize(field, type, walk) * measureCost(field.selectionSet, type, walk);
  }
  return cost;
}

function typedFieldsOf(
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  walk: Walk,
  visiting: Set<string>,
): Array<{ field: FieldNode; parentType: GraphQLNamedType }> {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ field: selection, parentType: parent }];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      return type ? typedFieldsOf(selection.selectionSet, type, walk, visiting) : [];
    }
    const name = selection.name.value;
    const fragment = walk.fragments.get(name);
    if (!fragment || visiting.has(name)) return [];
    const type = walk.schema.getType(fragment.typeCondition.name.value);
    return type ? typedFieldsOf(fragment.selectionSet, type, walk, new Set([...visiting, name])) : [];
  });
}

/** How many items a list-returning field yields at most: its `first`/`limit`, or a connection's default page. */
function pageSize(field: FieldNode, type: GraphQLNamedType, walk: Walk): number {
  const argument = field.arguments?.find((arg) => LIST_SIZE_ARGUMENTS.includes(arg.name.value));
  const value = argument ? literalValue(argument.value, walk.variables) : undefined;
  // A page larger than MAX_PAGE_SIZE is refused by the resolver itself (naming `first`); counting it at
  // the cap lets that clearer error through instead of a complexity error.
  if (typeof value === 'number' && value > 0) return Math.min(value, MAX_PAGE_SIZE);
  return type.name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : 1;
}

function literalValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}
