/**
 * Per-key token bucket, in memory: each process allows a key `perMinute` requests a minute (bursts up to
 * that many), refilled continuously. With N gateway processes behind a balancer a key gets at most N
 * times the limit; the bound is what protects each process and the database from one noisy key.
 */
export interface KeyRateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string): number;
}

/** Buckets idle this long are full again and are dropped, so memory stays bounded by active keys. */
const IDLE_SWEEP_MS = 120_000;

/** A limiter allowing `perMinute` requests a minute per key; 0 turns limiting off. */
export function createKeyRateLimiter(perMinute: number, now: () => number = Date.now): KeyRateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = now();
  const sweep = (time: number) => {
    if (time - lastSweep < IDLE_SWEEP_MS) return;
    lastSweep = time;
    for (const [key, bucket] of buckets) if (time - bucket.at > IDLE_SWEEP_MS) buckets.delete(key);
  };
  return {
    take(key) {
      if (perMinute <= 0) return 0;
      const time = now();
      sweep(time);
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * refillPerMs);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}
