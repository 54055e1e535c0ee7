import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Authorized,
  type ClassType,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badArgument, notFound } from '../../errors.js';
import type { ConnecEntity } from '../../schema/connec-entity.js';
import { Scope } from '../../schema/scope.js';
import { ExternalId, ExternalIdInput } from '../../schema/value-objects.js';
import type { Connection } from './connection.js';
import type { EntityDescriptor, OrderInput } from './entity-descriptor.js';
import { countEntities, type ListArgs, listEntities } from './list-query.js';
import { byIdLoader, childrenLoader, externalIdsLoader, findByExternalId } from './loaders.js';
import { addRelations, type RelationSpec } from './relations.js';
import { selectedNodeFields } from './selection.js';

/**
 * The resolver of one entity: `invoice(id, externalId)`, `invoices(first, after, filter, orderBy)`,
 * `Invoice.externalIds` and the entity's relations, all generated from its descriptor.
 */
export function createEntityResolver<T extends ConnecEntity>(
  descriptor: EntityDescriptor<T>,
  relations: Record<string, RelationSpec> = {},
): ClassType {
  const { entity, connection, filterInput, orderInput } = descriptor;

  @Resolver(() => entity)
  class EntityResolver {
    @Authorized(Scope.READ)
    @Query(() => entity, {
      name: descriptor.single,
      description: `One ${descriptor.name} of the tenant, by Connec! id or by its id in another system. NOT_FOUND when the tenant has none.`,
    })
    one(
      @Arg('id', () => ID, { nullable: true, description: 'The Connec! id.' }) id: string | null,
      @Arg('externalId', () => ExternalIdInput, {
        nullable: true,
        description: 'The id in another system, e.g. {provider: "xero", id: "<GUID>"}.',
      })
      externalId: ExternalIdInput | null,
      @Ctx() context: GatewayContext,
    ): Promise<T> {
      return findEntity(context, descriptor, id, externalId);
    }

    @Authorized(Scope.READ)
    @Query(() => connection, {
      name: descriptor.plural,
      description: `${descriptor.name} records of the tenant, a page at a time.`,
    })
    list(
      @Arg('first', () => Int, { nullable: true, description: 'Page size, 0 to 500; 50 when omitted.' })
      first: number | null,
      @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor.' })
      after: string | null,
      @Arg('filter', () => filterInput, { nullable: true, description: 'Conditions the rows must meet.' })
      filter: Record<string, unknown> | null,
      @Arg('orderBy', () => orderInput, { nullable: true, description: 'Sort order (ties broken by id).' })
      orderBy: OrderInput | null,
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Connection<T>> {
      return listConnection(context, descriptor, { first, after, filter, orderBy }, info);
    }

    @FieldResolver(() => [ExternalId], {
      description: 'The ids of this record: Connec! first, then Xero and client apps.',
    })
    externalIds(@Root() root: ConnecEntity, @Ctx() context: GatewayContext): Promise<ExternalId[]> {
      return externalIdsLoader(context).load(root.id);
    }
  }
  addRelations(EntityResolver, relations);
  return EntityResolver;
}

/** Field resolvers for a type that has no queries of its own (invoice lines, payslips). */
export function createRelationResolver(
  target: ClassType,
  relations: Record<string, RelationSpec>,
): ClassType {
  @Resolver(() => target)
  class RelationResolver {}
  addRelations(RelationResolver, relations);
  return RelationResolver;
}

export async function findEntity<T extends ConnecEntity>(
  context: GatewayContext,
  descriptor: EntityDescriptor<T>,
  id: string | null,
  externalId: ExternalIdInput | null,
): Promise<T> {
  if (id && externalId) throw badArgument('externalId', 'Pass either id or externalId, not both.');
  if (!id && !externalId) throw badArgument('id', 'Pass id or externalId.');
  const row = id
    ? await byIdLoader(context, descriptor.entity).load(id)
    : await findByExternalId(context, descriptor.name, descriptor.entity, externalId!);
  if (!row) throw notFound(descriptor.name, id ?? `${externalId!.provider}:${externalId!.id}`);
  return row;
}

/** A page of the list; children the query asks for ride in the same statement and prime their loaders. */
export async function listConnection<T extends ConnecEntity>(
  context: GatewayContext,
  descriptor: EntityDescriptor<T>,
  args: ListArgs,
  info: GraphQLResolveInfo,
): Promise<Connection<T>> {
  const tenantId = context.auth.tenant.id;
  const children = descriptor.children ?? {};
  const wanted = selectedNodeFields(info, Object.keys(children));
  const embed = [...wanted].map((name) => children[name]);
  const page = await listEntities(context.db.manager, descriptor, tenantId, args, embed);
  for (const [child, byParent] of page.children) {
    const loader = childrenLoader<object>(context, child);
    for (const [parentId, rows] of byParent) loader.prime(parentId, rows as object[]);
  }
  const count = async () =>
    (await countEntities(context.db.manager, descriptor, tenantId, args.filter)).get('all') ?? 0;
  return new descriptor.connection({ ...page, count });
}
