import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type OperationDefinitionNode, parse } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { connectWs } from '../support/ws-client.js';
import { startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

/**
 * README.md is the door most people come in by: every ```graphql block in it must run on a fresh demo.
 * A ```json block right after a ```graphql block holds its variables; a value written "<path>" is taken
 * from the answer of an earlier block (`"<organizations.nodes[0].id>"`), as the README tells its reader.
 * Subscriptions must receive an event once the change the README shows (its emulator `curl`) is made.
 */

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const AU = 'Demo Company (AU)';

interface Block {
  lang: string;
  code: string;
  line: number;
}

/** The fenced blocks of a Markdown text, indented ones (inside list items) included. */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j])) body.push(lines[j++].slice(indent));
    blocks.push({ lang: open[2], code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

interface Example {
  kind: 'query' | 'mutation' | 'subscription';
  query: string;
  line: number;
  variables: Record<string, unknown>;
}

const blocks = fencedBlocks(README);
const examples: Example[] = blocks.flatMap((block, index) => {
  if (block.lang !== 'graphql') return [];
  const operation = parse(block.code).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  const next = blocks[index + 1];
  const variables = next?.lang === 'json' ? (JSON.parse(next.code) as Record<string, unknown>) : {};
  return [{ kind: operation!.operation, query: block.code, line: block.line, variables }];
});

/** The README's change made as a Xero user: `curl "$EMU/__emulator/orgs/$ORG/<resource>" ... -d '<json>'`. */
function readmeXeroChange(): { resource: string; body: unknown } {
  const curl = blocks
    .filter((block) => block.lang === 'sh')
    .map((block) => /curl[^\n]*"\$EMU\/__emulator\/orgs\/\$ORG\/(\w+)"[^\n]*-d '([^']+)'/.exec(block.code))
    .find((match) => match !== null);
  if (!curl) throw new Error('README.md shows no emulator change (curl "$EMU/__emulator/orgs/$ORG/...")');
  return { resource: curl[1], body: JSON.parse(curl[2]) };
}

/** `organizations.nodes[0].id` in `data`, or undefined. */
function at(data: unknown, dotted: string): unknown {
  const keys = dotted.replace(/\[(\d+)\]/g, '.$1').split('.');
  return keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

interface Received {
  payloads: Array<{ data?: Record<string, unknown> | null; errors?: unknown }>;
  error?: unknown;
}

describe('the GraphQL examples of README.md, on a fresh demo', () => {
  let harness: XeroHarness;
  let key: string;
  const answers: unknown[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    harness = await startXeroHarness({ webhookBatchDelayMs: 20 });
    const tenantId = await harness.link('org-demo', AU);
    // The demo key is the `dashboard` app's, with every scope: the README's origins name it.
    key = await harness.gateway.createKey('org-demo', ALL_SCOPES, 'dashboard');
    await harness.control('PUT', '/__emulator/webhook', { url: `${harness.gateway.url}/webhooks/xero` });
    await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await harness?.stop();
  });

  it('finds the examples: queries, mutations and subscriptions', () => {
    const kinds = examples.map((example) => example.kind);
    expect(kinds.filter((kind) => kind === 'query').length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain('mutation');
    expect(kinds.filter((kind) => kind === 'subscription').length).toBeGreaterThanOrEqual(2);
  });

  it('runs every query and mutation without errors, in the order the README gives them', async () => {
    for (const example of examples.filter((e) => e.kind !== 'subscription')) {
      const variables = Object.fromEntries(
        Object.entries(example.variables).map(([name, value]) => {
          const placeholder = typeof value === 'string' ? /^<(.+)>$/.exec(value) : null;
          if (!placeholder) return [name, value];
          const found = answers.map((data) => at(data, placeholder[1])).find((v) => v !== undefined);
          expect(found, `README.md:${example.line}: $${name} from ${placeholder[1]}`).toBeDefined();
          return [name, found];
        }),
      );
      const response = await harness.gateway.graphql(example.query, variables, key);
      expect(response.errors, `README.md:${example.line}`).toBeUndefined();
      expect(response.data, `README.md:${example.line}`).toBeTruthy();
      answers.unshift(response.data);
    }
  });

  it('sends every subscription an event after the change the README makes in Xero', async () => {
    const subscriptions = examples.filter((example) => example.kind === 'subscription');
    const received: Received[] = [];
    for (const example of subscriptions) {
      const { client } = connectWs(harness.gateway.url, key);
      clients.push(client);
      const got: Received = { payloads: [] };
      received.push(got);
      client.subscribe(
        { query: example.query, variables: example.variables },
        {
          next: (payload) => got.payloads.push(payload as Received['payloads'][number]),
          error: (error) => {
            got.error = error;
          },
          complete: () => {},
        },
      );
    }
    // widgetUpdated answers at once; entityChanged has nothing to say yet. Either way the subscription is
    // then in place, and the change below is not missed.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = received.map((got) => got.payloads.length);

    const { resource, body } = readmeXeroChange();
    const org = harness.organisation(AU).tenantId;
    await harness.control('POST', `/__emulator/orgs/${org}/${resource}`, body);

    for (const [index, example] of subscriptions.entries()) {
      const got = received[index];
      await expect
        .poll(() => got.payloads.length, { timeout: 15_000, message: `README.md:${example.line}` })
        .toBeGreaterThan(before[index]);
      expect(got.error, `README.md:${example.line}`).toBeUndefined();
      for (const payload of got.payloads) expect(payload.errors, `README.md:${example.line}`).toBeUndefined();
    }
    const events = received.flatMap((got) => got.payloads.map((payload) => payload.data));
    expect(events).toContainEqual({
      entityChanged: expect.objectContaining({
        entityType: 'Organization',
        action: 'CREATED',
        origin: 'xero',
        entity: { name: (body as { Name: string }).Name },
      }),
    });
    expect(events).toContainEqual({
      widgetUpdated: expect.objectContaining({ causes: ['Organization'] }),
    });
  });
});
