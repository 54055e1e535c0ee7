import type { CacheRecord } from '../cache/upsert.js';
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  PRODUCT_GRADES,
  PRODUCTS,
  STREETS,
  SUFFIXES,
} from './catalog.js';
import { addDays, money } from './random.js';
import type { World } from './world.js';

export interface Ledger {
  taxRates: Map<string, number>;
  salesAccount: string;
  costAccount: string;
  bankAccounts: string[];
}

export function organizations(world: World, count: number): CacheRecord[] {
  const { random } = world;
  return Array.from({ length: count }, (_, index) => {
    const name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_KINDS)} ${random.pick(SUFFIXES)} ${index + 1}`;
    const [city, region, postalCode] = random.pick(CITIES);
    const address = {
      line1: `${random.int(1, 400)} ${random.pick(STREETS)}`,
      city,
      region,
      postalCode,
      country: 'AU',
    };
    const isSupplier = random.chance(0.25);
    return world.record('Organization', {
      name,
      status: random.chance(0.05) ? 'ARCHIVED' : 'ACTIVE',
      isCustomer: !isSupplier || random.chance(0.3),
      isSupplier,
      isLead: random.chance(0.05),
      code: `C${String(index + 1).padStart(5, '0')}`,
      taxNumber: String(random.int(10_000_000_000, 99_999_999_999)),
      address: { billing: address, shipping: address },
      email: { address: `accounts${index + 1}@${name.split(' ')[0].toLowerCase()}.example.com` },
      phone: { landline: `+61 2 ${random.int(1000, 9999)} ${random.int(1000, 9999)}` },
      website: { url: `https://www.${name.split(' ')[0].toLowerCase()}${index + 1}.example.com` },
      currency: 'AUD',
    });
  });
}

export function people(world: World): CacheRecord[] {
  const { random } = world;
  return (world.ids.get('Organization') ?? []).flatMap((organizationId) =>
    Array.from({ length: random.int(1, 3) }, (_, index) => {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      const person = world.record('Person', {
        firstName,
        lastName,
        title: random.pick(['Mr', 'Ms', 'Mrs', 'Dr', null]),
        jobTitle: random.pick(JOB_TITLES),
        email: { address: `${firstName}.${lastName}.${random.int(1, 9999)}@example.com`.toLowerCase() },
        phone: { mobile: `+61 4${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}` },
        organizationId,
        isPrimary: index === 0,
        includeInEmails: index === 0,
      });
      world.remember(`Person@${organizationId}`, person.id);
      return person;
    }),
  );
}

export function items(world: World, count: number, ledger: Ledger, taxCodes: string[]): CacheRecord[] {
  const { random } = world;
  return Array.from({ length: count }, (_, index) => {
    const cents = random.int(5, 2000) * 100 + random.pick([0, 50, 95]);
    const inventory = random.chance(0.3);
    return world.record('Item', {
      code: `ITEM-${String(index + 1).padStart(4, '0')}`,
      name: `${random.pick(PRODUCT_GRADES)} ${random.pick(PRODUCTS)}`,
      description: `Supplied by the generator, line ${index + 1}`,
      type: inventory ? 'INVENTORY' : random.pick(['SERVICE', 'PURCHASED']),
      status: random.chance(0.05) ? 'ARCHIVED' : 'ACTIVE',
      salePrice: { netAmount: money(cents), currency: 'AUD' },
      purchasePrice: random.chance(0.7)
        ? { netAmount: money(Math.round(cents * 0.6)), currency: 'AUD' }
        : null,
      saleTaxCodeId: taxCodes[0],
      purchaseTaxCodeId: taxCodes[1],
      saleAccountId: ledger.salesAccount,
      purchaseAccountId: ledger.costAccount,
      isInventoried: inventory,
      quantityOnHand: inventory ? String(random.int(0, 500)) : null,
      averageCost: inventory ? money(Math.round(cents * 0.55)) : null,
    });
  });
}

interface Lines {
  lines: Array<Record<string, unknown>>;
  net: number;
  tax: number;
}

/** 1-5 lines with an item, in cents; tax follows the line's tax code. */
export function transactionLines(world: World, ledger: Ledger, taxCodeIds: string[], account: string): Lines {
  const { random } = world;
  let net = 0;
  let tax = 0;
  const lines = Array.from({ length: random.int(1, 5) }, (_, index) => {
    const quantity = random.int(1, 20);
    const unitCents = random.int(5, 500) * 100;
    const taxCodeId = random.pick(taxCodeIds);
    const rate = ledger.taxRates.get(taxCodeId) ?? 0;
    const lineNet = quantity * unitCents;
    const lineTax = Math.round((lineNet * rate) / 100);
    net += lineNet;
    tax += lineTax;
    return {
      lineNumber: index + 1,
      description: `Line ${index + 1}`,
      quantity: String(quantity),
      unitPrice: money(unitCents),
      itemId: world.pickId('Item'),
      accountId: account,
      taxCodeId,
      netAmount: money(lineNet),
      taxAmount: money(lineTax),
      totalAmount: money(lineNet + lineTax),
      taxRate: String(rate),
    };
  });
  return { lines, net, tax };
}

const INVOICE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'AUTHORISED', 'PAID', 'PAID', 'PAID', 'VOIDED'];

/** Invoices, and a payment for each one paid (fully or partly). */
export function invoicesAndPayments(world: World, count: number, ledger: Ledger, taxCodeIds: string[]) {
  const { random } = world;
  const invoices: CacheRecord[] = [];
  const payments: CacheRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const date = addDays(world.anchor, -random.int(0, 729));
    const { lines, net, tax } = transactionLines(world, ledger, taxCodeIds, ledger.salesAccount);
    const total = net + tax;
    const status = random.pick(INVOICE_STATUSES);
    const paid =
      status === 'PAID' ? total : status === 'AUTHORISED' && random.chance(0.3) ? Math.floor(total / 2) : 0;
    const invoice = world.record('Invoice', {
      type: random.chance(0.85) ? 'CUSTOMER' : 'SUPPLIER',
      status,
      transactionNumber: `INV-${String(index + 1).padStart(6, '0')}`,
      transactionDate: date,
      dueDate: addDays(date, random.pick([7, 14, 30])),
      reference: random.chance(0.5) ? `PO ${random.int(1000, 99999)}` : null,
      ...contact(world),
      currency: 'AUD',
      taxCalculation: 'EXCLUSIVE',
      netAmount: money(net),
      taxAmount: money(tax),
      totalAmount: money(total),
      balance: money(status === 'VOIDED' ? 0 : total - paid),
      paidAmount: money(paid),
      lines,
    });
    invoices.push(invoice);
    if (paid > 0) {
      payments.push(
        world.record('Payment', {
          type: 'CUSTOMER',
          status: 'AUTHORISED',
          transactionDate: addDays(date, random.int(1, 40)),
          amount: money(paid),
          currency: 'AUD',
          reference: `Payment ${invoice.fields.transactionNumber}`,
          accountId: random.pick(ledger.bankAccounts),
          invoiceId: invoice.id,
          isReconciled: random.chance(0.7),
        }),
      );
    }
  }
  return { invoices, payments };
}

/** An organization and one of its people. */
export function contact(world: World): { organizationId: string; personId: string } {
  const organizationId = world.pickId('Organization');
  return { organizationId, personId: world.pickId(`Person@${organizationId}`) };
}
