import {
  type ExecutionResult,
  GraphQLBoolean,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  SharedSubscriptionExecution,
  variablesAffectingExecution,
} from '../../src/server/shared-execution.js';

/** A hub in miniature: every subscriber's stream yields the very same event objects, as EventHub does. */
function fixture() {
  const streams: Array<(event: object) => void> = [];
  let executions = 0;
  const Event = new GraphQLObjectType({
    name: 'Event',
    fields: {
      seq: { type: GraphQLInt },
      doubled: {
        type: GraphQLInt,
        args: { really: { type: GraphQLBoolean } },
        resolve: (event: { seq: number }, args: { really?: boolean }) =>
          args.really === false ? event.seq : event.seq * 2,
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        changed: {
          type: Event,
          args: { since: { type: GraphQLInt } },
          subscribe: async function* () {
            const queue: object[] = [];
            let wake: (() => void) | undefined;
            streams.push((event) => {
              queue.push(event);
              wake?.();
            });
            while (true) {
              if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
              yield queue.shift();
            }
          },
          resolve: (event: object) => {
            executions += 1;
            return event;
          },
        },
      },
    }),
  });
  return {
    schema,
    publish: (event: object) => {
      for (const push of streams) push(event);
    },
    executions: () => executions,
  };
}

const DOCUMENT =
  'subscription ($since: Int, $really: Boolean) { changed(since: $since) { seq doubled(really: $really) } }';

describe('shared subscription execution', () => {
  it('executes a live event once for all subscribers of one operation, whatever cursor each resumed from', async () => {
    const { schema, publish, executions } = fixture();
    const shared = new SharedSubscriptionExecution();
    const document = parse(DOCUMENT);
    const streams = await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        const stream = await shared.subscribe(
          { schema, document, variableValues: { since: index } },
          'tenant-a|same-operation',
        );
        return stream as AsyncGenerator<ExecutionResult>;
      }),
    );
    const firsts = streams.map((stream) => stream.next());
    await new Promise((resolve) => setTimeout(resolve, 10));
    publish({ seq: 21 });
    const results = await Promise.all(firsts);
    expect(results.map((result) => result.value?.data)).toEqual(
      Array.from({ length: 10 }, () => ({ changed: { seq: 21, doubled: 42 } })),
    );
    expect(executions()).toBe(1);
    await Promise.all(streams.map((stream) => stream.return(undefined)));
  });

  it('executes separately for another share key and for a distinct event object', async () => {
    const { schema, publish, executions } = fixture();
    const shared = new SharedSubscriptionExecution();
    const document = parse(DOCUMENT);
    const a = (await shared.subscribe({ schema, document }, 'tenant-a')) as AsyncGenerator<ExecutionResult>;
    const b = (await shared.subscribe(
      { schema, document, variableValues: { really: false } },
      'tenant-a|really=false',
    )) as AsyncGenerator<ExecutionResult>;
    const next = [a.next(), b.next()];
    await new Promise((resolve) => setTimeout(resolve, 10));
    publish({ seq: 5 });
    const [fromA, fromB] = await Promise.all(next);
    expect(fromA.value?.data).toEqual({ changed: { seq: 5, doubled: 10 } });
    expect(fromB.value?.data).toEqual({ changed: { seq: 5, doubled: 5 } });
    expect(executions()).toBe(2);
    const again = a.next();
    publish({ seq: 5 }); // equal, but another object: a replayed event is executed on its own
    expect((await again).value?.data).toEqual({ changed: { seq: 5, doubled: 10 } });
    expect(executions()).toBe(3);
    await Promise.all([a.return(undefined), b.return(undefined)]);
  });

  it('keys on the variables used below the root field only', () => {
    const document = parse(`subscription ($since: Int, $really: Boolean, $skip: Boolean) {
      changed(since: $since) @skip(if: $skip) { seq ...F }
    }
    fragment F on Event { doubled(really: $really) }`);
    expect([...variablesAffectingExecution(document, undefined)].sort()).toEqual(['really', 'skip']);
  });
});
