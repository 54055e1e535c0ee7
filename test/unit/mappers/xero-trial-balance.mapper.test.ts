import { describe, expect, it } from 'vitest';
import type { ReportWithRows } from 'xero-node';
import { mapXeroTrialBalance, reportDate } from '../../../src/sync/mappers/xero-trial-balance.mapper.js';
import { deserialize, fromXero, responseExamples } from './openapi-examples.js';

const cell = (Value: string, account?: string) =>
  account ? { Value, Attributes: [{ Id: 'account', Value: account }] } : { Value };
const row = (name: string, id: string, values: string[]) => ({
  RowType: 'Row',
  Cells: [cell(name, id), ...values.map((v) => cell(v, id))],
});
const HEADER = {
  RowType: 'Header',
  Cells: ['Account', 'Debit', 'Credit', 'YTD Debit', 'YTD Credit'].map((v) => cell(v)),
};

function report(rows: unknown[], date = '31 March 2026') {
  return fromXero<ReportWithRows>('accounting', 'ReportWithRows', {
    Reports: [{ ReportType: 'TrialBalance', ReportDate: date, Rows: [HEADER, ...rows] }],
  }).reports![0];
}

describe('mapXeroTrialBalance with the OpenAPI example', () => {
  const [example] = responseExamples('accounting', 'ReportWithRows').filter(
    (e) => e.label === 'GET /Reports/TrialBalance',
  );
  const body = deserialize<ReportWithRows>('accounting', example.body, 'ReportWithRows');

  it('reads one snapshot per account row, dated by the report, from the YTD columns', () => {
    const snapshots = mapXeroTrialBalance(body.reports![0]);
    expect(snapshots.length).toBeGreaterThan(3);
    expect(new Set(snapshots.map((s) => s.date))).toEqual(new Set(['2019-04-24']));
    expect(snapshots.find((s) => s.accountXeroId === '02439bca-5fdc-4b62-b281-0bdf9f16fd5b')).toEqual({
      accountXeroId: '02439bca-5fdc-4b62-b281-0bdf9f16fd5b',
      date: '2019-04-24',
      debit: '0',
      credit: '1020.22',
      balance: '-1020.22',
      periodDebit: '0',
      periodCredit: '200',
    });
  });
});

describe('mapXeroTrialBalance', () => {
  it('reads account rows in every section, skips summary rows, and computes exact balances', () => {
    const snapshots = mapXeroTrialBalance(
      report([
        {
          RowType: 'Section',
          Title: 'Assets',
          Rows: [row('Bank (090)', 'bank', ['0.10', '', '1000.10', ''])],
        },
        {
          RowType: 'Section',
          Title: 'Liabilities',
          Rows: [row('GST (820)', 'gst', ['', '0.20', '', '150.20'])],
        },
        {
          RowType: 'Section',
          Title: '',
          Rows: [
            {
              RowType: 'SummaryRow',
              Cells: ['Total', '0.10', '0.20', '1000.10', '150.20'].map((v) => cell(v)),
            },
          ],
        },
      ]),
    );
    expect(snapshots).toEqual([
      {
        accountXeroId: 'bank',
        date: '2026-03-31',
        debit: '1000.1',
        credit: '0',
        balance: '1000.1',
        periodDebit: '0.1',
        periodCredit: '0',
      },
      {
        accountXeroId: 'gst',
        date: '2026-03-31',
        debit: '0',
        credit: '150.2',
        balance: '-150.2',
        periodDebit: '0',
        periodCredit: '0.2',
      },
    ]);
  });

  it('prefers the date the report was asked for', () => {
    const [snapshot] = mapXeroTrialBalance(report([row('Bank', 'bank', ['1', '', '1', ''])]), '2026-04-30');
    expect(snapshot.date).toBe('2026-04-30');
  });

  it('is total: no report, no rows or no date give no snapshots', () => {
    expect(mapXeroTrialBalance(undefined)).toEqual([]);
    expect(mapXeroTrialBalance(report([]))).toEqual([]);
    expect(mapXeroTrialBalance(report([row('Bank', 'bank', ['1', '', '1', ''])], 'sometime'))).toEqual([]);
  });

  it.each([
    ['24 April 2019', '2019-04-24'],
    ['1 January 2026', '2026-01-01'],
    ['2026-03-31', '2026-03-31'],
    ['31 Smarch 2026', null],
    ['30 February 2026', null],
  ])('reads the report date %s as %s', (value, expected) => {
    expect(reportDate(value)).toBe(expected);
  });
});
