import type { PayRun } from 'xero-node/dist/gen/model/payroll-au/models.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroAuPayRun } from '../mappers/xero-au-pay-run.mapper.js';
import { mapXeroUsPayRun } from '../mappers/xero-us-pay-run.mapper.js';
import { type UsPayRun, usPayRunSchema } from '../mappers/xero-us-payroll.schema.js';
import { registerOutbound } from './outbound-descriptor.js';
import type { PayrollRegion } from './payroll-gate.js';

/** The op's request: which payroll, and the pay run in that payroll's shape. */
export interface PayRunRequest {
  region: PayrollRegion;
  payRun: Record<string, unknown>;
}

type Answer = { region: 'AU'; payRun: PayRun } | { region: 'US'; payRun: UsPayRun };

/**
 * Draft pay runs: Payroll AU through xero-node (`createPayRun` takes a raw array), the legacy US payroll
 * through `fetchJson`. Xero answers with the run's period and, for AU, its payslips: both land with the
 * inbound mappers.
 */
export const payRunOutbound = registerOutbound({
  entity: 'PayRun',
  creates: ['CREATE'],
  async push(api, target, { request, idempotencyKey }) {
    const { region, payRun } = request as unknown as PayRunRequest;
    if (region === 'AU') {
      const body = await api.call(target, (client, tenant) =>
        client.payrollAUApi.createPayRun(tenant, [payRun as unknown as PayRun], idempotencyKey),
      );
      const created = body.payRuns?.[0];
      return created && ({ region, payRun: created } satisfies Answer);
    }
    const body = await api.fetchJson<{ PayRuns?: unknown[] }>(target, '/payroll.xro/1.0/PayRuns', {
      method: 'POST',
      body: JSON.stringify([payRun]),
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    const created = body?.PayRuns?.[0];
    return created && ({ region, payRun: usPayRunSchema.parse(created) } satisfies Answer);
  },
  map(answer) {
    const { region, payRun } = answer as Answer;
    const mapped = region === 'AU' ? mapXeroAuPayRun(payRun) : mapXeroUsPayRun(payRun);
    return mapped as unknown as AnyMapped;
  },
});
