import { describe, expect, it } from 'vitest';
import { PartyType, TaxCalculation, TransactionStatus } from '../../../src/schema/enums.js';
import type { InvoiceInput } from '../../../src/schema/invoice.input.js';
import {
  pendingInvoiceFields,
  provisionalLineAmounts,
  type ResolvedInvoiceLine,
  toXeroInvoice,
} from '../../../src/sync/mappers/connec-invoice.mapper.js';
import { checkInvoiceFields, MAX_INVOICE_LINES } from '../../../src/sync/outbound/invoice-write.rules.js';

const line = (extra: Partial<ResolvedInvoiceLine> = {}): ResolvedInvoiceLine => ({
  description: 'Consulting',
  quantity: '2',
  unitPrice: '100.00',
  discountPercent: null,
  itemId: null,
  itemCode: null,
  accountId: 'a-1',
  accountCode: '200',
  taxCodeId: 't-1',
  taxType: 'OUTPUT',
  taxRate: '10',
  ...extra,
});

describe('toXeroInvoice', () => {
  it('maps a create to Xero names, types and enums, without amounts', () => {
    expect(
      toXeroInvoice({
        type: PartyType.CUSTOMER,
        status: TransactionStatus.AUTHORISED,
        transactionDate: '2026-01-02',
        taxCalculation: TaxCalculation.NO_TAX,
        contactXeroId: 'c-guid',
        lines: [line({ itemCode: 'DEV-HR', discountPercent: '5' })],
      }),
    ).toEqual({
      type: 'ACCREC',
      status: 'AUTHORISED',
      date: '2026-01-02',
      lineAmountTypes: 'NoTax',
      contact: { contactID: 'c-guid' },
      lineItems: [
        {
          description: 'Consulting',
          quantity: 2,
          unitAmount: 100,
          discountRate: 5,
          itemCode: 'DEV-HR',
          accountCode: '200',
          taxType: 'OUTPUT',
        },
      ],
    });
  });

  it('sends only the given fields of an update, clearing a text field with ""', () => {
    expect(toXeroInvoice({ reference: null, dueDate: '2026-03-01' }, 'inv-guid')).toEqual({
      invoiceID: 'inv-guid',
      reference: '',
      dueDate: '2026-03-01',
    });
  });

  it('maps bills to ACCPAY and inclusive tax to Inclusive', () => {
    const bill = toXeroInvoice({ type: PartyType.SUPPLIER, taxCalculation: TaxCalculation.INCLUSIVE });
    expect(bill).toEqual({ type: 'ACCPAY', lineAmountTypes: 'Inclusive' });
  });
});

describe('provisional amounts', () => {
  it.each([
    [TaxCalculation.EXCLUSIVE, line(), { netAmount: '200', taxAmount: '20', totalAmount: '220' }],
    [TaxCalculation.INCLUSIVE, line(), { netAmount: '181.82', taxAmount: '18.18', totalAmount: '200' }],
    [TaxCalculation.NO_TAX, line(), { netAmount: '200', taxAmount: '0', totalAmount: '200' }],
    [
      TaxCalculation.EXCLUSIVE,
      line({ discountPercent: '10' }),
      { netAmount: '180', taxAmount: '18', totalAmount: '198' },
    ],
    [
      TaxCalculation.EXCLUSIVE,
      line({ quantity: '0.5', unitPrice: '0.33' }),
      { netAmount: '0.17', taxAmount: '0.02', totalAmount: '0.19' },
    ],
  ])('%s %o', (calculation, input, expected) => {
    expect(provisionalLineAmounts(input, calculation)).toEqual(expected);
  });

  it('sums lines into the pending invoice, with the balance due', () => {
    const fields = pendingInvoiceFields(
      { organizationId: 'o-1', lines: [line(), line({ quantity: '1' })] },
      true,
    );
    expect(fields).toMatchObject({
      type: 'CUSTOMER',
      status: 'DRAFT',
      netAmount: '300',
      taxAmount: '30',
      totalAmount: '330',
      balance: '330',
      paidAmount: '0',
    });
    expect((fields.lines as unknown[]).length).toBe(2);
  });
});

describe('checkInvoiceFields', () => {
  const valid: InvoiceInput = { organizationId: 'o', lines: [{ description: 'x', quantity: '1' }] };
  const paths = (input: InvoiceInput, isCreate = true) =>
    checkInvoiceFields(input, isCreate).map((e) => e.path);

  it('accepts a minimal invoice', () => {
    expect(paths(valid)).toEqual([]);
  });

  it.each<[string, InvoiceInput, string[]]>([
    ['no customer (rule 12)', { lines: valid.lines }, ['organizationId']],
    ['no lines', { organizationId: 'o' }, ['lines']],
    [
      'a negative quantity',
      { ...valid, lines: [{ description: 'x', quantity: '-1' }] },
      ['lines.0.quantity'],
    ],
    [
      'a discount over 100',
      { ...valid, lines: [{ description: 'x', discountPercent: '101' }] },
      ['lines.0.discountPercent'],
    ],
    [
      'a line with neither description nor item',
      { ...valid, lines: [{ quantity: '1' }] },
      ['lines.0.description'],
    ],
    ['an overlong reference', { ...valid, reference: 'r'.repeat(256) }, ['reference']],
    ['a bad currency', { ...valid, currency: 'dollars' }, ['currency']],
    [
      'a due date before the date',
      { ...valid, transactionDate: '2026-02-01', dueDate: '2026-01-01' },
      ['dueDate'],
    ],
    ['a PAID status', { ...valid, status: TransactionStatus.PAID }, ['status']],
    [
      'two forms of one reference',
      { ...valid, organization: { provider: 'crm', id: '1' } },
      ['organization'],
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(paths(input)).toEqual(expected);
  });

  it('answers one clear error for too many lines', () => {
    const lines = Array.from({ length: 5000 }, () => ({ description: 'x', quantity: '-1' }));
    const errors = checkInvoiceFields({ organizationId: 'o', lines }, true);
    expect(errors).toEqual([
      { path: 'lines', message: `An invoice can have at most ${MAX_INVOICE_LINES} lines (got 5000).` },
    ]);
  });

  it('needs neither customer nor lines on an update', () => {
    expect(paths({ reference: 'r' }, false)).toEqual([]);
  });
});
