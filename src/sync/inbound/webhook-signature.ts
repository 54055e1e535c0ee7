import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Xero signs the raw body: base64(HMAC-SHA256(body bytes, webhook key)). The comparison is constant-time
 * and on the bytes exactly as received (re-serialised JSON would not match).
 */
export function verifyXeroSignature(
  rawBody: Buffer,
  signature: string | undefined,
  webhookKey: string,
): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', webhookKey).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signXeroPayload(rawBody: Buffer | string, webhookKey: string): string {
  return createHmac('sha256', webhookKey).update(rawBody).digest('base64');
}
