import { RecordStatus } from '../schema/enums.js';
import { TaxCode } from '../schema/tax-code.entity.js';
import { byCreatedAt, byNumber, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, isTrue, textSearch } from './list/filter-spec.js';

export const taxCodeDescriptor = defineEntity({
  name: 'TaxCode',
  entity: TaxCode,
  single: 'taxCode',
  plural: 'taxCodes',
  filters: {
    status: anyOf('status', RecordStatus, 'Only tax codes with one of these statuses.'),
    canApplyToRevenue: isTrue('can_apply_to_revenue', 'Only tax codes usable on revenue (true) or not.'),
    canApplyToExpenses: isTrue('can_apply_to_expenses', 'Only tax codes usable on expenses (true) or not.'),
    search: textSearch(['e.name', 'e.tax_type'], 'Text contained in the name or Xero tax type.'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    NAME: byText('name', 'Name.'),
    EFFECTIVE_RATE: byNumber('effective_rate', 'Effective rate.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'NAME', direction: SortDirection.ASC },
});

export const TaxCodeResolver = createEntityResolver(taxCodeDescriptor);
