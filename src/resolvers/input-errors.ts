import {
  type ASTNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  Kind,
  parse,
  visit,
} from 'graphql';
import { badUserInput, ErrorCode, type FieldError } from '../errors.js';

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

const NUL_MESSAGE = 'Text cannot contain the NUL character (\\u0000).';

/**
 * BAD_USER_INPUT naming every argument of the operation whose text holds a NUL character, written in the
 * query or passed in a variable: Postgres refuses NUL in text, which would otherwise surface as an
 * internal error from whichever statement met it first.
 */
export function nulCharacterError(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const errors: FieldError[] = [];
  const stack: string[] = [];
  visit(operation, {
    enter(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.push(node.name.value);
      if (node.kind === Kind.STRING && node.value.includes('\u0000')) {
        errors.push({ path: stack.join('.'), message: NUL_MESSAGE });
      }
      if (node.kind === Kind.VARIABLE && stack.length > 0) {
        for (const inner of nulPaths(variables?.[node.name.value])) {
          errors.push({ path: [...stack, ...inner].join('.'), message: NUL_MESSAGE });
        }
      }
    },
    leave(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.pop();
    },
  });
  if (errors.length === 0) return undefined;
  const error = badUserInput(errors);
  // Refused before execution: Apollo would answer an error from that stage with 500 unless told.
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}

/** Where in a variable's value (keys and list positions) a string holds a NUL character. */
function nulPaths(value: unknown, depth = 0): string[][] {
  if (typeof value === 'string') return value.includes('\u0000') ? [[]] : [];
  if (depth > 20 || value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => nulPaths(item, depth + 1).map((path) => [key as string, ...path]));
}
