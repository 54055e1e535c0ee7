import { PayItemType, RecordStatus } from '../schema/enums.js';
import { PayItem } from '../schema/pay-item.entity.js';
import { byCreatedAt, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, textSearch } from './list/filter-spec.js';

export const payItemDescriptor = defineEntity({
  name: 'PayItem',
  entity: PayItem,
  single: 'payItem',
  plural: 'payItems',
  filters: {
    type: anyOf('type', PayItemType, 'Only pay items of these types.'),
    status: anyOf('status', RecordStatus, 'Only pay items with one of these statuses.'),
    search: textSearch(['e.name', 'e.account_code'], 'Text contained in the name or account code.'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    NAME: byText('name', 'Name.'),
    TYPE: byText('type', 'Type.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'NAME', direction: SortDirection.ASC },
});

export const PayItemResolver = createEntityResolver(payItemDescriptor);
