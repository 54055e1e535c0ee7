import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { CacheEntityName } from '../../src/cache/cache-entities.js';
import { tombstone } from '../../src/cache/upsert.js';
import { SyncAction } from '../../src/schema/sync-event.entity.js';
import {
  A,
  type AggregateHarness,
  document,
  ITEM,
  type Line,
  origin,
  type TestTenant,
} from './widget-aggregates-harness.js';

/** One change to a tenant's documents (or to what the postings depend on), or a refresh. */
export type Change =
  | { kind: 'invoice' | 'creditNote'; n: number; fields: Record<string, unknown>; lines: Line[] }
  | { kind: 'total' | 'date' | 'status'; n: number; value: string }
  | { kind: 'lineAccount'; n: number; line: number; accountId: string | null }
  | { kind: 'tombstone'; n: number; action: SyncAction.VOIDED | SyncAction.DELETED }
  | { kind: 'payment'; n: number; fields: Record<string, unknown>; onCreditNote: boolean }
  | { kind: 'deletePayment'; n: number }
  | { kind: 'gstRole' | 'baseCurrency' | 'refresh' };

const DOCS = 3;
const dates = fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-01');
const amounts = fc.constantFrom('0.00', '10.00', '-5.50', '33.33', '100.00');
const accounts = fc.constantFrom(A.bank, A.sales, A.rent, null);
const n = fc.nat(DOCS - 1);
const lines = fc.array(
  fc.record({
    itemId: fc.constantFrom(ITEM.widget, ITEM.gadget, null),
    accountId: accounts,
    quantity: fc.constantFrom('1', '2.5', '0'),
    netAmount: amounts,
    taxAmount: fc.constantFrom('0.00', '1.00', '3.33'),
  }),
  { maxLength: 3 },
);
const header = fc.record({
  type: fc.constantFrom('CUSTOMER', 'SUPPLIER'),
  status: fc.constantFrom('DRAFT', 'AUTHORISED', 'PAID', 'VOIDED'),
  currency: fc.constantFrom('AUD', 'USD', null),
  transactionDate: dates,
});
export const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constantFrom('invoice' as const, 'creditNote' as const), n, fields: header, lines }),
  fc.record({ kind: fc.constant('total' as const), n, value: amounts }),
  fc.record({ kind: fc.constant('date' as const), n, value: dates }),
  fc.record({ kind: fc.constant('status' as const), n, value: fc.constantFrom('AUTHORISED', 'DRAFT') }),
  fc.record({ kind: fc.constant('lineAccount' as const), n, line: fc.nat(2), accountId: accounts }),
  fc.record({
    kind: fc.constant('tombstone' as const),
    n,
    action: fc.constantFrom(SyncAction.VOIDED as const, SyncAction.DELETED as const),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    n,
    onCreditNote: fc.boolean(),
    fields: fc.record({
      type: fc.constantFrom('CUSTOMER', 'SUPPLIER'),
      transactionDate: dates,
      amount: amounts,
      currency: fc.constantFrom('AUD', null),
      accountId: fc.constantFrom(A.bank, A.rent),
    }),
  }),
  fc.record({ kind: fc.constant('deletePayment' as const), n }),
  fc.record({ kind: fc.constantFrom('gstRole' as const, 'baseCurrency' as const) }),
  // Refreshes between changes, often: changes to documents already posted are what must be undone.
  { arbitrary: fc.constant({ kind: 'refresh' as const }), weight: 4 },
);

/** Applies changes to a tenant, as the sync or an app would, keeping the invoices' lines to edit them. */
export class Documents {
  private readonly ids = {
    Invoice: Array.from({ length: DOCS }, () => randomUUID()),
    CreditNote: Array.from({ length: DOCS }, () => randomUUID()),
    Payment: Array.from({ length: DOCS }, () => randomUUID()),
  };
  private readonly lines = new Map<string, Line[]>();
  private gst = 0;
  private base = 0;

  constructor(
    private readonly harness: AggregateHarness,
    private readonly tenant: TestTenant,
  ) {}

  /** The GST account and base currency in force: the ledger's fingerprint. */
  setting(): string {
    return `${this.gst % 2}/${this.base % 2}`;
  }

  async apply(change: Change): Promise<void> {
    const invoice = 'n' in change ? this.ids.Invoice[change.n] : '';
    const put = (type: CacheEntityName, id: string, fields: Record<string, unknown>) =>
      this.harness.write(this.tenant.tenantId, type, [{ id, fields }]);
    switch (change.kind) {
      case 'invoice':
      case 'creditNote': {
        const type = change.kind === 'invoice' ? 'Invoice' : 'CreditNote';
        const id = this.ids[type][change.n];
        if (type === 'Invoice') this.lines.set(id, change.lines);
        return void (await put(type, id, document(change.fields, change.lines)));
      }
      case 'total':
        return void (await put('Invoice', invoice, { totalAmount: change.value }));
      case 'date':
        return void (await put('Invoice', invoice, { transactionDate: change.value }));
      case 'status':
        return void (await put('Invoice', invoice, { status: change.value }));
      case 'lineAccount': {
        const lines = this.lines.get(invoice);
        if (!lines?.[change.line]) return;
        lines[change.line] = { ...lines[change.line], accountId: change.accountId };
        return void (await put('Invoice', invoice, { lines: document({}, lines).lines }));
      }
      case 'tombstone':
        return void (await tombstone(
          this.harness.db.manager,
          this.tenant.tenantId,
          'Invoice',
          [invoice],
          change.action,
          origin,
        ));
      case 'payment': {
        const target = change.onCreditNote
          ? { creditNoteId: this.ids.CreditNote[change.n], invoiceId: null }
          : { invoiceId: invoice, creditNoteId: null };
        return void (await put('Payment', this.ids.Payment[change.n], { ...change.fields, ...target }));
      }
      case 'deletePayment': {
        const ids = [this.ids.Payment[change.n]];
        return void (await tombstone(
          this.harness.db.manager,
          this.tenant.tenantId,
          'Payment',
          ids,
          SyncAction.DELETED,
          origin,
        ));
      }
      case 'gstRole':
        this.gst += 1;
        await this.harness.db.query(
          `UPDATE account_system_roles SET account_id = $2 WHERE tenant_id = $1 AND system_account = 'GST'`,
          [this.tenant.tenantId, this.gst % 2 ? this.tenant.control.gst2 : this.tenant.control.gst],
        );
        return;
      case 'baseCurrency':
        this.base += 1;
        return void (await put('Company', this.tenant.companyId, {
          baseCurrency: this.base % 2 ? 'USD' : 'AUD',
        }));
      case 'refresh':
        return;
    }
  }
}
