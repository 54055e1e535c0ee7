import { header, sendJson, sendText } from '../core/http.js';
import type { Router } from '../core/router.js';
import type { EmulatorContext } from '../state/emulator-context.js';

const problem401 = { Type: null, Title: 'Unauthorized', Status: 401, Detail: 'AuthenticationUnsuccessful' };

/** `/connections`: the organisations this app is connected to, for the caller's token. */
export function registerConnections(r: Router, emu: EmulatorContext): void {
  const grantOf = (auth: string | undefined) => {
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const check = emu.tokens.checkAccess(token, Date.now());
    return check.ok ? check.grant : undefined;
  };
  r.add('GET', '/connections', ({ req, res, url }) => {
    const grant = grantOf(header(req, 'authorization'));
    if (!grant) return sendJson(res, 401, problem401);
    const authEventId = url.searchParams.get('authEventId');
    const list = [...emu.tokens.connections.values()]
      .filter((c) => c.clientId === grant.clientId && grant.tenantIds.includes(c.tenantId))
      .filter((c) => !authEventId || c.authEventId === authEventId)
      .map((c) => ({
        id: c.id,
        authEventId: c.authEventId,
        tenantId: c.tenantId,
        tenantType: 'ORGANISATION',
        tenantName: emu.orgs.get(c.tenantId)?.name ?? '',
        createdDateUtc: new Date(c.createdAt).toISOString(),
        updatedDateUtc: new Date(c.updatedAt).toISOString(),
      }));
    sendJson(res, 200, list);
  });
  r.add('DELETE', '/connections/:id', ({ req, res, params }) => {
    const grant = grantOf(header(req, 'authorization'));
    if (!grant) return sendJson(res, 401, problem401);
    const conn = emu.tokens.connections.get(params.id.toLowerCase());
    if (!conn || conn.clientId !== grant.clientId)
      return sendText(res, 404, "The resource you're looking for cannot be found");
    emu.tokens.connections.delete(conn.id);
    emu.markDirty();
    res.writeHead(204);
    res.end();
  });
}
