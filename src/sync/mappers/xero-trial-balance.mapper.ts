import type { ReportCell, ReportRows, ReportWithRow } from 'xero-node';
import { decimal, subtractDecimal } from './decimal.util.js';
import type { AccountBalanceSnapshot } from './mapped-record.js';
import { calendarDate, text } from './xero-value.util.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Xero's ReportDate reads "24 April 2019"; `YYYY-MM-DD` and `/Date(...)/` forms are accepted too. */
export function reportDate(value: unknown): string | null {
  const iso = calendarDate(value);
  if (iso) return iso;
  const match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text(value) ?? '');
  const month = match ? MONTHS.indexOf(match[2].toLowerCase()) + 1 : 0;
  if (!match || month === 0) return null;
  return calendarDate(`${match[3]}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`);
}

interface Columns {
  debit: number;
  credit: number;
  ytdDebit: number;
  ytdCredit: number;
}

/** Column positions from the Header row; Xero's layout is Account, Debit, Credit, YTD Debit, YTD Credit. */
function columns(rows: ReportRows[]): Columns {
  const header = rows.find((r) => text(r.rowType)?.toUpperCase() === 'HEADER');
  const titles = (header?.cells ?? []).map((c) => text(c.value)?.toUpperCase() ?? '');
  const at = (title: string, fallback: number) => (titles.includes(title) ? titles.indexOf(title) : fallback);
  return {
    debit: at('DEBIT', 1),
    credit: at('CREDIT', 2),
    ytdDebit: at('YTD DEBIT', 3),
    ytdCredit: at('YTD CREDIT', 4),
  };
}

/** The account a row is about: Xero puts the AccountID in each cell's attribute with Id "account". */
function accountId(cells: ReportCell[]): string | null {
  for (const cell of cells) {
    const attribute = (cell.attributes ?? []).find((a) => text(a.id)?.toLowerCase() === 'account');
    const id = text(attribute?.value);
    if (id) return id;
  }
  return null;
}

/** Every account row, at any depth of sections (summary rows carry no account and are skipped). */
function accountRows(rows: ReportRows[]): ReportCell[][] {
  return rows.flatMap((row) => [
    ...(row.cells && accountId(row.cells) ? [row.cells] : []),
    ...accountRows((row.rows ?? []) as ReportRows[]),
  ]);
}

function snapshot(cells: ReportCell[], cols: Columns, date: string): AccountBalanceSnapshot {
  // Blank cells mean zero on that side; YTD columns fall back to the period ones on a two-column layout.
  const amount = (index: number) => decimal(cells[index]?.value) ?? null;
  const periodDebit = amount(cols.debit) ?? '0';
  const periodCredit = amount(cols.credit) ?? '0';
  const ytdPresent = cells.length > Math.max(cols.ytdDebit, cols.ytdCredit);
  const debit = ytdPresent ? (amount(cols.ytdDebit) ?? '0') : periodDebit;
  const credit = ytdPresent ? (amount(cols.ytdCredit) ?? '0') : periodCredit;
  const id = accountId(cells) ?? '';
  return {
    accountXeroId: id,
    date,
    debit,
    credit,
    balance: subtractDecimal(debit, credit),
    periodDebit,
    periodCredit,
  };
}

/**
 * Account balances from a TrialBalance report (`ReportWithRows.reports[0]`) as dated snapshots.
 * `asOf` is the date the report was requested for; without it the report's own ReportDate is used.
 * Returns no snapshot when neither gives a date.
 */
export function mapXeroTrialBalance(
  report: ReportWithRow | undefined,
  asOf?: string,
): AccountBalanceSnapshot[] {
  const date = (asOf ? calendarDate(asOf) : null) ?? reportDate(report?.reportDate);
  if (!report || !date) return [];
  const rows = report.rows ?? [];
  const cols = columns(rows);
  return accountRows(rows).map((cells) => snapshot(cells, cols, date));
}
