import type { EntityManager } from 'typeorm';
import { TaxRate } from 'xero-node';
import { badUserInput, type FieldError } from '../../errors.js';
import { RecordStatus } from '../../schema/enums.js';
import type { TaxCode } from '../../schema/tax-code.entity.js';
import type { TaxCodeInput, TaxComponentInput } from '../../schema/tax-code.input.js';
import type { TaxComponent } from '../../schema/value-objects.js';
import { compareDecimal } from '../mappers/connec-payment.mapper.js';
import { type ResolvedTaxCode, TAX_RATE_DECIMALS } from '../mappers/connec-tax-code.mapper.js';
import { decimal } from '../mappers/decimal.util.js';
import { withArticle } from './indefinite-article.js';

/**
 * Xero's spec and docs state no maximum for a TaxRate's Name. 50 is the gateway's own limit, unconfirmed
 * against Xero (it matches Xero's Item Name): raise it if Xero is found to take longer names.
 */
export const MAX_TAX_CODE_NAME = 50;

/** ReportTaxType exists for AU, NZ and UK organisations only, and they must give it on create. */
const REPORT_TAX_REGIONS = ['AU', 'NZ', 'GB'];

/** Xero's ReportTaxTypes: xero-node 20's enum, the same list as the OpenAPI spec's. */
const REPORT_TAX_TYPES: ReadonlySet<string> = new Set(Object.values(TaxRate.ReportTaxTypeEnum).map(String));

/**
 * Tax rates an organisation adds get TaxTypes TAX001, TAX002, ...; every other TaxType (OUTPUT, INPUT,
 * NONE, ...) is one of Xero's system rates, which cannot be changed or deleted.
 */
export function isSystemTaxType(taxType: string): boolean {
  return taxType !== '' && !/^TAX\d+$/i.test(taxType);
}

/** Why this tax code cannot be changed or deleted, if it cannot. Pure. */
export function lockedTaxCodeReason(existing: TaxCode): string | null {
  if (isSystemTaxType(existing.taxType)) {
    return `${existing.name} (${existing.taxType}) is one of Xero's system tax rates: Xero does not allow changing or deleting it, so nothing was changed.`;
  }
  if (existing.status !== RecordStatus.ACTIVE) {
    return `This tax code is ${existing.status}: Xero cannot restore or change it, so nothing was changed.`;
  }
  return null;
}

function checkComponent(component: TaxComponentInput, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!component.name?.trim()) errors.push({ path: `${at}.name`, message: 'A component needs a name.' });
  const rate = component.rate == null ? null : decimal(component.rate);
  if (rate === null) {
    errors.push({ path: `${at}.rate`, message: 'A component needs a rate in percent, from 0 to 100.' });
  } else if (compareDecimal(rate, '0') < 0 || compareDecimal(rate, '100') > 0) {
    errors.push({ path: `${at}.rate`, message: `Must be from 0 to 100 (percent); got ${rate}.` });
  } else if ((rate.split('.')[1]?.length ?? 0) > TAX_RATE_DECIMALS) {
    errors.push({ path: `${at}.rate`, message: `Xero keeps at most ${TAX_RATE_DECIMALS} decimals.` });
  }
  if (component.isCompound == null)
    errors.push({
      path: `${at}.isCompound`,
      message: 'Say whether the component is compound (true or false).',
    });
  return errors;
}

function checkReportTaxType(
  input: TaxCodeInput,
  isCreate: boolean,
  countryCode: string | null,
): FieldError[] {
  const given = input.reportTaxType?.trim();
  const path = 'reportTaxType';
  if (given && !REPORT_TAX_TYPES.has(given))
    return [{ path, message: `Not a report tax type Xero knows: "${given}" (e.g. OUTPUT, INPUT).` }];
  if (!countryCode) return [];
  const reported = REPORT_TAX_REGIONS.includes(countryCode);
  if (isCreate && reported && !given)
    return [
      {
        path,
        message: `Xero requires a report tax type (e.g. OUTPUT, INPUT) from ${withArticle(countryCode)} organisation.`,
      },
    ];
  if (!reported && given)
    return [
      {
        path,
        message: `Xero takes no report tax type from ${withArticle(countryCode)} organisation: leave it out.`,
      },
    ];
  return [];
}

/** Field rules that need no database: required fields, lengths, ranges, Xero's report tax types. Pure. */
export function checkTaxCodeFields(
  input: TaxCodeInput,
  isCreate: boolean,
  countryCode: string | null,
): FieldError[] {
  const errors: FieldError[] = [];
  const name = input.name?.trim();
  if ((isCreate || input.name != null) && !name)
    errors.push({ path: 'name', message: 'A tax code needs a name.' });
  if ((name?.length ?? 0) > MAX_TAX_CODE_NAME)
    errors.push({ path: 'name', message: `Must be at most ${MAX_TAX_CODE_NAME} characters.` });
  if ((isCreate || input.components != null) && !input.components?.length) {
    errors.push({
      path: 'components',
      message: 'A tax code needs at least one component (name, rate and isCompound).',
    });
  }
  (input.components ?? []).forEach((component, index) => {
    errors.push(...checkComponent(component, `components.${index}`));
  });
  errors.push(...checkReportTaxType(input, isCreate, countryCode));
  return errors;
}

/** Another tax code of the tenant already has this name (case-insensitive; deleted ones do not count). */
async function nameTaken(
  manager: EntityManager,
  tenantId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM tax_codes WHERE tenant_id = $1 AND lower(name) = lower($2) AND status <> 'DELETED'
        AND deleted_at IS NULL AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
    [tenantId, name, exceptId],
  );
  return rows.length > 0;
}

/**
 * Validates a tax code write (BAD_USER_INPUT before anything is written anywhere) and resolves it. An
 * update sends Name and TaxComponents, from the cache when not given: Xero's own POST /TaxRates example
 * re-sends both even to delete, so the element is never sent without them.
 */
export async function resolveTaxCodeInput(
  manager: EntityManager,
  tenantId: string,
  input: TaxCodeInput,
  existing: TaxCode | null,
  countryCode: string | null,
): Promise<ResolvedTaxCode> {
  const errors = checkTaxCodeFields(input, !existing, countryCode);
  const name = input.name?.trim();
  if (
    name &&
    !errors.some((e) => e.path === 'name') &&
    (await nameTaken(manager, tenantId, name, existing?.id ?? null))
  )
    errors.push({ path: 'name', message: `Another tax code is named "${name}": names must be unique.` });
  if (errors.length > 0) throw badUserInput(errors);
  const components: TaxComponent[] | undefined = input.components?.map((c) => ({
    name: c.name!.trim(),
    rate: decimal(c.rate)!,
    isCompound: c.isCompound!,
  }));
  return {
    name: name ?? existing?.name,
    components: components ?? existing?.components,
    reportTaxType: input.reportTaxType?.trim() || undefined,
  };
}
