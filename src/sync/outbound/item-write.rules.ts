import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../errors.js';
import type { Item } from '../../schema/item.entity.js';
import type { ItemInput } from '../../schema/item.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import type { ResolvedItem, ResolvedItemSide } from '../mappers/connec-item.mapper.js';
import { refuse } from './organization-write.rules.js';
import { type LookedUp, lookupReferences, type RefInput } from './reference-lookup.js';

const MAX_CODE = 30;
/** Xero's Item Name limit; longer names are cut, with a warning (rule 8). */
export const MAX_ITEM_NAME = 50;
const MAX_DESCRIPTION = 4000;

type Side = 'sale' | 'purchase';
const SIDES: Side[] = ['sale', 'purchase'];

/** Field rules that need no database. Pure. */
export function checkItemFields(input: ItemInput, isCreate: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const code = input.code?.trim();
  if (isCreate && !code) add('code', 'An item needs a code (Xero requires one).');
  if (input.code !== undefined && input.code !== null && !code && !isCreate)
    add('code', 'The code cannot be blank.');
  if ((code?.length ?? 0) > MAX_CODE) add('code', `Must be at most ${MAX_CODE} characters.`);
  if (input.name !== undefined && input.name !== null && !input.name.trim())
    add('name', 'The name cannot be blank.');
  if ((input.description?.length ?? 0) > MAX_DESCRIPTION)
    add('description', `Must be at most ${MAX_DESCRIPTION} characters.`);
  for (const field of ['salePrice', 'purchasePrice'] as const) {
    if (input[field]?.startsWith('-')) add(field, 'Must not be negative.');
  }
  for (const side of SIDES) {
    if (input[`${side}TaxCodeIds`]?.length && input[`${side}TaxCodes`]?.length)
      add(`${side}TaxCodes`, `Give ${side}TaxCodeIds or ${side}TaxCodes, not both.`);
    if (input[`${side}AccountId`] && input[`${side}Account`])
      add(`${side}Account`, `Give ${side}AccountId or ${side}Account, not both.`);
  }
  return errors;
}

/**
 * Validates an item write and resolves its references: BAD_USER_INPUT naming every field at fault,
 * before anything is written anywhere. Answers the warnings of rules 7, 8 and 14.
 */
export async function resolveItemInput(
  manager: EntityManager,
  tenantId: string,
  input: ItemInput,
  existing: Item | null,
): Promise<{ item: ResolvedItem; warnings: string[] }> {
  const errors = checkItemFields(input, !existing);
  refuse(errors);
  const warnings: string[] = [];
  const code = input.code?.trim() || undefined;
  refuse(await checkCodeFree(manager, tenantId, code, existing?.id ?? null));
  let name = input.name?.trim() || (existing ? undefined : code);
  if (name && name.length > MAX_ITEM_NAME) {
    warnings.push(
      `The name was cut to ${MAX_ITEM_NAME} characters, Xero's limit: "${name.slice(0, MAX_ITEM_NAME)}".`,
    );
    name = name.slice(0, MAX_ITEM_NAME);
  }
  if (input.quantityOnHand !== undefined && input.quantityOnHand !== null) {
    warnings.push(
      'quantityOnHand was refused: quantity on hand is read-only in Xero, which tracks inventory itself; it was not sent.',
    );
  }
  const found = await lookupReferences(manager, tenantId, referencesOf(input, existing));
  refuse(found.errors);
  const item: ResolvedItem = {
    code,
    name,
    description: input.description,
    tracked: existing?.isInventoried ?? false,
  };
  for (const side of SIDES) {
    if (!sideGiven(input, side)) continue;
    item[side] = resolveSide(input, existing, side, found, warnings);
  }
  return { item, warnings };
}

function sideGiven(input: ItemInput, side: Side): boolean {
  return [
    input[`${side}Price`],
    input[`${side}TaxCodeIds`],
    input[`${side}TaxCodes`],
    input[`${side}AccountId`],
    input[`${side}Account`],
  ].some((value) => value !== undefined);
}

function taxRefs(input: ItemInput, side: Side): Array<{ id?: string; external?: ExternalIdInput }> {
  const ids = input[`${side}TaxCodeIds`];
  if (ids) return ids.map((id) => ({ id }));
  return (input[`${side}TaxCodes`] ?? []).map((external) => ({ external }));
}

function referencesOf(input: ItemInput, existing: Item | null): RefInput[] {
  const refs: RefInput[] = [];
  for (const side of SIDES) {
    const list = input[`${side}TaxCodeIds`] ? `${side}TaxCodeIds` : `${side}TaxCodes`;
    for (const [index, ref] of taxRefs(input, side).entries()) {
      refs.push({ path: `${list}.${index}`, entity: 'TaxCode', id: ref.id, external: ref.external });
    }
    const accountPath = input[`${side}Account`] ? `${side}Account` : `${side}AccountId`;
    refs.push({
      path: accountPath,
      entity: 'Account',
      id: input[`${side}AccountId`],
      external: input[`${side}Account`],
    });
    // The side's current references: Xero replaces a side as a whole, so an update sends it whole.
    refs.push(
      { path: `current.${side}.account`, entity: 'Account', id: existing?.[`${side}AccountId`] },
      { path: `current.${side}.taxCode`, entity: 'TaxCode', id: existing?.[`${side}TaxCodeId`] },
    );
  }
  return refs;
}

function resolveSide(
  input: ItemInput,
  existing: Item | null,
  side: Side,
  found: LookedUp,
  warnings: string[],
): ResolvedItemSide {
  const list = input[`${side}TaxCodeIds`] ? `${side}TaxCodeIds` : `${side}TaxCodes`;
  const taxes = taxRefs(input, side).map((_, index) => found.rows.get(`${list}.${index}`)!);
  if (taxes.length > 1) {
    const others = taxes.slice(1).map((tax) => `"${String(tax.name ?? tax.id)}"`);
    warnings.push(
      `Xero applies one tax to an item's ${side}s: "${String(taxes[0].name)}" was sent; ${others.join(', ')} ${others.length === 1 ? 'was' : 'were'} not.`,
    );
  }
  const taxGiven = input[`${side}TaxCodeIds`] !== undefined || input[`${side}TaxCodes`] !== undefined;
  const tax = taxGiven ? (taxes[0] ?? null) : (found.rows.get(`current.${side}.taxCode`) ?? null);
  const accountGiven = input[`${side}AccountId`] !== undefined || input[`${side}Account`] !== undefined;
  const account = accountGiven
    ? (found.rows.get(input[`${side}Account`] ? `${side}Account` : `${side}AccountId`) ?? null)
    : (found.rows.get(`current.${side}.account`) ?? null);
  const price = input[`${side}Price`];
  return {
    unitPrice: price !== undefined ? price : (existing?.[`${side}Price`]?.netAmount ?? null),
    accountId: account?.id ?? null,
    accountCode: (account?.code as string | undefined) ?? null,
    taxCodeId: tax?.id ?? null,
    taxType: tax?.xeroId ?? null,
  };
}

async function checkCodeFree(
  manager: EntityManager,
  tenantId: string,
  code: string | undefined,
  selfId: string | null,
): Promise<FieldError[]> {
  if (!code) return [];
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM items WHERE tenant_id = $1 AND upper(code) = upper($2) AND status <> 'DELETED'
        AND deleted_at IS NULL AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
    [tenantId, code, selfId],
  );
  return rows.length > 0
    ? [{ path: 'code', message: `Another item has the code "${code}": codes are unique.` }]
    : [];
}
