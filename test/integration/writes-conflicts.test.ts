import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/process.js';
import { type CaseRefs, type ConflictCase, caseRefs, conflictCases, type InXero } from './conflict-cases.js';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

let h: WriteHarness;
let refs: CaseRefs;
beforeAll(async () => {
  h = await startWriteHarness();
  refs = await caseRefs(h);
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;
let serial = 0;

interface Answer {
  data?: Record<string, { record: { id: string; updatedAt: string }; syncStatus: string }>;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

function update(c: ConflictCase, id: string, input: Record<string, unknown>, force?: boolean) {
  return h.graphql(
    `mutation ($id: ID!, $input: ${c.inputType}!, $force: Boolean) {
      ${c.mutation}(id: $id, input: $input, force: $force) { record { id updatedAt } syncStatus } }`,
    { id, input, ...(force === undefined ? {} : { force }) },
  ) as Promise<Answer>;
}

async function xeroIdOf(c: ConflictCase, id: string): Promise<string> {
  const [row] = await db().query(c.xeroIdSql, [id]);
  return row.xero_id;
}

/** The cache row as the check leaves it, with the events and outbound ops of the record. */
async function cacheState(c: ConflictCase, id: string) {
  const [row] = await db().query(
    `SELECT ${c.column} AS value, updated_at, content_hash, sync_status FROM ${c.table} WHERE id = $1`,
    [id],
  );
  return {
    row,
    events: await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [id]),
    ops: await h.count('SELECT count(*) n FROM outbound_ops WHERE connec_id = $1', [id]),
  };
}

async function cachedValue(c: ConflictCase, id: string): Promise<string | null> {
  return (await cacheState(c, id)).row.value;
}

const cases = conflictCases(() => refs).map((c) => [c.mutation, c] as const);
/** 'an item', 'a person'. */
const a = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

describe.each(cases)('%s', (_mutation, c) => {
  it(`refuses an update of ${a(c.entity)} changed in the gateway since expectedUpdatedAt with CONFLICT; neither the cache nor Xero changes`, async () => {
    const n = ++serial;
    const created = await c.create(h, n);
    const first = await update(c, created.id, c.change(`gw-${n}`));
    expect(first.errors).toBeUndefined();
    const current = first.data![c.mutation].record.updatedAt;
    const xeroId = await xeroIdOf(c, created.id);
    const [cacheBefore, xeroBefore] = [await cacheState(c, created.id), await c.readXero(h, xeroId)];
    const refused = await update(c, created.id, {
      ...c.change(`stale-${n}`),
      expectedUpdatedAt: created.updatedAt,
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedUpdatedAt: created.updatedAt,
      currentUpdatedAt: current,
    });
    expect(refused.errors?.[0].message).toMatch(/in the gateway/);
    expect(await cacheState(c, created.id)).toEqual(cacheBefore);
    expect(await c.readXero(h, xeroId)).toEqual(xeroBefore);
    expect(xeroBefore.value).toBe(`gw-${n}`);
  });

  it(`refuses an update of ${a(c.entity)} changed in Xero and not synced yet with CONFLICT naming Xero; force: true overwrites it`, async () => {
    const n = ++serial;
    const created = await c.create(h, n);
    const xeroId = await xeroIdOf(c, created.id);
    await c.editInXero(h, xeroId, `xero-${n}`);
    const editedInXero: InXero = await c.readXero(h, xeroId);
    const cacheBefore = await cacheState(c, created.id);
    const input = { ...c.change(`mine-${n}`), expectedUpdatedAt: created.updatedAt };
    const refused = await update(c, created.id, input);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedUpdatedAt: created.updatedAt,
      currentUpdatedAt: editedInXero.updatedAt,
    });
    expect(refused.errors?.[0].message).toMatch(/in Xero/);
    expect(await cacheState(c, created.id)).toEqual(cacheBefore);
    expect(await c.readXero(h, xeroId)).toEqual(editedInXero);

    const forced = await update(c, created.id, input, true);
    expect(forced.errors).toBeUndefined();
    expect(forced.data![c.mutation].syncStatus).toBe('SYNCED');
    expect((await c.readXero(h, xeroId)).value).toBe(`mine-${n}`);
    expect(await cachedValue(c, created.id)).toBe(`mine-${n}`);
  });

  it(`applies an update of ${a(c.entity)} whose expectedUpdatedAt is the current version, and the next one based on its answer`, async () => {
    const n = ++serial;
    const created = await c.create(h, n);
    const xeroId = await xeroIdOf(c, created.id);
    const first = await update(c, created.id, {
      ...c.change(`v1-${n}`),
      expectedUpdatedAt: created.updatedAt,
    });
    expect(first.errors).toBeUndefined();
    const second = await update(c, created.id, {
      ...c.change(`v2-${n}`),
      expectedUpdatedAt: first.data![c.mutation].record.updatedAt,
    });
    expect(second.errors).toBeUndefined();
    expect(second.data![c.mutation].syncStatus).toBe('SYNCED');
    expect((await c.readXero(h, xeroId)).value).toBe(`v2-${n}`);
    expect(await cachedValue(c, created.id)).toBe(`v2-${n}`);
  });

  it(`lets one of two concurrent updates of ${a(c.entity)} based on the same version through, and refuses the other with CONFLICT`, async () => {
    const n = ++serial;
    const created = await c.create(h, n);
    const xeroId = await xeroIdOf(c, created.id);
    // Xero holds the first push for a while: the second update's checks run while it is on its way.
    await h.fault({ kind: 'latency', latencyMs: 1500, count: 1, method: 'POST' });
    const values = [`left-${n}`, `right-${n}`];
    const answers = await Promise.all(
      values.map((value) =>
        update(c, created.id, { ...c.change(value), expectedUpdatedAt: created.updatedAt }),
      ),
    );
    await h.clearFaults();
    const refused = answers.filter((answer) => answer.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedUpdatedAt: created.updatedAt,
    });
    const won = answers.findIndex((answer) => !answer.errors);
    const winner = values[won];
    expect(answers[won].data?.[c.mutation].syncStatus).toBe('SYNCED');
    expect((await c.readXero(h, xeroId)).value).toBe(winner);
    expect(await cachedValue(c, created.id)).toBe(winner);
  });

  it(`takes Xero's new version of ${a(c.entity)} from an update that changes nothing in the cache`, async () => {
    const n = ++serial;
    const created = await c.create(h, n);
    const same = await update(c, created.id, {
      ...c.change(`same-${n}`),
      expectedUpdatedAt: created.updatedAt,
    });
    expect(same.errors).toBeUndefined();
    // Xero stamps a new UpdatedDateUTC on every write, even one that sends what it already holds.
    const again = await update(c, created.id, c.change(`same-${n}`));
    expect(again.errors).toBeUndefined();
    const next = await update(c, created.id, {
      ...c.change(`after-${n}`),
      expectedUpdatedAt: again.data![c.mutation].record.updatedAt,
    });
    expect(next.errors).toBeUndefined();
    expect((await c.readXero(h, await xeroIdOf(c, created.id))).value).toBe(`after-${n}`);
  });
});

