import { createHmac, generateKeyPairSync, type KeyObject, sign as rsaSign } from 'node:crypto';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Access tokens are JWT-shaped like Xero's, HMAC-signed: only the emulator ever verifies them. */
export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

let rsa: { privateKey: KeyObject; jwk: Record<string, unknown> } | undefined;

/** One RSA key per process, created on first use, published at /.well-known/jwks for id_token checks. */
export function signingKey(): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  if (!rsa) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    rsa = {
      privateKey,
      jwk: { ...publicKey.export({ format: 'jwk' }), kid: 'emulator-1', use: 'sig', alg: 'RS256' },
    };
  }
  return rsa;
}

export function signRs256(payload: Record<string, unknown>): string {
  const key = signingKey();
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.jwk.kid })}.${b64(payload)}`;
  return `${head}.${rsaSign('RSA-SHA256', Buffer.from(head), key.privateKey).toString('base64url')}`;
}
