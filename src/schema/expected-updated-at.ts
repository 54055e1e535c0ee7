import { Field } from 'type-graphql';

/**
 * `expectedUpdatedAt` on an update input (see `assertCurrentVersion`): the version the change is based on.
 * Paired with the mutation's `force` argument (`ForceArg`).
 */
export function ExpectedUpdatedAtField(noun: string) {
  return Field(() => Date, {
    nullable: true,
    description: `Updates only: the \`updatedAt\` the change is based on. When the ${noun} changed since (in the gateway or in Xero), the update is refused with CONFLICT unless \`force\` is true.`,
  });
}
