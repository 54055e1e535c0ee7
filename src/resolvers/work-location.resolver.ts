import { WorkLocation } from '../schema/work-location.entity.js';
import { byCreatedAt, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { isTrue, textSearch } from './list/filter-spec.js';

export const workLocationDescriptor = defineEntity({
  name: 'WorkLocation',
  entity: WorkLocation,
  single: 'workLocation',
  plural: 'workLocations',
  filters: {
    isPrimary: isTrue('is_primary', 'Only the main location (true) or the others (false).'),
    search: textSearch(['e.name', "(e.address->>'city')"], 'Text contained in the name or city.'),
    updatedSince: updatedSince(),
  },
  orderBy: { NAME: byText('name', 'Name.'), UPDATED_AT: byUpdatedAt, CREATED_AT: byCreatedAt },
  defaultOrder: { field: 'NAME', direction: SortDirection.ASC },
});

export const WorkLocationResolver = createEntityResolver(workLocationDescriptor);
