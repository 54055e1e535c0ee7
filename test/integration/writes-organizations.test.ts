import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

const ORG_FIELDS = `record { id name status syncStatus email { address } } syncStatus warnings operationId`;
const CREATE = `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { ${ORG_FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: OrganizationInput!) {
  upsertOrganization(externalId: $externalId, input: $input) { ${ORG_FIELDS} } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveOrganization(id: $id) { ${ORG_FIELDS} } }`;
const CREATE_PERSON = `mutation ($input: PersonInput!) { createPerson(input: $input) {
  record { id firstName organizationId syncStatus isPrimary } syncStatus warnings operationId } }`;

interface OrgPayload {
  record: { id: string; name: string; status: string; syncStatus: string; email: { address: string } | null };
  syncStatus: string;
  warnings: string[];
  operationId: string | null;
}

let h: WriteHarness;
beforeAll(async () => {
  h = await startWriteHarness();
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;
const person = (n: number) => ({ firstName: `P${n}`, lastName: 'Smith', email: `p${n}@acme.test` });

async function xeroContact(name: string) {
  const { body } = await h.xero.accountingApi.getContacts(
    h.xeroTenantId,
    undefined,
    `Name=="${name}"`,
    undefined,
    undefined,
    undefined,
    true,
  );
  return body.contacts ?? [];
}

async function snapshot() {
  return {
    organizations: await h.count('SELECT count(*) n FROM organizations'),
    people: await h.count('SELECT count(*) n FROM people'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    contacts: (await h.xero.accountingApi.getContacts(h.xeroTenantId)).body.contacts?.length,
  };
}

describe('organization writes', () => {
  it('makes one Xero Contact of an organization and its people: a primary person and ContactPersons (rule 1)', async () => {
    const response = await h.graphql<{ createOrganization: OrgPayload }>(CREATE, {
      input: {
        name: 'Rule One Pty',
        address: { billing: { line1: '1 Main St', city: 'Sydney' } },
        people: [person(1), { ...person(2), isPrimary: true }, person(3)],
      },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createOrganization;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.warnings).toEqual([]);
    const [contact] = await xeroContact('Rule One Pty');
    expect([contact.firstName, contact.emailAddress]).toEqual(['P2', 'p2@acme.test']);
    expect(contact.contactPersons?.map((p) => p.emailAddress)).toEqual(['p1@acme.test', 'p3@acme.test']);
    expect(contact.addresses?.find((a) => String(a.addressType) === 'POBOX')?.city).toBe('Sydney');
    const people = await db().query(
      'SELECT first_name, is_primary, sync_status, xero_id FROM people WHERE organization_id = $1 ORDER BY first_name',
      [payload.record.id],
    );
    expect(
      people.map((p: { first_name: string; is_primary: boolean }) => [p.first_name, p.is_primary]),
    ).toEqual([
      ['P1', false],
      ['P2', true],
      ['P3', false],
    ]);
    expect(
      people.every((p: { sync_status: string; xero_id: string }) => p.sync_status === 'SYNCED' && p.xero_id),
    ).toBe(true);
    const [org] = await db().query('SELECT xero_id, sync_status FROM organizations WHERE id = $1', [
      payload.record.id,
    ]);
    expect(org).toEqual({ xero_id: contact.contactID, sync_status: 'SYNCED' });
    const events = await db().query(
      'SELECT action, origin, entity_type FROM sync_events WHERE entity_id = $1',
      [payload.record.id],
    );
    expect(events).toEqual([{ action: 'CREATED', origin: 'crm', entity_type: 'Organization' }]);
    // Xero's echo of the push (the next sync reads the contact back) appends nothing.
    const eventsBefore = await h.count('SELECT count(*) n FROM sync_events');
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await h.count('SELECT count(*) n FROM sync_events')).toBe(eventsBefore);
  });

  it('sends the first 5 people of 7 and names the 2 others in a warning; they stay in the cache (rule 2)', async () => {
    const people = Array.from({ length: 7 }, (_, i) => person(10 + i));
    const response = await h.graphql<{ createOrganization: OrgPayload }>(CREATE, {
      input: { name: 'Seven People Ltd', people },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createOrganization;
    expect(payload.warnings).toHaveLength(1);
    expect(payload.warnings[0]).toContain('P15 Smith <p15@acme.test>');
    expect(payload.warnings[0]).toContain('P16 Smith <p16@acme.test>');
    expect(payload.warnings[0]).not.toContain('p14@');
    const [contact] = await xeroContact('Seven People Ltd');
    const inXero = [contact.emailAddress, ...(contact.contactPersons ?? []).map((p) => p.emailAddress)];
    expect(inXero).toEqual(people.slice(0, 5).map((p) => p.email));
    const cached = await db().query(
      'SELECT email->>$2 AS email, xero_id FROM people WHERE organization_id = $1 ORDER BY first_name',
      [payload.record.id, 'address'],
    );
    expect(cached).toHaveLength(7);
    expect(
      cached
        .filter((p: { xero_id: string | null }) => p.xero_id === null)
        .map((p: { email: string }) => p.email),
    ).toEqual(['p15@acme.test', 'p16@acme.test']);
  });

  it('never pushes a person without an organization, and says so (rule 4)', async () => {
    const calls = async () =>
      Object.entries(
        (await (await fetch(`${h.emulator.url}/__emulator/calls`)).json()) as Record<string, number>,
      )
        .filter(([endpoint]) => /^(PUT|POST) \/api/.test(endpoint))
        .reduce((sum, [, n]) => sum + n, 0);
    const before = await calls();
    const response = await h.graphql<{
      createPerson: {
        record: { id: string; organizationId: string | null };
        warnings: string[];
        operationId: string | null;
      };
    }>(CREATE_PERSON, { input: { firstName: 'Loner', email: 'loner@acme.test' } });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createPerson;
    expect(payload.record.organizationId).toBeNull();
    expect(payload.operationId).toBeNull();
    expect(payload.warnings[0]).toContain('no organization');
    expect(await calls()).toBe(before);
    expect(
      await h.count('SELECT count(*) n FROM outbound_ops WHERE connec_id = $1', [payload.record.id]),
    ).toBe(0);
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [payload.record.id]),
    ).toBe(1);
  });

  it('adds a person to an organization: the Contact gets a ContactPerson', async () => {
    const created = await h.graphql<{ createOrganization: OrgPayload }>(CREATE, {
      input: { name: 'Grow Co', people: [person(30)] },
    });
    const orgId = created.data!.createOrganization.record.id;
    const response = await h.graphql<{
      createPerson: {
        record: { id: string; organizationId: string; syncStatus: string; isPrimary: boolean };
      };
    }>(CREATE_PERSON, { input: { ...person(31), organizationId: orgId } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createPerson.record).toMatchObject({
      organizationId: orgId,
      syncStatus: 'SYNCED',
      isPrimary: false,
    });
    const [contact] = await xeroContact('Grow Co');
    expect(contact.contactPersons?.map((p) => p.emailAddress)).toEqual(['p31@acme.test']);
    expect(contact.emailAddress).toBe('p30@acme.test');
  });

  it('archives an organization in Xero and keeps it as ARCHIVED', async () => {
    const created = await h.graphql<{ createOrganization: OrgPayload }>(CREATE, {
      input: { name: 'Old Co' },
    });
    const id = created.data!.createOrganization.record.id;
    const response = await h.graphql<{ archiveOrganization: OrgPayload }>(ARCHIVE, { id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.archiveOrganization.record.status).toBe('ARCHIVED');
    const [contact] = await xeroContact('Old Co');
    expect(String(contact.contactStatus)).toBe('ARCHIVED');
    const actions = await db().query('SELECT action FROM sync_events WHERE entity_id = $1 ORDER BY seq', [
      id,
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATED', 'ARCHIVED']);
  });

  it('upserts by the app’s own id: the same call twice makes one organization in the cache and in Xero', async () => {
    const variables = {
      externalId: { provider: 'crm', id: 'ACC-9' },
      input: { name: 'Upsert Org', people: [person(40)] },
    };
    const first = await h.graphql<{ upsertOrganization: OrgPayload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertOrganization: OrgPayload }>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertOrganization.record.id).toBe(first.data!.upsertOrganization.record.id);
    expect(await xeroContact('Upsert Org')).toHaveLength(1);
    expect(await h.count("SELECT count(*) n FROM organizations WHERE name = 'Upsert Org'")).toBe(1);
    expect(await h.count("SELECT count(*) n FROM people WHERE email->>'address' = 'p40@acme.test'")).toBe(1);
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [
        first.data!.upsertOrganization.record.id,
      ]),
    ).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing name', { people: [person(50)] }, 'name', /needs a name/],
    ['an overlong name', { name: 'x'.repeat(256) }, 'name', /255/],
    ['a bad email', { name: 'Bad Mail', email: 'nope' }, 'email', /email/],
    [
      'a person with nothing',
      { name: 'Empty Person', people: [{}] },
      'people.0.firstName',
      /name or an email/,
    ],
    [
      'two primary people',
      {
        name: 'Two Primaries',
        people: [
          { ...person(51), isPrimary: true },
          { ...person(52), isPrimary: true },
        ],
      },
      'people',
      /primary/,
    ],
    ['a name already taken', { name: 'Rule One Pty' }, 'name', /already named/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, path, message) => {
    const before = await snapshot();
    const response = await h.graphql(CREATE, { input });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fieldErrors = response.errors?.[0].extensions?.fieldErrors as Array<{
      path: string;
      message: string;
    }>;
    expect(fieldErrors.find((e) => e.path === path)?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});
