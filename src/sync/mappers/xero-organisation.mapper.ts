import type { Organisation } from 'xero-node';
import type { CompanyFields, MappedRecord } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import { enumName, text } from './xero-value.util.js';

export type MappedCompany = MappedRecord<CompanyFields>;

/** Xero runs payroll for these countries through APIs the gateway knows (AU live, US legacy). */
const PAYROLL_COUNTRIES = new Set(['AU', 'US']);

function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/**
 * Maps the Xero Organisation to the tenant's Company, keyed by OrganisationID. payrollRegion is the
 * country's payroll API; whether payroll scopes were granted is the connection's business (rule 15).
 */
export function mapXeroOrganisation(organisation: Organisation): MappedCompany {
  const issues = new MapIssues();
  const countryCode = enumName(organisation.countryCode);
  return buildRecord('Company', issues, {
    xeroId: text(organisation.organisationID),
    idField: 'OrganisationID',
    // Organisation has no UpdatedDateUTC (CreatedDateUTC is not a change time).
    updatedAt: null,
    fields: {
      name: issues.required('Name', text(organisation.name), ''),
      legalName: text(organisation.legalName),
      countryCode,
      baseCurrency: enumName(organisation.baseCurrency),
      financialYearEndDay: wholeNumber(organisation.financialYearEndDay),
      financialYearEndMonth: wholeNumber(organisation.financialYearEndMonth),
      timezone: enumName(organisation.timezone),
      payrollRegion: countryCode && PAYROLL_COUNTRIES.has(countryCode) ? countryCode : null,
    },
  });
}
