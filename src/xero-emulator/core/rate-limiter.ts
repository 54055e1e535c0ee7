import type { Limits } from '../state/emulator-context.js';

export type RateProblem = 'minute' | 'day' | 'appminute' | 'concurrent';

export type Acquired =
  | { ok: true; headers: Record<string, string>; release: () => void }
  | { ok: false; problem: RateProblem; headers: Record<string, string> };

interface Window {
  start: number;
  count: number;
}

/**
 * Xero's limits per organisation + app (concurrent, per minute, per day) and per app (per minute),
 * in fixed windows. The day window is 1440 minute windows so a shortened `windowMs` scales both.
 */
export class RateLimiter {
  private minute = new Map<string, Window>();
  private day = new Map<string, Window>();
  private app = new Map<string, Window>();
  private inFlight = new Map<string, number>();

  constructor(public limits: Limits) {}

  private tick(map: Map<string, Window>, key: string, length: number, now: number): Window {
    const start = Math.floor(now / length) * length;
    let w = map.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      map.set(key, w);
    }
    return w;
  }

  acquire(tenantId: string, clientId: string, now = Date.now()): Acquired {
    const key = `${tenantId}|${clientId}`;
    const { windowMs } = this.limits;
    const dayMs = windowMs * 1440;
    const m = this.tick(this.minute, key, windowMs, now);
    const d = this.tick(this.day, key, dayMs, now);
    const a = this.tick(this.app, clientId, windowMs, now);
    const remaining = () => ({
      'X-DayLimit-Remaining': String(Math.max(0, this.limits.perDay - d.count)),
      'X-MinLimit-Remaining': String(Math.max(0, this.limits.perMinute - m.count)),
      'X-AppMinLimit-Remaining': String(Math.max(0, this.limits.appPerMinute - a.count)),
    });
    const retry = (w: Window, length: number) =>
      String(Math.max(1, Math.ceil((w.start + length - now) / 1000)));
    if (d.count >= this.limits.perDay) {
      return {
        ok: false,
        problem: 'day',
        headers: { ...remaining(), 'X-Rate-Limit-Problem': 'day', 'Retry-After': retry(d, dayMs) },
      };
    }
    if (a.count >= this.limits.appPerMinute) {
      return {
        ok: false,
        problem: 'appminute',
        headers: { ...remaining(), 'X-Rate-Limit-Problem': 'appminute', 'Retry-After': retry(a, windowMs) },
      };
    }
    if (m.count >= this.limits.perMinute) {
      return {
        ok: false,
        problem: 'minute',
        headers: { ...remaining(), 'X-Rate-Limit-Problem': 'minute', 'Retry-After': retry(m, windowMs) },
      };
    }
    const running = this.inFlight.get(key) ?? 0;
    if (running >= this.limits.concurrent) {
      return {
        ok: false,
        problem: 'concurrent',
        headers: { ...remaining(), 'X-Rate-Limit-Problem': 'concurrent' },
      };
    }
    m.count++;
    d.count++;
    a.count++;
    this.inFlight.set(key, running + 1);
    let released = false;
    return {
      ok: true,
      headers: remaining(),
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
      },
    };
  }

  reset(): void {
    this.minute.clear();
    this.day.clear();
    this.app.clear();
  }
}
