import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d{1,20}(\.\d{1,10})?$/;

/**
 * Money and quantities travel as strings so no client turns them into binary floats. Postgres
 * `numeric` columns arrive from pg as strings already; this scalar checks the shape on the way in.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50". Used for money, quantities and rates.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    throw new GraphQLError(`Decimal cannot represent ${typeof value}`);
  },
  parseValue(value) {
    return parseDecimal(value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT)
      return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string such as "12.50"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text.trim())) {
    throw new GraphQLError(`"${String(value)}" is not a decimal number such as "12.50"`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return text.trim();
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date without time or zone, as Xero uses for invoice and due dates. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO-8601, e.g. "2026-11-25".',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') return value.slice(0, 10);
    throw new GraphQLError(`Date cannot represent ${typeof value}`);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseDate(ast.value);
    throw new GraphQLError('Date must be a string such as "2026-11-25"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (Date.parse alone takes "2020-02-30"). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  // Date.parse takes "2020-02-30" (as March 1st); Postgres does not: only a date that reads back as itself.
  if (!isCalendarDate(value)) {
    // A plain Error, so graphql-js wraps it with the value's location and the argument can be named.
    throw new TypeError(`"${String(value)}" is not a date such as "2026-11-25"`);
  }
  return value;
}
