/**
 * Unit amounts (invoice and credit note lines' UnitAmount, items' UnitPrice) with four decimals: Xero
 * rounds them to two unless a request says `unitdp=4`, on reads as on writes. Every read of a record that
 * carries unit amounts asks for it, so a price of 0.3333 is cached as 0.3333 and the next sync does not
 * see it "change" to 0.33. Purchase orders take no unitdp (not in Xero's API nor in xero-node).
 * https://developer.xero.com/documentation/api/accounting/invoices
 */
export const UNIT_DP = 4;
