import { Authorized, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { CacheEntityName } from '../cache/cache-entities.js';
import type { GatewayContext } from '../context.js';
import { SyncStatus } from '../schema/connec-entity.js';
import { Scope } from '../schema/scope.js';
import type { BatchItemAnswer } from '../sync/outbound/batch-writes.js';
import { toPayload } from './mutation-payloads.js';

@ObjectType('WriteFieldError', { description: 'A field of the input at fault, and why.' })
export class WriteFieldError {
  @Field(() => String, { description: 'Where the field sits in the input, e.g. "lines.2.itemId".' })
  path!: string;

  @Field(() => String, { description: 'What is wrong with it.' })
  message!: string;
}

@ObjectType('BatchItemError', { description: 'Why one element of a batch was not taken.' })
export class BatchItemError {
  @Field(() => String, { description: 'BAD_USER_INPUT (checked by the gateway) or XERO_REJECTED (by Xero).' })
  code!: string;

  @Field(() => String, { description: 'A readable explanation.' })
  message!: string;

  @Field(() => [WriteFieldError], { description: 'The fields at fault (BAD_USER_INPUT).' })
  fieldErrors!: WriteFieldError[];

  @Field(() => [String], { description: "Xero's own messages (XERO_REJECTED)." })
  xeroMessages!: string[];
}

export interface BatchItemResult<T> {
  index: number;
  record: T | null;
  syncStatus: SyncStatus | null;
  warnings: string[];
  operationId: string | null;
  error: BatchItemError | null;
}

/** `<Type>BatchResult`: one element of a batch write, answered on its own. */
export function batchResultType<T extends object>(
  type: ClassType<T>,
  name: string,
): ClassType<BatchItemResult<T>> {
  @ObjectType(`${name}BatchResult`, { description: `The result of one ${name} of a batch write.` })
  class Result implements BatchItemResult<T> {
    @Field(() => Int, { description: 'Position of the element in the input list.' })
    index!: number;

    // As in a single write's payload: the record is data, and data needs the read scope.
    @Authorized(Scope.READ)
    @Field(() => type, {
      nullable: true,
      description: `The ${name} as the gateway now holds it (null when refused; read scope, FORBIDDEN without it).`,
    })
    record!: T | null;

    @Field(() => SyncStatus, {
      nullable: true,
      description: 'SYNCED or PENDING when taken; null when refused.',
    })
    syncStatus!: SyncStatus | null;

    @Field(() => [String], { description: 'What the gateway did differently from what was asked, and why.' })
    warnings!: string[];

    @Field(() => String, {
      nullable: true,
      description: 'The outbound operation (to follow a PENDING write).',
    })
    operationId!: string | null;

    @Field(() => BatchItemError, { nullable: true, description: 'Why this element was refused.' })
    error!: BatchItemError | null;
  }
  return Result;
}

/** Loads each taken record for the answer. */
export async function toBatchResults<T>(
  context: GatewayContext,
  entity: CacheEntityName,
  answers: BatchItemAnswer[],
): Promise<Array<BatchItemResult<T>>> {
  return Promise.all(
    answers.map(async ({ index, answer, error }) => {
      if (!answer) return { index, record: null, syncStatus: null, warnings: [], operationId: null, error };
      const payload = await toPayload<T>(context, entity, answer);
      return { index, ...payload, error: null };
    }),
  );
}
