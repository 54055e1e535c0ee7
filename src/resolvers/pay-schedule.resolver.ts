import { ScheduleType } from '../schema/enums.js';
import { PaySchedule } from '../schema/pay-schedule.entity.js';
import { byCreatedAt, byDate, byText, byUpdatedAt, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, textSearch } from './list/filter-spec.js';

export const payScheduleDescriptor = defineEntity({
  name: 'PaySchedule',
  entity: PaySchedule,
  single: 'paySchedule',
  plural: 'paySchedules',
  filters: {
    scheduleType: anyOf('schedule_type', ScheduleType, 'Only schedules of these frequencies.'),
    search: textSearch(['e.name'], 'Text contained in the name (case-insensitive).'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    NAME: byText('name', 'Name.'),
    START_DATE: byDate('start_date', 'Start date.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'NAME', direction: SortDirection.ASC },
});

export const PayScheduleResolver = createEntityResolver(payScheduleDescriptor);
