import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { connectWs } from '../support/ws-client.js';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

type Result = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }>;
};

/** Keys without READ reach the metadata of changes and writes, never the records behind them. */
describe('the read scope on paths below the root', () => {
  let h: WriteHarness;
  const clients: Client[] = [];
  beforeAll(async () => {
    h = await startWriteHarness();
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await h?.stop();
  });

  it("refuses a subscribe-only key an event's entity (an employee's salaries), not the event itself", async () => {
    const key = await h.gateway.createKey('acme', [Scope.SUBSCRIBE], 'listener');
    const { client } = connectWs(h.gateway.url, key);
    clients.push(client);
    const events = client.iterate({
      query: `subscription {
        entityChanged(since: "0", types: [Employee]) {
          cursor entityId action entity { ... on Employee { salaries { annualSalary } } }
        }
      }`,
    });
    const { value } = (await events.next()) as { value: Result };
    await events.return?.();
    expect(value.errors?.map((error) => [error.path, error.extensions])).toEqual([
      [['entityChanged', 'entity'], expect.objectContaining({ code: 'FORBIDDEN', requiredScope: 'read' })],
    ]);
    const event = (value.data as { entityChanged: Record<string, unknown> }).entityChanged;
    expect(event).toMatchObject({ action: 'CREATED', entity: null });
    expect(event.cursor).toMatch(/^\d+$/);
    expect(JSON.stringify(value)).not.toContain('annualSalary":"');
  });

  it("refuses a write-only key a mutation's record (and its relations), and answers the rest of the payload", async () => {
    const key = await h.gateway.createKey('acme', [Scope.WRITE], 'writer');
    const answer = (await h.gateway.graphql(
      `mutation { createOrganization(input: { name: "Write Only Pty" }) {
        syncStatus operationId warnings record { id name invoices { edges { node { id } } } }
      } }`,
      {},
      key,
    )) as Result;
    expect(answer.errors?.map((error) => [error.path, error.extensions])).toEqual([
      [
        ['createOrganization', 'record'],
        expect.objectContaining({ code: 'FORBIDDEN', requiredScope: 'read' }),
      ],
    ]);
    expect(answer.data?.createOrganization).toMatchObject({
      syncStatus: 'SYNCED',
      warnings: [],
      record: null,
    });
    // The write itself happened: refusing the record is about reading, not writing.
    expect(await h.count(`SELECT count(*) n FROM organizations WHERE name = 'Write Only Pty'`)).toBe(1);
  });

  it("refuses a write-only key each batch element's record", async () => {
    const key = await h.gateway.createKey('acme', [Scope.WRITE], 'batcher');
    const answer = (await h.gateway.graphql(
      `mutation { createOrganizations(inputs: [{ name: "Batch One Pty" }, { name: "Batch Two Pty" }]) {
        index syncStatus record { id name }
      } }`,
      {},
      key,
    )) as Result;
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['createOrganizations', 0, 'record'], 'FORBIDDEN'],
      [['createOrganizations', 1, 'record'], 'FORBIDDEN'],
    ]);
    expect(answer.data?.createOrganizations).toEqual([
      { index: 0, syncStatus: 'SYNCED', record: null },
      { index: 1, syncStatus: 'SYNCED', record: null },
    ]);
  });

  it('still answers the record to a key with read and write', async () => {
    const answer = (await h.graphql(
      `mutation { createOrganization(input: { name: "Read Write Pty" }) { record { name } } }`,
    )) as Result;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.createOrganization).toEqual({ record: { name: 'Read Write Pty' } });
  });
});