describe('what the check leaves alone', () => {
  it('applies an upsert that resolves to an update without a check, even when Xero changed since', async () => {
    const item = conflictCases(() => refs).find((c) => c.entity === 'item')!;
    const upsert = (description: string) =>
      h.graphql<{ upsertItem: { record: { id: string; updatedAt: string } } }>(
        `mutation ($externalId: ExternalIdInput!, $input: ItemInput!) {
          upsertItem(externalId: $externalId, input: $input) { record { id updatedAt } } }`,
        {
          externalId: { provider: 'crm', id: 'CF-UPSERT' },
          input: { code: 'CF-UPSERT', description, expectedUpdatedAt: '2000-01-01T00:00:00.000Z' },
        },
      );
    const first = await upsert('first');
    const id = first.data!.upsertItem.record.id;
    const xeroId = await xeroIdOf(item, id);
    await item.editInXero(h, xeroId, 'edited in Xero');
    const second = await upsert('second');
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertItem.record.id).toBe(id);
    expect((await item.readXero(h, xeroId)).value).toBe('second');
  });

  it('refuses expectedUpdatedAt on a person inside OrganizationInput.people: the organization’s covers them', async () => {
    const response = await h.graphql(
      `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { syncStatus } }`,
      {
        input: {
          name: 'Nested Version Pty',
          people: [{ firstName: 'Nia', expectedUpdatedAt: '2025-01-01T00:00:00.000Z' }],
        },
      },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'people.0.expectedUpdatedAt', message: expect.stringMatching(/covers/) }],
    });
  });
});

describe('the webhook echo of a pushed organization update', () => {
  const calls = async () =>
    ((await (await fetch(`${h.emulator.url}/__emulator/calls`)).json()) as Record<string, number>)[
      'GET /api.xro/2.0/Contacts/{id}'
    ] ?? 0;
  const setWebhook = (url: string) =>
    fetch(`${h.emulator.url}/__emulator/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
  const actions = async (id: string) =>
    db().query('SELECT action, origin FROM sync_events WHERE entity_id = $1 ORDER BY seq', [id]);

  it('appends no second event for the organization or its person', async () => {
    const person = { firstName: 'Echo', lastName: 'Before', email: 'echo@conflict.test' };
    const created = await h.graphql<{ createOrganization: { record: { id: string } } }>(
      `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { record { id } } }`,
      { input: { name: 'Echo Pty', people: [person] } },
    );
    const id = created.data!.createOrganization.record.id;
    const personId = await h.idOf('people', 'organization_id = $2', [id]);
    await setWebhook(`${h.gateway.url}/webhooks/xero`);
    try {
      const fetchesBefore = await calls();
      const updated = await h.graphql(
        `mutation ($id: ID!, $input: OrganizationInput!) { updateOrganization(id: $id, input: $input) { syncStatus } }`,
        { id, input: { code: 'echo-1', people: [{ ...person, lastName: 'After' }] } },
      );
      expect(updated.errors).toBeUndefined();
      await fetch(`${h.emulator.url}/__emulator/webhook/flush`, { method: 'POST' });
      // The gateway reads the Contact back after the webhook: that is the echo.
      await waitFor(
        async () => ((await calls()) > fetchesBefore ? true : undefined),
        10_000,
        () => 'no webhook fetch',
      );
      const webhooks = h.gateway.gateway.services.sync!.webhooks;
      await webhooks.drain();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await webhooks.drain();
      const pushed = [
        { action: 'CREATED', origin: 'crm' },
        { action: 'UPDATED', origin: 'crm' },
      ];
      expect(await actions(id)).toEqual(pushed);
      expect(await actions(personId)).toEqual(pushed);
    } finally {
      await setWebhook('');
    }
  });
});
