/**
 * Normalises the scalar values xero-node hands over. xero-node turns any string starting `/Date(` into
 * a JS Date, even for fields typed string (xero-node #746), and parses zone-less ISO strings such as
 * `2019-01-01T00:00:00` for Date-typed fields in the process's local time; dates typed string keep
 * whatever form Xero sent. The raw US payroll JSON has `/Date(ms+0000)/` strings.
 */

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const ZONELESS_TIME = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function isoDay(year: number, month: number, day: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Calendar date of a Date object. Xero's `/Date(ms)/` calendar dates are UTC midnight; a zone-less
 * ISO date parsed by xero-node is local midnight. Whichever midnight the value sits on tells which
 * calendar it came from; anything else is a real instant, read in UTC.
 */
function dayOfDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0;
  if (!utcMidnight && localMidnight) return isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate());
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A calendar date as `YYYY-MM-DD` from a Date, `/Date(ms)/`, `YYYY-MM-DD` or ISO string; else null. */
export function calendarDate(value: unknown): string | null {
  if (value instanceof Date) return dayOfDate(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const ms = MS_DATE.exec(text);
  if (ms) return dayOfDate(new Date(Number(ms[1])));
  const day = ISO_DAY.exec(text);
  if (!day) return null;
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? isoDay(year, month, date) : null;
}

/** A UTC instant from a Date, `/Date(ms+zzzz)/` or ISO string (zone-less ISO is UTC, as Xero means it). */
export function timestamp(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const ms = MS_DATE.exec(text);
  if (ms) return new Date(Number(ms[1]));
  const parsed = Date.parse(ZONELESS_TIME.test(text) ? `${text}Z` : text);
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

/** Trimmed text, or null for missing and blank values (Xero sends "" for unset strings). */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The upper-case name of an enum value. xero-node declares its enums as numeric in the .d.ts while
 * the runtime values are Xero's strings, so mappers compare names, never enum members.
 */
export function enumName(value: unknown): string | null {
  const name = text(value);
  return name === null ? null : name.toUpperCase();
}

/** True only for a real `true` (or Xero's "true"): missing flags are false. */
export function flag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** Looks an enum value up in a table; unknown or missing values fall back and are reported. */
export function lookupEnum<T>(
  table: Record<string, T>,
  value: unknown,
  fallback: T,
  what: string,
  warn: (message: string) => void,
): T {
  const name = enumName(value);
  if (name !== null && Object.hasOwn(table, name)) return table[name];
  warn(`${what} ${name === null ? 'missing' : `"${name}" unknown`}: using ${String(fallback)}`);
  return fallback;
}
