const DAY_MS = 86_400_000;

/** Xero's JSON timestamp form for UpdatedDateUTC and similar: `/Date(ms+0000)/`. */
export function msDateTime(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

/** The envelope's DateTimeUTC has no offset suffix in Xero's answers. */
export function msDateNoOffset(ms: number): string {
  return `/Date(${ms})/`;
}

/** Internal calendar dates are 'YYYY-MM-DD' strings; Xero renders them as midnight UTC. */
export function dateToMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function msToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return msToDate(dateToMs(date) + days * DAY_MS);
}

export function todayDate(): string {
  return msToDate(Date.now());
}

/**
 * Accepts the forms clients send for a date: 'YYYY-MM-DD', ISO date-times, `/Date(ms)/` (xero-node turns
 * dates into strings in several ways). Returns 'YYYY-MM-DD' or undefined when unparseable.
 */
export function parseInputDate(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : msToDate(value.getTime());
  if (typeof value !== 'string') return undefined;
  const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (ms) return msToDate(Number(ms[1]));
  const plain = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (plain) {
    const d = `${plain[1]}-${plain[2]}-${plain[3]}`;
    return Number.isNaN(dateToMs(d)) ? undefined : d;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : msToDate(parsed);
}

/** `If-Modified-Since` arrives as ISO (xero-node) or RFC 1123; Xero compares at one-second precision. */
export function parseIfModifiedSince(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const parsed = Date.parse(header);
  if (Number.isNaN(parsed)) return undefined;
  return Math.floor(parsed / 1000) * 1000;
}

export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function reportDate(date: string): string {
  const d = new Date(dateToMs(date));
  const month = d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}
