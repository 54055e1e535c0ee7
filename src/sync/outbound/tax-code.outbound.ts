import type { TaxRate } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroTaxRate } from '../mappers/xero-tax-rate.mapper.js';
import { registerOutbound } from './outbound-descriptor.js';

/**
 * Tax rates: PUT /TaxRates creates (Xero issues the TaxType); POST /TaxRates updates and deletes the
 * element whose TaxType it carries (the record's Xero id), deleting by `Status: DELETED`.
 */
export const taxCodeOutbound = registerOutbound({
  entity: 'TaxCode',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const rate = request as unknown as TaxRate;
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createTaxRates(tenant, { taxRates: [rate] }, idempotencyKey)
        : client.accountingApi.updateTaxRate(
            tenant,
            { taxRates: [{ ...rate, taxType: xeroId! }] },
            idempotencyKey,
          ),
    );
    return body.taxRates?.[0];
  },
  map: (answer) => mapXeroTaxRate(answer as TaxRate) as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.getTaxRateByTaxType(tenant, xeroId),
    );
    return body.taxRates?.[0];
  },
});
