import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.js';

/** What the emulator writes to its ready file (see src/xero-emulator/README.md). */
export interface EmulatorInfo {
  url: string;
  clientId: string;
  clientSecret: string;
  webhookKey: string;
  organisations: Array<{ tenantId: string; name: string; countryCode: string; baseCurrency: string }>;
}

export interface EmulatorProcess {
  info: EmulatorInfo;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Runs the local Xero emulator as a child process for the demo. It is a separate program: the gateway
 * only talks to it over HTTP, exactly as it would to Xero. Its state is kept in `$DATA_DIR`, so the demo's
 * Xero keeps what was written to it across restarts.
 */
export async function startEmulatorProcess(dataDir: string, logger: Logger): Promise<EmulatorProcess> {
  const readyFile = path.join(dataDir, 'xero-emulator.ready.json');
  rmSync(readyFile, { force: true });
  const entry = path.resolve(import.meta.dirname, '../xero-emulator/main.ts');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      entry,
      '--port',
      '0',
      '--ready-file',
      readyFile,
      '--data-file',
      path.join(dataDir, 'xero-emulator.json'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => logger.debug({ component: 'xero-emulator' }, String(chunk).trim()));
  child.stderr?.on('data', (chunk) => logger.warn({ component: 'xero-emulator' }, String(chunk).trim()));
  const info = await waitForReadyFile(child, readyFile);
  logger.info({ url: info.url }, 'Xero emulator started');
  return {
    info,
    stop: () => stopChild(child),
  };
}

async function waitForReadyFile(child: ChildProcess, file: string): Promise<EmulatorInfo> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Xero emulator exited with code ${child.exitCode}`);
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as EmulatorInfo;
      } catch {
        // still being written
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error('The Xero emulator did not start in time');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
