import type { ClassType } from 'type-graphql';
import { Account } from '../schema/account.entity.js';
import { Company } from '../schema/company.entity.js';
import type { ConnecEntity } from '../schema/connec-entity.js';
import { CreditNote, CreditNoteAllocation, CreditNoteLine } from '../schema/credit-note.entity.js';
import { Employee } from '../schema/employee.entity.js';
import { EmployeeSalary } from '../schema/employee-salary.entity.js';
import { Invoice, InvoiceLine } from '../schema/invoice.entity.js';
import { Item } from '../schema/item.entity.js';
import { LeaveApplication, LeavePeriod } from '../schema/leave-application.entity.js';
import { Organization } from '../schema/organization.entity.js';
import { PayItem } from '../schema/pay-item.entity.js';
import { PayRun, Payslip } from '../schema/pay-run.entity.js';
import { PaySchedule } from '../schema/pay-schedule.entity.js';
import { Payment } from '../schema/payment.entity.js';
import { Person } from '../schema/person.entity.js';
import { PurchaseOrder, PurchaseOrderLine } from '../schema/purchase-order.entity.js';
import { TaxCode } from '../schema/tax-code.entity.js';
import { TimeSheet, TimeSheetLine } from '../schema/time-sheet.entity.js';
import { WorkLocation } from '../schema/work-location.entity.js';

/** A child collection written with its parent: the property on the record, and the child's parent key. */
export interface CacheChild {
  entity: ClassType;
  parentKey: string;
}

export interface CacheEntityType {
  entity: ClassType<ConnecEntity>;
  children: Record<string, CacheChild>;
}

const lines = (entity: ClassType, parentKey: string) => ({ lines: { entity, parentKey } });

/** Every entity type the cache stores, by GraphQL type name (the `entity_type` of sync events). */
export const cacheEntityTypes = {
  Organization: { entity: Organization, children: {} },
  Person: { entity: Person, children: {} },
  Item: { entity: Item, children: {} },
  Invoice: { entity: Invoice, children: lines(InvoiceLine, 'invoiceId') },
  PurchaseOrder: { entity: PurchaseOrder, children: lines(PurchaseOrderLine, 'purchaseOrderId') },
  Account: { entity: Account, children: {} },
  CreditNote: {
    entity: CreditNote,
    children: {
      ...lines(CreditNoteLine, 'creditNoteId'),
      allocations: { entity: CreditNoteAllocation, parentKey: 'creditNoteId' },
    },
  },
  TaxCode: { entity: TaxCode, children: {} },
  Payment: { entity: Payment, children: {} },
  Company: { entity: Company, children: {} },
  Employee: { entity: Employee, children: {} },
  EmployeeSalary: { entity: EmployeeSalary, children: {} },
  PayItem: { entity: PayItem, children: {} },
  PayRun: { entity: PayRun, children: { payslips: { entity: Payslip, parentKey: 'payRunId' } } },
  PaySchedule: { entity: PaySchedule, children: {} },
  TimeSheet: { entity: TimeSheet, children: lines(TimeSheetLine, 'timeSheetId') },
  WorkLocation: { entity: WorkLocation, children: {} },
  LeaveApplication: {
    entity: LeaveApplication,
    children: { periods: { entity: LeavePeriod, parentKey: 'leaveApplicationId' } },
  },
} satisfies Record<string, CacheEntityType>;

export type CacheEntityName = keyof typeof cacheEntityTypes;
