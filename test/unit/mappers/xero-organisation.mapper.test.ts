import { describe, expect, it } from 'vitest';
import type { Organisation } from 'xero-node';
import { mapXeroOrganisation } from '../../../src/sync/mappers/xero-organisation.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const organisation = (json: Record<string, unknown>) =>
  fromXero<Organisation>('accounting', 'Organisation', json);

describe('mapXeroOrganisation with the OpenAPI examples', () => {
  const cases = modelExamples<Organisation>('accounting', 'Organisations', 'organisations');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('maps $label to the Company keyed by OrganisationID', ({ raw, model }) => {
    const mapped = mapXeroOrganisation(model);
    expect(mapped).toMatchObject({ entity: 'Company', xeroId: raw.OrganisationID, missing: [] });
    expect(mapped.fields).toMatchObject({
      name: raw.Name,
      countryCode: raw.CountryCode,
      baseCurrency: raw.BaseCurrency,
      financialYearEndDay: raw.FinancialYearEndDay,
      financialYearEndMonth: raw.FinancialYearEndMonth,
    });
  });
});

describe('mapXeroOrganisation', () => {
  it.each([
    ['AU', 'AU'],
    ['US', 'US'],
    ['NZ', null],
    ['GB', null],
  ])('gives a %s organisation the payroll region %s', (country, region) => {
    const mapped = mapXeroOrganisation(
      organisation({ OrganisationID: 'o', Name: 'Demo', CountryCode: country }),
    );
    expect(mapped.fields.payrollRegion).toBe(region);
  });

  it('maps names, currency, financial year end and time zone', () => {
    const mapped = mapXeroOrganisation(
      organisation({
        OrganisationID: 'b2c885a9-4bb9-4a00-9b6e-6c2bf60b1a2b',
        Name: 'Demo Company (AU)',
        LegalName: 'Demo Company (AU) Pty Ltd',
        BaseCurrency: 'AUD',
        CountryCode: 'AU',
        FinancialYearEndDay: 30,
        FinancialYearEndMonth: 6,
        Timezone: 'AUSEASTERNSTANDARDTIME',
      }),
    );
    expect(mapped.fields).toEqual({
      name: 'Demo Company (AU)',
      legalName: 'Demo Company (AU) Pty Ltd',
      countryCode: 'AU',
      baseCurrency: 'AUD',
      financialYearEndDay: 30,
      financialYearEndMonth: 6,
      timezone: 'AUSEASTERNSTANDARDTIME',
      payrollRegion: 'AU',
    });
    expect(mapped.remoteUpdatedAt).toBeNull();
  });

  it('is total: an empty organisation reports its id and name missing', () => {
    const mapped = mapXeroOrganisation(organisation({}));
    expect(mapped.missing).toEqual(['Name', 'OrganisationID']);
    expect(mapped.fields.payrollRegion).toBeNull();
  });
});
