import { describe, expect, it } from 'vitest';
import { SalaryType } from '../../../src/schema/enums.js';
import {
  payItemOccurrences,
  pendingEmployeeFields,
  pendingSalaryFields,
  type ResolvedSalary,
  toXeroAuEarningsLine,
  toXeroAuEmployee,
  toXeroUsEmployee,
  toXeroUsSalaryAndWage,
} from '../../../src/sync/mappers/connec-employee.mapper.js';
import { mapXeroAuEmployee } from '../../../src/sync/mappers/xero-au-employee.mapper.js';
import { mapXeroUsEmployee } from '../../../src/sync/mappers/xero-us-employee.mapper.js';
import { checkSalaryFields, checkTermination } from '../../../src/sync/outbound/employee-write.rules.js';

const ordinary = { connecId: 'pi-1', xeroId: 'rate-1', ratePerUnit: '32' };
const salary = (overrides: Partial<ResolvedSalary>): ResolvedSalary => ({
  type: SalaryType.SALARY,
  annualSalary: '70000.00',
  hourlyRate: null,
  hoursPerWeek: '38',
  effectiveFrom: '2026-07-01',
  payItem: ordinary,
  ...overrides,
});
const hourly = (rate: string) =>
  salary({ type: SalaryType.HOURLY, annualSalary: null, hourlyRate: rate, hoursPerWeek: null });

describe('toXeroAuEarningsLine', () => {
  it.each([
    [
      'a salary: ANNUALSALARY with AnnualSalary and NumberOfUnitsPerWeek',
      salary({}),
      {
        earningsRateID: 'rate-1',
        calculationType: 'ANNUALSALARY',
        annualSalary: 70000,
        numberOfUnitsPerWeek: 38,
      },
    ],
    [
      "an hourly wage at the earnings rate's own rate: USEEARNINGSRATE",
      hourly('32.00'),
      { earningsRateID: 'rate-1', calculationType: 'USEEARNINGSRATE', ratePerUnit: 32 },
    ],
    [
      'an hourly wage at another rate: ENTEREARNINGSRATE with RatePerUnit',
      { ...hourly('35.5'), hoursPerWeek: '20' },
      {
        earningsRateID: 'rate-1',
        calculationType: 'ENTEREARNINGSRATE',
        ratePerUnit: 35.5,
        numberOfUnitsPerWeek: 20,
      },
    ],
    [
      'an hourly wage on a rate without its own rate: ENTEREARNINGSRATE',
      { ...hourly('32'), payItem: { ...ordinary, ratePerUnit: null } },
      { earningsRateID: 'rate-1', calculationType: 'ENTEREARNINGSRATE', ratePerUnit: 32 },
    ],
  ])('maps %s', (_label, input, expected) => {
    expect(toXeroAuEarningsLine(input)).toEqual(expected);
  });

  it('lands what it sends: the inbound mapper reads the line back as the same salary', () => {
    const employee = toXeroAuEmployee(
      { firstName: 'A', lastName: 'B', salaries: [salary({}), hourly('40')] },
      true,
    );
    const mapped = mapXeroAuEmployee({ ...employee, employeeID: 'emp-1' });
    expect(
      mapped.salaries.map((s) => [s.xeroId, s.fields.type, s.fields.annualSalary, s.fields.hourlyRate]),
    ).toEqual([
      ['emp-1/earnings/rate-1', SalaryType.SALARY, '70000', null],
      ['emp-1/earnings/rate-1/2', SalaryType.HOURLY, null, '40'],
    ]);
  });
});

describe('toXeroAuEmployee', () => {
  it('sends only what the write sets; null clears a text field; a create names its ordinary earnings rate', () => {
    expect(toXeroAuEmployee({ lastName: 'New', email: null, jobTitle: undefined })).toEqual({
      lastName: 'New',
      email: '',
    });
    expect(toXeroAuEmployee({ firstName: 'A', salaries: [salary({})] }, true)).toMatchObject({
      ordinaryEarningsRateID: 'rate-1',
      payTemplate: { earningsLines: [{ earningsRateID: 'rate-1' }] },
    });
    expect(toXeroAuEmployee({ salaries: [] }).payTemplate).toEqual({ earningsLines: [] });
  });

  it('terminates with a date and a reason; the status is left to Xero', () => {
    expect(toXeroAuEmployee({ termination: { date: '2026-06-30', reason: 'V' } })).toEqual({
      terminationDate: '2026-06-30',
      terminationReason: 'V',
    });
  });
});

describe('toXeroUsEmployee', () => {
  it('maps salaries to SalaryAndWages, carrying the id of the entry they update', () => {
    const employee = toXeroUsEmployee({
      startDate: '2026-01-05',
      termination: { date: '2026-06-30', reason: null },
      salaries: [salary({ xeroId: 'sw-1' }), hourly('28')],
    });
    expect(employee).toEqual({
      HireDate: '2026-01-05',
      TerminationDate: '2026-06-30',
      Status: 'TERMINATED',
      SalaryAndWages: [
        {
          SalaryAndWagesID: 'sw-1',
          EarningsTypeID: 'rate-1',
          SalaryWagesType: 'ANNUALSALARY',
          AnnualSalary: 70000,
          StandardHoursPerWeek: 38,
          EffectiveDate: '2026-07-01',
        },
        { EarningsTypeID: 'rate-1', SalaryWagesType: 'HOURLY', HourlyRate: 28, EffectiveDate: '2026-07-01' },
      ],
    });
  });

  it('lands what it sends: pending fields equal what the inbound mapper makes of the answer', () => {
    const entry = { ...toXeroUsSalaryAndWage(salary({})), SalaryAndWagesID: 'sw-9' };
    const mapped = mapXeroUsEmployee({
      EmployeeID: 'emp-2',
      FirstName: 'A',
      LastName: 'B',
      SalaryAndWages: [entry],
    });
    const { employeeId, payItemId, ...fields } = pendingSalaryFields(salary({}), 'e', 'US');
    expect(mapped.salaries[0].fields).toEqual(fields);
    expect([employeeId, payItemId]).toEqual(['e', 'pi-1']);
  });
});

