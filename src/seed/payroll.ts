import type { CacheRecord } from '../cache/upsert.js';
import { CITIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, PAY_ITEMS, STREETS } from './catalog.js';
import { addDays, money } from './random.js';
import type { World } from './world.js';

/** Pay schedules, pay items and work locations: the payroll reference data. */
export function payrollSetup(world: World) {
  const paySchedules = [
    world.record('PaySchedule', {
      name: 'Weekly',
      scheduleType: 'WEEKLY',
      startDate: world.date('2025-07-07'),
      paymentDate: world.date('2025-07-11'),
    }),
    world.record('PaySchedule', {
      name: 'Monthly',
      scheduleType: 'MONTHLY',
      startDate: world.date('2025-07-01'),
      paymentDate: world.date('2025-07-28'),
    }),
  ];
  const payItems = PAY_ITEMS.map((item) =>
    world.record(`PayItem:${item.type}`, {
      type: item.type,
      name: item.name,
      status: 'ACTIVE',
      rateType: item.rateType,
      ratePerUnit: item.rateType === 'RATEPERUNIT' ? '32.50' : null,
      multiplier: item.multiplier,
      accountCode: item.account,
    }),
  );
  const workLocations = CITIES.slice(0, 3).map(([city, region, postalCode], index) =>
    world.record('WorkLocation', {
      name: `${city} office`,
      address: { line1: `${10 + index} ${STREETS[index]}`, city, region, postalCode, country: 'AU' },
      phone: { landline: `+61 2 9000 000${index}` },
      isPrimary: index === 0,
    }),
  );
  return { paySchedules, payItems, workLocations };
}

export function employeesAndSalaries(world: World, count: number) {
  const { random } = world;
  const employees: CacheRecord[] = [];
  const salaries: CacheRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const startDate = addDays(world.anchor, -random.int(60, 3000));
    const terminated = random.chance(0.1);
    const employee = world.record('Employee', {
      firstName,
      lastName,
      dateOfBirth: addDays('1995-01-01', -random.int(0, 12000)),
      gender: random.pick(['M', 'F', 'N']),
      email: { address: `${firstName}.${lastName}.${index + 1}@staff.example.com`.toLowerCase() },
      phone: { mobile: `+61 4${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}` },
      address: { line1: `${random.int(1, 200)} ${random.pick(STREETS)}`, city: 'Sydney', country: 'AU' },
      jobTitle: random.pick(JOB_TITLES),
      startDate,
      terminationDate: terminated ? addDays(world.anchor, -random.int(1, 50)) : null,
      status: terminated ? 'TERMINATED' : 'ACTIVE',
      payScheduleId: world.pickId('PaySchedule'),
      workLocationIds: [world.pickId('WorkLocation')],
    });
    employees.push(employee);
    const hourly = random.chance(0.4);
    salaries.push(
      world.record('EmployeeSalary', {
        employeeId: employee.id,
        type: hourly ? 'HOURLY' : 'SALARY',
        annualSalary: hourly ? null : money(random.int(55, 160) * 100_000),
        hourlyRate: hourly ? money(random.int(2800, 6500)) : null,
        hoursPerWeek: '38',
        currency: 'AUD',
        frequency: 'WEEKLY',
        payItemId: world.pickId('PayItem:EARNINGS'),
        effectiveFrom: startDate,
      }),
    );
    world.remember('ActiveEmployee', employee.id);
  }
  return { employees, salaries };
}

/** Weekly pay runs with a payslip per employee, timesheets and leave applications. */
export function payrollActivity(world: World, runs: number) {
  const { random } = world;
  const employeeIds = world.ids.get('ActiveEmployee') ?? [];
  const payRuns = Array.from({ length: runs }, (_, index) => {
    const periodEnd = addDays(world.anchor, -7 * index);
    const cents = employeeIds.map((employeeId) => {
      const wages = random.int(1000, 4000) * 100;
      const tax = Math.round(wages * 0.2);
      return { employeeId, wages, tax, superannuation: Math.round(wages * 0.115), netPay: wages - tax };
    });
    const payslips = cents.map((slip) => ({
      employeeId: slip.employeeId,
      wages: money(slip.wages),
      tax: money(slip.tax),
      superannuation: money(slip.superannuation),
      netPay: money(slip.netPay),
    }));
    const sum = (key: 'wages' | 'tax' | 'superannuation' | 'netPay') =>
      money(cents.reduce((total, slip) => total + slip[key], 0));
    return world.record('PayRun', {
      payScheduleId: world.ids.get('PaySchedule')?.[0],
      periodStart: addDays(periodEnd, -6),
      periodEnd,
      paymentDate: addDays(periodEnd, 3),
      status: index === 0 ? 'DRAFT' : 'POSTED',
      wages: sum('wages'),
      tax: sum('tax'),
      superannuation: sum('superannuation'),
      netPay: sum('netPay'),
      payslips,
    });
  });
  const timeSheets = employeeIds.flatMap((employeeId) =>
    Array.from({ length: 3 }, (_, week) => {
      const units = Array.from({ length: 7 }, (_, day) => (day < 5 ? String(random.int(6, 9)) : '0'));
      const startDate = addDays(world.anchor, -7 * (week + 1) + 1);
      return world.record('TimeSheet', {
        employeeId,
        startDate,
        endDate: addDays(startDate, 6),
        status: random.pick(['DRAFT', 'APPROVED', 'PROCESSED']),
        hours: String(units.reduce((total, unit) => total + Number(unit), 0)),
        lines: [
          {
            payItemId: world.pickId('PayItem:EARNINGS'),
            workLocationId: world.pickId('WorkLocation'),
            units,
          },
        ],
      });
    }),
  );
  const leaveApplications = employeeIds
    .filter(() => random.chance(0.6))
    .map((employeeId) => {
      const startDate = addDays(world.anchor, random.int(-200, 100));
      const endDate = addDays(startDate, random.int(0, 9));
      return world.record('LeaveApplication', {
        employeeId,
        payItemId: world.pickId('PayItem:LEAVE'),
        title: random.pick(['Holiday', 'Family trip', 'Sick leave', 'Long weekend']),
        description: 'Requested through the generator',
        startDate,
        endDate,
        periods: [
          {
            startDate,
            endDate,
            units: String(7.6 * 5),
            status: random.pick(['SCHEDULED', 'PROCESSED', 'REQUESTED']),
          },
        ],
      });
    });
  return { payRuns, timeSheets, leaveApplications };
}
