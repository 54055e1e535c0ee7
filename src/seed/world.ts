import type { CacheRecord } from '../cache/upsert.js';
import { isCalendarDate } from '../schema/scalars.js';
import { ANCHOR_DATE } from './catalog.js';
import { addDays, Random } from './random.js';

const DAY_MS = 86_400_000;

/**
 * Days by which a run for `today` moves the generator's dates: the most whole weeks that keep ANCHOR_DATE
 * on or before `today` (so weekdays are kept).
 */
export function anchorShift(today: string): number {
  if (!isCalendarDate(today)) throw new Error(`today must be a YYYY-MM-DD date, not "${today}"`);
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${ANCHOR_DATE}T00:00:00Z`)) / DAY_MS;
  return 7 * Math.floor(days / 7);
}

/**
 * What every generator step shares: the PRNG, the tenant's fake Xero organisation, ids made so far, and
 * the day its dates are placed for.
 */
export class World {
  readonly random: Random;
  /** ANCHOR_DATE moved by whole weeks to on or before the run's `today`, less than a week before it. */
  readonly anchor: string;
  private readonly shift: number;
  /** The Xero tenantId the generated records pretend to come from. */
  readonly xeroRealm: string;
  readonly ids = new Map<string, string[]>();

  constructor(
    readonly tenant: string,
    readonly scale: number,
    seed: string,
    today: string,
  ) {
    this.shift = anchorShift(today);
    this.anchor = this.date(ANCHOR_DATE);
    this.random = new Random(`${tenant}:${seed}`);
    this.xeroRealm = this.random.uuid();
  }

  /** A literal date of the generator (written for ANCHOR_DATE), placed for the run's `today`. */
  date(literal: string): string {
    return addDays(literal, this.shift);
  }

  /** A record with a fresh Connec! id and a Xero id, remembered under `kind` for later references. */
  record(kind: string, fields: Record<string, unknown>): CacheRecord & { id: string } {
    const id = this.random.uuid();
    this.remember(kind, id);
    return {
      id,
      externalIds: [{ provider: 'xero', realm: this.xeroRealm, id: this.random.uuid() }],
      fields,
    };
  }

  remember(kind: string, id: string): void {
    const known = this.ids.get(kind) ?? [];
    known.push(id);
    this.ids.set(kind, known);
  }

  pickId(kind: string): string {
    return this.random.pick(this.ids.get(kind) ?? []);
  }
}
