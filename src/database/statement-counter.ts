import { AsyncLocalStorage } from 'node:async_hooks';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

/** Runs `work` while counting every SQL statement it issues through TypeORM (for N+1 checks and metrics). */
export function withStatementCounter<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const counter: Counter = { statements: 0 };
  return storage.run(counter, async () => ({ result: await work(), statements: counter.statements }));
}

/** Starts counting for the rest of the current async context (used per HTTP request). */
export function enterStatementCounter(): Counter {
  const counter: Counter = { statements: 0 };
  storage.enterWith(counter);
  return counter;
}

export function currentStatementCount(): number | undefined {
  return storage.getStore()?.statements;
}

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.statements += 1;
}
