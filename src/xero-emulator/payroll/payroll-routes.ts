import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { PayrollRegion } from '../state/org-state.js';
import { payrollAuRouter } from './payroll-au.routes.js';
import { payrollUsRouter } from './payroll-us.routes.js';

/** `/payroll.xro/1.0` answers with the AU or the legacy US surface depending on the organisation. */
export function payrollRouters(): Record<'AU' | 'US', Router<ApiContext>> {
  return { AU: payrollAuRouter(), US: payrollUsRouter() };
}

export function pickPayroll(
  routers: Record<'AU' | 'US', Router<ApiContext>>,
  region: PayrollRegion,
): Router<ApiContext> {
  return routers[region === 'US' ? 'US' : 'AU'];
}
