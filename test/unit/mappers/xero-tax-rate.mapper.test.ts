import { describe, expect, it } from 'vitest';
import type { TaxRate } from 'xero-node';
import { RecordStatus } from '../../../src/schema/enums.js';
import { decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroTaxRate } from '../../../src/sync/mappers/xero-tax-rate.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const rate = (json: Record<string, unknown>) => fromXero<TaxRate>('accounting', 'TaxRate', json);

describe('mapXeroTaxRate with the OpenAPI examples', () => {
  const cases = modelExamples<TaxRate>('accounting', 'TaxRates', 'taxRates');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)('maps $label keyed by its TaxType', ({ raw, model }) => {
    const mapped = mapXeroTaxRate(model);
    expect(mapped).toMatchObject({
      entity: 'TaxCode',
      xeroId: raw.TaxType,
      remoteUpdatedAt: null,
      missing: [],
    });
    expect(mapped.fields.taxType).toBe(raw.TaxType);
    expect(mapped.fields.components).toHaveLength(((raw.TaxComponents as unknown[]) ?? []).length);
    expect(mapped.fields.effectiveRate).toBe(
      decimal(raw.EffectiveRate) ?? decimal(raw.DisplayTaxRate) ?? mapped.fields.effectiveRate,
    );
  });
});

describe('mapXeroTaxRate', () => {
  it('maps a compound rate with its components and where it applies', () => {
    const mapped = mapXeroTaxRate(
      rate({
        Name: 'GST + PST',
        TaxType: 'TAX002',
        Status: 'ACTIVE',
        TaxComponents: [
          { Name: 'GST', Rate: 5.0, IsCompound: false },
          { Name: 'PST', Rate: 7.0, IsCompound: true },
        ],
        EffectiveRate: 12.35,
        DisplayTaxRate: 12.35,
        CanApplyToRevenue: true,
        CanApplyToExpenses: true,
      }),
    );
    expect(mapped.fields).toEqual({
      name: 'GST + PST',
      taxType: 'TAX002',
      status: RecordStatus.ACTIVE,
      effectiveRate: '12.35',
      components: [
        { name: 'GST', rate: '5', isCompound: false },
        { name: 'PST', rate: '7', isCompound: true },
      ],
      canApplyToRevenue: true,
      canApplyToExpenses: true,
      canApplyToAssets: false,
      canApplyToLiabilities: false,
    });
  });

  it.each([
    ['ACTIVE', RecordStatus.ACTIVE, null],
    ['PENDING', RecordStatus.ACTIVE, null],
    ['ARCHIVED', RecordStatus.ARCHIVED, 'ARCHIVED'],
    ['DELETED', RecordStatus.DELETED, 'DELETED'],
  ])('maps Status %s', (status, expected, tombstone) => {
    const mapped = mapXeroTaxRate(rate({ Name: 'R', TaxType: 'OUTPUT', Status: status }));
    expect([mapped.fields.status, mapped.tombstone]).toEqual([expected, tombstone]);
  });

  it('sums the components exactly when Xero gives no effective rate', () => {
    const mapped = mapXeroTaxRate(
      rate({ TaxType: 'T', Name: 'T', TaxComponents: [{ Rate: 0.1 }, { Rate: 0.2 }] }),
    );
    expect(mapped.fields.effectiveRate).toBe('0.3');
  });

  it('is total: an empty tax rate reports TaxType missing', () => {
    const mapped = mapXeroTaxRate(rate({}));
    expect(mapped.missing).toEqual(['Name', 'TaxType']);
    expect(mapped.fields).toMatchObject({ effectiveRate: '0', components: [] });
  });
});