describe('pending fields', () => {
  it('keep what the update leaves out, and show a termination as TERMINATED', () => {
    expect(pendingEmployeeFields({ jobTitle: 'Chef' }, false)).toEqual({ jobTitle: 'Chef' });
    expect(pendingEmployeeFields({ termination: { date: '2026-06-30', reason: 'V' } }, false)).toEqual({
      terminationDate: '2026-06-30',
      status: 'TERMINATED',
    });
    expect(pendingEmployeeFields({ firstName: 'A', email: 'a@b.test' }, true)).toEqual({
      firstName: 'A',
      email: { address: 'a@b.test', address2: null },
      status: 'ACTIVE',
    });
  });

  it('make an AU salary as the AU mapper will: no date (pay templates hold none), AUD', () => {
    const line = toXeroAuEarningsLine(salary({}));
    const mapped = mapXeroAuEmployee({
      employeeID: 'emp-1',
      firstName: 'A',
      lastName: 'B',
      dateOfBirth: '1990-01-01',
      payTemplate: { earningsLines: [line] },
    });
    const { employeeId: _e, payItemId: _p, ...fields } = pendingSalaryFields(salary({}), 'e', 'AU');
    expect(mapped.salaries[0].fields).toEqual(fields);
  });

  it('number each pay item’s occurrences, as the inbound keys do', () => {
    expect(payItemOccurrences(['a', 'b', 'a', 'a'])).toEqual([1, 1, 2, 3]);
  });
});

describe('salary and termination rules', () => {
  const input = (overrides: Record<string, unknown>) =>
    ({
      type: SalaryType.SALARY,
      annualSalary: '50000',
      hoursPerWeek: '38',
      payItemId: 'x',
      ...overrides,
    }) as never;

  it.each([
    ['a negative salary', { annualSalary: '-1' }, 'AU', 'salaries.0.annualSalary', 'Must be positive.'],
    [
      'a salary without its amount',
      { annualSalary: null },
      'AU',
      'salaries.0.annualSalary',
      'Required for a SALARY.',
    ],
    [
      'an hourly wage without its rate',
      { type: SalaryType.HOURLY, annualSalary: null },
      'US',
      'salaries.0.hourlyRate',
      'Required for an HOURLY wage.',
    ],
    [
      'the other type’s amount',
      { hourlyRate: '30' },
      'US',
      'salaries.0.hourlyRate',
      'Only for an HOURLY wage; this one takes annualSalary.',
    ],
    [
      '200 hours a week',
      { hoursPerWeek: '200' },
      'US',
      'salaries.0.hoursPerWeek',
      'Must be between 0 and 168 (the hours in a week).',
    ],
    [
      'an AU salary without weekly hours',
      { hoursPerWeek: null },
      'AU',
      'salaries.0.hoursPerWeek',
      expect.stringContaining('Required for a SALARY in Australian payroll'),
    ],
    [
      'no pay item',
      { payItemId: null },
      'US',
      'salaries.0.payItemId',
      'Required: the earnings pay item (payItemId or payItem).',
    ],
  ])('refuse %s', (_label, overrides, region, path, message) => {
    expect(checkSalaryFields([input(overrides)], region as 'AU' | 'US')).toEqual([{ path, message }]);
  });

  it('accept a good salary and an hourly wage with no hours in US payroll', () => {
    expect(checkSalaryFields([input({})], 'AU')).toEqual([]);
    expect(
      checkSalaryFields(
        [input({ type: SalaryType.HOURLY, annualSalary: null, hourlyRate: '20', hoursPerWeek: null })],
        'US',
      ),
    ).toEqual([]);
    expect(checkSalaryFields([input({ hoursPerWeek: '0' }), input({ hoursPerWeek: '168' })], 'US')).toEqual(
      [],
    );
  });

  it.each([
    [
      'an AU termination without a reason',
      { terminationDate: '2026-06-30' },
      null,
      'AU',
      ['terminationReason'],
    ],
    ['a US termination without a reason', { terminationDate: '2026-06-30' }, null, 'US', []],
    [
      'a termination before the start date',
      { terminationDate: '2025-01-01', terminationReason: 'V' },
      { status: 'ACTIVE', startDate: '2025-06-01' },
      'AU',
      ['terminationDate'],
    ],
    ['a reason without a date', { terminationReason: 'V' }, null, 'AU', ['terminationReason']],
    [
      'undoing a termination',
      { terminationDate: null },
      { status: 'TERMINATED', startDate: null },
      'AU',
      ['terminationDate'],
    ],
    [
      'changing a TERMINATED employee',
      { firstName: 'X' },
      { status: 'TERMINATED', startDate: null },
      'AU',
      [],
    ],
  ])('checks %s', (_label, input, existing, region, paths) => {
    const errors = checkTermination(input as never, existing as never, region as 'AU' | 'US');
    expect(errors.map((error) => error.path)).toEqual(paths);
  });
});
