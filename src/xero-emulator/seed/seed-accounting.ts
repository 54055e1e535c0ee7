import { accountWriter } from '../accounting/accounts.routes.js';
import { contactWriter } from '../accounting/contacts.routes.js';
import { creditNoteWriter } from '../accounting/credit-notes.routes.js';
import { invoiceWriter } from '../accounting/invoices.routes.js';
import { itemWriter } from '../accounting/items.routes.js';
import { paymentWriter } from '../accounting/payments.routes.js';
import { purchaseOrderWriter } from '../accounting/purchase-orders.routes.js';
import { defaultTaxType } from '../accounting/transaction-common.js';
import type { Rec } from '../core/errors.js';
import { addDays } from '../core/xero-date.js';
import type { OrgState } from '../state/org-state.js';
import { ACCOUNTS, taxRateRecords } from './chart-of-accounts.js';
import type { SeedCalendar } from './seed-calendar.js';
import type { SeedWriter } from './seed-writer.js';

export function seedChart(org: OrgState, w: SeedWriter): void {
  for (const t of taxRateRecords(org.countryCode as 'AU' | 'US' | 'GB', w.tick())) org.taxRates.put(t);
  for (const [Code, Name, Type, SystemAccount, extras = {}] of ACCOUNTS) {
    const { tax, ...rest } = extras as Rec & { tax?: string };
    const TaxType =
      tax === 'sale'
        ? defaultTaxType(org, 'sale')
        : tax === 'purchase'
          ? defaultTaxType(org, 'purchase')
          : 'NONE';
    const rec = w.write(accountWriter, { Code, Name, Type, TaxType, ...rest });
    if (SystemAccount) org.accounts.put({ ...rec, SystemAccount });
  }
}

const CONTACTS: Array<[string, string, string, number]> = [
  ['Bayside Club', 'Bob', 'Partridge', 2],
  ['City Limousines', 'Sam', 'Wells', 1],
  ['Ridgeway University', 'Mary', 'Ridge', 3],
  ['Marine Systems', 'Dan', 'Marino', 0],
  ['Hamilton Smith Ltd', 'Kate', 'Hamilton', 1],
  ['PowerDirect', 'Paul', 'Power', 0],
  ['Swanston Security', 'Sue', 'Swanston', 2],
  ['Young Bros Transport', 'Yuri', 'Young', 1],
];

export function seedContactsAndItems(org: OrgState, w: SeedWriter): Rec[] {
  const contacts = CONTACTS.map(([Name, FirstName, LastName, persons], i) =>
    w.write(contactWriter, {
      Name,
      FirstName,
      LastName,
      EmailAddress: `${FirstName.toLowerCase()}@${Name.toLowerCase().replace(/[^a-z]/g, '')}.example.com`,
      ContactNumber: `C-${String(i + 1).padStart(3, '0')}`,
      TaxNumber: `TAX-${1000 + i}`,
      Addresses: [
        {
          AddressType: 'STREET',
          AddressLine1: `${10 + i} Main Street`,
          City: 'Springfield',
          PostalCode: `${3000 + i}`,
          Country: org.countryCode,
        },
      ],
      Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: `555 01${String(i).padStart(2, '0')}` }],
      ContactPersons: Array.from({ length: persons }, (_, p) => ({
        FirstName: ['Alex', 'Jo', 'Chris'][p],
        LastName: LastName,
        EmailAddress: `${['alex', 'jo', 'chris'][p]}.${LastName.toLowerCase()}@example.com`,
        IncludeInEmails: p === 0,
      })),
    }),
  );
  w.write(contactWriter, {
    Name: 'Old Supplier Co',
    ContactStatus: 'ARCHIVED',
    EmailAddress: 'old@example.com',
  });
  const sale = defaultTaxType(org, 'sale');
  const purchase = defaultTaxType(org, 'purchase');
  const items: Rec[] = [
    {
      Code: 'DEV-HR',
      Name: 'Development hour',
      Description: 'Software development per hour',
      SalesDetails: { UnitPrice: 150, AccountCode: '200', TaxType: sale },
      IsPurchased: false,
    },
    {
      Code: 'CONSULT',
      Name: 'Consulting day',
      Description: 'On-site consulting day',
      SalesDetails: { UnitPrice: 1200, AccountCode: '200', TaxType: sale },
      IsPurchased: false,
    },
    {
      Code: 'PAPER',
      Name: 'Printer paper',
      Description: 'A4 paper, box of 5 reams',
      PurchaseDetails: { UnitPrice: 35, AccountCode: '453', TaxType: purchase },
      SalesDetails: { UnitPrice: 45, AccountCode: '200', TaxType: sale },
    },
    {
      Code: 'SUPPORT',
      Name: 'Support plan',
      Description: 'Monthly support plan',
      SalesDetails: { UnitPrice: 300, AccountCode: '200', TaxType: sale },
    },
    {
      Code: 'WIDGET',
      Name: 'Widget (tracked)',
      Description: 'Tracked inventory widget',
      InventoryAssetAccountCode: '630',
      PurchaseDetails: { UnitPrice: 20, COGSAccountCode: '310', TaxType: purchase },
      SalesDetails: { UnitPrice: 49, AccountCode: '200', TaxType: sale },
    },
    {
      Code: 'GADGET',
      Name: 'Gadget (tracked)',
      Description: 'Tracked inventory gadget',
      InventoryAssetAccountCode: '630',
      PurchaseDetails: { UnitPrice: 55, COGSAccountCode: '310', TaxType: purchase },
      SalesDetails: { UnitPrice: 120, AccountCode: '200', TaxType: sale },
    },
  ];
  for (const item of items) w.write(itemWriter, item);
  return contacts;
}

