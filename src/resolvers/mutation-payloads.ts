import { Authorized, type ClassType, Field, ID, ObjectType } from 'type-graphql';
import { type CacheEntityName, cacheEntityTypes } from '../cache/cache-entities.js';
import type { GatewayContext } from '../context.js';
import { xeroUnavailable } from '../errors.js';
import { SyncStatus } from '../schema/connec-entity.js';
import { Scope } from '../schema/scope.js';
import { withArticle } from '../sync/outbound/indefinite-article.js';
import type { WriteAnswer, WriteCaller } from '../sync/outbound/invoice-writes.js';
import { outboundOf } from '../sync/outbound/outbound-worker.js';

/** What every write mutation answers. */
export interface WritePayload<T> {
  record: T | null;
  syncStatus: SyncStatus;
  warnings: string[];
  operationId: string | null;
}

/** `<Type>Payload`: the record as the cache now holds it, whether Xero has it yet, and warnings. */
export function writePayloadType<T extends object>(
  type: ClassType<T>,
  name: string,
): ClassType<WritePayload<T>> {
  @ObjectType(`${name}Payload`, { description: `The result of a write of ${withArticle(name)}.` })
  class Payload implements WritePayload<T> {
    // Writing is not reading: a write-only key learns whether its write was taken, not what the record holds.
    @Authorized(Scope.READ)
    @Field(() => type, {
      nullable: true,
      description: `The ${name} as the gateway now holds it (read scope; FORBIDDEN without it).`,
    })
    record!: T | null;

    @Field(() => SyncStatus, {
      description: 'SYNCED when Xero took the write; PENDING when it is kept and retried until Xero answers.',
    })
    syncStatus!: SyncStatus;

    @Field(() => [String], { description: 'What the gateway did differently from what was asked, and why.' })
    warnings!: string[];

    @Field(() => ID, { nullable: true, description: 'The outbound operation (to follow a PENDING write).' })
    operationId!: string | null;
  }
  return Payload;
}

/** The caller of a write mutation: tenant and app from the credential, and the outbound pipeline. */
export function writeCaller(context: GatewayContext): WriteCaller {
  const pipeline = outboundOf(context);
  if (!pipeline) throw xeroUnavailable('No Xero is configured for this gateway: nothing can be written.');
  return {
    pipeline,
    tenantId: context.auth.tenant.id,
    app: { id: context.auth.app.id, provider: context.auth.app.provider },
  };
}

/**
 * Loads the written record for the payload. A PENDING write is answered even when the record cannot be
 * read now (the database went away after the op was recorded): the app learns its write was accepted,
 * with the operation to follow, instead of an error that would make it write again.
 */
export async function toPayload<T>(
  context: GatewayContext,
  entity: CacheEntityName,
  answer: WriteAnswer,
): Promise<WritePayload<T>> {
  const record = (await context.db
    .getRepository(cacheEntityTypes[entity].entity)
    .findOneBy({ tenantId: context.auth.tenant.id, id: answer.recordId } as never)
    .catch((error) => {
      if (answer.syncStatus !== SyncStatus.PENDING) throw error;
      context.logger.warn(
        { err: error, op: answer.operationId },
        'pending write answered without its record',
      );
      return null;
    })) as T | null;
  return {
    record,
    syncStatus: answer.syncStatus,
    warnings: answer.warnings,
    operationId: answer.operationId,
  };
}
