import { describe, expect, it } from 'vitest';
import type { Invoice } from 'xero-node';
import { PartyType, TaxCalculation, TransactionStatus } from '../../../src/schema/enums.js';
import { addDecimal, decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroInvoice } from '../../../src/sync/mappers/xero-invoice.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const invoice = (json: Record<string, unknown>) => fromXero<Invoice>('accounting', 'Invoice', json);
const ID = 'fee88eea-f2aa-4a71-a372-33d6d83d3c45';
const CONTACT = { ContactID: '025867f1-d741-4d6b-b1af-9ac774b59ba7', Name: 'City Agency' };

describe('mapXeroInvoice with the OpenAPI examples', () => {
  const cases = modelExamples<Invoice>('accounting', 'Invoices', 'invoices');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)('maps $label', ({ raw, model }) => {
    const mapped = mapXeroInvoice(model);
    expect(mapped).toMatchObject({ entity: 'Invoice', xeroId: raw.InvoiceID, missing: [] });
    expect(mapped.fields.type).toBe(raw.Type === 'ACCPAY' ? PartyType.SUPPLIER : PartyType.CUSTOMER);
    expect(mapped.fields.status).toBe(raw.Status);
    expect(mapped.fields.totalAmount).toBe(decimal(raw.Total) ?? '0');
    expect(mapped.fields.transactionNumber).toBe(raw.InvoiceNumber ?? null);
    expect(mapped.fields.transactionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mapped.references.organizationId).toEqual({
      entity: 'Organization',
      xeroId: (raw.Contact as { ContactID: string }).ContactID,
    });
    const lines = (raw.LineItems as unknown[] | undefined) ?? [];
    expect(mapped.children.lines).toHaveLength(lines.length);
    for (const line of mapped.children.lines) {
      expect(addDecimal(line.fields.netAmount, line.fields.taxAmount)).toBe(line.fields.totalAmount);
    }
    expect(mapped.tombstone).toBe(raw.Status === 'VOIDED' || raw.Status === 'DELETED' ? raw.Status : null);
  });
});

