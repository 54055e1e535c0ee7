import { Account } from '../schema/account.entity.js';
import { ItemType, RecordStatus } from '../schema/enums.js';
import { Item } from '../schema/item.entity.js';
import { TaxCode } from '../schema/tax-code.entity.js';
import { byCreatedAt, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, isTrue, textSearch } from './list/filter-spec.js';
import { belongsTo } from './list/relations.js';

export const itemDescriptor = defineEntity({
  name: 'Item',
  entity: Item,
  single: 'item',
  plural: 'items',
  filters: {
    status: anyOf('status', RecordStatus, 'Only items with one of these statuses.'),
    type: anyOf('type', ItemType, 'Only items of these types.'),
    isInventoried: isTrue('is_inventoried', 'Only tracked (true) or untracked (false) items.'),
    search: textSearch(
      ['e.code', 'e.name', 'e.description'],
      'Text contained in the code, name or description (case-insensitive).',
    ),
    updatedSince: updatedSince(),
  },
  orderBy: {
    CODE: byText('code', 'Item code.'),
    NAME: byText('name', 'Name.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'CODE', direction: SortDirection.ASC },
});

export const ItemResolver = createEntityResolver(itemDescriptor, {
  saleTaxCode: belongsTo(() => TaxCode, 'saleTaxCodeId', 'Tax code applied on sales.'),
  purchaseTaxCode: belongsTo(() => TaxCode, 'purchaseTaxCodeId', 'Tax code applied on purchases.'),
  saleAccount: belongsTo(() => Account, 'saleAccountId', 'Revenue account for sales.'),
  purchaseAccount: belongsTo(() => Account, 'purchaseAccountId', 'Account for purchases.'),
});
