import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type Api, mintTokens, rawApi } from './support/emulator-client.js';
import { A, createAuthorisedInvoice, expectRejectedBy, line } from './support/rule-helpers.js';

let emu: RunningXeroEmulator;
let au: Api;
let us: Api;
let contactId: string;

const expectRejected = (method: string, path: string, body: unknown, message: string, client = au) =>
  expectRejectedBy(client, method, path, body, message);

const component = (Rate: number, IsCompound = false) => ({ Name: 'State Tax', Rate, IsCompound });

async function createRate(name: string, extra: Record<string, unknown> = {}) {
  const res = await au.send('PUT', `${A}/TaxRates`, {
    TaxRates: [{ Name: name, ReportTaxType: 'OUTPUT', TaxComponents: [component(2.25)], ...extra }],
  });
  expect(res.status).toBe(200);
  return res.body.TaxRates[0];
}

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
  const tokens = await mintTokens(emu);
  const tenant = (country: string) => emu.organisations.find((o) => o.countryCode === country)!.tenantId;
  au = rawApi(emu, tokens.access_token, tenant('AU'));
  us = rawApi(emu, tokens.access_token, tenant('US'));
  contactId = (await au.get(`${A}/Contacts?where=Name=="Bayside Club"`)).body.Contacts[0].ContactID;
});
afterAll(() => emu.stop());

describe('TaxRates rules', () => {
  it('reads one tax rate by its TaxType, and answers an unknown one with the plain-text 404', async () => {
    const res = await au.get(`${A}/TaxRates/OUTPUT`);
    expect(res.status).toBe(200);
    expect(res.body.TaxRates).toHaveLength(1);
    expect(res.body.TaxRates[0]).toMatchObject({ TaxType: 'OUTPUT', Name: 'GST on Income' });
    expect(res.body.TaxRates[0].UpdatedDateUTC).toBeUndefined();
    expect((await au.get(`${A}/TaxRates/TAX999`)).status).toBe(404);
  });

  it('gives a new rate the next TAXnnn TaxType and compounds its effective rate', async () => {
    const rate = await createRate('GST + PST', {
      TaxComponents: [
        { Name: 'GST', Rate: 5, IsCompound: false },
        { Name: 'PST', Rate: 7, IsCompound: true },
      ],
    });
    expect(rate.TaxType).toMatch(/^TAX\d{3}$/);
    expect(rate).toMatchObject({ Status: 'ACTIVE', EffectiveRate: 12.35, DisplayTaxRate: 12.35 });
    expect(rate.UpdatedDateUTC).toBeUndefined();
  });

  it('requires a ReportTaxType from an AU organisation and refuses one from a US organisation', async () => {
    await expectRejected(
      'PUT',
      `${A}/TaxRates`,
      { TaxRates: [{ Name: 'No report type', TaxComponents: [component(1)] }] },
      'ReportTaxType is required',
    );
    await expectRejected(
      'PUT',
      `${A}/TaxRates`,
      { TaxRates: [{ Name: 'CA State Tax', ReportTaxType: 'OUTPUT', TaxComponents: [component(1)] }] },
      'ReportTaxType is not supported',
      us,
    );
    const res = await us.send('PUT', `${A}/TaxRates`, {
      TaxRates: [{ Name: 'CA State Tax', TaxComponents: [component(1)] }],
    });
    expect(res.status).toBe(200);
  });

  it('refuses to edit or delete a system tax rate and changes nothing', async () => {
    for (const change of [{ Name: 'Renamed' }, { Status: 'DELETED' }]) {
      await expectRejected(
        'POST',
        `${A}/TaxRates`,
        { TaxRates: [{ TaxType: 'OUTPUT', ...change }] },
        'system tax rate',
      );
    }
    expect((await au.get(`${A}/TaxRates/OUTPUT`)).body.TaxRates[0]).toMatchObject({
      Name: 'GST on Income',
      Status: 'ACTIVE',
    });
  });

  it('updates a rate by its TaxType in the body', async () => {
    const rate = await createRate('To rename');
    const res = await au.send('POST', `${A}/TaxRates`, {
      TaxRates: [{ TaxType: rate.TaxType, Name: 'Renamed rate', TaxComponents: [component(3)] }],
    });
    expect(res.body.TaxRates[0]).toMatchObject({
      TaxType: rate.TaxType,
      Name: 'Renamed rate',
      EffectiveRate: 3,
    });
  });

  it('deletes an unused rate, archives one used on a transaction, and restores neither', async () => {
    const unused = await createRate('Unused rate');
    const used = await createRate('Used rate');
    await createAuthorisedInvoice(au, contactId, 100, { LineItems: [line({ TaxType: used.TaxType })] });
    const remove = (taxType: string) =>
      au.send('POST', `${A}/TaxRates`, { TaxRates: [{ TaxType: taxType, Status: 'DELETED' }] });
    expect((await remove(unused.TaxType)).body.TaxRates[0].Status).toBe('DELETED');
    expect((await remove(used.TaxType)).body.TaxRates[0].Status).toBe('ARCHIVED');
    await expectRejected(
      'POST',
      `${A}/TaxRates`,
      { TaxRates: [{ TaxType: used.TaxType, Status: 'ACTIVE' }] },
      'cannot be restored',
    );
  });

  it('refuses a deleted rate on a new invoice', async () => {
    const rate = await createRate('Soon gone');
    await au.send('POST', `${A}/TaxRates`, { TaxRates: [{ TaxType: rate.TaxType, Status: 'DELETED' }] });
    await expectRejected(
      'PUT',
      `${A}/Invoices`,
      {
        Invoices: [
          { Type: 'ACCREC', Contact: { ContactID: contactId }, LineItems: [line({ TaxType: rate.TaxType })] },
        ],
      },
      `The TaxType code '${rate.TaxType}' does not exist`,
    );
  });
});
