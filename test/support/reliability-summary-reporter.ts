import type { Reporter, TestModule } from 'vitest/node';
import type { ReliabilityFigures } from './reliability-figures.js';

const LABELS: Array<[keyof ReliabilityFigures, string]> = [
  ['faultsInjected', 'faults injected'],
  ['writesAccepted', 'writes accepted'],
  ['writesFoundInXero', 'writes found in Xero exactly once'],
  ['eventsExpected', 'events expected'],
  ['eventsReceived', 'events received exactly once'],
  ['fuzzCases', 'fuzz cases tried'],
  ['isolationProbes', 'tenant-isolation probes'],
  ['leaksFound', 'leaks found'],
  ['secretsFoundInLogs', 'secrets found in logs'],
];

/** Prints one summary of what the reliability suite measured, from each test's `meta().reliability`. */
export default class ReliabilitySummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const totals: ReliabilityFigures = {};
    let failed = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state === 'failed') failed += 1;
        for (const [key, value] of Object.entries(test.meta().reliability ?? {})) {
          const name = key as keyof ReliabilityFigures;
          totals[name] = (totals[name] ?? 0) + (value as number);
        }
      }
    }
    const lines = LABELS.map(([key, label]) => `  ${label.padEnd(36)} ${totals[key] ?? 0}`);
    process.stdout.write(
      `\nReliability summary${failed ? ` (${failed} test(s) FAILED)` : ''}\n${lines.join('\n')}\n`,
    );
  }
}
