import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type Api, type Json, mintTokens, rawApi } from './support/emulator-client.js';
import { expectRejectedBy } from './support/rule-helpers.js';

const P = '/payroll.xro/1.0';
let emu: RunningXeroEmulator;
let au: Api;
let us: Api;

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
  const token = (await mintTokens(emu)).access_token;
  const tenant = (country: string) => emu.organisations.find((o) => o.countryCode === country)!.tenantId;
  au = rawApi(emu, token, tenant('AU'));
  us = rawApi(emu, token, tenant('US'));
});
afterAll(() => emu.stop());

const newEmployee = async (api: Api, extra: Json = {}) =>
  (
    await api.send('POST', `${P}/Employees`, [
      { FirstName: 'Rule', LastName: 'Tester', DateOfBirth: '1990-01-01', ...extra },
    ])
  ).body.Employees[0];

describe('Payroll AU employees', () => {
  it('replaces the pay template sent with an update, and refuses an unknown earnings rate', async () => {
    const rates = (await au.get(`${P}/PayItems`)).body.PayItems.EarningsRates;
    const deduction = (await au.get(`${P}/PayItems`)).body.PayItems.DeductionTypes[0].DeductionTypeID;
    const line = {
      EarningsRateID: rates[0].EarningsRateID,
      CalculationType: 'ANNUALSALARY',
      AnnualSalary: 60000,
    };
    const employee = await newEmployee(au, { PayTemplate: { EarningsLines: [line] } });
    expect(employee.PayTemplate.EarningsLines).toEqual([line]);
    const other = {
      EarningsRateID: rates[1].EarningsRateID,
      CalculationType: 'ENTEREARNINGSRATE',
      RatePerUnit: 30,
    };
    const updated = await au.send('POST', `${P}/Employees/${employee.EmployeeID}`, [
      { PayTemplate: { EarningsLines: [other] } },
    ]);
    expect(updated.body.Employees[0].PayTemplate).toEqual({ EarningsLines: [other] });
    await expectRejectedBy(
      au,
      'POST',
      `${P}/Employees/${employee.EmployeeID}`,
      [{ PayTemplate: { EarningsLines: [{ ...line, EarningsRateID: deduction }] } }],
      `EarningsRateID ${deduction} is not valid.`,
    );
    await expectRejectedBy(
      au,
      'POST',
      `${P}/Employees/${employee.EmployeeID}`,
      [{ PayTemplate: { EarningsLines: [{ ...line, CalculationType: 'MONTHLY' }] } }],
      'CalculationType MONTHLY is not valid.',
    );
    const held = (await au.get(`${P}/Employees/${employee.EmployeeID}`)).body.Employees[0];
    expect(held.PayTemplate).toEqual({ EarningsLines: [other] });
  });

  it('derives the status from the termination date, which needs a reason', async () => {
    const employee = await newEmployee(au, { Status: 'TERMINATED' });
    expect(employee.Status).toBe('ACTIVE');
    const path = `${P}/Employees/${employee.EmployeeID}`;
    await expectRejectedBy(
      au,
      'POST',
      path,
      [{ TerminationDate: '2026-06-30' }],
      'Termination reason is required',
    );
    const terminated = await au.send('POST', path, [
      { TerminationDate: '2026-06-30', TerminationReason: 'V' },
    ]);
    expect(terminated.body.Employees[0].Status).toBe('TERMINATED');
    const renamed = await au.send('POST', path, [{ JobTitle: 'Former chef' }]);
    expect(renamed.status).toBe(200);
    expect(renamed.body.Employees[0]).toMatchObject({ Status: 'TERMINATED', JobTitle: 'Former chef' });
  });
});

describe('US payroll employees', () => {
  it('gives new SalaryAndWages entries an id, keeps the id of an entry it updates, refuses strangers', async () => {
    const types = (await us.get(`${P}/PayItems`)).body.PayItems.EarningsTypes;
    const entry = { EarningsTypeID: types[0].EarningsTypeID, SalaryWagesType: 'HOURLY', HourlyRate: 25 };
    const employee = await newEmployee(us, { SalaryAndWages: [entry] });
    const id = employee.SalaryAndWages[0].SalaryAndWagesID;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const path = `${P}/Employees/${employee.EmployeeID}`;
    const updated = await us.send('POST', path, [
      { SalaryAndWages: [{ ...entry, SalaryAndWagesID: id, HourlyRate: 27 }] },
    ]);
    expect(updated.body.Employees[0].SalaryAndWages).toEqual([
      { ...entry, SalaryAndWagesID: id, HourlyRate: 27 },
    ]);
    await expectRejectedBy(
      us,
      'POST',
      path,
      [{ SalaryAndWages: [{ ...entry, SalaryAndWagesID: '00000000-0000-4000-8000-000000000000' }] }],
      'SalaryAndWagesID 00000000-0000-4000-8000-000000000000 is not valid.',
    );
    await expectRejectedBy(
      us,
      'POST',
      path,
      [{ SalaryAndWages: [{ ...entry, EarningsTypeID: 'nope' }] }],
      'EarningsTypeID nope is not valid.',
    );
  });
});
