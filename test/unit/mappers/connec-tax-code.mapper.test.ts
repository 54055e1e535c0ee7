import { describe, expect, it } from 'vitest';
import type { TaxRate } from 'xero-node';
import { RecordStatus } from '../../../src/schema/enums.js';
import type { TaxComponent } from '../../../src/schema/value-objects.js';
import {
  effectiveTaxRate,
  pendingTaxCodeFields,
  type ResolvedTaxCode,
  toXeroTaxRate,
} from '../../../src/sync/mappers/connec-tax-code.mapper.js';
import { mapXeroTaxRate } from '../../../src/sync/mappers/xero-tax-rate.mapper.js';
import { fromXero, requestExamples, toWire } from './openapi-examples.js';

type Rec = Record<string, unknown>;

const part = (name: string, rate: string, isCompound = false): TaxComponent => ({ name, rate, isCompound });

/** The Connec! write that should produce a request example of the spec (PascalCase JSON). */
function connecFor(example: Rec): ResolvedTaxCode {
  return {
    name: example.Name as string,
    components: (example.TaxComponents as Rec[]).map((c) =>
      part(c.Name as string, String(c.Rate), c.IsCompound === true),
    ),
    ...(example.ReportTaxType ? { reportTaxType: example.ReportTaxType as string } : {}),
    ...(example.Status ? { status: example.Status as RecordStatus.DELETED } : {}),
  };
}

describe('toXeroTaxRate with the OpenAPI request examples', () => {
  const cases = requestExamples('accounting', 'TaxRates').flatMap(({ label, body }) =>
    (body.TaxRates as Rec[]).map((example) => ({ label, example })),
  );

  it('has the PUT and POST examples to run', () => {
    expect(cases.map((c) => c.label)).toEqual(['PUT /TaxRates', 'POST /TaxRates']);
  });

  it.each(cases)('sends what $label shows, as xero-node puts it on the wire', ({ example }) => {
    const wire = toWire('accounting', toXeroTaxRate(connecFor(example)), 'TaxRate');
    const components = (example.TaxComponents as Rec[]).map((c) => ({ IsCompound: false, ...c }));
    expect(wire).toEqual({ ...example, TaxComponents: components });
  });
});

describe('toXeroTaxRate', () => {
  it('sends rates as numbers, the compound flag always, and never a TaxType or read-only field', () => {
    const rate = toXeroTaxRate({
      name: 'GST + PST',
      components: [part('GST', '5'), part('PST', '7.1234', true)],
      reportTaxType: 'OUTPUT',
    });
    expect(rate).toEqual({
      name: 'GST + PST',
      taxComponents: [
        { name: 'GST', rate: 5, isCompound: false },
        { name: 'PST', rate: 7.1234, isCompound: true },
      ],
      reportTaxType: 'OUTPUT',
    });
  });

  it('sends only what was given (a delete carries the status)', () => {
    expect(toXeroTaxRate({ status: RecordStatus.DELETED })).toEqual({ status: 'DELETED' });
    expect(toXeroTaxRate({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
  });

  it("lands as it was sent: Xero's answer maps back to the same name and components", () => {
    const code = { name: 'Round trip', components: [part('A', '2.25'), part('B', '0.0001', true)] };
    const answer = fromXero<TaxRate>('accounting', 'TaxRate', {
      ...toWire('accounting', toXeroTaxRate(code), 'TaxRate'),
      TaxType: 'TAX007',
      Status: 'ACTIVE',
    });
    const mapped = mapXeroTaxRate(answer);
    expect(mapped.fields).toMatchObject({ name: code.name, components: code.components, taxType: 'TAX007' });
  });
});

describe('effectiveTaxRate', () => {
  it.each<[string, TaxComponent[], string]>([
    ['one simple component', [part('GST', '10')], '10'],
    ['simple components added', [part('A', '2.25'), part('B', '1.5')], '3.75'],
    ['a compound component on top of the simple ones', [part('GST', '5'), part('PST', '7', true)], '12.35'],
    ['rounded to 4 decimals', [part('A', '1.2345'), part('B', '1.2345', true)], '2.4842'],
    ['a lone compound component', [part('X', '8', true)], '8'],
    ['no components', [], '0'],
  ])('%s', (_label, components, expected) => {
    expect(effectiveTaxRate(components)).toBe(expected);
  });
});

describe('pendingTaxCodeFields', () => {
  it('shows a pending create as ACTIVE, without a TaxType until Xero issues one', () => {
    expect(
      pendingTaxCodeFields({ name: 'New', components: [part('GST', '5'), part('PST', '7', true)] }, true),
    ).toEqual({
      name: 'New',
      taxType: '',
      status: RecordStatus.ACTIVE,
      components: [part('GST', '5'), part('PST', '7', true)],
      effectiveRate: '12.35',
    });
  });

  it('changes only what an update or a delete gives', () => {
    expect(pendingTaxCodeFields({ name: 'Renamed' }, false)).toEqual({ name: 'Renamed' });
    expect(pendingTaxCodeFields({ status: RecordStatus.DELETED }, false)).toEqual({
      status: RecordStatus.DELETED,
    });
  });
});
