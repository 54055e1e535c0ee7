import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { badArgument, notFound } from '../errors.js';
import { App } from '../schema/app.entity.js';
import { Scope } from '../schema/scope.js';
import { createApp, listApps, revokeApp, TenancyError } from '../tenancy/tenancy.service.js';
import { isUuid } from './list/cursor.js';

@ObjectType('CreateAppPayload', { description: 'A new app and its first key.' })
class CreateAppPayload {
  @Field(() => App, { description: 'The app.' })
  app!: App;

  @Field(() => String, {
    description: 'The API key. It is shown only now: the gateway stores only its hash.',
  })
  apiKey!: string;
}

@Resolver(() => App)
@Authorized(Scope.ADMIN)
export class AppResolver {
  @Query(() => [App], { description: "The tenant's apps (admin)." })
  apps(@Ctx() context: GatewayContext): Promise<App[]> {
    return listApps(context.db, context.auth.tenant.id);
  }

  @Mutation(() => CreateAppPayload, { description: 'Creates an app of the tenant with one API key (admin).' })
  async createApp(
    @Arg('provider', () => String, {
      description: 'Provider name for the app\'s external ids, e.g. "shopify".',
    })
    provider: string,
    @Arg('scopes', () => [Scope], { description: 'What the app may do.' }) scopes: Scope[],
    @Ctx() context: GatewayContext,
  ): Promise<CreateAppPayload> {
    try {
      return await createApp(context.db, context.auth.tenant.id, provider, scopes);
    } catch (error) {
      if (error instanceof TenancyError) throw badArgument(error.field, error.message);
      throw error;
    }
  }

  @Mutation(() => App, {
    description: 'Revokes an app: its keys stop working at once, open sockets included (admin).',
  })
  async revokeApp(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<App> {
    // Postgres would refuse a non-uuid against the uuid column: that is the caller's mistake, not ours.
    if (!isUuid(id)) throw badArgument('id', 'An app id is a UUID, as `apps` lists them.');
    const app = await revokeApp(context.db, context.auth.tenant.id, id);
    if (!app) throw notFound('App', id);
    return app;
  }
}
