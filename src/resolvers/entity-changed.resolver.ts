import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { ConnecEntityUnion, EntityChangeEvent, EntityType } from '../schema/entity-change.types.js';
import { Scope } from '../schema/scope.js';
import { SyncAction } from '../schema/sync-event.entity.js';
import type { StoredEvent } from '../sync/events/event-hub.js';
import { type EntityChangedArgs, subscribeToEntityChanges } from './entity-changed.stream.js';
import { entityLoader } from './entity-loader.js';

@Resolver(() => EntityChangeEvent)
export class EntityChangedResolver {
  @Authorized(Scope.SUBSCRIBE)
  @Subscription(() => EntityChangeEvent, {
    description:
      "Every change to the tenant's records, in order. With `since`, first replays every change after that cursor, then continues live with no gap and no duplicate.",
    subscribe: ({ args, context }) =>
      subscribeToEntityChanges(context as GatewayContext, args as EntityChangedArgs),
  })
  entityChanged(
    @Root() event: StoredEvent,
    @Arg('types', () => [EntityType], {
      nullable: true,
      description: 'Only these entity types (default: all).',
    })
    _types: EntityType[] | undefined,
    @Arg('since', () => String, {
      nullable: true,
      description: 'A cursor from an earlier event: resume after it.',
    })
    _since: string | undefined,
    @Arg('includeOwnChanges', () => Boolean, {
      defaultValue: false,
      description: 'Also send changes made by this app itself.',
    })
    _includeOwnChanges: boolean,
  ): EntityChangeEvent {
    return {
      cursor: event.seq,
      entityType: event.entityType as EntityType,
      entityId: event.entityId,
      action: event.action as SyncAction,
      origin: event.origin,
      changedFields: event.changedFields,
      occurredAt: new Date(event.occurredAt),
      appId: event.appId,
    };
  }

  // SUBSCRIBE lets a key hear that something changed (ids, fields, cursor); the record itself is data.
  @Authorized(Scope.READ)
  @FieldResolver(() => ConnecEntityUnion, {
    nullable: true,
    description:
      'The record as it is in the cache now; absent for deletions (read scope; FORBIDDEN without it).',
  })
  async entity(@Root() event: EntityChangeEvent, @Ctx() context: GatewayContext): Promise<unknown> {
    if (event.action === SyncAction.DELETED) return null;
    return entityLoader(context).load(`${event.entityType}:${event.entityId}`);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The app whose mutation made the change, if one did.',
  })
  appId(@Root() event: EntityChangeEvent): string | null {
    return event.appId;
  }
}
