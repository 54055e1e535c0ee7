/**
 * Strictly increasing milliseconds: two writes never share an UpdatedDateUTC, which keeps each
 * collection's update order total (see Collection).
 */
export class Clock {
  private last = 0;
  now(): number {
    const t = Math.max(Date.now(), this.last + 1);
    this.last = t;
    return t;
  }
  /** Seeds use fixed past timestamps; live writes must still come after them. */
  observe(ms: number): void {
    if (ms > this.last) this.last = ms;
  }
}
