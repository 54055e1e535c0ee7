import { createUnionType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { cacheEntityTypes } from '../cache/cache-entities.js';
import { SyncStatus } from './connec-entity.js';
import { SyncAction } from './sync-event.entity.js';

/** Every entity type of the unified model, as subscriptions name them. */
export const EntityType = Object.fromEntries(Object.keys(cacheEntityTypes).map((name) => [name, name])) as {
  [K in keyof typeof cacheEntityTypes]: K;
};
export type EntityType = keyof typeof cacheEntityTypes;

registerEnumType(EntityType, { name: 'EntityType', description: 'An entity type of the Connec! model.' });
registerEnumType(SyncAction, { name: 'ChangeAction', description: 'What happened to a record.' });

export const ConnecEntityUnion = createUnionType({
  name: 'ConnecEntity',
  description: 'Any record of the Connec! model.',
  types: () => Object.values(cacheEntityTypes).map((type) => type.entity) as never,
  resolveType: (value) => (value as { constructor: { name: string } }).constructor.name,
});

@ObjectType('EntityChangeEvent', { description: "One change to one record, from the tenant's event log." })
export class EntityChangeEvent {
  @Field(() => String, { description: 'Resume from here with `entityChanged(since: cursor)`.' })
  cursor!: string;

  @Field(() => EntityType, { description: 'The type of the record that changed.' })
  entityType!: EntityType;

  @Field(() => ID, { description: 'The Connec! id of the record that changed.' })
  entityId!: string;

  @Field(() => SyncAction, { description: 'What happened to it.' })
  action!: SyncAction;

  @Field(() => String, {
    description: 'Where the change came from: "xero", or the provider name of the app.',
  })
  origin!: string;

  @Field(() => [String], { description: 'The fields whose values changed.' })
  changedFields!: string[];

  @Field(() => Date, { description: 'When the change was recorded (UTC).' })
  occurredAt!: Date;

  @Field(() => SyncStatus, { nullable: true, description: 'Whether the record now agrees with Xero.' })
  syncStatus?: SyncStatus | null;

  /** Set by the resolver from the cache; absent for deletions. */
  appId!: string | null;
}
