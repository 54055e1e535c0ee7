import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isEnumType,
  isObjectType,
  isRequiredArgument,
  isScalarType,
} from 'graphql';

const SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');
const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));

/**
 * Every field of a type (recursively, to `depth` levels), skipping fields that need arguments: the
 * widget queries select the whole result, as the raw baseline serialises it whole.
 */
export function selectAll(typeName: string, depth = 4): string {
  const type = schema.getType(typeName);
  if (!type) throw new Error(`no type ${typeName} in schema.graphql`);
  return selection(type, depth);
}

function selection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
    if (field.args.some(isRequiredArgument)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth > 1 && isObjectType(named)) {
      const inner = selection(named, depth - 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/** The GraphQL return type of a field of `Widgets`. */
export function widgetType(field: string): string {
  const widgets = schema.getType('Widgets');
  if (!isObjectType(widgets)) throw new Error('no Widgets type');
  return getNamedType(widgets.getFields()[field].type).name;
}
