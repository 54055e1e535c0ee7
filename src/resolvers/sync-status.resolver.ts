import {
  Arg,
  Authorized,
  Ctx,
  Field,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { badArgument } from '../errors.js';
import { Scope } from '../schema/scope.js';
import { SyncState } from '../schema/sync-state.entity.js';
import { XeroConnection } from '../schema/xero-connection.entity.js';
import type { SyncStatusMessage } from '../sync/events/sync-status.js';
import { ALL_SYNC_SPECS } from '../sync/inbound/sync-specs.js';
import { readSyncStatus, type SyncStatusView } from '../sync/inbound/sync-status.query.js';

@ObjectType('TenantSyncStatus', {
  description: "The tenant's sync with Xero: connection, per-entity progress, API allowance.",
})
export class SyncStatusType implements SyncStatusView {
  @Field(() => XeroConnection, { nullable: true, description: 'The Xero connection, if the tenant has one.' })
  connection!: XeroConnection | null;

  @Field(() => [SyncState], {
    description: 'Per entity type: state, last success, watermark, records, last error.',
  })
  entities!: SyncState[];

  @Field(() => Int, { description: "Calls made to the organisation's Xero API in the last 24 hours." })
  apiCallsToday!: number;

  @Field(() => Int, {
    nullable: true,
    description: "What is left of the organisation's daily Xero allowance.",
  })
  remainingAllowance!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when Xero asked the gateway to wait (429), if it did.',
  })
  pausedUntil!: Date | null;
}

@ObjectType('SyncStatusNotice', {
  description: 'A change in sync progress, connection state or an outbound write.',
})
export class SyncStatusNoticeType {
  @Field(() => String, {
    description:
      'SYNC_STARTED, SYNC_PROGRESS, SYNC_COMPLETED, SYNC_FAILED, CONNECTION_NEEDS_REAUTH, CONNECTION_DISCONNECTED, RATE_LIMIT_PAUSED, WRITE_PENDING, WRITE_SYNCED or WRITE_FAILED.',
  })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The entity type concerned, if any.' })
  entity?: string;

  @Field(() => String, { nullable: true, description: 'The record concerned, if any.' })
  entityId?: string;

  @Field(() => String, { description: 'What happened, for people.' })
  message!: string;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;
}

@Resolver()
export class SyncStatusResolver {
  @Authorized(Scope.READ)
  @Query(() => SyncStatusType, { description: "The tenant's sync with Xero." })
  syncStatus(@Ctx() context: GatewayContext): Promise<SyncStatusView> {
    return readSyncStatus(context.db, context.sync?.xero.limiter, context.auth.tenant.id);
  }

  @Authorized(Scope.ADMIN)
  @Mutation(() => Boolean, {
    description:
      'Starts a sync now (admin). Answers once it is done; false when another process is syncing the tenant.',
  })
  async triggerSync(
    @Arg('entities', () => [String], {
      nullable: true,
      description: 'Only these entity types, e.g. ["Invoice"].',
    })
    entities: string[] | undefined,
    @Arg('full', () => Boolean, {
      defaultValue: false,
      description: 'Re-read everything, not only what changed.',
    })
    full: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<boolean> {
    const known = new Set(ALL_SYNC_SPECS.map((spec) => spec.key));
    const unknown = entities?.find((entity) => !known.has(entity));
    if (unknown)
      throw badArgument('entities', `"${unknown}" is not a synced entity type: ${[...known].join(', ')}.`);
    if (!context.sync) throw badArgument('entities', 'No Xero is configured for this gateway.');
    return context.sync.scheduler.trigger(context.auth.tenant.id, { entities, full });
  }

  @Authorized(Scope.SUBSCRIBE)
  @Subscription(() => SyncStatusNoticeType, {
    description: 'Sync progress, connection state changes, rate-limit pauses and outbound write transitions.',
    subscribe: ({ context }) =>
      (context as GatewayContext).statusHub.subscribe((context as GatewayContext).auth.tenant.id),
  })
  syncStatusChanged(@Root() message: SyncStatusMessage): SyncStatusNoticeType {
    return { ...message, at: new Date(message.at) };
  }
}
