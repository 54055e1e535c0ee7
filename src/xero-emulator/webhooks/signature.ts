import { createHmac, timingSafeEqual } from 'node:crypto';

/** Xero's `x-xero-signature`: base64(HMAC-SHA256(raw body bytes, webhook key)). */
export function signWebhook(body: Buffer | string, key: string): string {
  return createHmac('sha256', key).update(body).digest('base64');
}

export function verifyWebhook(body: Buffer | string, signature: string | undefined, key: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signWebhook(body, key));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
