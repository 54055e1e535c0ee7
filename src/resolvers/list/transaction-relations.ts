import { Account } from '../../schema/account.entity.js';
import { Item } from '../../schema/item.entity.js';
import { Organization } from '../../schema/organization.entity.js';
import { Person } from '../../schema/person.entity.js';
import { TaxCode } from '../../schema/tax-code.entity.js';
import { belongsTo, type RelationSpec } from './relations.js';

/** Relations of every transaction document (invoice, purchase order, credit note). */
export const transactionRelations = (): Record<string, RelationSpec> => ({
  organization: belongsTo(() => Organization, 'organizationId', 'The customer or supplier.'),
  person: belongsTo(() => Person, 'personId', 'The contact person.'),
});

/** Relations of every transaction line. */
export const lineRelations = (): Record<string, RelationSpec> => ({
  item: belongsTo(() => Item, 'itemId', 'The item sold or bought.'),
  account: belongsTo(() => Account, 'accountId', 'The account the line posts to.'),
  taxCode: belongsTo(() => TaxCode, 'taxCodeId', 'The tax code of the line.'),
});
