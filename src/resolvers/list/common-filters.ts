import { ID } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../schema/scalars.js';
import type { OrderSpec } from './entity-descriptor.js';
import { atLeast, atMost, checkIds, custom, type FilterSpec, idIn, textSearch } from './filter-spec.js';

/** Filters and sort keys several entities share. */

export const updatedSince = (): FilterSpec =>
  atLeast('updated_at', Date, 'Only rows that changed in the gateway at or after this time (ISO-8601).');

export const byUpdatedAt: OrderSpec = {
  sql: 'e.updated_at',
  cast: 'timestamptz',
  description: 'When the row last changed in the gateway.',
};
export const byCreatedAt: OrderSpec = {
  sql: 'e.created_at',
  cast: 'timestamptz',
  description: 'When the row was first cached.',
};

/**
 * A column as a sort key. Plain columns (no coalesce) so an index on (tenant_id, column, id) can serve
 * the sort; NULLs sort as Postgres puts them (last ascending, first descending), and the keyset
 * condition handles them (see list-query.ts).
 */
const byNullable =
  (cast: string) =>
  (column: string, description: string): OrderSpec => ({
    sql: `e.${column}`,
    cast,
    nullable: true,
    description,
  });

export const byText = byNullable('text');
export const byDate = byNullable('date');
export const byNumber = byNullable('numeric');

/** `<name>From` / `<name>To` filters on a date column, both inclusive. */
export function dateRange(name: string, column: string, what: string): Record<string, FilterSpec> {
  return {
    [`${name}From`]: atLeast(column, DateScalar, `Only rows whose ${what} is on or after this date.`),
    [`${name}To`]: atMost(column, DateScalar, `Only rows whose ${what} is on or before this date.`),
  };
}

/** `<name>Min` / `<name>Max` filters on an amount column, both inclusive. */
export function amountRange(name: string, column: string, what: string): Record<string, FilterSpec> {
  return {
    [`${name}Min`]: atLeast(column, DecimalScalar, `Only rows whose ${what} is at least this.`),
    [`${name}Max`]: atMost(column, DecimalScalar, `Only rows whose ${what} is at most this.`),
  };
}

/** Filters every transaction (invoice, purchase order, credit note) has, over its line table. */
export function transactionFilters(lineTable: string, lineForeignKey: string): Record<string, FilterSpec> {
  return {
    organizationId: idIn('organization_id', 'Only documents of these organizations (Connec! ids).'),
    personId: idIn('person_id', 'Only documents addressed to these people (Connec! ids).'),
    itemId: custom(
      () => [ID],
      'Only documents with a line for one of these items (Connec! ids).',
      (value, param, path) => {
        const ids = param(checkIds(value, path));
        return `EXISTS (SELECT 1 FROM "${lineTable}" l WHERE l.tenant_id = e.tenant_id AND l.${lineForeignKey} = e.id AND l.item_id = ANY(${ids}::uuid[]))`;
      },
    ),
    ...dateRange('transactionDate', 'transaction_date', 'transaction date'),
    ...amountRange('totalAmount', 'total_amount', 'total amount'),
    search: textSearch(
      ['e.transaction_number', 'e.reference'],
      'Text contained in the document number or reference (case-insensitive).',
    ),
    updatedSince: updatedSince(),
  };
}

export const transactionOrder: Record<string, OrderSpec> = {
  TRANSACTION_DATE: byDate('transaction_date', 'Document date.'),
  TRANSACTION_NUMBER: byText('transaction_number', 'Document number.'),
  TOTAL_AMOUNT: byNumber('total_amount', 'Total amount.'),
  UPDATED_AT: byUpdatedAt,
  CREATED_AT: byCreatedAt,
};
