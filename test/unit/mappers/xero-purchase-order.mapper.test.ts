import { describe, expect, it } from 'vitest';
import type { PurchaseOrder } from 'xero-node';
import { PurchaseOrderStatus } from '../../../src/schema/enums.js';
import { decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroPurchaseOrder } from '../../../src/sync/mappers/xero-purchase-order.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const order = (json: Record<string, unknown>) => fromXero<PurchaseOrder>('accounting', 'PurchaseOrder', json);
const ID = '44d3f8a9-7a55-4c3f-8ec9-29fb1d9df5c2';

describe('mapXeroPurchaseOrder with the OpenAPI examples', () => {
  const cases = modelExamples<PurchaseOrder>('accounting', 'PurchaseOrders', 'purchaseOrders');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)('maps $label', ({ raw, model }) => {
    const mapped = mapXeroPurchaseOrder(model);
    expect(mapped).toMatchObject({ entity: 'PurchaseOrder', xeroId: raw.PurchaseOrderID, missing: [] });
    expect(mapped.fields.status).toBe(raw.Status);
    expect(mapped.fields.totalAmount).toBe(decimal(raw.Total) ?? '0');
    expect(mapped.tombstone).toBe(raw.Status === 'DELETED' ? 'DELETED' : null);
    expect(mapped.children.lines).toHaveLength(((raw.LineItems as unknown[]) ?? []).length);
  });
});

describe('mapXeroPurchaseOrder', () => {
  it.each(['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED', 'DELETED'])('maps Status %s', (status) => {
    const mapped = mapXeroPurchaseOrder(order({ PurchaseOrderID: ID, Status: status }));
    expect(mapped.fields.status).toBe(status);
    expect(mapped.tombstone).toBe(status === 'DELETED' ? 'DELETED' : null);
  });

  it('maps the delivery date and the free-text delivery address', () => {
    const mapped = mapXeroPurchaseOrder(
      order({
        PurchaseOrderID: ID,
        DeliveryDate: '/Date(1573171200000+0000)/',
        DeliveryAddress: '23 Main Street\nCentral City\nMarineville 12345',
        AttentionTo: 'Jo',
        CurrencyCode: 'USD',
      }),
    );
    expect(mapped.fields).toMatchObject({
      deliveryDate: '2019-11-08',
      deliveryAddress: { attention: 'Jo', line1: '23 Main Street', line2: 'Central City, Marineville 12345' },
      currency: 'USD',
    });
  });

  it('is total: an empty order maps as a DRAFT with no address', () => {
    const mapped = mapXeroPurchaseOrder(order({}));
    expect(mapped.fields).toMatchObject({
      status: PurchaseOrderStatus.DRAFT,
      deliveryAddress: null,
      deliveryDate: null,
    });
    expect(mapped.missing).toEqual(['Date', 'PurchaseOrderID']);
  });
});