const line = (
  Description: string,
  Quantity: number,
  UnitAmount: number,
  AccountCode: string,
  ItemCode?: string,
): Rec => ({
  Description,
  Quantity,
  UnitAmount,
  AccountCode,
  ...(ItemCode ? { ItemCode } : {}),
});

/** Bills, sales invoices, payments, credit notes and purchase orders, dated by `cal` (see seed-calendar). */
export function seedDocuments(org: OrgState, w: SeedWriter, contacts: Rec[], cal: SeedCalendar): void {
  const { d } = cal;
  const c = (i: number) => ({ ContactID: contacts[i].ContactID });
  const bank = { Code: '090' };
  const inv = (Type: string, i: number, Status: string, date: string, lines: Rec[], extra: Rec = {}) =>
    w.write(invoiceWriter, {
      Type,
      Contact: c(i),
      Status,
      Date: date,
      DueDate: addDays(date, 14),
      LineItems: lines,
      ...extra,
    });
  // Stock in first, so tracked items have quantity on hand before they are sold.
  inv(
    'ACCPAY',
    5,
    'AUTHORISED',
    d('2026-01-05'),
    [line('Widgets for stock', 40, 20, '630', 'WIDGET'), line('Gadgets for stock', 10, 55, '630', 'GADGET')],
    { InvoiceNumber: 'PD-7001' },
  );
  const paidBill = inv(
    'ACCPAY',
    6,
    'AUTHORISED',
    d('2026-01-08'),
    [line('Security monitoring', 1, 450, '429')],
    { InvoiceNumber: 'SS-311' },
  );
  inv('ACCPAY', 7, 'DRAFT', d('2026-02-02'), [line('Freight', 1, 180, '429')]);
  inv('ACCREC', 0, 'DRAFT', d('2026-02-10'), [line('Consulting', 2, 1200, '200', 'CONSULT')], {
    Reference: 'Draft quote',
  });
  inv('ACCREC', 1, 'SUBMITTED', d('2026-02-12'), [line('Development', 10, 150, '200', 'DEV-HR')], {
    Reference: 'Awaiting approval',
  });
  const a1 = inv(
    'ACCREC',
    2,
    'AUTHORISED',
    d('2026-01-15'),
    [line('Development', 20, 150, '200', 'DEV-HR'), line('Support plan', 1, 300, '200', 'SUPPORT')],
    { Reference: 'Project Alpha' },
  );
  const a2 = inv('ACCREC', 3, 'AUTHORISED', d('2026-01-20'), [line('Widgets', 5, 49, '200', 'WIDGET')], {
    LineAmountTypes: 'Inclusive',
  });
  const a3 = inv('ACCREC', 4, 'AUTHORISED', d('2026-02-01'), [
    line('Consulting', 1, 1200, '200', 'CONSULT'),
    line('Paper', 3, 45, '200', 'PAPER'),
  ]);
  const p1 = inv('ACCREC', 0, 'AUTHORISED', d('2026-01-03'), [
    line('Support plan', 3, 300, '200', 'SUPPORT'),
  ]);
  const p2 = inv('ACCREC', 2, 'AUTHORISED', d('2026-01-10'), [line('Gadgets', 2, 120, '200', 'GADGET')], {
    LineAmountTypes: 'NoTax',
  });
  const voided = inv('ACCREC', 1, 'AUTHORISED', d('2026-01-12'), [line('Cancelled order', 1, 500, '200')]);
  w.write(invoiceWriter, { Status: 'VOIDED' }, voided);
  const deleted = inv('ACCREC', 3, 'DRAFT', d('2026-01-13'), [line('Duplicate entry', 1, 99, '200')]);
  w.write(invoiceWriter, { Status: 'DELETED' }, deleted);

  const pay = (doc: Rec, Amount: number, date: string, account = bank) =>
    w.write(paymentWriter, {
      Invoice: { InvoiceID: doc.InvoiceID },
      Account: account,
      Amount,
      Date: date,
      Reference: `Payment ${String(doc.InvoiceNumber ?? '')}`,
    });
  pay(p1, p1.Total as number, d('2026-01-20'));
  pay(p2, p2.Total as number, d('2026-01-25'), { Code: '091' });
  pay(paidBill, paidBill.Total as number, d('2026-01-22'));
  pay(a1, 1000, d('2026-02-05'));
  const deletedPayment = pay(a3, 100, d('2026-02-06'));
  w.write(paymentWriter, { Status: 'DELETED' }, org.payments.get(String(deletedPayment.PaymentID)));

  const cn = w.write(creditNoteWriter, {
    Type: 'ACCRECCREDIT',
    Contact: c(3),
    Status: 'AUTHORISED',
    Date: d('2026-01-28'),
    LineItems: [line('Returned widget', 1, 49, '200')],
  });
  org.creditNotes.put(cn);
  allocateSeed(org, w, cn, a2, 20, d('2026-01-29'));
  w.write(creditNoteWriter, {
    Type: 'ACCPAYCREDIT',
    Contact: c(5),
    Status: 'DRAFT',
    Date: d('2026-02-03'),
    LineItems: [line('Overcharge refund', 1, 60, '429')],
  });
  w.write(creditNoteWriter, {
    Type: 'ACCRECCREDIT',
    Contact: c(4),
    Status: 'AUTHORISED',
    Date: d('2026-02-08'),
    LineItems: [line('Goodwill credit', 1, 100, '200')],
  });

  w.write(purchaseOrderWriter, {
    Contact: c(5),
    Status: 'DRAFT',
    Date: d('2026-02-01'),
    DeliveryDate: d('2026-02-15'),
    LineItems: [line('Widgets', 20, 20, '630', 'WIDGET')],
  });
  w.write(purchaseOrderWriter, {
    Contact: c(7),
    Status: 'AUTHORISED',
    Date: d('2026-02-04'),
    DeliveryDate: d('2026-02-20'),
    DeliveryAddress: '10 Main Street, Springfield',
    LineItems: [line('Transport', 1, 800, '429')],
  });
  w.write(purchaseOrderWriter, {
    Contact: c(6),
    Status: 'BILLED',
    Date: d('2026-01-06'),
    LineItems: [line('Security audit', 1, 1500, '429')],
  });
}

function allocateSeed(
  org: OrgState,
  w: SeedWriter,
  cn: Rec,
  invoice: Rec,
  amount: number,
  date: string,
): void {
  const now = w.tick();
  const inv = org.invoices.get(String(invoice.InvoiceID))!;
  org.invoices.put({
    ...inv,
    AmountCredited: amount,
    AmountDue: Math.round(((inv.AmountDue as number) - amount) * 100) / 100,
    CreditNotes: [
      {
        CreditNoteID: cn.CreditNoteID,
        CreditNoteNumber: cn.CreditNoteNumber,
        AppliedAmount: amount,
        Total: cn.Total,
      },
    ],
    UpdatedDateUTC: now,
  });
  const left = Math.round(((cn.RemainingCredit as number) - amount) * 100) / 100;
  org.creditNotes.put({
    ...cn,
    RemainingCredit: left,
    Allocations: [
      {
        AllocationID: `${String(cn.CreditNoteID).slice(0, 24)}${String(invoice.InvoiceID).slice(24)}`,
        Amount: amount,
        Date: date,
        Invoice: { InvoiceID: inv.InvoiceID, InvoiceNumber: inv.InvoiceNumber },
      },
    ],
    UpdatedDateUTC: w.tick(),
  });
}
