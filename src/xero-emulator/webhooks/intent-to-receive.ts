import { randomBytes } from 'node:crypto';
import { signWebhook } from './signature.js';

export interface IntentCheck {
  name: string;
  expectedStatus: number;
  status: number | string;
  passed: boolean;
}

export interface IntentResult {
  passed: boolean;
  checks: IntentCheck[];
}

async function post(url: string, body: string, signature: string): Promise<number | string> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
      body,
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text();
    // Xero also expects an empty body on the 200 answer.
    return res.status === 200 && text.length > 0 ? `200 with a non-empty body` : res.status;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Xero's "intent to receive": empty-event payloads, one correctly signed (expects 200 within 5 s), others
 * signed with a wrong key or not at all (each expects 401).
 */
export async function intentToReceive(url: string, key: string): Promise<IntentResult> {
  const payload = () =>
    JSON.stringify({
      events: [],
      firstEventSequence: 0,
      lastEventSequence: 0,
      entropy: randomBytes(10).toString('hex').toUpperCase(),
    });
  const good = payload();
  const badKey = payload();
  const tampered = payload();
  const checks: IntentCheck[] = [];
  const run = async (name: string, body: string, signature: string, expectedStatus: number) => {
    const status = await post(url, body, signature);
    checks.push({ name, expectedStatus, status, passed: status === expectedStatus });
  };
  await run('correctly signed payload', good, signWebhook(good, key), 200);
  await run('payload signed with another key', badKey, signWebhook(badKey, `${key}-wrong`), 401);
  await run('signature of a different payload', tampered, signWebhook(good, key), 401);
  return { passed: checks.every((c) => c.passed), checks };
}
