import type {
  DeductionType,
  EarningsRate,
  LeaveType,
  ReimbursementType,
  PayItem as XeroPayItems,
} from 'xero-node/dist/gen/model/payroll-au/models.js';
import { PayItemType, RecordStatus } from '../../schema/enums.js';
import { decimal } from './decimal.util.js';
import type { MappedRecord, PayItemFields } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import { enumName, text } from './xero-value.util.js';

export type MappedPayItem = MappedRecord<PayItemFields>;

interface PayItemSource {
  id: string | undefined;
  idField: string;
  updatedAt: unknown;
  currentRecord: boolean | undefined;
  name: string | undefined;
  rate?: { rateType?: unknown; ratePerUnit?: unknown; multiplier?: unknown };
  accountCode?: string;
}

/** Xero keeps superseded or deleted pay items with CurrentRecord false: they are archived. */
function mapPayItem(type: PayItemType, source: PayItemSource): MappedPayItem {
  const issues = new MapIssues();
  const archived = source.currentRecord === false;
  return buildRecord('PayItem', issues, {
    xeroId: text(source.id),
    idField: source.idField,
    updatedAt: source.updatedAt,
    tombstone: archived ? 'ARCHIVED' : null,
    fields: {
      type,
      name: issues.required('Name', text(source.name), ''),
      status: archived ? RecordStatus.ARCHIVED : RecordStatus.ACTIVE,
      rateType: enumName(source.rate?.rateType),
      ratePerUnit: decimal(source.rate?.ratePerUnit),
      multiplier: decimal(source.rate?.multiplier),
      accountCode: text(source.accountCode),
    },
  });
}

const earnings = (r: EarningsRate): PayItemSource => ({
  id: r.earningsRateID,
  idField: 'EarningsRateID',
  updatedAt: r.updatedDateUTC,
  currentRecord: r.currentRecord,
  name: r.name,
  // xero-node types RatePerUnit as a string (Xero sends a number); decimal() takes either.
  rate: { rateType: r.rateType, ratePerUnit: r.ratePerUnit, multiplier: r.multiplier },
  accountCode: r.accountCode,
});

const deduction = (d: DeductionType): PayItemSource => ({
  id: d.deductionTypeID,
  idField: 'DeductionTypeID',
  updatedAt: d.updatedDateUTC,
  currentRecord: d.currentRecord,
  name: d.name,
  accountCode: d.accountCode,
});

const leave = (l: LeaveType): PayItemSource => ({
  id: l.leaveTypeID,
  idField: 'LeaveTypeID',
  updatedAt: l.updatedDateUTC,
  currentRecord: l.currentRecord,
  name: l.name,
});

const reimbursement = (r: ReimbursementType): PayItemSource => ({
  id: r.reimbursementTypeID,
  idField: 'ReimbursementTypeID',
  updatedAt: r.updatedDateUTC,
  currentRecord: r.currentRecord,
  name: r.name,
  accountCode: r.accountCode,
});

/** Maps the one Payroll AU PayItems object (not a list) to a PayItem per earnings rate, deduction, leave and reimbursement type. */
export function mapXeroAuPayItems(payItems: XeroPayItems | undefined): MappedPayItem[] {
  return [
    ...(payItems?.earningsRates ?? []).map((r) => mapPayItem(PayItemType.EARNINGS, earnings(r))),
    ...(payItems?.deductionTypes ?? []).map((d) => mapPayItem(PayItemType.DEDUCTION, deduction(d))),
    ...(payItems?.leaveTypes ?? []).map((l) => mapPayItem(PayItemType.LEAVE, leave(l))),
    ...(payItems?.reimbursementTypes ?? []).map((r) =>
      mapPayItem(PayItemType.REIMBURSEMENT, reimbursement(r)),
    ),
  ];
}
