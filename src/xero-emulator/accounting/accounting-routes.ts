import { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import { registerAccounts } from './accounts.routes.js';
import { registerContacts } from './contacts.routes.js';
import { registerCreditNotes } from './credit-notes.routes.js';
import { registerInvoices } from './invoices.routes.js';
import { registerItems } from './items.routes.js';
import { registerOrganisation } from './organisation.routes.js';
import { registerPayments } from './payments.routes.js';
import { registerPurchaseOrders } from './purchase-orders.routes.js';
import { registerReports } from './reports.routes.js';
import { registerTaxRates } from './tax-rates.routes.js';

/** Routes under /api.xro/2.0 (the prefix is stripped before matching). */
export function accountingRouter(): Router<ApiContext> {
  const r = new Router<ApiContext>();
  registerOrganisation(r);
  registerContacts(r);
  registerItems(r);
  registerAccounts(r);
  registerTaxRates(r);
  registerInvoices(r);
  registerCreditNotes(r);
  registerPayments(r);
  registerPurchaseOrders(r);
  registerReports(r);
  return r;
}
