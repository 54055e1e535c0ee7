import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'cxg_';

/** A new random API key: 256 bits, so a fast hash is enough to store it (no password-style KDF needed). */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What listings show of a key: enough to tell keys apart, too little to use one. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

/** Reads the key out of an `Authorization: Bearer <key>` header value. */
export function bearerKey(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
