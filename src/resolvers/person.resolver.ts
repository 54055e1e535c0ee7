import { Organization } from '../schema/organization.entity.js';
import { Person } from '../schema/person.entity.js';
import { byCreatedAt, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { idIn, isTrue, textSearch } from './list/filter-spec.js';
import { belongsTo } from './list/relations.js';

export const personDescriptor = defineEntity({
  name: 'Person',
  entity: Person,
  single: 'person',
  plural: 'people',
  filters: {
    organizationId: idIn('organization_id', 'Only people of these organizations (Connec! ids).'),
    isPrimary: isTrue('is_primary', 'Only primary people (true) or the others (false).'),
    search: textSearch(
      ['e.first_name', 'e.last_name', "(e.email->>'address')"],
      'Text contained in the first name, last name or email address (case-insensitive).',
    ),
    updatedSince: updatedSince(),
  },
  orderBy: {
    LAST_NAME: byText('last_name', 'Last name.'),
    FIRST_NAME: byText('first_name', 'First name.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'LAST_NAME', direction: SortDirection.ASC },
});

export const PersonResolver = createEntityResolver(personDescriptor, {
  organization: belongsTo(() => Organization, 'organizationId', 'The organization the person works for.'),
});
