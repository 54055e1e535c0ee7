import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AppResolver } from './app.resolver.js';
import { scopeAuthChecker } from './auth-checker.js';
import { ViewerResolver } from './viewer.resolver.js';

/** Every resolver class of the gateway. */
export const resolvers = [ViewerResolver, AppResolver] as const;

/** Builds the executable schema from the resolver classes. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker: scopeAuthChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
}
