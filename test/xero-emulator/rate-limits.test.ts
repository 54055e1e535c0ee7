import { afterEach, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { mintTokens, rawApi } from './support/emulator-client.js';

let emu: RunningXeroEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** Waits until the start of a fresh fixed window so a burst is not split across two windows. */
async function alignToWindow(windowMs: number): Promise<void> {
  const wait = windowMs - (Date.now() % windowMs);
  if (wait < windowMs * 0.8) await new Promise((r) => setTimeout(r, wait + 5));
}

describe('Rate limits per organisation and app', () => {
  it('answers the 61st call in a minute window with 429, X-Rate-Limit-Problem: minute and Retry-After', async () => {
    const windowMs = 2500;
    emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { windowMs } });
    const api = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[0].tenantId);
    await alignToWindow(windowMs);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof api.get>> | undefined;
    for (let i = 0; i < 61; i++) {
      last = await api.get('/api.xro/2.0/Organisation');
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('x-minlimit-remaining')).toBe('59');
        expect(last.headers.get('x-daylimit-remaining')).toBe('4999');
        expect(last.headers.get('x-appminlimit-remaining')).toBe('9999');
      }
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(last!.headers.get('x-rate-limit-problem')).toBe('minute');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.headers.get('x-minlimit-remaining')).toBe('0');
    // Another organisation has its own budget.
    const other = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[1].tenantId);
    expect((await other.get('/api.xro/2.0/Organisation')).status).toBe(200);
    // The next fixed window starts afresh.
    await new Promise((r) => setTimeout(r, Number(last!.headers.get('retry-after')) * 1000));
    expect((await api.get('/api.xro/2.0/Organisation')).status).toBe(200);
  });

  it('answers the 6th concurrent call with 429 and X-Rate-Limit-Problem: concurrent', async () => {
    emu = await startXeroEmulator({ today: REFERENCE_TODAY });
    const api = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[0].tenantId);
    await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'latency', latencyMs: 400, count: 5 }),
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        new Promise((r) => setTimeout(r, i * 20)).then(() => api.get('/api.xro/2.0/Organisation')),
      ),
    );
    const rejected = results.filter((r) => r.status === 429);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].headers.get('x-rate-limit-problem')).toBe('concurrent');
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
  });

  it('enforces the daily and the per-app limits with their own problem names', async () => {
    emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perDay: 3, windowMs: 60_000 } });
    const api = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[0].tenantId);
    for (let i = 0; i < 3; i++) expect((await api.get('/api.xro/2.0/Organisation')).status).toBe(200);
    const day = await api.get('/api.xro/2.0/Organisation');
    expect(day.status).toBe(429);
    expect(day.headers.get('x-rate-limit-problem')).toBe('day');
    expect(day.headers.get('x-daylimit-remaining')).toBe('0');
    await emu.stop();
    emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { appPerMinute: 2, windowMs: 60_000 } });
    const tokens = await mintTokens(emu);
    await rawApi(emu, tokens.access_token, emu.organisations[0].tenantId).get('/api.xro/2.0/Organisation');
    await rawApi(emu, tokens.access_token, emu.organisations[1].tenantId).get('/api.xro/2.0/Organisation');
    const app = await rawApi(emu, tokens.access_token, emu.organisations[2].tenantId).get(
      '/api.xro/2.0/Organisation',
    );
    expect(app.status).toBe(429);
    expect(app.headers.get('x-rate-limit-problem')).toBe('appminute');
  });
});
