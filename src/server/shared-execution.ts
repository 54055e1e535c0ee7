import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
  getOperationAST,
  Kind,
  visit,
} from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * Subscriptions whose results are computed once per event and shared. The event hub hands the same
 * event object to every subscriber of a tenant, so the subscribers of one operation (same document,
 * variables, tenant, app and scopes: the `shareKey`) would each execute the same selection over the
 * same root value and get the same result. Here the first of them executes it and the others reuse
 * that result; events replayed from a cursor are separate objects and execute on their own.
 */
export class SharedSubscriptionExecution {
  private readonly results = new WeakMap<object, Map<string, Result>>();
  /** Selections executed for events so far (for metrics and tests: shared ones count once). */
  executions = 0;

  /**
   * `forEvent` gives the context one event's execution runs with, from the subscription's: the
   * subscription's context lives as long as the socket's operation, so anything it memoises (a caching
   * loader) would hand every later event the record as the first event found it.
   */
  constructor(private readonly forEvent: (context: unknown) => unknown = (context) => context) {}

  /** graphql's `subscribe`, with each event's execution shared across the subscribers of `shareKey`. */
  async subscribe(
    args: ExecutionArgs,
    shareKey: string,
  ): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    return mapEvents(source, (event) => this.resultFor(event, shareKey, args));
  }

  private resultFor(event: unknown, shareKey: string, args: ExecutionArgs): Result {
    const run = () => {
      this.executions += 1;
      return execute({ ...args, rootValue: event, contextValue: this.forEvent(args.contextValue) });
    };
    if (typeof event !== 'object' || event === null) return run();
    let byKey = this.results.get(event);
    if (!byKey) {
      byKey = new Map();
      this.results.set(event, byKey);
    }
    let result = byKey.get(shareKey);
    if (!result) {
      result = run();
      byKey.set(shareKey, result);
    }
    return result;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** Maps a source stream, passing `return` through so an unsubscribe releases the source. */
async function* mapEvents(
  source: AsyncIterable<unknown>,
  map: (event: unknown) => Result,
): AsyncGenerator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      try {
        yield await map(next.value);
      } catch (error) {
        yield { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
      }
    }
  } finally {
    await iterator.return?.();
  }
}

/**
 * The variables that can change what one event executes to: those used anywhere but in the root
 * fields' own arguments. Those only shape the stream (`since`, `types`, a widget's args): every root
 * subscription resolver in this schema returns its event as it is. Subscribers resuming from different
 * cursors then still share the execution of each live event.
 */
export function variablesAffectingExecution(
  document: DocumentNode,
  operationName: string | null | undefined,
): Set<string> {
  const used = new Set<string>();
  const operation = getOperationAST(document, operationName);
  if (!operation) return used;
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Variable(variable) {
        used.add(variable.name.value);
      },
    });
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      collect(selection);
      continue;
    }
    for (const directive of selection.directives ?? []) collect(directive);
    if (selection.selectionSet) collect(selection.selectionSet);
  }
  // Fragments spread below the root are part of the selection: their variables count too.
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) collect(definition);
  }
  return used;
}
