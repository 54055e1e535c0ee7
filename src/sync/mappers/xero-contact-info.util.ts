import type { Address as XeroAddress, Phone as XeroPhone } from 'xero-node';
import type { Address, Addresses, Phone } from '../../schema/value-objects.js';
import { enumName, text } from './xero-value.util.js';

/** Null when every field of a value object is empty, so "no address" is null rather than `{}` of nulls. */
export function nullIfEmpty<T extends object>(value: T): T | null {
  return Object.values(value).some((v) => v !== null && v !== undefined) ? value : null;
}

/** Xero keeps up to four street lines; Connec! has two, so lines 2-4 share the second. */
export function toAddress(address: XeroAddress | undefined): Address | null {
  if (!address) return null;
  const extra = [address.addressLine2, address.addressLine3, address.addressLine4].map(text).filter(Boolean);
  return nullIfEmpty({
    attention: text(address.attentionTo),
    line1: text(address.addressLine1),
    line2: extra.length ? extra.join(', ') : null,
    city: text(address.city),
    region: text(address.region),
    postalCode: text(address.postalCode),
    country: text(address.country),
  });
}

/** Xero's POBOX address is where invoices go (billing); STREET is the delivery address (shipping). */
export function toAddresses(addresses: XeroAddress[] | undefined): Addresses | null {
  const byType = (type: string) => (addresses ?? []).find((a) => enumName(a.addressType) === type);
  return nullIfEmpty({ billing: toAddress(byType('POBOX')), shipping: toAddress(byType('STREET')) });
}

/** "country area number", as Xero splits a phone number into three fields. */
function phoneNumber(phone: XeroPhone | undefined): string | null {
  if (!phone) return null;
  const number = text(phone.phoneNumber);
  if (!number) return null;
  return [text(phone.phoneCountryCode), text(phone.phoneAreaCode), number].filter(Boolean).join(' ');
}

/** DEFAULT is the main landline; DDI (or else OFFICE) the second one. Xero sends all types, mostly blank. */
export function toPhone(phones: XeroPhone[] | undefined): Phone | null {
  const byType = (type: string) => phoneNumber((phones ?? []).find((p) => enumName(p.phoneType) === type));
  return nullIfEmpty({
    landline: byType('DEFAULT'),
    landline2: byType('DDI') ?? byType('OFFICE'),
    mobile: byType('MOBILE'),
    fax: byType('FAX'),
  });
}
