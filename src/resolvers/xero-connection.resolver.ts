import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode, notFound } from '../errors.js';
import { Scope } from '../schema/scope.js';
import { DisconnectXeroPayload, XeroApiAllowance, XeroConnectLink } from '../schema/xero-connect.types.js';
import { XeroConnection, XeroConnectionStatus } from '../schema/xero-connection.entity.js';
import { issueConnectLink } from '../sync/connections/connect-link.js';
import { findConnection } from '../sync/connections/xero-connection.service.js';
import { disconnectXeroConnection } from '../sync/connections/xero-disconnect.service.js';
import type { SyncServices } from '../sync/sync-services.js';

function requireSync(context: GatewayContext): SyncServices {
  if (context.sync) return context.sync;
  throw new GraphQLError('No Xero app is configured on this gateway.', {
    extensions: { code: ErrorCode.XeroUnavailable },
  });
}

function baseUrl(context: GatewayContext): string {
  return (
    context.config.PUBLIC_URL ?? context.publicUrl ?? `http://${context.config.HOST}:${context.config.PORT}`
  );
}

@Resolver(() => XeroConnection)
@Authorized(Scope.ADMIN)
export class XeroConnectionResolver {
  @Query(() => [XeroConnection], {
    description: "The tenant's Xero connection (none or one: a tenant has one organisation) (admin).",
  })
  async xeroConnections(@Ctx() context: GatewayContext): Promise<XeroConnection[]> {
    const connection = await findConnection(context.db, context.auth.tenant.id);
    return connection ? [connection] : [];
  }

  @FieldResolver(() => XeroApiAllowance, {
    nullable: true,
    description:
      "What is left of Xero's API limits for this organisation (null when Xero is not configured).",
  })
  async apiAllowance(@Root() connection: XeroConnection, @Ctx() context: GatewayContext) {
    return context.sync ? context.sync.xero.limiter.usage(connection.xeroTenantId) : null;
  }

  @Mutation(() => XeroConnectLink, {
    description:
      'A single-use link (10 minutes) to connect a Xero organisation from a browser; several organisations chosen in one consent get a tenant each (admin).',
  })
  async connectXeroUrl(
    @Arg('payroll', () => Boolean, {
      defaultValue: false,
      description: 'Whether "Allow Payroll Access" starts ticked (AU and US organisations only).',
    })
    payroll: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<XeroConnectLink> {
    requireSync(context);
    const tenantId = context.auth.tenant.id;
    return issueConnectLink(context.config, baseUrl(context), { tenantId, payroll, purpose: 'CONNECT' });
  }

  @Mutation(() => XeroConnectLink, {
    description:
      'A single-use link to authorise the same Xero organisation again, after Xero refused the stored tokens (NEEDS_REAUTH) or after a disconnect (admin).',
  })
  async reconnectXero(@Ctx() context: GatewayContext): Promise<XeroConnectLink> {
    requireSync(context);
    const connection = await findConnection(context.db, context.auth.tenant.id);
    if (!connection) throw notFound('XeroConnection', context.auth.tenant.name);
    if (connection.status === XeroConnectionStatus.ACTIVE) {
      throw new GraphQLError('The Xero connection is active: there is nothing to reconnect.', {
        extensions: { code: ErrorCode.Conflict, status: connection.status },
      });
    }
    return issueConnectLink(context.config, baseUrl(context), {
      tenantId: connection.tenantId,
      payroll: connection.payrollAccess,
      purpose: 'RECONNECT',
    });
  }

  @Mutation(() => DisconnectXeroPayload, {
    description:
      "Disconnects the tenant's Xero organisation: revokes the gateway's access in Xero and stops syncing; with purge, also deletes the cached data (admin).",
  })
  async disconnectXero(
    @Arg('purge', () => Boolean, {
      defaultValue: false,
      description:
        'Also delete the cached records, id map and sync state (needed before linking another organisation).',
    })
    purge: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<DisconnectXeroPayload> {
    const sync = requireSync(context);
    const result = await disconnectXeroConnection(
      { db: context.db, logger: context.logger, sync },
      context.auth.tenant.id,
      { purge },
    );
    if (!result) throw notFound('XeroConnection', context.auth.tenant.name);
    return result;
  }
}
