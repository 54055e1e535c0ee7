import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CacheEntityName } from '../../../src/cache/cache-entities.js';
import {
  mapXeroAccount,
  mapXeroAuEmployee,
  mapXeroAuLeaveApplication,
  mapXeroAuPayItems,
  mapXeroAuPayRun,
  mapXeroAuPayrollCalendar,
  mapXeroAuTimesheet,
  mapXeroContact,
  mapXeroCreditNote,
  mapXeroInvoice,
  mapXeroItem,
  mapXeroOrganisation,
  mapXeroPayment,
  mapXeroPurchaseOrder,
  mapXeroTaxRate,
  mapXeroUsEmployee,
  mapXeroUsPayRun,
  mapXeroUsPaySchedule,
  mapXeroUsTimesheet,
  mapXeroUsWorkLocation,
} from '../../../src/sync/mappers/index.js';
import type { ChildLists, ConnecEntityType, MappedRecord } from '../../../src/sync/mappers/mapped-record.js';

type AnyRecord = MappedRecord<unknown, ChildLists>;
// biome-ignore lint/suspicious/noExplicitAny: the fuzz feeds every mapper arbitrary scalars on purpose
type Mapper = (input: any) => AnyRecord[];

const one =
  (f: (input: never) => unknown): Mapper =>
  (input) => [f(input as never) as AnyRecord];

/** Each mapper with the scalar fields it reads, in xero-node (camelCase) or raw US (PascalCase) form. */
const MAPPERS: Array<[string, Mapper, string[]]> = [
  [
    'contact',
    (i) => {
      const r = mapXeroContact(i);
      return [r.organization, ...r.people] as AnyRecord[];
    },
    [
      'contactID',
      'name',
      'contactStatus',
      'firstName',
      'lastName',
      'emailAddress',
      'isCustomer',
      'isSupplier',
      'website',
      'defaultCurrency',
      'updatedDateUTC',
    ],
  ],
  [
    'item',
    one(mapXeroItem),
    [
      'itemID',
      'code',
      'name',
      'isTrackedAsInventory',
      'quantityOnHand',
      'totalCostPool',
      'isSold',
      'isPurchased',
      'updatedDateUTC',
    ],
  ],
  [
    'invoice',
    one(mapXeroInvoice),
    [
      'invoiceID',
      'type',
      'status',
      'date',
      'dueDate',
      'lineAmountTypes',
      'subTotal',
      'total',
      'amountDue',
      'amountPaid',
      'amountCredited',
      'currencyCode',
      'updatedDateUTC',
    ],
  ],
  [
    'purchase order',
    one(mapXeroPurchaseOrder),
    ['purchaseOrderID', 'status', 'date', 'deliveryDate', 'deliveryAddress', 'attentionTo', 'total'],
  ],
  [
    'credit note',
    one(mapXeroCreditNote),
    ['creditNoteID', 'type', 'status', 'date', 'remainingCredit', 'total'],
  ],
  [
    'account',
    one(mapXeroAccount),
    ['accountID', 'code', 'name', 'type', 'status', '_class', 'bankAccountType', 'enablePaymentsToAccount'],
  ],
  ['tax rate', one(mapXeroTaxRate), ['taxType', 'name', 'status', 'effectiveRate', 'displayTaxRate']],
  ['payment', one(mapXeroPayment), ['paymentID', 'paymentType', 'status', 'date', 'amount', 'isReconciled']],
  [
    'organisation',
    one(mapXeroOrganisation),
    ['organisationID', 'name', 'countryCode', 'financialYearEndDay', 'timezone'],
  ],
  [
    'AU employee',
    (i) => {
      const r = mapXeroAuEmployee(i);
      return [r.employee, ...r.salaries] as AnyRecord[];
    },
    ['employeeID', 'firstName', 'lastName', 'dateOfBirth', 'status', 'terminationDate', 'gender'],
  ],
  ['AU pay items', (i) => mapXeroAuPayItems(i) as AnyRecord[], []],
  [
    'AU calendar',
    one(mapXeroAuPayrollCalendar),
    ['payrollCalendarID', 'name', 'calendarType', 'startDate', 'paymentDate'],
  ],
  [
    'AU pay run',
    one(mapXeroAuPayRun),
    ['payRunID', 'payRunStatus', 'wages', '_super', 'payRunPeriodStartDate'],
  ],
  ['AU timesheet', one(mapXeroAuTimesheet), ['timesheetID', 'startDate', 'endDate', 'status', 'hours']],
  ['AU leave', one(mapXeroAuLeaveApplication), ['leaveApplicationID', 'startDate', 'endDate', 'title']],
  [
    'US employee',
    (i) => {
      const r = mapXeroUsEmployee(i);
      return [r.employee, ...r.salaries] as AnyRecord[];
    },
    ['EmployeeID', 'FirstName', 'HireDate', 'Status', 'TerminationDate'],
  ],
  [
    'US schedule',
    one(mapXeroUsPaySchedule),
    ['PayScheduleID', 'PayScheduleName', 'PaymentFrequency', 'StartDate'],
  ],
  ['US pay run', one(mapXeroUsPayRun), ['PayRunID', 'PayRunStatus', 'Earnings', 'PaymentDate']],
  ['US timesheet', one(mapXeroUsTimesheet), ['TimesheetID', 'StartDate', 'EndDate', 'Hours', 'Status']],
  ['US work location', one(mapXeroUsWorkLocation), ['WorkLocationID', 'Name', 'IsPrimary']],
];

const scalar = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    '/Date(1539993600000+0000)/',
    '2018-10-20T00:00:00',
    'ACTIVE',
    'DELETED',
    'VOIDED',
    'ACCPAY',
    '12.5',
  ),
);

describe('every mapper is total', () => {
  it.each(MAPPERS)(
    '%s: maps any mix of missing and odd scalar fields without throwing',
    (_name, map, keys) => {
      const input = fc.record(Object.fromEntries(keys.map((k) => [k, scalar])), { requiredKeys: [] });
      fc.assert(
        fc.property(input, (value) => {
          for (const record of map(value)) {
            expect(typeof record.xeroId).toBe('string');
            expect(Array.isArray(record.warnings) && Array.isArray(record.missing)).toBe(true);
            if (record.xeroId === '') expect(record.missing.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe('the mapped entity names', () => {
  it('are exactly the entity type names of the cache writer', () => {
    expectTypeOf<ConnecEntityType>().toEqualTypeOf<CacheEntityName>();
  });
});
