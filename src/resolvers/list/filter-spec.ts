import { ID } from 'type-graphql';
import { badArgument } from '../../errors.js';
import { isUuid } from './cursor.js';

/** A lazy GraphQL type, as `@Field(() => T)` takes it (type-graphql does not export its own alias). */
export type ReturnTypeFunc = () => object | symbol | Array<object | symbol>;

/** Registers a bind parameter and returns its placeholder (`$3`). */
export type SqlParam = (value: unknown) => string;

/**
 * One field of an entity's filter input and the SQL condition it adds. SQL is written against the alias
 * `e` of the entity's table; values always travel as bind parameters.
 */
export interface FilterSpec {
  type: ReturnTypeFunc;
  description: string;
  sql(value: unknown, param: SqlParam, path: string): string;
}

/** The column's value is one of the given (enum values, codes). */
export const anyOf = (column: string, type: object, description: string): FilterSpec => ({
  type: () => [type],
  description,
  sql: (value, param) => `e.${column} = ANY(${param(value)})`,
});

/** The column references one of the given Connec! ids. */
export const idIn = (column: string, description: string): FilterSpec => ({
  type: () => [ID],
  description,
  sql: (value, param, path) => `e.${column} = ANY(${param(checkIds(value, path))}::uuid[])`,
});

export const isTrue = (column: string, description: string): FilterSpec => ({
  type: () => Boolean,
  description,
  sql: (value, param) => `e.${column} = ${param(value)}`,
});

/** Inclusive lower bound. */
export const atLeast = (column: string, type: object, description: string): FilterSpec => ({
  type: () => type,
  description,
  sql: (value, param) => `e.${column} >= ${param(value)}`,
});

/** Inclusive upper bound. */
export const atMost = (column: string, type: object, description: string): FilterSpec => ({
  type: () => type,
  description,
  sql: (value, param) => `e.${column} <= ${param(value)}`,
});

/** Case-insensitive substring match on any of the SQL expressions. */
export const textSearch = (expressions: string[], description: string): FilterSpec => ({
  type: () => String,
  description,
  sql: (value, param) => {
    const pattern = param(`%${String(value).replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    return `(${expressions.map((expression) => `${expression} ILIKE ${pattern}`).join(' OR ')})`;
  },
});

/** A condition that needs more than one column (e.g. "has a line with this item"). */
export const custom = (type: ReturnTypeFunc, description: string, sql: FilterSpec['sql']): FilterSpec => ({
  type,
  description,
  sql,
});

export function checkIds(value: unknown, path: string): string[] {
  const ids = Array.isArray(value) ? value : [value];
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) throw badArgument(path, `"${String(bad)}" is not a Connec! id (a UUID).`);
  return ids as string[];
}
