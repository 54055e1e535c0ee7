import { RecordStatus } from '../schema/enums.js';
import { Organization } from '../schema/organization.entity.js';
import { Person } from '../schema/person.entity.js';
import { creditNoteDescriptor } from './credit-note.resolver.js';
import { invoiceDescriptor } from './invoice.resolver.js';
import { byCreatedAt, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, isTrue, textSearch } from './list/filter-spec.js';
import { connectionOf, hasMany } from './list/relations.js';
import { purchaseOrderDescriptor } from './purchase-order.resolver.js';

export const organizationDescriptor = defineEntity({
  name: 'Organization',
  entity: Organization,
  single: 'organization',
  plural: 'organizations',
  filters: {
    status: anyOf('status', RecordStatus, 'Only organizations with one of these statuses.'),
    isCustomer: isTrue('is_customer', 'Only customers (true) or non-customers (false).'),
    isSupplier: isTrue('is_supplier', 'Only suppliers (true) or non-suppliers (false).'),
    isLead: isTrue('is_lead', 'Only leads (true) or non-leads (false).'),
    search: textSearch(
      ['e.name', 'e.code', "(e.email->>'address')"],
      'Text contained in the name, code or email address (case-insensitive).',
    ),
    updatedSince: updatedSince(),
  },
  orderBy: {
    NAME: byText('name', 'Name.'),
    CODE: byText('code', 'Code.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'NAME', direction: SortDirection.ASC },
});

export const OrganizationResolver = createEntityResolver(organizationDescriptor, {
  people: hasMany(
    { entity: () => Person, foreignKey: 'organization_id', orderBy: 'last_name' },
    'The people of the organization; the primary one is marked isPrimary.',
  ),
  invoices: connectionOf(
    () => invoiceDescriptor,
    'organization_id',
    'Invoices of the organization, a page at a time.',
  ),
  creditNotes: connectionOf(
    () => creditNoteDescriptor,
    'organization_id',
    'Credit notes of the organization, a page at a time.',
  ),
  purchaseOrders: connectionOf(
    () => purchaseOrderDescriptor,
    'organization_id',
    'Purchase orders placed with the organization, a page at a time.',
  ),
});
