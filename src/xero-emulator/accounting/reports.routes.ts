import type { Rec } from '../core/errors.js';
import type { Router } from '../core/router.js';
import { msDateTime, parseInputDate, reportDate, todayDate } from '../core/xero-date.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { sendEnvelope } from './envelope.js';
import { computeBalances } from './ledger.js';

const money = (centsValue: number) => (centsValue / 100).toFixed(2);
const cell = (Value: string, accountId?: string): Rec =>
  accountId ? { Value, Attributes: [{ Value: accountId, Id: 'account' }] } : { Value };

const SECTIONS: Array<[string, string]> = [
  ['REVENUE', 'Revenue'],
  ['EXPENSE', 'Expenses'],
  ['ASSET', 'Assets'],
  ['LIABILITY', 'Liabilities'],
  ['EQUITY', 'Equity'],
];

function accountsWithBalances(org: OrgState, asOf: string): Array<{ account: Rec; balance: number }> {
  const balances = computeBalances(org, asOf);
  return org.accounts
    .all()
    .filter((a) => balances.has(String(a.AccountID)))
    .map((account) => ({ account, balance: balances.get(String(account.AccountID))! }))
    .sort((a, b) => String(a.account.Code ?? '').localeCompare(String(b.account.Code ?? '')));
}

function label(a: Rec): string {
  return a.Code ? `${String(a.Name)} (${String(a.Code)})` : String(a.Name);
}

function report(id: string, name: string, org: OrgState, asOf: string, rows: Rec[]): Rec {
  return {
    ReportID: id,
    ReportName: name,
    ReportType: id,
    ReportTitles: [name, org.name, `As at ${reportDate(asOf)}`],
    ReportDate: reportDate(asOf),
    UpdatedDateUTC: msDateTime(Date.now()),
    Fields: [],
    Rows: rows,
  };
}

export function trialBalance(org: OrgState, asOf: string): Rec {
  const entries = accountsWithBalances(org, asOf);
  const rows: Rec[] = [
    {
      RowType: 'Header',
      Cells: ['Account', 'Debit', 'Credit', 'YTD Debit', 'YTD Credit'].map((v) => cell(v)),
    },
  ];
  let debit = 0;
  let credit = 0;
  for (const [cls, title] of SECTIONS) {
    const sectionRows = entries
      .filter((e) => e.account.Class === cls)
      .map(({ account, balance }) => {
        const d = Math.max(balance, 0);
        const c = Math.max(-balance, 0);
        debit += d;
        credit += c;
        const id = String(account.AccountID);
        return {
          RowType: 'Row',
          Cells: [
            cell(label(account), id),
            cell(money(d), id),
            cell(money(c), id),
            cell(money(d), id),
            cell(money(c), id),
          ],
        };
      });
    rows.push({ RowType: 'Section', Title: title, Rows: sectionRows });
  }
  rows.push({
    RowType: 'Section',
    Title: '',
    Rows: [
      {
        RowType: 'SummaryRow',
        Cells: ['Total', money(debit), money(credit), money(debit), money(credit)].map((v) => cell(v)),
      },
    ],
  });
  return report('TrialBalance', 'Trial Balance', org, asOf, rows);
}

export function balanceSheet(org: OrgState, asOf: string): Rec {
  const entries = accountsWithBalances(org, asOf);
  const header = { RowType: 'Header', Cells: [cell(''), cell(reportDate(asOf))] };
  const section = (cls: string, title: string, sign: number, extra: Rec[] = [], extraTotal = 0) => {
    let total = extraTotal;
    const rows = entries
      .filter((e) => e.account.Class === cls)
      .map(({ account, balance }) => {
        total += sign * balance;
        const id = String(account.AccountID);
        return { RowType: 'Row', Cells: [cell(label(account), id), cell(money(sign * balance), id)] };
      });
    rows.push(...(extra as typeof rows));
    rows.push({ RowType: 'SummaryRow', Cells: [cell(`Total ${title}`), cell(money(total))] });
    return { row: { RowType: 'Section', Title: title, Rows: rows }, total };
  };
  const earnings = entries
    .filter((e) => e.account.Class === 'REVENUE' || e.account.Class === 'EXPENSE')
    .reduce((s, e) => s - e.balance, 0);
  const assets = section('ASSET', 'Assets', 1);
  const liabilities = section('LIABILITY', 'Liabilities', -1);
  const equity = section(
    'EQUITY',
    'Equity',
    -1,
    [{ RowType: 'Row', Cells: [cell('Current Year Earnings'), cell(money(earnings))] }],
    earnings,
  );
  const rows: Rec[] = [
    header,
    assets.row,
    liabilities.row,
    {
      RowType: 'Section',
      Title: '',
      Rows: [
        { RowType: 'SummaryRow', Cells: [cell('Net Assets'), cell(money(assets.total - liabilities.total))] },
      ],
    },
    equity.row,
  ];
  return report('BalanceSheet', 'Balance Sheet', org, asOf, rows);
}

export function registerReports(r: Router<ApiContext>): void {
  const asOf = (ctx: ApiContext) =>
    parseInputDate(ctx.url.searchParams.get('date') ?? undefined) ?? todayDate();
  r.add('GET', '/Reports/TrialBalance', (ctx) =>
    sendEnvelope(ctx, 'Reports', [trialBalance(ctx.org, asOf(ctx))]),
  );
  r.add('GET', '/Reports/BalanceSheet', (ctx) =>
    sendEnvelope(ctx, 'Reports', [balanceSheet(ctx.org, asOf(ctx))]),
  );
}
