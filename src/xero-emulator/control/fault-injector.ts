import { randomUUID } from 'node:crypto';

export type FaultKind = 'latency' | 'error' | 'rate-limit' | 'drop';

export interface FaultSpec {
  kind: FaultKind;
  /** Applies to the next N matching calls (default: unlimited until `durationMs` or removal). */
  count?: number;
  durationMs?: number;
  /** Regular expression matched against the request path; default: Accounting and Payroll APIs. */
  pathPattern?: string;
  method?: string;
  latencyMs?: number;
  status?: number;
  problem?: 'minute' | 'day' | 'appminute' | 'concurrent';
  retryAfterSeconds?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  remaining?: number;
  until?: number;
  regex: RegExp;
}

const DEFAULT_PATTERN = '^/(api\\.xro|payroll\\.xro)/';

/** Faults for tests and demos: latency, 5xx, 429s and dropped connections. */
export class FaultInjector {
  private faults: Fault[] = [];

  add(spec: FaultSpec, now = Date.now()): Fault {
    const fault: Fault = {
      ...spec,
      id: randomUUID(),
      remaining: spec.count,
      until: spec.durationMs !== undefined ? now + spec.durationMs : undefined,
      regex: new RegExp(spec.pathPattern ?? DEFAULT_PATTERN, 'i'),
    };
    this.faults.push(fault);
    return fault;
  }

  /** Faults that apply to this call; counted ones are consumed. */
  take(method: string, path: string, now = Date.now()): Fault[] {
    this.faults = this.faults.filter(
      (f) => (f.until === undefined || f.until > now) && (f.remaining === undefined || f.remaining > 0),
    );
    const hits = this.faults.filter(
      (f) => f.regex.test(path) && (!f.method || f.method.toUpperCase() === method),
    );
    for (const f of hits) if (f.remaining !== undefined) f.remaining--;
    return hits;
  }

  list(): Array<Omit<Fault, 'regex'>> {
    return this.faults.map(({ regex: _r, ...rest }) => rest);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }
}
