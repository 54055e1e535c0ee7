/** One line of the benchmark table: a figure of the gateway beside its baseline measured in the same run. */
export interface Row {
  suite: string;
  scenario: string;
  metric: string;
  unit: string;
  gateway: number;
  /** The baseline's figure; null when the metric has none (then `ratio` is null too). */
  baseline: number | null;
  baselineName: string;
  /** gateway / baseline. */
  ratio: number | null;
  /** Which direction is better for the gateway figure. */
  better: 'higher' | 'lower';
  note?: string;
}

type RowInput = Omit<Row, 'ratio'>;

/**
 * Builds a row, computing gateway / baseline: null without a usable pair (no baseline, a zero one, or a
 * side with no figure, e.g. the p50 of a side that got no answer within the window).
 */
export function row(input: RowInput): Row {
  const { gateway, baseline } = input;
  const ratio = isFigure(gateway) && isFigure(baseline) && baseline !== 0 ? gateway / baseline : null;
  return { ...input, ratio };
}

/** A measured figure: not null, and not the NaN of a quantile of no samples. */
export function isFigure(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** The q-quantile (0..1) of already sorted values (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function sortedCopy(values: Iterable<number>): number[] {
  return Array.from(values).sort((a, b) => a - b);
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

export const MiB = 1024 * 1024;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
