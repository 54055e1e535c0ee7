import type { TaxRate } from 'xero-node';
import { RecordStatus } from '../../schema/enums.js';
import type { TaxComponent } from '../../schema/value-objects.js';
import { decimal, decimalOrZero, sumDecimals } from './decimal.util.js';
import type { MappedRecord, TaxCodeFields, Tombstone } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import { flag, lookupEnum, text } from './xero-value.util.js';

export type MappedTaxCode = MappedRecord<TaxCodeFields>;

// PENDING: a rate Xero will switch to later; it is usable, so it counts as active.
const STATUS: Record<string, [RecordStatus, Tombstone | null]> = {
  ACTIVE: [RecordStatus.ACTIVE, null],
  PENDING: [RecordStatus.ACTIVE, null],
  ARCHIVED: [RecordStatus.ARCHIVED, 'ARCHIVED'],
  DELETED: [RecordStatus.DELETED, 'DELETED'],
};

function components(rate: TaxRate): TaxComponent[] {
  return (rate.taxComponents ?? []).map((c) => ({
    name: text(c.name) ?? '',
    rate: decimalOrZero(c.rate),
    isCompound: flag(c.isCompound),
  }));
}

/**
 * Maps a Xero TaxRate to a TaxCode keyed by its TaxType (Xero has no other id for it). TaxRates carry
 * no UpdatedDateUTC and no If-Modified-Since: the sync re-reads and diffs them.
 */
export function mapXeroTaxRate(rate: TaxRate): MappedTaxCode {
  const issues = new MapIssues();
  const taxType = text(rate.taxType);
  const [status, tombstone] = lookupEnum(
    STATUS,
    rate.status ?? 'ACTIVE',
    STATUS.ACTIVE,
    'TaxRate Status',
    (m) => issues.warn(m),
  );
  const parts = components(rate);
  // EffectiveRate accounts for compounding; without it the components' simple sum is the best estimate.
  const effectiveRate =
    decimal(rate.effectiveRate) ?? decimal(rate.displayTaxRate) ?? sumDecimals(parts.map((c) => c.rate));
  return buildRecord('TaxCode', issues, {
    xeroId: taxType,
    idField: 'TaxType',
    tombstone,
    fields: {
      name: issues.required('Name', text(rate.name), taxType ?? ''),
      taxType: taxType ?? '',
      status,
      effectiveRate,
      components: parts,
      canApplyToRevenue: flag(rate.canApplyToRevenue),
      canApplyToExpenses: flag(rate.canApplyToExpenses),
      canApplyToAssets: flag(rate.canApplyToAssets),
      canApplyToLiabilities: flag(rate.canApplyToLiabilities),
    },
  });
}
