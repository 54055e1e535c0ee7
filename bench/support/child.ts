import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RssSampler, sampleRss } from './rss-sampler.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface Child<Ready> {
  pid: number;
  ready: Ready;
  rss: RssSampler;
  call<T = unknown>(command: string, args?: unknown): Promise<T>;
  /** Asks the child to stop gracefully (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a TypeScript entry under bench/ as its own Node process (so its memory and event loop are its
 * own) and talks to it over IPC: the child sends `{ready}` once, then answers `{id, command, args}`.
 */
export async function spawnChild<Ready>(
  entry: string,
  env: Record<string, string> = {},
): Promise<Child<Ready>> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = await new Promise<Ready>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${entry} exited with ${code} before it was ready`));
    child.once('exit', onExit);
    child.on('message', (message: { ready?: Ready } & Partial<Reply>) => {
      if ('ready' in message) {
        child.off('exit', onExit);
        resolve(message.ready as Ready);
        return;
      }
      const waiter = pending.get(message.id ?? -1);
      if (!waiter) return;
      pending.delete(message.id!);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${entry}: ${message.error}`));
    });
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${entry} exited with ${code}`));
    pending.clear();
  });
  const rss = sampleRss(child.pid!);
  return {
    pid: child.pid!,
    ready,
    rss,
    call<T>(command: string, args?: unknown) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args });
      });
    },
    stop: (timeoutMs = 15_000) => stopChild(child, rss, timeoutMs),
  };
}

async function stopChild(child: ChildProcess, rss: RssSampler, timeoutMs: number): Promise<void> {
  rss.stop();
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ id: 0, command: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

type Handler = (args: never) => unknown;

/** The child side of `spawnChild`: announces `ready` and serves commands; `stop` runs `onStop` and exits. */
export function serveParent(
  ready: unknown,
  handlers: Record<string, Handler>,
  onStop: () => Promise<void>,
): void {
  process.on('message', (message: { id: number; command: string; args: never }) => {
    if (message.command === 'stop') {
      onStop().finally(() => process.exit(0));
      return;
    }
    const handler = handlers[message.command];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${message.command}`);
        return handler(message.args);
      })
      .then(
        (result) => process.send?.({ id: message.id, ok: true, result }),
        (error: Error) => process.send?.({ id: message.id, ok: false, error: error.stack ?? String(error) }),
      );
  });
  // The parent going away (Ctrl-C, crash) must not leave this process running.
  process.on('disconnect', () => {
    onStop().finally(() => process.exit(0));
  });
  process.send?.({ ready });
}
