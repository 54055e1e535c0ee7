/**
 * Per-entity test data for the generated entity tests: which fields to read, a filter built from a sample
 * row with the predicate every returned row must satisfy, and a sort key whose order can be checked in JS.
 * Keyed by GraphQL type name; a test fails when an entity has no case, so none is forgotten.
 */
export type Row = Record<string, unknown>;

export interface EntityCase {
  fields: string;
  filter(sample: Row): Record<string, unknown>;
  matches(row: Row, sample: Row): boolean;
  sort: { field: string; key: string };
}

const includes = (value: unknown, part: unknown) =>
  String(value ?? '')
    .toLowerCase()
    .includes(String(part).toLowerCase());

export const entityCases: Record<string, EntityCase> = {
  Organization: {
    fields: 'name status isCustomer createdAt',
    filter: (sample) => ({ status: [sample.status], search: sample.name }),
    matches: (row, sample) => row.status === sample.status && includes(row.name, sample.name),
    sort: { field: 'CREATED_AT', key: 'createdAt' },
  },
  Person: {
    fields: 'firstName lastName organizationId createdAt',
    filter: (sample) => ({ organizationId: [sample.organizationId] }),
    matches: (row, sample) => row.organizationId === sample.organizationId,
    sort: { field: 'CREATED_AT', key: 'createdAt' },
  },
  Item: {
    fields: 'code name type',
    filter: (sample) => ({ type: [sample.type], search: sample.code }),
    matches: (row, sample) => row.type === sample.type && includes(row.code, sample.code),
    sort: { field: 'CODE', key: 'code' },
  },
  Invoice: {
    fields: 'status transactionDate amount { totalAmount }',
    filter: (sample) => ({
      status: [sample.status],
      transactionDateFrom: sample.transactionDate,
      totalAmountMin: '10',
    }),
    matches: (row, sample) =>
      row.status === sample.status &&
      String(row.transactionDate) >= String(sample.transactionDate) &&
      Number((row.amount as Row).totalAmount) >= 10,
    sort: { field: 'TRANSACTION_DATE', key: 'transactionDate' },
  },
  PurchaseOrder: {
    fields: 'status organizationId transactionDate',
    filter: (sample) => ({ status: [sample.status], organizationId: [sample.organizationId] }),
    matches: (row, sample) => row.status === sample.status && row.organizationId === sample.organizationId,
    sort: { field: 'TRANSACTION_DATE', key: 'transactionDate' },
  },
  Account: {
    fields: 'code name class',
    filter: (sample) => ({ class: [sample.class] }),
    matches: (row, sample) => row.class === sample.class,
    sort: { field: 'CODE', key: 'code' },
  },
  CreditNote: {
    fields: 'type transactionDate',
    filter: (sample) => ({ type: [sample.type], transactionDateTo: sample.transactionDate }),
    matches: (row, sample) =>
      row.type === sample.type && String(row.transactionDate) <= String(sample.transactionDate),
    sort: { field: 'TRANSACTION_DATE', key: 'transactionDate' },
  },
  TaxCode: {
    fields: 'name taxType effectiveRate',
    filter: () => ({ search: 'gst' }),
    matches: (row) => includes(row.name, 'gst') || includes(row.taxType, 'gst'),
    sort: { field: 'EFFECTIVE_RATE', key: 'effectiveRate' },
  },
  Payment: {
    fields: 'invoiceId amount transactionDate',
    filter: (sample) => ({ invoiceId: [sample.invoiceId], amountMin: sample.amount }),
    matches: (row, sample) =>
      row.invoiceId === sample.invoiceId && Number(row.amount) >= Number(sample.amount),
    sort: { field: 'AMOUNT', key: 'amount' },
  },
  Employee: {
    fields: 'status lastName startDate',
    filter: (sample) => ({ status: [sample.status] }),
    matches: (row, sample) => row.status === sample.status,
    sort: { field: 'START_DATE', key: 'startDate' },
  },
  EmployeeSalary: {
    fields: 'employeeId type effectiveFrom',
    filter: (sample) => ({ employeeId: [sample.employeeId] }),
    matches: (row, sample) => row.employeeId === sample.employeeId,
    sort: { field: 'EFFECTIVE_FROM', key: 'effectiveFrom' },
  },
  PayItem: {
    fields: 'type name createdAt',
    filter: (sample) => ({ type: [sample.type] }),
    matches: (row, sample) => row.type === sample.type,
    sort: { field: 'CREATED_AT', key: 'createdAt' },
  },
  PayRun: {
    fields: 'status paymentDate',
    filter: (sample) => ({ status: [sample.status] }),
    matches: (row, sample) => row.status === sample.status,
    sort: { field: 'PAYMENT_DATE', key: 'paymentDate' },
  },
  PaySchedule: {
    fields: 'name scheduleType startDate',
    filter: (sample) => ({ scheduleType: [sample.scheduleType] }),
    matches: (row, sample) => row.scheduleType === sample.scheduleType,
    sort: { field: 'START_DATE', key: 'startDate' },
  },
  TimeSheet: {
    fields: 'employeeId startDate hours',
    filter: (sample) => ({ employeeId: [sample.employeeId], startDateFrom: sample.startDate }),
    matches: (row, sample) =>
      row.employeeId === sample.employeeId && String(row.startDate) >= String(sample.startDate),
    sort: { field: 'START_DATE', key: 'startDate' },
  },
  WorkLocation: {
    fields: 'name isPrimary createdAt',
    filter: (sample) => ({ isPrimary: sample.isPrimary }),
    matches: (row, sample) => row.isPrimary === sample.isPrimary,
    sort: { field: 'CREATED_AT', key: 'createdAt' },
  },
  LeaveApplication: {
    fields: 'employeeId startDate',
    filter: (sample) => ({ employeeId: [sample.employeeId] }),
    matches: (row, sample) => row.employeeId === sample.employeeId,
    sort: { field: 'START_DATE', key: 'startDate' },
  },
};
