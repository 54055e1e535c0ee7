import { describe, expect, it } from 'vitest';
import type { CreditNote } from 'xero-node';
import { PartyType, TransactionStatus } from '../../../src/schema/enums.js';
import { decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroCreditNote } from '../../../src/sync/mappers/xero-credit-note.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const note = (json: Record<string, unknown>) => fromXero<CreditNote>('accounting', 'CreditNote', json);
const ID = '249f15fa-f2a7-4acc-8769-0984103f2225';

describe('mapXeroCreditNote with the OpenAPI examples', () => {
  const cases = modelExamples<CreditNote>('accounting', 'CreditNotes', 'creditNotes');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(3));

  it.each(cases)('maps $label', ({ raw, model }) => {
    const mapped = mapXeroCreditNote(model);
    expect(mapped).toMatchObject({ entity: 'CreditNote', xeroId: raw.CreditNoteID, missing: [] });
    expect(mapped.fields.type).toBe(raw.Type === 'ACCPAYCREDIT' ? PartyType.SUPPLIER : PartyType.CUSTOMER);
    expect(mapped.fields.status).toBe(raw.Status);
    expect(mapped.fields.totalAmount).toBe(decimal(raw.Total) ?? '0');
    expect(mapped.fields.remainingCredit).toBe(decimal(raw.RemainingCredit) ?? '0');
    expect(mapped.children.lines).toHaveLength(((raw.LineItems as unknown[]) ?? []).length);
  });
});

describe('mapXeroCreditNote', () => {
  it.each([
    { type: 'ACCRECCREDIT', expected: PartyType.CUSTOMER },
    { type: 'ACCPAYCREDIT', expected: PartyType.SUPPLIER },
  ])('maps Type $type to $expected', ({ type, expected }) => {
    expect(mapXeroCreditNote(note({ CreditNoteID: ID, Type: type })).fields.type).toBe(expected);
  });

  it.each([
    ['DRAFT', null],
    ['SUBMITTED', null],
    ['AUTHORISED', null],
    ['PAID', null],
    ['VOIDED', 'VOIDED'],
    ['DELETED', 'DELETED'],
  ])('maps Status %s (tombstone %s)', (status, tombstone) => {
    const mapped = mapXeroCreditNote(note({ CreditNoteID: ID, Status: status }));
    expect([mapped.fields.status, mapped.tombstone]).toEqual([status, tombstone]);
  });

  it('maps allocations to invoices, leaving out deleted ones', () => {
    const mapped = mapXeroCreditNote(
      note({
        CreditNoteID: ID,
        Type: 'ACCRECCREDIT',
        Status: 'PAID',
        CurrencyCode: 'AUD',
        Total: 100,
        RemainingCredit: 0,
        Allocations: [
          {
            AllocationID: 'a1',
            Amount: 60.5,
            Date: '/Date(1552953600000+0000)/',
            Invoice: { InvoiceID: 'inv-1' },
          },
          { AllocationID: 'a2', Amount: 39.5, Date: '2019-03-20T00:00:00', Invoice: { InvoiceID: 'inv-2' } },
          {
            AllocationID: 'a3',
            Amount: 10,
            Date: '2019-03-21',
            Invoice: { InvoiceID: 'inv-3' },
            IsDeleted: true,
          },
        ],
      }),
    );
    expect(mapped.children.allocations).toEqual([
      {
        xeroId: 'a1',
        fields: { amount: '60.5', date: '2019-03-19' },
        references: { invoiceId: { entity: 'Invoice', xeroId: 'inv-1' } },
      },
      {
        xeroId: 'a2',
        fields: { amount: '39.5', date: '2019-03-20' },
        references: { invoiceId: { entity: 'Invoice', xeroId: 'inv-2' } },
      },
    ]);
    expect(mapped.fields).toMatchObject({
      currency: 'AUD',
      remainingCredit: '0',
      status: TransactionStatus.PAID,
    });
  });

  it('is total: an empty credit note maps with no lines or allocations', () => {
    const mapped = mapXeroCreditNote(note({}));
    expect(mapped.missing).toEqual(['Date', 'CreditNoteID']);
    expect(mapped.children).toEqual({ lines: [], allocations: [] });
    expect(mapped.fields.status).toBe(TransactionStatus.DRAFT);
  });
});
