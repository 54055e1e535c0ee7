import { describe, expect, it } from 'vitest';
import type { XeroConnection } from '../../../src/schema/xero-connection.entity.js';
import { pendingItemFields, toXeroItem } from '../../../src/sync/mappers/connec-item.mapper.js';
import { toXeroContact } from '../../../src/sync/mappers/connec-organization.mapper.js';
import { compareDecimal, toXeroPayment } from '../../../src/sync/mappers/connec-payment.mapper.js';
import { toXeroPurchaseOrder } from '../../../src/sync/mappers/connec-purchase-order.mapper.js';
import { checkEmployeeFields } from '../../../src/sync/outbound/employee-writes.js';
import { checkItemFields } from '../../../src/sync/outbound/item-write.rules.js';
import { checkOrganizationFields } from '../../../src/sync/outbound/organization-write.rules.js';
import { batchElements } from '../../../src/sync/outbound/outbound-descriptor.js';
import { checkPaymentFields } from '../../../src/sync/outbound/payment-write.rules.js';
import { payrollRegionOf, requireRegion } from '../../../src/sync/outbound/payroll-gate.js';

const person = (n: number) => ({
  connecId: `p-${n}`,
  firstName: `P${n}`,
  lastName: 'Smith',
  email: `p${n}@x.test`,
  includeInEmails: false,
});

describe('toXeroContact', () => {
  it('makes the first person the primary person and the others ContactPersons (rule 1)', () => {
    const contact = toXeroContact({ name: 'Acme' }, [person(1), person(2)]);
    expect(contact).toMatchObject({
      name: 'Acme',
      firstName: 'P1',
      lastName: 'Smith',
      emailAddress: 'p1@x.test',
      contactPersons: [
        { firstName: 'P2', lastName: 'Smith', emailAddress: 'p2@x.test', includeInEmails: false },
      ],
    });
  });

  it("leaves Xero's people alone when none are given, and clears fields given as null", () => {
    const contact = toXeroContact({ code: null, email: 'a@b.test' });
    expect(contact).toEqual({ accountNumber: '', emailAddress: 'a@b.test' });
  });

  it('sends both address types whole (Xero replaces each as a block)', () => {
    const contact = toXeroContact({
      address: {
        billing: {
          line1: '1 St',
          attention: null,
          line2: null,
          city: 'X',
          region: null,
          postalCode: null,
          country: null,
        },
        shipping: null,
      },
    });
    expect(contact.addresses?.map((a) => [a.addressType, a.addressLine1, a.city])).toEqual([
      ['POBOX', '1 St', 'X'],
      ['STREET', '', ''],
    ]);
  });
});

describe('toXeroItem', () => {
  const side = { unitPrice: '20', accountId: 'a', accountCode: '310', taxCodeId: 't', taxType: 'INPUT' };

  it('never sends inventory fields, and a tracked item’s purchase account as its COGS account (rule 14)', () => {
    expect(toXeroItem({ code: 'W', purchase: side, tracked: true })).toEqual({
      code: 'W',
      purchaseDetails: { unitPrice: 20, cOGSAccountCode: '310', taxType: 'INPUT' },
    });
    expect(toXeroItem({ code: 'W', purchase: side, tracked: false }).purchaseDetails).toEqual({
      unitPrice: 20,
      accountCode: '310',
      taxType: 'INPUT',
    });
  });

  it('leaves the purchase price out when there is none (rule 6)', () => {
    const item = { code: 'S', purchase: { ...side, unitPrice: null }, tracked: false };
    expect(toXeroItem(item).purchaseDetails).toEqual({ accountCode: '310', taxType: 'INPUT' });
    expect(pendingItemFields(item, true).purchasePrice).toBeNull();
  });
});

