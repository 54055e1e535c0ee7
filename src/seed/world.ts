import type { CacheRecord } from '../cache/upsert.js';
import { Random } from './random.js';

/** What every generator step shares: the PRNG, the tenant's fake Xero organisation, and ids made so far. */
export class World {
  readonly random: Random;
  /** The Xero tenantId the generated records pretend to come from. */
  readonly xeroRealm: string;
  readonly ids = new Map<string, string[]>();

  constructor(
    readonly tenant: string,
    readonly scale: number,
    seed: string,
  ) {
    this.random = new Random(`${tenant}:${seed}`);
    this.xeroRealm = this.random.uuid();
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
