import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/xero-emulator/core/xero-date.js';
import { TokenStore } from '../../src/xero-emulator/identity/token-store.js';
import { seedOrganisations } from '../../src/xero-emulator/seed/seed.js';
import {
  daysBetween,
  isIsoDate,
  REFERENCE_TODAY,
  seedCalendar,
  weekShift,
} from '../../src/xero-emulator/seed/seed-calendar.js';
import { serialiseState } from '../../src/xero-emulator/state/data-file.js';
import type { OrgState } from '../../src/xero-emulator/state/org-state.js';

/** Fixed days, none read from the clock: the reference, today's date of writing, a new year, a leap day. */
const DAYS = [REFERENCE_TODAY, '2026-12-03', '2027-01-01', '2027-12-03', '2028-02-29', '2025-06-15'];

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Every date a seeded document is dated by (not its due or delivery date, which may be ahead). */
function documentDates(orgs: OrgState[]): string[] {
  return orgs.flatMap((org) => [
    ...org.invoices.all().map((r) => String(r.Date)),
    ...org.payments.all().map((r) => String(r.Date)),
    ...org.creditNotes.all().map((r) => String(r.Date)),
    ...org.purchaseOrders.all().map((r) => String(r.Date)),
    ...org.payroll.timesheets.all().map((r) => String(r.EndDate)),
    ...org.payroll.leaveApplications.all().map((r) => String(r.EndDate)),
    ...org.payroll.payRuns.all().map((r) => String(r.PaymentDate)),
  ]);
}

const serialised = (today: string) =>
  serialiseState(
    seedOrganisations('demo', 20, today).orgs,
    new TokenStore({ accessTokenTtlMs: 1, refreshTokenGraceMs: 1, signingSecret: 'x', issuer: () => '' }),
  );

describe('the seed calendar', () => {
  it('moves dates by whole weeks, to on or before today and less than a week before it', () => {
    for (const today of DAYS) {
      const cal = seedCalendar(today);
      expect(Number.isInteger(cal.shiftDays / 7), today).toBe(true);
      const latest = cal.d(REFERENCE_TODAY);
      expect(latest <= today, today).toBe(true);
      expect(daysBetween(latest, today), today).toBeLessThan(7);
      expect(weekday(cal.d('2026-01-05')), today).toBe(1); // a Monday stays a Monday
      expect(cal.ms(Date.UTC(2026, 0, 1)) - Date.UTC(2026, 0, 1)).toBe(cal.shiftDays * 86_400_000);
    }
    expect(seedCalendar(REFERENCE_TODAY).shiftDays).toBe(0);
    expect(weekShift('2026-02-12', '2026-12-03')).toBe(294);
    expect(weekShift('2026-02-12', '2026-02-11')).toBe(-7);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('knows a date from a non-date', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
    expect(() => seedCalendar('yesterday')).toThrow(/YYYY-MM-DD/);
  });

  it('places the demo seed for any day: its latest documents in the week up to it, calendars on Mondays', () => {
    for (const today of DAYS) {
      const { orgs } = seedOrganisations('demo', 0, today);
      const dates = documentDates(orgs).sort();
      expect(dates.length).toBeGreaterThan(30);
      const latest = dates.at(-1)!;
      expect(latest <= today, `${today}: latest ${latest}`).toBe(true);
      expect(daysBetween(latest, today), today).toBeLessThan(7);
      const invoices = orgs.flatMap((org) => org.invoices.all()).map((r) => String(r.Date));
      expect(
        invoices.every((date) => date <= today && daysBetween(date, today) < 60),
        today,
      ).toBe(true);
      for (const org of orgs)
        for (const calendar of org.payroll.calendars.all())
          expect(weekday(String(calendar.StartDate ?? '')), `${today} ${org.name}`).toBe(
            calendar.Name === 'Monthly' ? weekday(seedCalendar(today).d('2026-01-01')) : 1,
          );
    }
  });

  it('is the literal seed on the reference day, and the same data every time for the same day', () => {
    const { orgs } = seedOrganisations('demo', 0, REFERENCE_TODAY);
    const au = orgs.find((org) => org.name === 'Demo Company (AU)')!;
    const submitted = au.invoices.all().find((r) => r.Status === 'SUBMITTED')!;
    expect([submitted.Date, submitted.DueDate]).toEqual(['2026-02-12', '2026-02-26']);
    expect(au.organisation.CreatedDateUTC).toBe(Date.UTC(2026, 0, 1));
    for (const today of ['2027-12-03', '2028-02-29']) {
      const first = serialised(today);
      expect(serialised(today) === first, today).toBe(true);
    }
    expect(serialised('2027-12-03') === serialised('2028-02-29')).toBe(false);
    // Days in the same week (from the reference's weekday) give the same seed.
    expect(serialised('2027-12-03') === serialised('2027-12-08')).toBe(true);
    expect(serialised('2027-12-03') === serialised('2027-12-09')).toBe(false);
  });
});
