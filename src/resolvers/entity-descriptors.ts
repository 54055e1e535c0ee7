import { accountDescriptor } from './account.resolver.js';
import { creditNoteDescriptor } from './credit-note.resolver.js';
import { employeeDescriptor } from './employee.resolver.js';
import { employeeSalaryDescriptor } from './employee-salary.resolver.js';
import { invoiceDescriptor } from './invoice.resolver.js';
import { itemDescriptor } from './item.resolver.js';
import { leaveApplicationDescriptor } from './leave-application.resolver.js';
import type { EntityDescriptor } from './list/entity-descriptor.js';
import { organizationDescriptor } from './organization.resolver.js';
import { payItemDescriptor } from './pay-item.resolver.js';
import { payRunDescriptor } from './pay-run.resolver.js';
import { payScheduleDescriptor } from './pay-schedule.resolver.js';
import { paymentDescriptor } from './payment.resolver.js';
import { personDescriptor } from './person.resolver.js';
import { purchaseOrderDescriptor } from './purchase-order.resolver.js';
import { taxCodeDescriptor } from './tax-code.resolver.js';
import { timeSheetDescriptor } from './time-sheet.resolver.js';
import { workLocationDescriptor } from './work-location.resolver.js';

/** Every listable entity (Company, the singleton, is apart); tests iterate over this so none is forgotten. */
export const entityDescriptors: readonly EntityDescriptor[] = [
  organizationDescriptor,
  personDescriptor,
  itemDescriptor,
  invoiceDescriptor,
  purchaseOrderDescriptor,
  accountDescriptor,
  creditNoteDescriptor,
  taxCodeDescriptor,
  paymentDescriptor,
  employeeDescriptor,
  employeeSalaryDescriptor,
  payItemDescriptor,
  payRunDescriptor,
  payScheduleDescriptor,
  timeSheetDescriptor,
  workLocationDescriptor,
  leaveApplicationDescriptor,
] as unknown as EntityDescriptor[];
