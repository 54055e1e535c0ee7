import type { TestContext } from 'vitest';

/** What a reliability test measured; the summary reporter adds them up over the run. */
export interface ReliabilityFigures {
  faultsInjected?: number;
  writesAccepted?: number;
  writesFoundInXero?: number;
  eventsExpected?: number;
  eventsReceived?: number;
  fuzzCases?: number;
  isolationProbes?: number;
  leaksFound?: number;
  secretsFoundInLogs?: number;
}

declare module 'vitest' {
  interface TaskMeta {
    reliability?: ReliabilityFigures;
  }
}

/** Adds figures to the running test's record (carried to the reporter in the task's meta). */
export function recordFigures(context: TestContext, figures: ReliabilityFigures): void {
  const current = context.task.meta.reliability ?? {};
  for (const [key, value] of Object.entries(figures) as Array<[keyof ReliabilityFigures, number]>) {
    current[key] = (current[key] ?? 0) + value;
  }
  context.task.meta.reliability = current;
}
