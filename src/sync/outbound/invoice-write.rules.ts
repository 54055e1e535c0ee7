import type { EntityManager } from 'typeorm';
import { badUserInput, type FieldError } from '../../errors.js';
import { PartyType, TaxCalculation, TransactionStatus } from '../../schema/enums.js';
import type { InvoiceInput, InvoiceLineInput } from '../../schema/invoice.input.js';
import type { ResolvedInvoice, ResolvedInvoiceLine } from '../mappers/connec-invoice.mapper.js';
import { withArticle, withCapitalArticle } from './indefinite-article.js';
import { type LookedUp, lookupReferences, type RefInput } from './reference-lookup.js';

/** More lines than this is refused before Xero: its request size limit would refuse it anyway, less clearly. */
export const MAX_INVOICE_LINES = 1000;
const MAX_TEXT = 255;
const MAX_DESCRIPTION = 4000;
const WRITABLE_STATUSES = [
  TransactionStatus.DRAFT,
  TransactionStatus.SUBMITTED,
  TransactionStatus.AUTHORISED,
];
/** Xero refuses any edit of these (rule 11 for PAID). */
const LOCKED_STATUSES: Record<string, string> = {
  PAID: 'This invoice is PAID: Xero does not allow editing a paid invoice, so nothing was changed.',
  VOIDED: 'This invoice is VOIDED: Xero does not allow editing it, so nothing was changed.',
  DELETED: 'This invoice is DELETED: Xero does not allow editing it, so nothing was changed.',
};

/** What the document is called in messages: the rules are shared by invoices and purchase orders. */
export interface DocumentKind {
  noun: string;
  party: string;
}
export const INVOICE_KIND: DocumentKind = { noun: 'invoice', party: 'customer' };

const compare = (a: string, b: string) => (a === b ? 0 : Number(a) < Number(b) ? -1 : 1);

/** Field rules that need no database: required fields, lengths, enums, ranges, dates. Pure. */
export function checkInvoiceFields(
  input: InvoiceInput,
  isCreate: boolean,
  kind: DocumentKind = INVOICE_KIND,
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const hasCustomer = input.organizationId || input.organization || input.personId || input.person;
  if (isCreate && !hasCustomer) {
    add(
      'organizationId',
      `${withCapitalArticle(kind.noun)} needs a ${kind.party} (an organization or a person): Xero requires a Contact.`,
    );
  }
  if (input.organizationId && input.organization)
    add('organization', 'Give organizationId or organization, not both.');
  if (input.personId && input.person) add('person', 'Give personId or person, not both.');
  if (input.status && !WRITABLE_STATUSES.includes(input.status)) {
    add(
      'status',
      `Must be DRAFT, SUBMITTED or AUTHORISED; use voidInvoice or deleteInvoice for ${input.status}.`,
    );
  }
  for (const field of ['transactionNumber', 'reference'] as const) {
    if ((input[field]?.length ?? 0) > MAX_TEXT) add(field, `Must be at most ${MAX_TEXT} characters.`);
  }
  if (input.currency && !/^[A-Z]{3}$/.test(input.currency))
    add('currency', 'Must be an ISO-4217 code such as "AUD".');
  if (input.transactionDate && input.dueDate && input.dueDate < input.transactionDate) {
    add('dueDate', 'Must be on or after transactionDate.');
  }
  if (isCreate && (!input.lines || input.lines.length === 0))
    add('lines', `${withCapitalArticle(kind.noun)} needs at least one line.`);
  if (input.lines && input.lines.length > MAX_INVOICE_LINES) {
    add(
      'lines',
      `${withCapitalArticle(kind.noun)} can have at most ${MAX_INVOICE_LINES} lines (got ${input.lines.length}).`,
    );
    return errors; // one clear error rather than thousands
  }
  for (const [index, line] of (input.lines ?? []).entries())
    errors.push(...checkLine(line, `lines.${index}`));
  return errors;
}

