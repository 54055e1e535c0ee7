import { badArgument, payrollNotEnabled } from '../../errors.js';
import type { XeroConnection } from '../../schema/xero-connection.entity.js';
import type { WriteCaller } from './write-caller.js';

export type PayrollRegion = 'AU' | 'US';

/**
 * HR writes need payroll for an Australian or US organisation, granted when Xero was connected
 * (rule 15): anything else is PAYROLL_NOT_ENABLED, before anything is written.
 */
export function payrollRegionOf(connection: XeroConnection): PayrollRegion {
  const country = connection.countryCode ?? '';
  if (country !== 'AU' && country !== 'US') {
    throw payrollNotEnabled(
      `Payroll is not enabled: Xero shares HR data for Australian and US organisations only (this one is ${country || 'of unknown country'}).`,
    );
  }
  if (!connection.payrollAccess) {
    throw payrollNotEnabled(
      'Payroll is not enabled: payroll access was not granted when Xero was connected. Reconnect with "Allow Payroll Access".',
    );
  }
  return country;
}

/** Rule 17: work locations exist in US payroll only, leave applications in AU payroll only. */
export function requireRegion(region: PayrollRegion, needed: PayrollRegion, what: string): void {
  if (region === needed) return;
  const where = needed === 'AU' ? 'Australian' : 'US';
  throw badArgument(
    'input',
    `${what} exist in ${where} payroll only; this organisation's payroll is ${region}.`,
  );
}

/** The tenant's Xero connection, for a write that exists in `needed`'s payroll only (see requireRegion). */
export async function payrollConnectionIn(
  caller: WriteCaller,
  needed: PayrollRegion,
  what: string,
): Promise<XeroConnection> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  requireRegion(payrollRegionOf(connection), needed, what);
  return connection;
}
