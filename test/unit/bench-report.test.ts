import { describe, expect, it } from 'vitest';
import { markdown, type Report } from '../../bench/support/report.js';
import { row } from '../../bench/support/stats.js';

const base = {
  suite: 'reads',
  scenario: 'widget timesheets (100k invoices)',
  unit: 'ms',
  baselineName: 'pg + node:http',
  better: 'lower' as const,
};

const report = (rows: Report['rows']): Report => ({
  mode: 'full',
  startedAt: '2026-11-26T00:00:00.000Z',
  durationSeconds: 1,
  machine: { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: 'v20', platform: 'linux' },
  rows,
  notMeasured: [],
});

describe('the benchmark table', () => {
  it('shows a ratio of two figures, in the unit of the metric', () => {
    const line = markdown(report([row({ ...base, metric: 'p50', gateway: 150, baseline: 100 })]))
      .trim()
      .split('\n')
      .at(-1);
    expect(line).toBe(
      '| reads | widget timesheets (100k invoices) | p50 | 150 ms | 100 ms | 1.50x | lower | pg + node:http |',
    );
  });

  it('shows "-" and no ratio for a side with no figure (no answer within the window), not "NaNx"', () => {
    const noAnswer = row({ ...base, metric: 'p50', gateway: 4779, baseline: Number.NaN });
    expect(noAnswer.ratio).toBeNull();
    const table = markdown(report([noAnswer]));
    expect(table).not.toContain('NaN');
    expect(table.trim().split('\n').at(-1)).toBe(
      '| reads | widget timesheets (100k invoices) | p50 | 4,779 ms | - | - | lower | pg + node:http |',
    );
  });
});
