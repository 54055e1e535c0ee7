import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from './account.resolver.js';
import { AccountMutationResolver } from './account-mutation.resolver.js';
import { AppResolver } from './app.resolver.js';
import { scopeAuthChecker } from './auth-checker.js';
import { CompanyResolver } from './company.resolver.js';
import {
  CreditNoteAllocationResolver,
  CreditNoteLineResolver,
  CreditNoteResolver,
} from './credit-note.resolver.js';
import { CreditNoteMutationResolver } from './credit-note-mutation.resolver.js';
import { EmployeeResolver } from './employee.resolver.js';
import { EmployeeMutationResolver } from './employee-mutation.resolver.js';
import { EmployeeSalaryResolver } from './employee-salary.resolver.js';
import { EntityChangedResolver } from './entity-changed.resolver.js';
import { InvoiceLineResolver, InvoiceResolver } from './invoice.resolver.js';
import { InvoiceMutationResolver } from './invoice-mutation.resolver.js';
import { ItemResolver } from './item.resolver.js';
import { ItemMutationResolver } from './item-mutation.resolver.js';
import { LeaveApplicationResolver } from './leave-application.resolver.js';
import { OrganizationResolver } from './organization.resolver.js';
import { OrganizationMutationResolver } from './organization-mutation.resolver.js';
import { PayItemResolver } from './pay-item.resolver.js';
import { PayRunResolver, PayslipResolver } from './pay-run.resolver.js';
import { PayRunMutationResolver } from './pay-run-mutation.resolver.js';
import { PayScheduleResolver } from './pay-schedule.resolver.js';
import { PaymentResolver } from './payment.resolver.js';
import { PaymentMutationResolver } from './payment-mutation.resolver.js';
import { PayrollMutationResolver } from './payroll-mutation.resolver.js';
import { PersonResolver } from './person.resolver.js';
import { PurchaseOrderLineResolver, PurchaseOrderResolver } from './purchase-order.resolver.js';
import { PurchaseOrderMutationResolver } from './purchase-order-mutation.resolver.js';
import { SyncStatusResolver } from './sync-status.resolver.js';
import { TaxCodeResolver } from './tax-code.resolver.js';
import { TaxCodeMutationResolver } from './tax-code-mutation.resolver.js';
import { TimeSheetLineResolver, TimeSheetResolver } from './time-sheet.resolver.js';
import { TimeSheetMutationResolver } from './time-sheet-mutation.resolver.js';
import { ViewerResolver } from './viewer.resolver.js';
import { WidgetsResolver, WidgetUpdatedResolver } from './widgets.resolver.js';
import { WorkLocationResolver } from './work-location.resolver.js';
import { XeroConnectionResolver } from './xero-connection.resolver.js';

/** Every resolver class of the gateway. */
export const resolvers = [
  ViewerResolver,
  AppResolver,
  OrganizationResolver,
  PersonResolver,
  ItemResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  PurchaseOrderResolver,
  PurchaseOrderLineResolver,
  AccountResolver,
  CreditNoteResolver,
  CreditNoteLineResolver,
  CreditNoteAllocationResolver,
  TaxCodeResolver,
  PaymentResolver,
  CompanyResolver,
  EmployeeResolver,
  EmployeeSalaryResolver,
  PayItemResolver,
  PayRunResolver,
  PayslipResolver,
  PayScheduleResolver,
  TimeSheetResolver,
  TimeSheetLineResolver,
  WorkLocationResolver,
  LeaveApplicationResolver,
  XeroConnectionResolver,
  SyncStatusResolver,
  EntityChangedResolver,
  InvoiceMutationResolver,
  OrganizationMutationResolver,
  ItemMutationResolver,
  PaymentMutationResolver,
  PurchaseOrderMutationResolver,
  CreditNoteMutationResolver,
  EmployeeMutationResolver,
  PayrollMutationResolver,
  TimeSheetMutationResolver,
  PayRunMutationResolver,
  AccountMutationResolver,
  TaxCodeMutationResolver,
  WidgetsResolver,
  WidgetUpdatedResolver,
] as const;

/**
 * type-graphql insists on a PubSub, but no subscription here uses topics: each supplies its own
 * `subscribe` (the event log, the status hub), which works across processes. Publishing is a mistake.
 */
const NO_TOPICS = {
  publish(): void {
    throw new Error('Subscriptions read the event log; publish to it through the cache writer instead.');
  },
  subscribe(): never {
    throw new Error('Every subscription supplies its own subscribe function.');
  },
};

/** Builds the executable schema from the resolver classes. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker: scopeAuthChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
    pubSub: NO_TOPICS,
  });
}
