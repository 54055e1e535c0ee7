import { describe, expect, it } from 'vitest';
import { RecordStatus } from '../../../src/schema/enums.js';
import type { TaxCode } from '../../../src/schema/tax-code.entity.js';
import type { TaxCodeInput } from '../../../src/schema/tax-code.input.js';
import {
  checkTaxCodeFields,
  isSystemTaxType,
  lockedTaxCodeReason,
} from '../../../src/sync/outbound/tax-code-write.rules.js';

const valid: TaxCodeInput = {
  name: 'CA State Tax',
  reportTaxType: 'OUTPUT',
  components: [{ name: 'State Tax', rate: '2.25', isCompound: false }],
};
const paths = (input: TaxCodeInput, isCreate = true, country: string | null = 'AU') =>
  checkTaxCodeFields(input, isCreate, country).map((e) => e.path);

describe('isSystemTaxType', () => {
  it.each([
    ['OUTPUT', true],
    ['INPUT2', true],
    ['NONE', true],
    ['TAX001', false],
    ['TAX1234', false],
    ['', false],
  ])('%s is a system rate: %s', (taxType, expected) => {
    expect(isSystemTaxType(taxType)).toBe(expected);
  });
});

describe('lockedTaxCodeReason', () => {
  const code = (taxType: string, status = RecordStatus.ACTIVE) => ({ name: 'R', taxType, status }) as TaxCode;

  it("locks Xero's system rates and DELETED or ARCHIVED ones, not an active rate of the organisation", () => {
    expect(lockedTaxCodeReason(code('OUTPUT'))).toMatch(/system tax rates/);
    expect(lockedTaxCodeReason(code('TAX002', RecordStatus.ARCHIVED))).toMatch(/ARCHIVED/);
    expect(lockedTaxCodeReason(code('TAX002', RecordStatus.DELETED))).toMatch(/DELETED/);
    expect(lockedTaxCodeReason(code('TAX002'))).toBeNull();
    expect(lockedTaxCodeReason(code(''))).toBeNull(); // a create still waiting for Xero
  });
});

describe('checkTaxCodeFields', () => {
  it('accepts a complete tax code', () => {
    expect(paths(valid)).toEqual([]);
  });

  it('needs a name and a component on create, not on an update that leaves them', () => {
    expect(paths({ reportTaxType: 'OUTPUT' })).toEqual(['name', 'components']);
    expect(paths({ name: 'Renamed' }, false)).toEqual([]);
    expect(paths({ name: '', components: [] }, false)).toEqual(['name', 'components']);
  });

  it.each([
    ['0', []],
    ['100', []],
    ['12.3456', []],
    ['100.0001', ['components.0.rate']],
    ['-0.5', ['components.0.rate']],
    ['1.23456', ['components.0.rate']],
  ])('takes a rate of %s percent: %j', (rate, expected) => {
    expect(paths({ ...valid, components: [{ name: 'A', rate, isCompound: true }] })).toEqual(expected);
  });

  it('names each missing part of a component', () => {
    expect(paths({ ...valid, components: [valid.components![0], {}] })).toEqual([
      'components.1.name',
      'components.1.rate',
      'components.1.isCompound',
    ]);
  });

  it.each<[string, string | null, boolean, string | undefined, string[]]>([
    ['AU create without one', 'AU', true, undefined, ['reportTaxType']],
    ['NZ create without one', 'NZ', true, undefined, ['reportTaxType']],
    ['GB create with one', 'GB', true, 'OUTPUT', []],
    ['AU update without one', 'AU', false, undefined, []],
    ['US create with one', 'US', true, 'OUTPUT', ['reportTaxType']],
    ['US create without one', 'US', true, undefined, []],
    ['an unknown one', 'AU', true, 'SALESTAX', ['reportTaxType']],
    ['an unknown country', null, true, undefined, []],
  ])('checks the report tax type: %s', (_label, country, isCreate, reportTaxType, expected) => {
    const input = { ...valid, reportTaxType };
    expect(paths(isCreate ? input : { reportTaxType }, isCreate, country)).toEqual(expected);
  });
});
