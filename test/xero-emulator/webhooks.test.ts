import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  intentToReceive,
  type RunningXeroEmulator,
  startXeroEmulator,
  verifyWebhook,
} from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { mintTokens, rawApi } from './support/emulator-client.js';

interface Received {
  body: Buffer;
  signature: string | undefined;
}

/** A webhook receiver: `strict` checks signatures like a correct endpoint, otherwise it accepts anything. */
async function receiver(
  key: string,
  strict: boolean,
  failFirst = 0,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let failures = failFirst;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const signature = req.headers['x-xero-signature'] as string | undefined;
      received.push({ body, signature });
      if (failures > 0) {
        failures--;
        res.writeHead(500).end();
        return;
      }
      res.writeHead(!strict || verifyWebhook(body, signature, key) ? 200 : 401).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, received, server };
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

let emu: RunningXeroEmulator;
const KEY = 'test-webhook-key';
const servers: Server[] = [];

beforeAll(async () => {
  emu = await startXeroEmulator({
    today: REFERENCE_TODAY,
    webhookKey: KEY,
    webhookBatchDelayMs: 50,
    webhookRetryBaseMs: 50,
  });
});
afterAll(async () => {
  await emu.stop();
  for (const s of servers) s.close();
});

describe('Webhooks', () => {
  it('delivers batched, signed events for contact, invoice and credit note changes', async () => {
    const r = await receiver(KEY, true);
    servers.push(r.server);
    await fetch(`${emu.url}/__emulator/webhook`, { method: 'PUT', body: JSON.stringify({ url: r.url }) });
    const tenant = emu.organisations[0].tenantId;
    const api = rawApi(emu, (await mintTokens(emu)).access_token, tenant);
    const contact = (await api.send('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Webhook Co' }] }))
      .body.Contacts[0];
    await api.send('PUT', '/api.xro/2.0/Invoices', {
      Invoices: [
        {
          Type: 'ACCREC',
          Contact: { ContactID: contact.ContactID },
          LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 5, AccountCode: '200' }],
        },
      ],
    });
    await waitFor(() => r.received.length > 0);
    const { body, signature } = r.received[0];
    expect(verifyWebhook(body, signature, KEY)).toBe(true);
    expect(verifyWebhook(body, signature, 'another-key')).toBe(false);
    const payload = JSON.parse(body.toString('utf8'));
    expect(payload.events.map((e: { eventCategory: string }) => e.eventCategory)).toEqual([
      'CONTACT',
      'INVOICE',
    ]);
    expect(payload.events[0]).toMatchObject({
      resourceId: contact.ContactID,
      eventType: 'CREATE',
      tenantId: tenant,
      tenantType: 'ORGANISATION',
    });
    expect(payload.events[0].resourceUrl).toBe(`${emu.url}/api.xro/2.0/Contacts/${contact.ContactID}`);
    expect(payload.lastEventSequence - payload.firstEventSequence).toBe(1);
    expect(typeof payload.entropy).toBe('string');
  });

  it('fires an UPDATE when a record changes as a Xero user would (control API)', async () => {
    const r = await receiver(KEY, true);
    servers.push(r.server);
    await fetch(`${emu.url}/__emulator/webhook`, { method: 'PUT', body: JSON.stringify({ url: r.url }) });
    const tenant = emu.organisations[0].tenantId;
    const api = rawApi(emu, (await mintTokens(emu)).access_token, tenant);
    const contact = (await api.get('/api.xro/2.0/Contacts?where=Name=="PowerDirect"')).body.Contacts[0];
    const res = await fetch(`${emu.url}/__emulator/orgs/${tenant}/contacts/${contact.ContactID}`, {
      method: 'POST',
      body: JSON.stringify({ EmailAddress: 'changed@power.example.com' }),
    });
    const patched = await res.json();
    expect(patched.EmailAddress).toBe('changed@power.example.com');
    expect(patched.UpdatedDateUTC).not.toBe(contact.UpdatedDateUTC);
    await waitFor(() => r.received.length > 0);
    expect(JSON.parse(r.received[0].body.toString()).events[0]).toMatchObject({
      resourceId: contact.ContactID,
      eventType: 'UPDATE',
    });
  });

  it('retries a failed delivery with backoff', async () => {
    const r = await receiver(KEY, true, 2);
    servers.push(r.server);
    await fetch(`${emu.url}/__emulator/webhook`, { method: 'PUT', body: JSON.stringify({ url: r.url }) });
    await fetch(`${emu.url}/__emulator/orgs/${emu.organisations[0].tenantId}/contacts`, {
      method: 'POST',
      body: JSON.stringify({ Name: 'Retry Ltd' }),
    });
    await waitFor(() => r.received.length >= 3);
    expect(r.received[2].body.equals(r.received[0].body)).toBe(true);
    const state = await (await fetch(`${emu.url}/__emulator/webhook`)).json();
    expect(state.deliveries.at(-1)).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('passes intent-to-receive against a correct endpoint and fails one that accepts bad signatures', async () => {
    const good = await receiver(KEY, true);
    const lax = await receiver(KEY, false);
    servers.push(good.server, lax.server);
    expect((await intentToReceive(good.url, KEY)).passed).toBe(true);
    const failed = await intentToReceive(lax.url, KEY);
    expect(failed.passed).toBe(false);
    expect(failed.checks.filter((c) => !c.passed).map((c) => c.expectedStatus)).toEqual([401, 401]);
    const viaControl = await (
      await fetch(`${emu.url}/__emulator/intent-to-receive`, {
        method: 'POST',
        body: JSON.stringify({ url: good.url, key: KEY }),
      })
    ).json();
    expect(viaControl.passed).toBe(true);
  });
});
