import type { LeaveApplication } from 'xero-node/dist/gen/model/payroll-au/models.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroAuLeaveApplication } from '../mappers/xero-au-leave-application.mapper.js';
import { usWorkLocationSchema } from '../mappers/xero-us-payroll.schema.js';
import { mapXeroUsWorkLocation } from '../mappers/xero-us-work-location.mapper.js';
import { registerOutbound } from './outbound-descriptor.js';

/** Leave applications (Payroll AU through xero-node): create, update (the whole record), approve, reject. */
export const leaveApplicationOutbound = registerOutbound({
  entity: 'LeaveApplication',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const body = await api.call(target, (client, tenant) => {
      const leave = client.payrollAUApi;
      if (operation === 'APPROVE') return leave.approveLeaveApplication(tenant, xeroId!, idempotencyKey);
      if (operation === 'REJECT') return leave.rejectLeaveApplication(tenant, xeroId!, idempotencyKey);
      if (operation === 'UPDATE') {
        const application = request as unknown as LeaveApplication;
        return leave.updateLeaveApplication(tenant, xeroId!, [application], idempotencyKey);
      }
      return leave.createLeaveApplication(tenant, [request as unknown as LeaveApplication], idempotencyKey);
    });
    return body.leaveApplications?.[0];
  },
  map: (answer) => mapXeroAuLeaveApplication(answer as LeaveApplication) as unknown as AnyMapped,
});

/**
 * Work locations (the legacy US payroll, through `fetchJson`: xero-node has no client for it). The legacy
 * API creates and updates through the same POST /WorkLocations: an element with its WorkLocationID
 * updates that location.
 */
export const workLocationOutbound = registerOutbound({
  entity: 'WorkLocation',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const location = operation === 'UPDATE' ? { ...request, WorkLocationID: xeroId } : request;
    const body = await api.fetchJson<{ WorkLocations?: unknown[] }>(
      target,
      '/payroll.xro/1.0/WorkLocations',
      {
        method: 'POST',
        body: JSON.stringify([location]),
        headers: { 'Idempotency-Key': idempotencyKey },
      },
    );
    const created = body?.WorkLocations?.[0];
    return created && usWorkLocationSchema.parse(created);
  },
  map: (answer) => mapXeroUsWorkLocation(answer as never) as unknown as AnyMapped,
});
