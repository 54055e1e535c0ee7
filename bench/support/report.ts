import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isFigure, type Row } from './stats.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface Report {
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  rows: Row[];
  notMeasured: string[];
}

export function machine(): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** A figure with about three significant digits. */
export function figure(value: number | null): string {
  if (!isFigure(value)) return '-';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function ratio(row: Row): string {
  return row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`;
}

const HEADER = [
  'Suite',
  'Scenario',
  'Metric',
  'Gateway',
  'Baseline',
  'Gateway / baseline',
  'Better',
  'Baseline is',
];

function cells(row: Row): string[] {
  const unit = row.unit === row.metric ? '' : ` ${row.unit}`;
  const withUnit = (value: number | null) => (isFigure(value) ? `${figure(value)}${unit}` : '-');
  return [
    row.suite,
    row.note ? `${row.scenario} (${row.note})` : row.scenario,
    row.metric,
    withUnit(row.gateway),
    withUnit(row.baseline),
    ratio(row),
    row.better,
    row.baselineName,
  ];
}

/** The table as Markdown (also what the terminal shows: it reads fine as plain text). */
export function markdown(report: Report): string {
  const m = report.machine;
  const lines = [
    `Benchmark (${report.mode}) of ${report.startedAt}, ${Math.round(report.durationSeconds)} s, on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...report.rows.map((row) => `| ${cells(row).join(' | ')} |`),
  ];
  if (report.notMeasured.length) lines.push('', 'Not measured:', ...report.notMeasured.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/** Writes bench/results/latest.json and latest.md (and, for a full run, full.json and full.md too). */
export async function writeReport(directory: string, report: Report): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const round = (value: number | null) => (value === null ? null : Number(value.toPrecision(4)));
  const json = {
    ...report,
    rows: report.rows.map((r) => ({
      ...r,
      gateway: round(r.gateway),
      baseline: round(r.baseline),
      ratio: round(r.ratio),
    })),
  };
  const names = report.mode === 'full' ? ['latest', 'full'] : ['latest'];
  const written: string[] = [];
  for (const name of names) {
    await writeFile(path.join(directory, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
    await writeFile(path.join(directory, `${name}.md`), markdown(report));
    written.push(path.join(directory, `${name}.json`), path.join(directory, `${name}.md`));
  }
  return written;
}

/** Runs one suite on a scratch Postgres and prints its rows: how the single-suite scripts run alone. */
export async function runAlone(
  work: (postgres: import('./postgres.js').BenchPostgres) => Promise<Row[]>,
): Promise<void> {
  const { startBenchPostgres } = await import('./postgres.js');
  const postgres = await startBenchPostgres();
  try {
    const rows = await work(postgres);
    const report: Report = {
      mode: 'quick',
      startedAt: new Date().toISOString(),
      durationSeconds: 0,
      machine: machine(),
      rows,
      notMeasured: [],
    };
    process.stdout.write(markdown(report).split('\n').slice(2).join('\n'));
  } finally {
    await postgres.stop();
  }
}
