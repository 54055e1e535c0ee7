import { Account } from '../schema/account.entity.js';
import { AccountClass, AccountType, RecordStatus } from '../schema/enums.js';
import { TaxCode } from '../schema/tax-code.entity.js';
import { byCreatedAt, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, isTrue, textSearch } from './list/filter-spec.js';
import { belongsTo } from './list/relations.js';

export const accountDescriptor = defineEntity({
  name: 'Account',
  entity: Account,
  single: 'account',
  plural: 'accounts',
  filters: {
    status: anyOf('status', RecordStatus, 'Only accounts with one of these statuses.'),
    class: anyOf('class', AccountClass, 'Only accounts of these classes.'),
    type: anyOf('type', AccountType, 'Only accounts of these Xero types.'),
    enablePayments: isTrue('enable_payments', 'Only accounts that take payments (true) or not (false).'),
    search: textSearch(['e.code', 'e.name'], 'Text contained in the code or name (case-insensitive).'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    CODE: byText('code', 'Account code.'),
    NAME: byText('name', 'Name.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'CODE', direction: SortDirection.ASC },
});

export const AccountResolver = createEntityResolver(accountDescriptor, {
  taxCode: belongsTo(() => TaxCode, 'taxCodeId', 'Default tax code of the account.'),
});
