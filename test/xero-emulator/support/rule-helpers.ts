import { expect } from 'vitest';
import type { Api, Json } from './emulator-client.js';

/** The Accounting API's path prefix. */
export const A = '/api.xro/2.0';

/** One invoice line, with overrides. */
export const line = (extra: Record<string, unknown> = {}) => ({
  Description: 'Work',
  Quantity: 1,
  UnitAmount: 100,
  AccountCode: '200',
  ...extra,
});

/** Every rule answers Xero's ValidationException: HTTP 400, ErrorNumber 10, the element and its messages. */
export async function expectRejectedBy(
  client: Api,
  method: string,
  path: string,
  body: unknown,
  message: string,
): Promise<void> {
  const res = await client.send(method, path, body);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({
    ErrorNumber: 10,
    Type: 'ValidationException',
    Message: 'A validation exception occurred',
  });
  const messages = res.body.Elements.flatMap((e: { ValidationErrors: Array<{ Message: string }> }) =>
    e.ValidationErrors.map((v) => v.Message),
  );
  expect(messages.join(' | ')).toContain(message);
}

/** Creates an AUTHORISED sales invoice of `total` (no tax) for the contact. */
export async function createAuthorisedInvoice(
  client: Api,
  contactId: string,
  total = 100,
  extra: Record<string, unknown> = {},
): Promise<Record<string, Json>> {
  const res = await client.send('PUT', `${A}/Invoices`, {
    Invoices: [
      {
        Type: 'ACCREC',
        Contact: { ContactID: contactId },
        Status: 'AUTHORISED',
        LineItems: [line({ UnitAmount: total, TaxType: 'NONE' })],
        ...extra,
      },
    ],
  });
  expect(res.status).toBe(200);
  return res.body.Invoices[0];
}
