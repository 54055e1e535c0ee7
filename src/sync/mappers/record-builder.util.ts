import type {
  ChildLists,
  ConnecEntityType,
  MappedRecord,
  RecordRef,
  References,
  Tombstone,
} from './mapped-record.js';
import { timestamp } from './xero-value.util.js';

/** Collects what a mapper had to work around, so mapping never throws. */
export class MapIssues {
  readonly warnings: string[] = [];
  readonly missing: string[] = [];

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Returns the value, or the placeholder after noting that Xero left out a field it must send. */
  required<T>(field: string, value: T | null | undefined, placeholder: T): T {
    if (value === null || value === undefined || value === '') {
      this.missing.push(field);
      return placeholder;
    }
    return value;
  }
}

interface RecordParts<F, C extends ChildLists> {
  xeroId: string | null | undefined;
  idField: string;
  updatedAt?: unknown;
  fields: F;
  references?: References;
  children?: C;
  tombstone?: Tombstone | null;
}

/** Assembles a MappedRecord, noting a missing Xero id instead of throwing. */
export function buildRecord<F, C extends ChildLists = Record<never, never>>(
  entity: ConnecEntityType,
  issues: MapIssues,
  parts: RecordParts<F, C>,
): MappedRecord<F, C> {
  const xeroId = issues.required(parts.idField, parts.xeroId, '');
  return {
    entity,
    xeroId,
    remoteUpdatedAt: timestamp(parts.updatedAt),
    fields: parts.fields,
    references: parts.references ?? {},
    children: parts.children ?? ({} as C),
    tombstone: parts.tombstone ?? null,
    warnings: issues.warnings,
    missing: issues.missing,
  };
}

/** A GUID reference, or null when Xero sent no id (an empty string counts as none). */
export function refById(entity: ConnecEntityType, xeroId: string | null | undefined): RecordRef | null {
  return xeroId ? { entity, xeroId } : null;
}

/** Prefers Xero's id; falls back to the code, as line items often carry only ItemCode / AccountCode. */
export function refByIdOrCode(
  entity: 'Item' | 'Account',
  xeroId: string | null | undefined,
  code: string | null | undefined,
): RecordRef | null {
  if (xeroId) return { entity, xeroId };
  return code ? { entity, code } : null;
}
