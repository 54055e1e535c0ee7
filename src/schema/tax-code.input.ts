import { Field, InputType } from 'type-graphql';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { DecimalScalar } from './scalars.js';

/** One component of a tax code to write; every field is required (checked with the others, by name). */
@InputType('TaxComponentInput', { description: 'One component of a tax code (all three fields required).' })
export class TaxComponentInput {
  @Field(() => String, { nullable: true, description: 'Component name, e.g. "State Tax".' })
  name?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Rate in percent, from 0 to 100, with at most 4 decimals.',
  })
  rate?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether it applies on top of the other components (compound).',
  })
  isCompound?: boolean | null;
}

/** A tax code (Xero tax rate) to create, or the fields of one to change. */
@InputType('TaxCodeInput', { description: 'A tax code to create, or the fields of one to change.' })
export class TaxCodeInput {
  @Field(() => String, { nullable: true, description: 'Name: required on create, at most 50, unique.' })
  name?: string | null;

  @Field(() => [TaxComponentInput], {
    nullable: true,
    description: 'The components: at least one on create; on an update they replace all components.',
  })
  components?: TaxComponentInput[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Xero's ReportTaxType (e.g. OUTPUT, INPUT): required on create for AU, NZ and UK organisations, not accepted for others.",
  })
  reportTaxType?: string | null;

  @ExpectedUpdatedAtField('tax code')
  expectedUpdatedAt?: Date | null;
}
