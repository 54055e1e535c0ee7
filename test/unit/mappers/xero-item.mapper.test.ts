import { describe, expect, it } from 'vitest';
import type { Item } from 'xero-node';
import { ItemType, RecordStatus } from '../../../src/schema/enums.js';
import { decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroItem } from '../../../src/sync/mappers/xero-item.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const item = (json: Record<string, unknown>) => fromXero<Item>('accounting', 'Item', json);
const ID = 'c8c54d65-f3f2-452d-926e-bf450b12fb07';

describe('mapXeroItem with the OpenAPI examples', () => {
  const cases = modelExamples<Item>('accounting', 'Items', 'items');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(4));

  it.each(cases)('maps $label', ({ raw, model }) => {
    const mapped = mapXeroItem(model);
    expect(mapped).toMatchObject({ entity: 'Item', xeroId: raw.ItemID, missing: [] });
    expect(mapped.fields.code).toBe(raw.Code);
    expect(mapped.fields.isInventoried).toBe(raw.IsTrackedAsInventory === true);
    const sale = raw.SalesDetails as { UnitPrice?: number } | undefined;
    expect(mapped.fields.salePrice?.netAmount ?? null).toBe(decimal(sale?.UnitPrice));
  });
});

describe('mapXeroItem', () => {
  it('maps a tracked item: INVENTORY, read-only quantity on hand, average cost, COGS purchase account', () => {
    const mapped = mapXeroItem(
      item({
        ItemID: ID,
        Code: 'GTR-1',
        Name: 'Guitar',
        IsTrackedAsInventory: true,
        InventoryAssetAccountCode: '630',
        QuantityOnHand: 3,
        TotalCostPool: 1000,
        IsSold: true,
        IsPurchased: true,
        SalesDetails: { UnitPrice: 5000.0, AccountCode: '200', TaxType: 'OUTPUT2' },
        PurchaseDetails: { UnitPrice: 300.5, COGSAccountCode: '310', TaxType: 'INPUT2' },
        UpdatedDateUTC: '/Date(1551981476267+0000)/',
      }),
    );
    expect(mapped.fields).toMatchObject({
      type: ItemType.INVENTORY,
      isInventoried: true,
      quantityOnHand: '3',
      averageCost: '333.3333',
      status: RecordStatus.ACTIVE,
      salePrice: { netAmount: '5000', taxAmount: null, totalAmount: null },
      purchasePrice: { netAmount: '300.5' },
    });
    expect(mapped.references).toEqual({
      saleTaxCodeId: { entity: 'TaxCode', xeroId: 'OUTPUT2' },
      purchaseTaxCodeId: { entity: 'TaxCode', xeroId: 'INPUT2' },
      saleAccountId: { entity: 'Account', code: '200' },
      purchaseAccountId: { entity: 'Account', code: '310' },
    });
  });

  it.each([
    { flags: { IsSold: true, IsPurchased: true }, expected: ItemType.SERVICE },
    { flags: { IsSold: true, IsPurchased: false }, expected: ItemType.SERVICE },
    { flags: { IsSold: false, IsPurchased: true }, expected: ItemType.PURCHASED },
    { flags: { IsTrackedAsInventory: true }, expected: ItemType.INVENTORY },
  ])('maps $flags to $expected', ({ flags, expected }) => {
    expect(mapXeroItem(item({ ItemID: ID, Code: 'X', ...flags })).fields.type).toBe(expected);
  });

  it('ignores the quantity of an untracked item and has no price without details', () => {
    const mapped = mapXeroItem(
      item({ ItemID: ID, Code: 'X', QuantityOnHand: 5, SalesDetails: {}, PurchaseDetails: {} }),
    );
    expect(mapped.fields).toMatchObject({
      quantityOnHand: null,
      averageCost: null,
      salePrice: null,
      purchasePrice: null,
    });
  });

  it('uses the code as the name when Xero has no name', () => {
    expect(mapXeroItem(item({ ItemID: ID, Code: 'ABC' })).fields.name).toBe('ABC');
  });

  it('has no average cost for a tracked item with nothing on hand', () => {
    const mapped = mapXeroItem(
      item({ ItemID: ID, Code: 'X', IsTrackedAsInventory: true, QuantityOnHand: 0, TotalCostPool: 0 }),
    );
    expect(mapped.fields).toMatchObject({ quantityOnHand: '0', averageCost: null });
  });

  it('is total: an empty item reports Code and ItemID missing', () => {
    expect(mapXeroItem(item({})).missing).toEqual(['Code', 'ItemID']);
  });
});
