import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type Api, mintTokens, rawApi } from './support/emulator-client.js';

let emu: RunningXeroEmulator;
let api: Api;
const post = (path: string, body: unknown) =>
  fetch(`${emu.url}${path}`, { method: 'POST', body: JSON.stringify(body) });

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
  api = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[0].tenantId);
});
afterAll(() => emu.stop());

describe('Control API', () => {
  it('injects 5xx errors and 429s for the next N calls on a path pattern', async () => {
    await post('/__emulator/faults', { kind: 'error', status: 503, count: 1, pathPattern: '/Invoices' });
    expect((await api.get('/api.xro/2.0/Contacts')).status).toBe(200);
    expect((await api.get('/api.xro/2.0/Invoices')).status).toBe(503);
    expect((await api.get('/api.xro/2.0/Invoices')).status).toBe(200);
    await post('/__emulator/faults', {
      kind: 'rate-limit',
      problem: 'minute',
      retryAfterSeconds: 7,
      count: 1,
    });
    const limited = await api.get('/api.xro/2.0/Invoices');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-rate-limit-problem')).toBe('minute');
  });

  it('drops connections and adds latency', async () => {
    await post('/__emulator/faults', { kind: 'drop', count: 1 });
    await expect(api.get('/api.xro/2.0/Organisation')).rejects.toThrow();
    await post('/__emulator/faults', { kind: 'latency', latencyMs: 150, count: 1 });
    const t0 = Date.now();
    expect((await api.get('/api.xro/2.0/Organisation')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('counts calls per endpoint and resets the counts', async () => {
    await fetch(`${emu.url}/__emulator/calls`, { method: 'DELETE' });
    const inv = (await api.get('/api.xro/2.0/Invoices')).body.Invoices[0];
    await api.get(`/api.xro/2.0/Invoices/${inv.InvoiceID}`);
    await api.get('/api.xro/2.0/Invoices');
    const calls = await (await fetch(`${emu.url}/__emulator/calls`)).json();
    expect(calls).toEqual({ 'GET /api.xro/2.0/Invoices': 2, 'GET /api.xro/2.0/Invoices/{id}': 1 });
  });

  it('changes records as a Xero user would and resets to the deterministic seed', async () => {
    const tenant = emu.organisations[0].tenantId;
    const before = (await api.get('/api.xro/2.0/Contacts?where=Name=="Marine Systems"')).body.Contacts[0];
    const patched = await (
      await post(`/__emulator/orgs/${tenant}/contacts/${before.ContactID}`, {
        Name: 'Marine Systems Renamed',
      })
    ).json();
    expect(patched.Name).toBe('Marine Systems Renamed');
    const changed = await api.get('/api.xro/2.0/Contacts', {
      'If-Modified-Since': new Date(Date.now() - 5000).toISOString(),
    });
    expect(changed.body.Contacts.map((c: { ContactID: string }) => c.ContactID)).toContain(before.ContactID);
    const bad = await post(`/__emulator/orgs/${tenant}/contacts/${before.ContactID}`, {
      ContactPersons: Array.from({ length: 6 }, () => ({ FirstName: 'x' })),
    });
    expect(bad.status).toBe(400);
    await post('/__emulator/reset', {});
    const after = (await api.get(`/api.xro/2.0/Contacts/${before.ContactID}`)).body.Contacts[0];
    expect(after.Name).toBe('Marine Systems');
  });

  it('reset places the demo seed for the `today` it is given, the started one by default', async () => {
    const submitted = async () =>
      (await api.get('/api.xro/2.0/Invoices?Statuses=SUBMITTED')).body.Invoices.map(
        (i: { DateString: string }) => i.DateString.slice(0, 10),
      );
    expect(await submitted()).toEqual([REFERENCE_TODAY]);
    expect((await post('/__emulator/reset', { today: '2027-12-03' })).status).toBe(200);
    // 94 whole weeks on: the Thursday 2026-02-12 becomes the Thursday before 2027-12-03 (a Friday).
    expect(await submitted()).toEqual(['2027-12-02']);
    expect((await post('/__emulator/reset', { today: '2027-02-29' })).status).toBe(400);
    expect((await post('/__emulator/reset', {})).status).toBe(200);
    expect(await submitted()).toEqual([REFERENCE_TODAY]);
  });

  it('seeds the same tenant and record ids on every start', async () => {
    const other = await startXeroEmulator({ today: REFERENCE_TODAY });
    try {
      expect(other.organisations).toEqual(emu.organisations);
      const a = rawApi(other, (await mintTokens(other)).access_token, other.organisations[1].tenantId);
      const b = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[1].tenantId);
      const ids = async (x: Api) =>
        (await x.get('/api.xro/2.0/Invoices?pageSize=1000')).body.Invoices.map(
          (i: { InvoiceID: string }) => i.InvoiceID,
        );
      expect(await ids(a)).toEqual(await ids(b));
      const employees = async (x: Api) =>
        (await x.get('/payroll.xro/1.0/Employees')).body.Employees.map(
          (e: { EmployeeID: string }) => e.EmployeeID,
        );
      expect(await employees(a)).toEqual(await employees(b));
    } finally {
      await other.stop();
    }
  });

  it('keeps state and tokens in a data file across restarts', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'xero-emu-')), 'state.json');
    const first = await startXeroEmulator({ today: REFERENCE_TODAY, dataFile });
    const tokens = await mintTokens(first);
    const a = rawApi(first, tokens.access_token, first.organisations[0].tenantId);
    await a.send('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Persisted Pty Ltd' }] });
    await first.stop();
    expect(existsSync(dataFile)).toBe(true);
    const second = await startXeroEmulator({ today: REFERENCE_TODAY, dataFile });
    try {
      const b = rawApi(second, tokens.access_token, second.organisations[0].tenantId);
      expect(
        (await b.get('/api.xro/2.0/Contacts?where=Name=="Persisted Pty Ltd"')).body.Contacts,
      ).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('runs as a CLI that writes a ready file and stops on SIGTERM', async () => {
    const ready = join(mkdtempSync(join(tmpdir(), 'xero-emu-')), 'ready.json');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/xero-emulator/main.ts',
        '--port',
        '0',
        '--ready-file',
        ready,
        '--today',
        '2027-12-03',
      ],
      { stdio: 'pipe' },
    );
    try {
      const end = Date.now() + 20_000;
      while (!existsSync(ready) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      const info = JSON.parse(readFileSync(ready, 'utf8'));
      expect(info).toMatchObject({ clientId: emu.clientId, organisations: emu.organisations });
      expect((await fetch(`${info.url}/__emulator/state`)).status).toBe(200);
      const cli = { ...emu, url: info.url as string };
      const x = rawApi(cli, (await mintTokens(cli)).access_token, info.organisations[0].tenantId);
      const dates = (await x.get('/api.xro/2.0/Invoices?Statuses=SUBMITTED')).body.Invoices.map(
        (i: { DateString: string }) => i.DateString.slice(0, 10),
      );
      expect(dates).toEqual(['2027-12-02']);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
