import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Company } from '../schema/company.entity.js';
import { Scope } from '../schema/scope.js';
import { ExternalId } from '../schema/value-objects.js';
import { findCompany } from './company-query.js';
import { externalIdsLoader } from './list/loaders.js';

@Resolver(() => Company)
export class CompanyResolver {
  @Authorized(Scope.READ)
  @Query(() => Company, {
    nullable: true,
    description: 'The business itself (the Xero Organisation); null until it has been synced.',
  })
  company(@Ctx() context: GatewayContext): Promise<Company | null> {
    return findCompany(context.db.manager, context.auth.tenant.id);
  }

  @FieldResolver(() => [ExternalId], { description: 'The ids of this record: Connec! first, then Xero.' })
  externalIds(@Root() root: Company, @Ctx() context: GatewayContext): Promise<ExternalId[]> {
    return externalIdsLoader(context).load(root.id);
  }
}
