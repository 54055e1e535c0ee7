import { type ASTNode, type GraphQLError, type GraphQLFormattedError, Kind, parse, visit } from 'graphql';
import { ErrorCode } from '../errors.js';

/** Validation messages that mean "this argument value is wrong", as opposed to a malformed query. */
const VALUE_ERRORS = [
  /does not exist in ".+" enum/,
  /cannot represent/i,
  /^Expected value of type/,
  /is not a/,
];

/**
 * Turns GraphQL's validation error for a bad literal argument value (an unknown enum value in a filter,
 * say) into BAD_USER_INPUT naming the argument path, e.g. `filter.status`, like the errors for the
 * same value passed as a variable. Other errors are returned unchanged.
 */
export function describeInvalidInput(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') return formatted;
  if (!VALUE_ERRORS.some((pattern) => pattern.test(formatted.message))) return formatted;
  const original = error as Partial<GraphQLError> | undefined;
  const source = original?.source?.body;
  const position = original?.positions?.[0];
  if (!source || position === undefined) return formatted;
  const path = argumentPath(source, position);
  if (!path) return formatted;
  return {
    ...formatted,
    message: `${path}: ${formatted.message}`,
    extensions: { code: ErrorCode.BadUserInput, fieldErrors: [{ path, message: formatted.message }] },
  };
}

/** The dotted path (argument, then input fields) of the value at `position` in the query text. */
export function argumentPath(source: string, position: number): string | undefined {
  let document: ASTNode;
  try {
    document = parse(source);
  } catch {
    return undefined;
  }
  const stack: string[] = [];
  let found: string | undefined;
  const contains = (node: ASTNode) =>
    node.loc !== undefined && node.loc.start <= position && position < node.loc.end;
  visit(document, {
    enter(node) {
      if (found || !contains(node)) return node.kind === Kind.DOCUMENT ? undefined : false;
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.push(node.name.value);
      if (
        node.loc?.start === position &&
        stack.length > 0 &&
        node.kind !== Kind.ARGUMENT &&
        node.kind !== Kind.OBJECT_FIELD
      ) {
        found = stack.join('.');
      }
      return undefined;
    },
    leave(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.pop();
    },
  });
  return found;
}
