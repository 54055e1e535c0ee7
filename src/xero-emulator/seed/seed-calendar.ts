/**
 * Where a seed's dates fall. Seeds are written with literal dates for one particular "today" (the
 * reference); given the day the seed is run for, every literal date moves by the same whole number of
 * weeks, so weekdays are kept (pay calendars and timesheets start on Mondays) and the seed's latest
 * document lands on or before that day, less than a week before it. The same day always gives the same
 * dates. Pure: no clock is read here. Date arithmetic is the emulator's own (`core/xero-date.ts`).
 */

import { addDays, dateToMs } from '../core/xero-date.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day the demo seed's literal dates were written for: its latest document date (the SUBMITTED
 * invoice of 2026-02-12, a Thursday). Seeded for this day, the seed is exactly its literals.
 */
export const REFERENCE_TODAY = '2026-02-12';

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date.`);
  return dateToMs(date) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The largest multiple of 7 days that moves `reference` to on or before `today`. */
export function weekShift(reference: string, today: string): number {
  return 7 * Math.floor(daysBetween(reference, today) / 7);
}

export interface SeedCalendar {
  /** The day the seed is run for. */
  readonly today: string;
  /** Days every literal date moves by: a multiple of 7. */
  readonly shiftDays: number;
  /** A literal date of the seed, placed for `today`. */
  d(date: string): string;
  /** A literal timestamp (epoch ms) of the seed, placed for `today`. */
  ms(epochMs: number): number;
}

/** The calendar of a seed whose literals were written for `reference`, run for `today`. */
export function seedCalendar(today: string, reference: string = REFERENCE_TODAY): SeedCalendar {
  const shiftDays = weekShift(reference, today); // validates both dates
  return {
    today,
    shiftDays,
    d: (date) => addDays(date, shiftDays),
    ms: (epochMs) => epochMs + shiftDays * DAY_MS,
  };
}
