import type { ResourceWriter, WriteCtx } from '../accounting/write-pipeline.js';
import { commitRecord } from '../accounting/write-pipeline.js';
import type { Rec } from '../core/errors.js';
import type { EmulatorContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';

/** Seeds go through the same writers as the API (so totals and rules hold) with a fixed clock. */
export class SeedWriter {
  constructor(
    private readonly org: OrgState,
    private now: number,
  ) {}

  private readonly quietEmu = {
    emit: () => undefined,
    markDirty: () => undefined,
  } as unknown as EmulatorContext;

  tick(): number {
    this.now += 60_000;
    return this.now;
  }

  get time(): number {
    return this.now;
  }

  write(w: ResourceWriter, input: Rec, existing?: Rec): Rec {
    const c: WriteCtx = { emu: this.quietEmu, org: this.org, now: this.tick(), query: new URLSearchParams() };
    const out = w.prepare(c, input, existing, []);
    if (Array.isArray(out)) throw new Error(`seed ${w.key} rejected: ${out.join('; ')}`);
    commitRecord(c, w, out, existing);
    return out;
  }
}
