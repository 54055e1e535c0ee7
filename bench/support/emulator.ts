import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACCOUNTING_SCOPES } from '../../src/sync/xero/xero-scopes.js';
import type { XeroSettings } from '../../src/sync/xero/xero-settings.js';
import type { OAuthTokenResponse } from '../../src/sync/xero/xero-tokens.js';
import { sleep } from './stats.js';

export interface EmulatorInfo {
  url: string;
  clientId: string;
  clientSecret: string;
  webhookKey: string;
  organisations: Array<{ tenantId: string; name: string }>;
}

export interface EmulatorProcess {
  info: EmulatorInfo;
  settings: XeroSettings;
  pid: number;
  tokens(xeroTenantIds: string[]): Promise<OAuthTokenResponse>;
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
  stop(): Promise<void>;
}

/** The Xero emulator as its own process (as Xero would be), `scale` extra invoices per organisation. */
export async function spawnEmulator(scale: number): Promise<EmulatorProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-emulator-'));
  await chmod(dir, 0o755);
  const readyFile = path.join(dir, 'emulator.json');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/xero-emulator/main.ts',
      '--port',
      '0',
      '--scale',
      String(scale),
      '--ready-file',
      readyFile,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill); // an interrupted run must not leave the emulator behind
  let info: EmulatorInfo | undefined;
  // Seeding 100k invoices per organisation takes a while; bounded at ten minutes.
  for (let waited = 0; !info && waited < 600_000; waited += 200) {
    if (child.exitCode !== null) throw new Error(`emulator exited with ${child.exitCode}`);
    await sleep(200);
    info = await readFile(readyFile, 'utf8').then(JSON.parse, () => undefined);
  }
  if (!info) throw new Error('emulator did not start');
  const url = info.url;
  // Xero's real limit (60 a minute) would make the figures measure the limit, not the gateway.
  await fetch(`${url}/__emulator/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      limits: { perMinute: 10_000_000, appPerMinute: 10_000_000, perDay: 100_000_000, concurrent: 100 },
    }),
  });
  return {
    info,
    pid: child.pid!,
    settings: {
      clientId: info.clientId,
      clientSecret: info.clientSecret,
      apiUrl: url,
      identityUrl: url,
      loginUrl: url,
      webhookKey: info.webhookKey,
    },
    async tokens(tenantIds) {
      const response = await fetch(`${url}/__emulator/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantIds, scopes: ACCOUNTING_SCOPES }),
      });
      return (await response.json()) as OAuthTokenResponse;
    },
    async calls() {
      return (await (await fetch(`${url}/__emulator/calls`)).json()) as Record<string, number>;
    },
    async resetCalls() {
      await fetch(`${url}/__emulator/calls`, { method: 'DELETE' });
    },
    async stop() {
      process.off('exit', kill);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
