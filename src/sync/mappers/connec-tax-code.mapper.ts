import type { TaxRate } from 'xero-node';
import { RecordStatus } from '../../schema/enums.js';
import type { TaxComponent } from '../../schema/value-objects.js';
import { addDecimal, divideDecimal, multiplyDecimal, sumDecimals } from './decimal.util.js';

/** Xero keeps tax rates to 4 decimals ("Tax Rate (up to 4dp)", EffectiveRate "decimal to 4dp"). */
export const TAX_RATE_DECIMALS = 4;

/** The fields of a validated tax code write; `undefined` means "not given". Rates are exact decimals. */
export interface ResolvedTaxCode {
  name?: string;
  /** The whole list: Xero replaces a tax rate's components as a block. */
  components?: TaxComponent[];
  /** Xero's ReportTaxType (AU, NZ and UK organisations only). */
  reportTaxType?: string;
  /** Only DELETED is ever asked for; Xero answers ARCHIVED instead when a transaction used the rate. */
  status?: RecordStatus.DELETED;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The effective rate of components, as Xero computes it: a compound component applies to the amount
 * plus the simple components' tax (5% + 7% compound = 5 + 7 x 1.05 = 12.35%), rounded to 4 decimals.
 */
export function effectiveTaxRate(components: readonly TaxComponent[]): string {
  const simple = sumDecimals(components.filter((c) => !c.isCompound).map((c) => c.rate));
  const compound = sumDecimals(components.filter((c) => c.isCompound).map((c) => c.rate));
  const onTop = divideDecimal(multiplyDecimal(compound, addDecimal('100', simple)), '100', TAX_RATE_DECIMALS);
  return addDecimal(simple, onTop ?? '0');
}

/**
 * The Xero TaxRate of a write (xero-node's model: rates as numbers, which a rate of at most 4 decimals
 * survives exactly). TaxType is never set here: Xero issues it on create, and an update carries the
 * record's own (the descriptor adds it). CanApplyTo*, DisplayTaxRate and EffectiveRate are read-only.
 */
export function toXeroTaxRate(code: ResolvedTaxCode): TaxRate {
  return defined({
    name: code.name,
    taxComponents: code.components?.map((c) => ({
      name: c.name,
      rate: Number(c.rate),
      isCompound: c.isCompound,
    })),
    reportTaxType: code.reportTaxType,
    status: code.status,
  }) as unknown as TaxRate;
}

/**
 * The cache fields of a tax code whose write is pending. A create has no TaxType until Xero issues one
 * (the column is NOT NULL: empty until then); Xero's answer replaces every field when it lands.
 */
export function pendingTaxCodeFields(code: ResolvedTaxCode, isCreate: boolean): Record<string, unknown> {
  return defined({
    name: code.name,
    taxType: isCreate ? '' : undefined,
    status: code.status ?? (isCreate ? RecordStatus.ACTIVE : undefined),
    components: code.components,
    effectiveRate: code.components ? effectiveTaxRate(code.components) : undefined,
  });
}
