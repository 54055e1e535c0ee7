import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { App } from '../schema/app.entity.js';
import { Tenant } from '../schema/tenant.entity.js';

@ObjectType('Viewer', { description: 'The caller, as identified by its API key.' })
export class Viewer {
  @Field(() => Tenant, { description: 'The tenant whose data this key reads and writes.' })
  tenant!: Tenant;

  @Field(() => App, { description: 'The app this key belongs to.' })
  app!: App;
}

@Resolver()
export class ViewerResolver {
  /** Any valid key may ask who it is, whatever its scopes. */
  @Query(() => Viewer, { description: 'Who is calling: the tenant and app of the API key.' })
  viewer(@Ctx() context: GatewayContext): Viewer {
    return { tenant: context.auth.tenant, app: context.auth.app };
  }
}