describe('toXeroPurchaseOrder', () => {
  it('numbers by PurchaseOrderNumber, without a type or due date', () => {
    const order = toXeroPurchaseOrder({
      transactionNumber: 'PO-1',
      dueDate: '2026-01-01',
      deliveryDate: '2026-02-01',
      contactXeroId: 'c',
    });
    expect(order).toEqual({
      purchaseOrderNumber: 'PO-1',
      deliveryDate: '2026-02-01',
      contact: { contactID: 'c' },
    });
  });
});

describe('toXeroPayment', () => {
  it('pays an invoice from a bank account, amounts as numbers', () => {
    expect(
      toXeroPayment({
        invoiceXeroId: 'i',
        accountXeroId: 'a',
        amount: '12.50',
        transactionDate: null,
        reference: null,
      }),
    ).toEqual({
      invoice: { invoiceID: 'i' },
      account: { accountID: 'a' },
      amount: 12.5,
    });
  });

  it.each([
    ['1', '0', 1],
    ['0.00', '0', 0],
    ['-0.01', '0', -1],
    ['220.01', '220', 1],
  ])('compares %s with %s', (a, b, sign) => {
    expect(compareDecimal(a, b)).toBe(sign);
  });
});

describe('batchElements', () => {
  it('splits a summarizeErrors=false answer into records and per-element refusals', () => {
    const elements = batchElements(
      [
        { invoiceID: 'a', statusAttributeString: 'OK' },
        { statusAttributeString: 'ERROR', validationErrors: [{ message: 'Invoice # must be unique.' }] },
      ],
      3,
    );
    expect(elements).toEqual([
      { ok: true, answer: { invoiceID: 'a', statusAttributeString: 'OK' } },
      { ok: false, messages: ['Invoice # must be unique.'] },
      { ok: false, messages: ['Xero answered without this element.'] },
    ]);
  });
});

describe('field rules', () => {
  it.each<[string, () => Array<{ path: string }>, string[]]>([
    ['an organization without a name', () => checkOrganizationFields({}, true), ['name']],
    [
      'two people with one email',
      () => checkOrganizationFields({ name: 'A', people: [{ email: 'a@b.c' }, { email: 'A@b.c' }] }, true),
      ['people'],
    ],
    ['an item without a code', () => checkItemFields({}, true), ['code']],
    ['an item with a 31-character code', () => checkItemFields({ code: 'x'.repeat(31) }, true), ['code']],
    [
      'a negative purchase price',
      () => checkItemFields({ code: 'a', purchasePrice: '-1' }, true),
      ['purchasePrice'],
    ],
    [
      'a payment of nothing without an invoice',
      () => checkPaymentFields({ amount: '0' }),
      ['invoiceId', 'amount'],
    ],
  ])('refuses %s', (_label, check, paths) => {
    expect(check().map((error) => error.path)).toEqual(paths);
  });
});

describe('payroll gate (rules 15 and 17)', () => {
  const connection = (countryCode: string | null, payrollAccess: boolean) =>
    ({ countryCode, payrollAccess }) as unknown as XeroConnection;

  it.each([
    ['GB', true, /Australian and US organisations only/],
    ['AU', false, /payroll access was not granted/],
  ])('answers PAYROLL_NOT_ENABLED for %s with access %s', (country, access, message) => {
    expect(() => payrollRegionOf(connection(country, access))).toThrow(message);
    try {
      payrollRegionOf(connection(country, access));
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('PAYROLL_NOT_ENABLED');
    }
  });

  it('names the region and refuses the other region’s records', () => {
    expect(payrollRegionOf(connection('US', true))).toBe('US');
    expect(() => requireRegion('US', 'AU', 'Leave applications')).toThrow(/Australian payroll only/);
    expect(() => requireRegion('AU', 'AU', 'Leave applications')).not.toThrow();
  });

  it('requires names and a date of birth before the start date', () => {
    const errors = checkEmployeeFields(
      { firstName: '', lastName: 'x'.repeat(36), dateOfBirth: '2000-01-01', startDate: '1999-01-01' },
      '2026-01-01',
    );
    expect(errors.map((error) => error.path)).toEqual(['firstName', 'lastName', 'startDate']);
  });
});
