import { GraphQLError, parse, Source } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentPath, describeInvalidInput } from '../../src/resolvers/input-errors.js';

function validationError(query: string, needle: string) {
  const source = new Source(query);
  const position = query.indexOf(needle);
  const error = new GraphQLError('Value "NOPE" does not exist in "TransactionStatus" enum.', {
    source,
    positions: [position],
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
  return { error, formatted: error.toJSON() };
}

describe('describing a bad literal argument', () => {
  it('names the argument path of an unknown enum value inside a filter', () => {
    const query =
      '{ invoices(first: 3, filter: { type: [CUSTOMER], status: [DRAFT, NOPE] }) { nodes { id } } }';
    const { error, formatted } = validationError(query, 'NOPE');
    const described = describeInvalidInput(formatted, error);
    expect(described.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: 'filter.status', message: 'Value "NOPE" does not exist in "TransactionStatus" enum.' },
      ],
    });
  });

  it('finds the path of a value in a nested field argument', () => {
    const query = '{ organizations { nodes { invoices(orderBy: { field: NOPE }) { nodes { id } } } } }';
    expect(argumentPath(query, query.indexOf('NOPE'))).toBe('orderBy.field');
    expect(() => parse(query)).not.toThrow();
  });

  it('leaves other validation errors alone', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(describeInvalidInput(error.toJSON(), error).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
