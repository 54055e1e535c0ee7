import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Rec } from '../core/errors.js';
import type { TokenStore } from '../identity/token-store.js';
import { COLLECTION_KEYS, createOrgState, type OrgState, PAYROLL_COLLECTION_KEYS } from './org-state.js';

interface SavedOrg {
  meta: Pick<
    OrgState,
    'tenantId' | 'name' | 'countryCode' | 'baseCurrency' | 'payrollRegion' | 'organisation' | 'counters'
  >;
  collections: Record<string, Rec[]>;
  payroll: Record<string, Rec[]>;
  payItems: Rec;
  settings: Rec;
}

interface SavedState {
  version: 1;
  orgs: SavedOrg[];
  tokens: unknown;
}

export function serialiseState(orgs: Iterable<OrgState>, tokens: TokenStore): string {
  const saved: SavedState = {
    version: 1,
    orgs: [...orgs].map((o) => ({
      meta: {
        tenantId: o.tenantId,
        name: o.name,
        countryCode: o.countryCode,
        baseCurrency: o.baseCurrency,
        payrollRegion: o.payrollRegion,
        organisation: o.organisation,
        counters: o.counters,
      },
      collections: Object.fromEntries(COLLECTION_KEYS.map((k) => [k, [...o[k].all()]])),
      payroll: Object.fromEntries(PAYROLL_COLLECTION_KEYS.map((k) => [k, [...o.payroll[k].all()]])),
      payItems: o.payroll.payItems,
      settings: o.payroll.settings,
    })),
    tokens: tokens.toJSON(),
  };
  return JSON.stringify(saved);
}

/** Loads a saved file; undefined when missing or unreadable (the caller seeds instead). */
export function loadState(file: string, tokens: TokenStore): OrgState[] | undefined {
  if (!existsSync(file)) return undefined;
  let saved: SavedState;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
  } catch {
    return undefined;
  }
  if (saved.version !== 1) return undefined;
  tokens.load(saved.tokens as Parameters<TokenStore['load']>[0]);
  return saved.orgs.map((s) => {
    const org = createOrgState(s.meta);
    org.organisation = s.meta.organisation;
    org.counters = s.meta.counters;
    for (const k of COLLECTION_KEYS) for (const r of s.collections[k] ?? []) org[k].put(r);
    for (const k of PAYROLL_COLLECTION_KEYS) for (const r of s.payroll[k] ?? []) org.payroll[k].put(r);
    org.payroll.payItems = s.payItems;
    org.payroll.settings = s.settings;
    return org;
  });
}

/** Atomic write: a crash mid-save never leaves a truncated state file. */
export function saveState(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
