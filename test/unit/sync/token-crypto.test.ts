import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '../../../src/sync/xero/token-crypto.js';

describe('token encryption at rest', () => {
  const key = randomBytes(32);
  const tokens = JSON.stringify({ accessToken: 'eyJ-access', refreshToken: 'refresh-123' });

  it('round-trips and never contains the plaintext', () => {
    const sealed = encryptSecret(tokens, key, 'row-1');
    expect(sealed).not.toContain('refresh-123');
    expect(sealed).not.toContain('eyJ');
    expect(decryptSecret(sealed, key, 'row-1')).toBe(tokens);
  });

  it('uses a fresh IV each time, so equal token sets do not look equal', () => {
    expect(encryptSecret(tokens, key, 'row-1')).not.toBe(encryptSecret(tokens, key, 'row-1'));
  });

  it('refuses a ciphertext moved to another row', () => {
    const sealed = encryptSecret(tokens, key, 'row-1');
    expect(() => decryptSecret(sealed, key, 'row-2')).toThrow();
  });

  it('refuses a tampered ciphertext or a wrong key', () => {
    const sealed = encryptSecret(tokens, key, 'row-1');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    parts[3] = flipped.toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key, 'row-1')).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32), 'row-1')).toThrow();
  });
});
