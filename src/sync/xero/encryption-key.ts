import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';

const KEY_BYTES = 32;

/**
 * The key that encrypts Xero tokens at rest: ENCRYPTION_KEY (base64, 32 bytes), or in demo mode one
 * generated once into `$DATA_DIR/encryption.key` (readable by the owner only) and reused.
 */
export async function resolveEncryptionKey(config: Config): Promise<Buffer> {
  if (config.ENCRYPTION_KEY) return decodeKey(config.ENCRYPTION_KEY);
  if (!config.demoMode) {
    throw new Error(
      'ENCRYPTION_KEY is required outside demo mode: 32 random bytes, base64 (openssl rand -base64 32).',
    );
  }
  const file = path.join(config.dataDir, 'encryption.key');
  if (existsSync(file)) return decodeKey((await readFile(file, 'utf8')).trim());
  await mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    // Another process generated it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return decodeKey((await readFile(file, 'utf8')).trim());
}

function decodeKey(encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`ENCRYPTION_KEY must be ${KEY_BYTES} bytes, base64-encoded.`);
  return key;
}