describe('mapXeroInvoice', () => {
  it.each([
    { type: 'ACCREC', expected: PartyType.CUSTOMER },
    { type: 'ACCPAY', expected: PartyType.SUPPLIER },
  ])('maps Type $type to $expected', ({ type, expected }) => {
    expect(mapXeroInvoice(invoice({ InvoiceID: ID, Type: type })).fields.type).toBe(expected);
  });

  it.each([
    ['DRAFT', null],
    ['SUBMITTED', null],
    ['AUTHORISED', null],
    ['PAID', null],
    ['VOIDED', 'VOIDED'],
    ['DELETED', 'DELETED'],
  ])('maps Status %s (tombstone %s)', (status, tombstone) => {
    const mapped = mapXeroInvoice(invoice({ InvoiceID: ID, Type: 'ACCREC', Status: status }));
    expect(mapped.fields.status).toBe(status);
    expect(mapped.tombstone).toBe(tombstone);
    expect(mapped.warnings).toEqual([]);
  });

  it('maps a multi-currency bill with its amounts as exact decimals', () => {
    const mapped = mapXeroInvoice(
      invoice({
        InvoiceID: ID,
        Type: 'ACCPAY',
        Status: 'AUTHORISED',
        Contact: CONTACT,
        CurrencyCode: 'EUR',
        CurrencyRate: 0.61,
        LineAmountTypes: 'Exclusive',
        SubTotal: 1020.22,
        TotalTax: 153.03,
        Total: 1173.25,
        AmountDue: 1073.25,
        AmountPaid: 100,
        Date: '/Date(1539993600000+0000)/',
        DueDate: '2018-12-10T00:00:00',
        LineItems: [
          {
            LineItemID: 'l1',
            Description: 'Consulting',
            Quantity: 2.5,
            UnitAmount: 408.088,
            LineAmount: 1020.22,
            TaxAmount: 153.03,
            TaxType: 'INPUT2',
            AccountCode: '400',
            ItemCode: 'CONS',
            DiscountRate: 0,
          },
        ],
      }),
    );
    expect(mapped.fields).toMatchObject({
      type: PartyType.SUPPLIER,
      currency: 'EUR',
      taxCalculation: TaxCalculation.EXCLUSIVE,
      netAmount: '1020.22',
      taxAmount: '153.03',
      totalAmount: '1173.25',
      balance: '1073.25',
      paidAmount: '100',
      transactionDate: '2018-10-20',
      dueDate: '2018-12-10',
    });
    expect(mapped.children.lines[0]).toEqual({
      xeroId: 'l1',
      fields: {
        lineNumber: 1,
        description: 'Consulting',
        quantity: '2.5',
        unitPrice: '408.088',
        discountPercent: '0',
        taxRate: null,
        netAmount: '1020.22',
        taxAmount: '153.03',
        totalAmount: '1173.25',
      },
      references: {
        itemId: { entity: 'Item', code: 'CONS' },
        accountId: { entity: 'Account', code: '400' },
        taxCodeId: { entity: 'TaxCode', xeroId: 'INPUT2' },
      },
    });
  });

  it('splits tax-inclusive line amounts into net, tax and total', () => {
    const mapped = mapXeroInvoice(
      invoice({
        InvoiceID: ID,
        LineAmountTypes: 'Inclusive',
        LineItems: [{ Quantity: 1, UnitAmount: 115, LineAmount: 115, TaxAmount: 15 }],
      }),
    );
    expect(mapped.fields.taxCalculation).toBe(TaxCalculation.INCLUSIVE);
    expect(mapped.children.lines[0].fields).toMatchObject({
      netAmount: '100',
      taxAmount: '15',
      totalAmount: '115',
    });
  });

  it('maps NoTax lines with zero tax', () => {
    const mapped = mapXeroInvoice(
      invoice({ InvoiceID: ID, LineAmountTypes: 'NoTax', LineItems: [{ LineAmount: 50 }] }),
    );
    expect(mapped.fields.taxCalculation).toBe(TaxCalculation.NO_TAX);
    expect(mapped.children.lines[0].fields).toMatchObject({
      netAmount: '50',
      taxAmount: '0',
      totalAmount: '50',
      quantity: '1',
    });
  });

  it('prefers the line item and account ids over their codes', () => {
    const mapped = mapXeroInvoice(
      invoice({
        InvoiceID: ID,
        LineItems: [
          {
            ItemCode: 'X',
            Item: { ItemID: 'item-guid', Code: 'X' },
            AccountCode: '200',
            AccountID: 'acct-guid',
          },
        ],
      }),
    );
    expect(mapped.children.lines[0].references).toMatchObject({
      itemId: { entity: 'Item', xeroId: 'item-guid' },
      accountId: { entity: 'Account', xeroId: 'acct-guid' },
    });
  });

  it('links the contact person when the embedded contact carries an email', () => {
    const mapped = mapXeroInvoice(
      invoice({ InvoiceID: ID, Contact: { ...CONTACT, EmailAddress: 'Pay@City.example.com' } }),
    );
    expect(mapped.references.personId).toEqual({
      entity: 'Person',
      xeroId: `${CONTACT.ContactID}/email/pay@city.example.com`,
    });
  });

  it('computes the balance when AmountDue is absent, exactly', () => {
    const owing = mapXeroInvoice(
      invoice({ InvoiceID: ID, Status: 'AUTHORISED', Total: 0.3, AmountPaid: 0.1, AmountCredited: 0.1 }),
    );
    expect(owing.fields.balance).toBe('0.1');
    const paid = mapXeroInvoice(invoice({ InvoiceID: ID, Status: 'PAID', Total: 10 }));
    expect(paid.fields.balance).toBe('0');
  });

  it('is total: an empty invoice maps to a DRAFT customer invoice with the id and date reported missing', () => {
    const mapped = mapXeroInvoice(invoice({}));
    expect(mapped.missing).toEqual(['Date', 'InvoiceID']);
    expect(mapped.fields).toMatchObject({
      type: PartyType.CUSTOMER,
      status: TransactionStatus.DRAFT,
      taxCalculation: TaxCalculation.EXCLUSIVE,
      netAmount: '0',
      totalAmount: '0',
      transactionDate: '',
    });
    expect(mapped.references).toEqual({ organizationId: null, personId: null });
    expect(mapped.children.lines).toEqual([]);
  });

  it('warns about an unknown status and keeps the record', () => {
    const mapped = mapXeroInvoice(invoice({ InvoiceID: ID, Type: 'ACCPAYCREDIT', Status: 'WEIRD' }));
    expect(mapped.fields).toMatchObject({ type: PartyType.SUPPLIER, status: TransactionStatus.DRAFT });
    expect(mapped.warnings).toHaveLength(2);
  });
});
