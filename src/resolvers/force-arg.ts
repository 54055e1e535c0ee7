import { Arg } from 'type-graphql';

/**
 * The `force` argument every update mutation takes beside `input.expectedUpdatedAt` (see
 * `assertCurrentVersion`): true overwrites even when the record changed since that version.
 */
export function ForceArg(noun: string) {
  return Arg('force', () => Boolean, {
    defaultValue: false,
    description: `Overwrite even when the ${noun} changed since \`input.expectedUpdatedAt\`.`,
  });
}
