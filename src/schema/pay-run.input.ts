import { Field, ID, InputType } from 'type-graphql';
import { ExternalIdInput } from './value-objects.js';

/** A draft pay run to create in Xero for a pay schedule's next period. */
@InputType('PayRunInput', { description: 'A draft pay run to create (or upsert) for a pay schedule.' })
export class PayRunInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Connec! id of the pay schedule (AU: payroll calendar, US: pay schedule).',
  })
  payScheduleId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The pay schedule by its id in another system.',
  })
  paySchedule?: ExternalIdInput | null;
}