function checkLine(line: InvoiceLineInput, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (line.quantity?.startsWith('-')) {
    errors.push({ path: `${path}.quantity`, message: 'Must not be negative.' });
  }
  const discount = line.discountPercent;
  if (discount && (discount.startsWith('-') || compare(discount, '100') > 0)) {
    errors.push({ path: `${path}.discountPercent`, message: 'Must be between 0 and 100.' });
  }
  if (!line.description?.trim() && !line.itemId && !line.item) {
    errors.push({ path: `${path}.description`, message: 'A line needs a description or an item.' });
  }
  if ((line.description?.length ?? 0) > MAX_DESCRIPTION) {
    errors.push({ path: `${path}.description`, message: `Must be at most ${MAX_DESCRIPTION} characters.` });
  }
  for (const [id, ref, name] of [
    [line.itemId, line.item, 'item'],
    [line.accountId, line.account, 'account'],
    [line.taxCodeId, line.taxCode, 'taxCode'],
  ] as const) {
    if (id && ref) errors.push({ path: `${path}.${name}`, message: `Give ${name}Id or ${name}, not both.` });
  }
  return errors;
}

function referencesOf(input: InvoiceInput): RefInput[] {
  const refs: RefInput[] = [
    {
      path: input.organization ? 'organization' : 'organizationId',
      entity: 'Organization',
      id: input.organizationId,
      external: input.organization,
    },
    {
      path: input.person ? 'person' : 'personId',
      entity: 'Person',
      id: input.personId,
      external: input.person,
    },
  ];
  input.lines?.forEach((line, index) => {
    const at = (id: unknown, name: string) => `lines.${index}.${id ? `${name}Id` : name}`;
    refs.push(
      { path: at(line.itemId, 'item'), entity: 'Item', id: line.itemId, external: line.item },
      { path: at(line.accountId, 'account'), entity: 'Account', id: line.accountId, external: line.account },
      { path: at(line.taxCodeId, 'taxCode'), entity: 'TaxCode', id: line.taxCodeId, external: line.taxCode },
    );
  });
  return refs;
}

/** The invoice as it stands before the write, for updates. */
export interface ExistingInvoice {
  id: string;
  type: PartyType;
  status: TransactionStatus;
  taxCalculation: TaxCalculation;
}

/**
 * Validates an invoice write against the field rules and the cache, and resolves its references:
 * BAD_USER_INPUT naming every field at fault, before anything is written anywhere.
 */
export async function resolveInvoiceInput(
  manager: EntityManager,
  tenantId: string,
  input: InvoiceInput,
  existing: ExistingInvoice | null,
  kind: DocumentKind = INVOICE_KIND,
): Promise<ResolvedInvoice> {
  const errors = checkInvoiceFields(input, !existing, kind);
  if (existing) errors.push(...checkTransition(existing, input));
  if (errors.length > 0) throw badUserInput(errors);
  const found = await lookupReferences(manager, tenantId, referencesOf(input));
  const type = input.type ?? existing?.type ?? PartyType.CUSTOMER;
  const status = input.status ?? existing?.status ?? TransactionStatus.DRAFT;
  const customer = await resolveCustomer(manager, tenantId, input, found);
  const lines = input.lines
    ? await resolveLines(manager, tenantId, input, found, type, status, kind)
    : undefined;
  if (found.errors.length > 0) throw badUserInput(found.errors);
  return {
    type: input.type ?? (existing ? undefined : type),
    status: input.status ?? (existing ? undefined : status),
    transactionNumber: input.transactionNumber,
    transactionDate: input.transactionDate,
    dueDate: input.dueDate,
    reference: input.reference,
    currency: input.currency,
    taxCalculation: input.taxCalculation ?? undefined,
    ...customer,
    lines,
  };
}

function checkTransition(existing: ExistingInvoice, input: InvoiceInput): FieldError[] {
  const locked = LOCKED_STATUSES[existing.status];
  if (locked) return [{ path: 'id', message: locked }];
  if (input.type && input.type !== existing.type) {
    return [{ path: 'type', message: 'The type of an existing invoice cannot be changed.' }];
  }
  if (existing.status === TransactionStatus.AUTHORISED && input.status && input.status !== existing.status) {
    return [{ path: 'status', message: 'An AUTHORISED invoice cannot go back to DRAFT or SUBMITTED.' }];
  }
  return [];
}

