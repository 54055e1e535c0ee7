import type { OrgState } from '../state/org-state.js';

interface Roles {
  version: number;
  customers: Set<string>;
  suppliers: Set<string>;
}
const rolesCache = new WeakMap<OrgState, Roles>();

/** IsCustomer / IsSupplier are derived by Xero from the invoices that reference a contact. */
export function contactRoles(org: OrgState): Roles {
  const version = org.invoices.version;
  const cached = rolesCache.get(org);
  if (cached && cached.version === version) return cached;
  const roles: Roles = { version, customers: new Set(), suppliers: new Set() };
  for (const inv of org.invoices.all()) {
    const id = String((inv.Contact as { ContactID?: string } | undefined)?.ContactID ?? '');
    if (inv.Type === 'ACCREC') roles.customers.add(id);
    else roles.suppliers.add(id);
  }
  rolesCache.set(org, roles);
  return roles;
}

interface CodeIndex {
  version: number;
  byCode: Map<string, Record<string, unknown>>;
}
const accountCodeCache = new WeakMap<OrgState, CodeIndex>();

export function accountByCode(org: OrgState, code: string | undefined): Record<string, unknown> | undefined {
  if (!code) return undefined;
  const version = org.accounts.version;
  let idx = accountCodeCache.get(org);
  if (!idx || idx.version !== version) {
    idx = { version, byCode: new Map() };
    for (const a of org.accounts.all()) if (a.Code) idx.byCode.set(String(a.Code).toUpperCase(), a);
    accountCodeCache.set(org, idx);
  }
  return idx.byCode.get(code.toUpperCase());
}

export function accountByRef(org: OrgState, ref: unknown): Record<string, unknown> | undefined {
  if (!ref || typeof ref !== 'object') return undefined;
  const r = ref as { AccountID?: string; Code?: string };
  return (r.AccountID ? org.accounts.get(r.AccountID) : undefined) ?? accountByCode(org, r.Code);
}

const itemCodeCache = new WeakMap<OrgState, CodeIndex>();

export function itemByCode(org: OrgState, code: string | undefined): Record<string, unknown> | undefined {
  if (!code) return undefined;
  const version = org.items.version;
  let idx = itemCodeCache.get(org);
  if (!idx || idx.version !== version) {
    idx = { version, byCode: new Map() };
    for (const a of org.items.all()) idx.byCode.set(String(a.Code).toUpperCase(), a);
    itemCodeCache.set(org, idx);
  }
  return idx.byCode.get(code.toUpperCase());
}
