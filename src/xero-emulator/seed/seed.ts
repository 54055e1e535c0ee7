import { Prng, stringSeed, withSeededIds } from '../core/ids.js';
import { createOrgState, type OrgState, type PayrollRegion } from '../state/org-state.js';
import { seedChart, seedContactsAndItems, seedDocuments } from './seed-accounting.js';
import { seedCalendar } from './seed-calendar.js';
import { seedPayrollAu } from './seed-payroll-au.js';
import { seedPayrollUs } from './seed-payroll-us.js';
import { seedScale } from './seed-scale.js';
import { SeedWriter } from './seed-writer.js';

interface OrgDef {
  name: string;
  legalName: string;
  countryCode: string;
  baseCurrency: string;
  payrollRegion: PayrollRegion;
  version: string;
  timezone: string;
  shortCode: string;
  financialYearEndMonth: number;
}

export const ORG_DEFS: OrgDef[] = [
  {
    name: 'Demo Company (AU)',
    legalName: 'Demo Company (AU) Pty Ltd',
    countryCode: 'AU',
    baseCurrency: 'AUD',
    payrollRegion: 'AU',
    version: 'AU',
    timezone: 'AUSEASTERNSTANDARDTIME',
    shortCode: '!au001',
    financialYearEndMonth: 6,
  },
  {
    name: 'Demo Company (US)',
    legalName: 'Demo Company (US) Inc',
    countryCode: 'US',
    baseCurrency: 'USD',
    payrollRegion: 'US',
    version: 'US',
    timezone: 'EASTERNSTANDARDTIME',
    shortCode: '!us001',
    financialYearEndMonth: 12,
  },
  {
    name: 'Demo Company (UK)',
    legalName: 'Demo Company (UK) Ltd',
    countryCode: 'GB',
    baseCurrency: 'GBP',
    payrollRegion: null,
    version: 'UK',
    timezone: 'GMTSTANDARDTIME',
    shortCode: '!uk001',
    financialYearEndMonth: 3,
  },
];

/**
 * Seeded timestamps start here (for the reference day; moved with the dates, see seed-calendar) and step
 * a minute per record: identical on every start for the same day.
 */
export const SEED_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * Builds the three demo organisations; every id comes from a PRNG seeded by the organisation name, every
 * date and seeded timestamp is placed for `today` (`YYYY-MM-DD`, see seed-calendar): the same name and
 * day always give the same organisations.
 */
export function seedOrganisations(
  kind: 'demo' | 'empty',
  scale: number,
  today: string,
): { orgs: OrgState[]; lastSeedMs: number } {
  const cal = seedCalendar(today);
  const epoch = cal.ms(SEED_EPOCH_MS);
  let lastSeedMs = epoch;
  const orgs = ORG_DEFS.map((def, index) => {
    const prng = new Prng(stringSeed(def.name));
    const tenantId = prng.uuid();
    const org = createOrgState({
      tenantId,
      name: def.name,
      countryCode: def.countryCode,
      baseCurrency: def.baseCurrency,
      payrollRegion: def.payrollRegion,
    });
    const w = new SeedWriter(org, epoch + index * 3_600_000);
    org.organisation = {
      OrganisationID: tenantId,
      APIKey: '',
      Name: def.name,
      LegalName: def.legalName,
      PaysTax: true,
      Version: def.version,
      OrganisationType: 'COMPANY',
      BaseCurrency: def.baseCurrency,
      CountryCode: def.countryCode,
      IsDemoCompany: true,
      OrganisationStatus: 'ACTIVE',
      FinancialYearEndDay: def.financialYearEndMonth === 12 || def.financialYearEndMonth === 3 ? 31 : 30,
      FinancialYearEndMonth: def.financialYearEndMonth,
      SalesTaxBasis: 'ACCRUALS',
      SalesTaxPeriod: 'QUARTERLY1',
      DefaultSalesTax: 'Tax Exclusive',
      DefaultPurchasesTax: 'Tax Exclusive',
      CreatedDateUTC: epoch,
      OrganisationEntityType: 'COMPANY',
      Timezone: def.timezone,
      ShortCode: def.shortCode,
      Edition: 'BUSINESS',
      Class: 'DEMO',
      Addresses: [],
      Phones: [],
      ExternalLinks: [],
      PaymentTerms: {},
    };
    withSeededIds(prng, () => {
      seedChart(org, w);
      if (kind === 'demo') {
        const contacts = seedContactsAndItems(org, w);
        seedDocuments(org, w, contacts, cal);
        if (def.payrollRegion === 'AU') seedPayrollAu(org, w, prng, cal);
        if (def.payrollRegion === 'US') seedPayrollUs(org, w, prng, cal);
      }
    });
    const end = kind === 'demo' && scale > 0 ? seedScale(org, scale, prng, w.time, cal) : w.time;
    lastSeedMs = Math.max(lastSeedMs, end);
    return org;
  });
  return { orgs, lastSeedMs };
}
