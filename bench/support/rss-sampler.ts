import { readFileSync } from 'node:fs';

/** Current resident set size of a process in bytes, from /proc (Linux); 0 when it cannot be read. */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface RssSampler {
  /** Highest RSS seen since start or the last `reset`. */
  peak(): number;
  now(): number;
  reset(): void;
  stop(): void;
}

/** Samples another process's RSS every `intervalMs`, so its peak during one benchmark can be read. */
export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, intervalMs);
  timer.unref();
  return {
    peak: () => Math.max(peak, rssOf(pid)),
    now: () => rssOf(pid),
    reset: () => {
      peak = rssOf(pid);
    },
    stop: () => clearInterval(timer),
  };
}
