import type { Rec } from '../core/errors.js';
import { render } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import { sendEnvelope } from './envelope.js';

export function registerOrganisation(r: Router<ApiContext>): void {
  r.add('GET', '/Organisation', (ctx) => {
    sendEnvelope(ctx, 'Organisations', [render(ctx.org.organisation) as Rec]);
  });
}