/** The Xero Contact: the organization, or the person's organization (Xero has no contact without one). */
async function resolveCustomer(
  manager: EntityManager,
  tenantId: string,
  input: InvoiceInput,
  found: LookedUp,
): Promise<Partial<ResolvedInvoice>> {
  const personPath = input.person ? 'person' : 'personId';
  let organization = found.rows.get(input.organization ? 'organization' : 'organizationId');
  const person = found.rows.get(personPath);
  const personOrganization = person?.organizationId as string | null | undefined;
  if (person && !personOrganization && !organization) {
    found.errors.push({
      path: personPath,
      message:
        'This person belongs to no organization: Xero has no Contact for them, so they cannot be invoiced.',
    });
  }
  if (organization && person && personOrganization && personOrganization !== organization.id) {
    found.errors.push({ path: personPath, message: 'This person belongs to another organization.' });
  }
  if (!organization && personOrganization) {
    const ref = { path: personPath, entity: 'Organization' as const, id: personOrganization };
    organization = (await lookupReferences(manager, tenantId, [ref])).rows.get(personPath);
  }
  if (!organization) return person ? { personId: person.id } : {};
  if (!organization.xeroId) {
    found.errors.push({
      path: input.organization ? 'organization' : 'organizationId',
      message: 'This organization is not in Xero yet (its own write is pending).',
    });
  }
  return {
    organizationId: organization.id,
    personId: person?.id ?? null,
    contactXeroId: organization.xeroId ?? undefined,
  };
}

async function resolveLines(
  manager: EntityManager,
  tenantId: string,
  input: InvoiceInput,
  found: LookedUp,
  type: PartyType,
  status: TransactionStatus,
  kind: DocumentKind,
): Promise<ResolvedInvoiceLine[]> {
  const side = type === PartyType.SUPPLIER ? 'purchase' : 'sale';
  // Rule 10: a line without a tax code takes its item's (sale, or purchase for bills) tax code.
  const inherited: RefInput[] = (input.lines ?? []).flatMap((line, index) => {
    const item = found.rows.get(`lines.${index}.${line.itemId ? 'itemId' : 'item'}`);
    const taxCodeId = item?.[`${side}TaxCodeId`] as string | null | undefined;
    const accountId = item?.[`${side}AccountId`] as string | null | undefined;
    return [
      ...(!line.taxCodeId && !line.taxCode && taxCodeId
        ? [{ path: `inherited.${index}.taxCode`, entity: 'TaxCode' as const, id: taxCodeId }]
        : []),
      ...(!line.accountId && !line.account && accountId
        ? [{ path: `inherited.${index}.account`, entity: 'Account' as const, id: accountId }]
        : []),
    ];
  });
  const fromItems = await lookupReferences(manager, tenantId, inherited);
  return (input.lines ?? []).map((line, index) => {
    const pick = (name: string, id: unknown) =>
      found.rows.get(`lines.${index}.${id ? `${name}Id` : name}`) ??
      fromItems.rows.get(`inherited.${index}.${name}`);
    const item = pick('item', line.itemId);
    const account = pick('account', line.accountId);
    const taxCode = pick('taxCode', line.taxCodeId);
    if (item && !item.xeroId)
      found.errors.push({
        path: `lines.${index}.item`,
        message: 'This item is not in Xero yet (its own write is pending).',
      });
    if (!account && status !== TransactionStatus.DRAFT) {
      found.errors.push({
        path: `lines.${index}.accountId`,
        message: `An account is needed on every line of ${withArticle(status)} ${kind.noun} (give one, or an item that has one).`,
      });
    }
    return {
      description: line.description ?? null,
      quantity: line.quantity ?? '1',
      unitPrice: line.unitPrice ?? null,
      discountPercent: line.discountPercent ?? null,
      itemId: item?.id ?? null,
      itemCode: (item?.code as string | undefined) ?? null,
      accountId: account?.id ?? null,
      accountCode: (account?.code as string | undefined) ?? null,
      taxCodeId: taxCode?.id ?? null,
      taxType: taxCode?.xeroId ?? null,
      taxRate: (taxCode?.effectiveRate as string | undefined) ?? null,
    };
  });
}

/**
 * What a document write keeps with its op for the landing: the person the app asked for. Xero's
 * invoices, credit notes and purchase orders name only the Contact, so its answer would otherwise
 * make the document's person the Contact's primary person (see `keepChosenPeople`).
 */
export function chosenPersonExtra(resolved: { personId?: string | null }): {
  extra?: Record<string, unknown>;
} {
  return resolved.personId ? { extra: { personId: resolved.personId } } : {};
}
