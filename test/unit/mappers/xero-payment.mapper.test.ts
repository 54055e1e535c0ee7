import { describe, expect, it } from 'vitest';
import type { Payment } from 'xero-node';
import { PartyType, PaymentStatus } from '../../../src/schema/enums.js';
import { decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroPayment } from '../../../src/sync/mappers/xero-payment.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const payment = (json: Record<string, unknown>) => fromXero<Payment>('accounting', 'Payment', json);
const ID = '99ea7f6b-c513-4066-bc27-b7c65dcd76c2';

describe('mapXeroPayment with the OpenAPI examples', () => {
  const cases = modelExamples<Payment>('accounting', 'Payments', 'payments');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(4));

  it.each(cases)('maps $label', ({ raw, model }) => {
    const mapped = mapXeroPayment(model);
    expect(mapped).toMatchObject({ entity: 'Payment', xeroId: raw.PaymentID, missing: [] });
    expect(mapped.fields.status).toBe(raw.Status);
    expect(mapped.fields.amount).toBe(decimal(raw.Amount) ?? '0');
    expect(mapped.tombstone).toBe(raw.Status === 'DELETED' ? 'DELETED' : null);
  });
});

describe('mapXeroPayment', () => {
  it('maps a customer payment of an invoice into a bank account', () => {
    const mapped = mapXeroPayment(
      payment({
        PaymentID: ID,
        Date: '/Date(1543449600000+0000)/',
        Amount: 46.0,
        Reference: 'INV-1 paid',
        IsReconciled: true,
        PaymentType: 'ACCRECPAYMENT',
        Status: 'AUTHORISED',
        Account: { AccountID: 'bank-guid', Code: '090' },
        Invoice: { InvoiceID: 'inv-guid', Type: 'ACCREC', CurrencyCode: 'NZD' },
        UpdatedDateUTC: '/Date(1541176592690+0000)/',
      }),
    );
    expect(mapped.fields).toEqual({
      type: PartyType.CUSTOMER,
      status: PaymentStatus.AUTHORISED,
      transactionDate: '2018-11-29',
      amount: '46',
      currency: 'NZD',
      reference: 'INV-1 paid',
      isReconciled: true,
    });
    expect(mapped.references).toEqual({
      accountId: { entity: 'Account', xeroId: 'bank-guid' },
      invoiceId: { entity: 'Invoice', xeroId: 'inv-guid' },
      creditNoteId: null,
    });
    expect(mapped.remoteUpdatedAt).toEqual(new Date(1541176592690));
  });

  it('maps a supplier refund of a credit note, with the account by code', () => {
    const mapped = mapXeroPayment(
      payment({
        PaymentID: ID,
        PaymentType: 'APCREDITPAYMENT',
        Account: { Code: '090' },
        CreditNote: { CreditNoteID: 'cn-guid', CurrencyCode: 'AUD' },
      }),
    );
    expect(mapped.fields).toMatchObject({
      type: PartyType.SUPPLIER,
      currency: 'AUD',
      status: PaymentStatus.AUTHORISED,
    });
    expect(mapped.references).toEqual({
      accountId: { entity: 'Account', code: '090' },
      invoiceId: null,
      creditNoteId: { entity: 'CreditNote', xeroId: 'cn-guid' },
    });
  });

  it.each([
    ['ACCRECPAYMENT', PartyType.CUSTOMER],
    ['ACCPAYPAYMENT', PartyType.SUPPLIER],
    ['ARCREDITPAYMENT', PartyType.CUSTOMER],
    ['APCREDITPAYMENT', PartyType.SUPPLIER],
    ['AROVERPAYMENTPAYMENT', PartyType.CUSTOMER],
    ['ARPREPAYMENTPAYMENT', PartyType.CUSTOMER],
    ['APPREPAYMENTPAYMENT', PartyType.SUPPLIER],
    ['APOVERPAYMENTPAYMENT', PartyType.SUPPLIER],
  ])('maps PaymentType %s to %s', (type, expected) => {
    expect(mapXeroPayment(payment({ PaymentID: ID, PaymentType: type })).fields.type).toBe(expected);
  });

  it('takes the side from the invoice when PaymentType is missing', () => {
    expect(mapXeroPayment(payment({ PaymentID: ID, Invoice: { Type: 'ACCPAY' } })).fields.type).toBe(
      PartyType.SUPPLIER,
    );
  });

  it('maps a DELETED payment to a tombstone', () => {
    const mapped = mapXeroPayment(
      payment({ PaymentID: ID, Status: 'DELETED', PaymentType: 'ACCRECPAYMENT' }),
    );
    expect([mapped.fields.status, mapped.tombstone]).toEqual([PaymentStatus.DELETED, 'DELETED']);
  });

  it('is total: an empty payment maps as an AUTHORISED customer payment of zero and warns', () => {
    const mapped = mapXeroPayment(payment({}));
    expect(mapped.fields).toMatchObject({
      amount: '0',
      type: PartyType.CUSTOMER,
      status: PaymentStatus.AUTHORISED,
      currency: null,
    });
    expect(mapped.missing).toEqual(['Date', 'PaymentID']);
    expect(mapped.warnings).toHaveLength(1);
  });
});
