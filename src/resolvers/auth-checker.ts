import type { AuthChecker } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { forbidden } from '../errors.js';
import type { Scope } from '../schema/scope.js';

/**
 * `@Authorized(Scope.X)` on a resolver or field: the caller's key must carry every named scope. It throws
 * rather than returning false so the client sees FORBIDDEN naming the missing scope.
 */
export const scopeAuthChecker: AuthChecker<GatewayContext, Scope> = ({ context }, required) => {
  const missing = required.find((scope) => !context.auth.scopes.has(scope));
  if (missing) throw forbidden(missing);
  return true;
};
