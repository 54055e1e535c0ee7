import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tombstone, upsertEntities } from '../../src/cache/upsert.js';
import { SyncAction } from '../../src/schema/sync-event.entity.js';
import { type RefreshOutcome, refreshAggregate } from '../../src/widgets/widget-aggregate-refresh.js';
import { LEDGER_AGGREGATE, SALES_AGGREGATE } from '../../src/widgets/widget-aggregates.js';
import { WidgetPeriod } from '../../src/widgets/widget-period.js';
import { runWidget, WidgetName } from '../../src/widgets/widget-registry.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestGateway } from '../support/gateway.js';
import { connectWs } from '../support/ws-client.js';
import { change, Documents } from './widget-aggregates-changes.js';
import { A, AggregateHarness, document, ITEM, line, origin } from './widget-aggregates-harness.js';

interface LiveUpdate {
  causes: string[];
  accountsComparison: { accounts: Array<{ balance: string }> };
}

/** Sessions of this database waiting for an advisory lock. */
const WAITING = `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

let database: TestDatabase;
let h: AggregateHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  h = new AggregateHarness(database.dataSource);
});
afterAll(() => database.drop());

describe('incrementally maintained widget aggregates', () => {
  it('equal a rebuild from scratch after each kind of change, refreshing only the changed documents', async () => {
    const { tenantId } = await h.newTenant('org-agg-steps');
    await h.write(tenantId, 'Account', [
      { id: A.bank, fields: { code: '090', name: 'Bank', class: 'ASSET', type: 'BANK' } },
      { id: A.sales, fields: { code: '200', name: 'Sales', class: 'REVENUE', type: 'REVENUE' } },
    ]);
    expect(await h.refreshAndCompare(tenantId, 'the first read')).toEqual(['full', 'full']);
    const inv = randomUUID();
    const bill = randomUUID();
    const note = randomUUID();
    const pay = randomUUID();
    const [voided, deleted, foreign] = [randomUUID(), randomUUID(), randomUUID()];
    const sale = [
      line(ITEM.widget, A.sales, '2', '100.00', '10.00'),
      line(ITEM.gadget, A.sales, '1', '200.00', '20.00'),
    ];
    const invoice = (id: string, fields: Record<string, unknown>, lines = sale) => ({
      id,
      fields: document({ type: 'CUSTOMER', transactionDate: '2026-01-10', ...fields }, lines),
    });
    const balance = async (accountId: string, date: string) => {
      const result = (await runWidget(h.db.manager, tenantId, WidgetName.ACCOUNTS_COMPARISON, {
        accountIds: [accountId],
        date,
      })) as { accounts: Array<{ balance: string }> };
      return Number(result.accounts[0].balance);
    };
    const bank = (date: string) => balance(A.bank, date);
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['a new invoice', () => h.write(tenantId, 'Invoice', [invoice(inv, {})])],
      [
        'its amount changed',
        () =>
          h.write(tenantId, 'Invoice', [
            invoice(inv, {}, [sale[0], line(ITEM.gadget, A.sales, '2', '400.00', '40.00')]),
          ]),
      ],
      [
        'its total alone changed',
        () => h.write(tenantId, 'Invoice', [{ id: inv, fields: { totalAmount: '999.00' } }]),
      ],
      [
        'its date moved to another day',
        () => h.write(tenantId, 'Invoice', [{ id: inv, fields: { transactionDate: '2026-02-03' } }]),
      ],
      [
        "a line's account changed",
        () =>
          h.write(tenantId, 'Invoice', [
            invoice(inv, { transactionDate: '2026-02-03' }, [
              sale[0],
              line(ITEM.gadget, A.rent, '2', '400.00', '40.00'),
            ]),
          ]),
      ],
      [
        'a bill',
        () =>
          h.write(tenantId, 'Invoice', [
            invoice(bill, { type: 'SUPPLIER' }, [line(ITEM.widget, A.rent, '5', '50.00', '5.00')]),
          ]),
      ],
      [
        'a payment added',
        () =>
          h.write(tenantId, 'Payment', [
            {
              id: pay,
              fields: {
                type: 'CUSTOMER',
                transactionDate: '2026-02-10',
                amount: '330.00',
                currency: 'AUD',
                accountId: A.bank,
                invoiceId: inv,
              },
            },
          ]),
      ],
      [
        'the payment deleted',
        () => tombstone(h.db.manager, tenantId, 'Payment', [pay], SyncAction.DELETED, origin),
      ],
      [
        'a credit note',
        () =>
          h.write(tenantId, 'CreditNote', [
            {
              id: note,
              fields: document({ type: 'CUSTOMER', transactionDate: '2026-02-11' }, [
                line(null, A.sales, '1', '40.00', '4.00'),
              ]),
            },
          ]),
      ],
      [
        'the credit note changed',
        () =>
          h.write(tenantId, 'CreditNote', [
            {
              id: note,
              fields: document({ type: 'CUSTOMER', transactionDate: '2026-02-12' }, [
                line(null, A.sales, '1', '30.00', '3.00'),
              ]),
            },
          ]),
      ],
      [
        'an invoice voided',
        async () => {
          await h.write(tenantId, 'Invoice', [invoice(voided, { transactionDate: '2026-02-03' })]);
          return tombstone(h.db.manager, tenantId, 'Invoice', [voided], SyncAction.VOIDED, origin);
        },
      ],
      [
        'an invoice deleted',
        async () => {
          await h.write(tenantId, 'Invoice', [invoice(deleted, { transactionDate: '2026-02-03' })]);
          return tombstone(h.db.manager, tenantId, 'Invoice', [deleted], SyncAction.DELETED, origin);
        },
      ],
      [
        'a foreign-currency invoice (sales only)',
        () => h.write(tenantId, 'Invoice', [invoice(foreign, { currency: 'USD' })]),
      ],
      [
        'a draft authorised',
        async () => {
          const draft = randomUUID();
          await h.write(tenantId, 'Invoice', [invoice(draft, { status: 'DRAFT' })]);
          return h.write(tenantId, 'Invoice', [{ id: draft, fields: { status: 'AUTHORISED' } }]);
        },
      ],
    ];
    for (const [label, change] of steps) {
      await change();
      expect(await h.refreshAndCompare(tenantId, label), label).toEqual(['incremental', 'incremental']);
      if (label === 'a payment added') {
        // On its own date the payment counts; the day before it does not.
        expect([await bank('2026-02-09'), await bank('2026-02-10'), await bank('2026-02-28')]).toEqual([
          0, 330, 330,
        ]);
      }
      if (label === 'the payment deleted') expect(await bank('2026-02-28')).toBe(0);
    }
    // Every week end of accountBalances agrees with accountsComparison on that date.
    const weekly = (await runWidget(h.db.manager, tenantId, WidgetName.ACCOUNT_BALANCES, {
      accountIds: [A.sales],
      from: '2026-01-01',
      to: '2026-03-31',
      period: WidgetPeriod.WEEK,
    })) as { periods: Array<{ end: string }>; accounts: Array<{ balances: string[] }> };
    const ends = weekly.periods.map((period) => period.end);
    const single = await Promise.all(ends.map((end) => balance(A.sales, end)));
    expect(weekly.accounts[0].balances.map(Number)).toEqual(single);
    expect(new Set(single).size).toBeGreaterThan(2);
    const ledger = await h.tables(tenantId, LEDGER_AGGREGATE);
    expect(ledger.docs.some((row: { doc_id: string }) => row.doc_id === voided)).toBe(false);
    expect(ledger.daily.length).toBeGreaterThan(0);
  });

  it('equal a rebuild from scratch after any sequence of changes, refreshed at any points (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 8, maxLength: 40, size: 'max' }), async (changes) => {
        run += 1;
        const tenant = await h.newTenant(`org-agg-prop-${run}`);
        const { tenantId } = tenant;
        const documents = new Documents(h, tenant);
        await refreshAggregate(h.db.manager, tenantId, LEDGER_AGGREGATE);
        await refreshAggregate(h.db.manager, tenantId, SALES_AGGREGATE);
        let refreshedUnder = documents.setting();
        for (const next of changes) {
          await documents.apply(next);
          if (next.kind !== 'refresh') continue;
          // Only a changed fingerprint may cost a full rebuild; document changes are re-posted one by one.
          const ledger = await refreshAggregate(h.db.manager, tenantId, LEDGER_AGGREGATE);
          if (documents.setting() !== refreshedUnder) expect(ledger.mode).toBe('full');
          else expect(ledger.mode).not.toBe('full');
          expect((await refreshAggregate(h.db.manager, tenantId, SALES_AGGREGATE)).mode).not.toBe('full');
          refreshedUnder = documents.setting();
        }
        await h.refreshAndCompare(tenantId, changes.map((c) => c.kind).join(', '));
      }),
      // PROPERTY_RUNS=400 searches longer (about a minute; give vitest --testTimeout 600000).
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25) },
    );
  });

  it('keeps a day whose sum came to zero, when a document behind it is taken out later', async () => {
    // The shrunk counterexample of the property below (CI, seed -1122272692): a daily row whose sum is
    // zero is dropped, and taking a document's rows out of it must bring it back, not be lost.
    const { tenantId, control } = await h.newTenant('org-agg-zero-day');
    const inv = randomUUID();
    const pay = randomUUID();
    await h.refreshAndCompare(tenantId, 'the first read');
    await h.write(tenantId, 'Invoice', [
      {
        id: inv,
        fields: document({ type: 'CUSTOMER', transactionDate: '2026-03-05' }, [
          line(null, A.sales, '1', '100.00', '0.00'),
        ]),
      },
    ]);
    await h.write(tenantId, 'Payment', [
      {
        id: pay,
        fields: {
          type: 'CUSTOMER',
          transactionDate: '2026-03-05',
          amount: '100.00',
          currency: 'AUD',
          accountId: A.bank,
          invoiceId: inv,
        },
      },
    ]);
    await h.refreshAndCompare(tenantId, 'an invoice paid on its day');
    const receivable = async () =>
      (await h.tables(tenantId, LEDGER_AGGREGATE)).daily.filter(
        (row: { account_id: string }) => row.account_id === control.ar,
      );
    expect(await receivable()).toEqual([]);
    await tombstone(h.db.manager, tenantId, 'Payment', [pay], SyncAction.DELETED, origin);
    expect(await h.refreshAndCompare(tenantId, 'the payment deleted')).toEqual([
      'incremental',
      'incremental',
    ]);
    expect(await receivable()).toEqual([{ account_id: control.ar, date: '2026-03-05', amount: '100' }]);
  });

  it('rebuilds in full when the control accounts or the base currency change', async () => {
    const { tenantId, companyId, control } = await h.newTenant('org-agg-fingerprint');
    await h.write(tenantId, 'Invoice', [
      {
        fields: document({ type: 'CUSTOMER', transactionDate: '2026-03-01' }, [
          line(ITEM.widget, A.sales, '1', '10.00', '1.00'),
        ]),
      },
    ]);
    await h.refreshAndCompare(tenantId, 'the first read');
    await h.db.query(
      `UPDATE account_system_roles SET account_id = $2 WHERE tenant_id = $1 AND system_account = 'GST'`,
      [tenantId, control.gst2],
    );
    expect(await h.refreshAndCompare(tenantId, 'GST moved')).toEqual(['full', 'fresh']);
    await h.write(tenantId, 'Company', [{ id: companyId, fields: { baseCurrency: 'USD' } }]);
    expect(await h.refreshAndCompare(tenantId, 'base currency changed')).toEqual(['full', 'incremental']);
    expect(await h.tables(tenantId, LEDGER_AGGREGATE)).toEqual({ docs: [], daily: [] });
  });

  it('reads a fresh aggregate without refreshing or waiting for a refresh in progress', async () => {
    const { tenantId } = await h.newTenant('org-agg-fresh');
    await h.write(tenantId, 'Invoice', [
      {
        fields: document({ type: 'CUSTOMER', transactionDate: '2026-03-01' }, [
          line(ITEM.widget, A.sales, '1', '10.00', '1.00'),
        ]),
      },
    ]);
    await h.refreshAndCompare(tenantId, 'the first read');
    const state = () =>
      h.db.query(
        'SELECT name, seq::text, refreshed_at FROM widget_aggregate_state WHERE tenant_id = $1 ORDER BY name',
        [tenantId],
      );
    const before = await state();
    const everyWidget = () =>
      Promise.all(
        [
          WidgetName.ACCOUNT_BALANCES,
          WidgetName.ACCOUNTS_COMPARISON,
          WidgetName.BALANCE_SHEET,
          WidgetName.SALES_GROWTH,
        ].map((widget) =>
          runWidget(h.db.manager, tenantId, widget, {
            from: '2026-01-01',
            to: '2026-03-31',
            period: WidgetPeriod.MONTH,
          }),
        ),
      );
    await everyWidget();
    expect(await state()).toEqual(before);
    // A writer's transaction that refreshed inside itself holds the lock until it commits; readers of the
    // committed (fresh) state do not wait for it.
    const runner = h.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await upsertEntities(
        runner.manager,
        tenantId,
        'Invoice',
        [
          {
            fields: document({ type: 'CUSTOMER', transactionDate: '2026-03-02' }, [
              line(ITEM.gadget, A.sales, '1', '5.00', '0.50'),
            ]),
          },
        ],
        origin,
      );
      expect((await refreshAggregate(runner.manager, tenantId, LEDGER_AGGREGATE)).mode).toBe('incremental');
      await everyWidget();
      expect(await state()).toEqual(before);
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    expect(await h.refreshAndCompare(tenantId, 'the writer committed')).toEqual(['fresh', 'incremental']);
  });

  it('applies a change once when refreshes race: one re-posts, the others find it done', async () => {
    const { tenantId } = await h.newTenant('org-agg-race');
    await h.refreshAndCompare(tenantId, 'the first read');
    await h.write(tenantId, 'Invoice', [
      {
        fields: document({ type: 'CUSTOMER', transactionDate: '2026-03-01' }, [
          line(ITEM.widget, A.sales, '3', '30.00', '3.00'),
        ]),
      },
    ]);
    // This refresh holds the tenant's lock until it commits; the two others see the old state and queue.
    const runner = h.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let racing: Promise<RefreshOutcome[]> = Promise.resolve([]);
    try {
      expect((await refreshAggregate(runner.manager, tenantId, LEDGER_AGGREGATE)).mode).toBe('incremental');
      racing = Promise.all([1, 2].map(() => refreshAggregate(h.db.manager, tenantId, LEDGER_AGGREGATE)));
      await expect.poll(async () => (await h.db.query(WAITING))[0].n).toBe(2);
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    expect((await racing).map((outcome) => outcome.mode)).toEqual(['fresh', 'fresh']);
    const ledger = await h.tables(tenantId, LEDGER_AGGREGATE);
    expect(ledger).toEqual(await h.fromScratch(tenantId, LEDGER_AGGREGATE));
    expect(ledger.daily.map((row: { amount: string }) => row.amount).sort()).toEqual(['-3', '-30', '33']);
  });

  it('keeps live widgets live: widgetUpdated sends the bank balance a new payment makes', async () => {
    const gateway = await startTestGateway();
    try {
      const key = await gateway.createKey('org-agg-live');
      const live = new AggregateHarness(gateway.gateway.services.db);
      const { tenantId } = await live.newTenant('org-agg-live');
      await live.write(tenantId, 'Account', [
        { id: A.bank, fields: { code: '090', name: 'Bank', class: 'ASSET', type: 'BANK' } },
      ]);
      const { client } = connectWs(gateway.url, key);
      const balances: string[] = [];
      const causes: string[][] = [];
      client.subscribe(
        {
          query: `subscription { widgetUpdated(widget: ACCOUNTS_COMPARISON, args: { accountIds: ["${A.bank}"], date: "2026-02-28" }) {
            causes accountsComparison { accounts { balance } } } }`,
        },
        {
          next: (value) => {
            const update = (value.data as { widgetUpdated: LiveUpdate }).widgetUpdated;
            causes.push(update.causes);
            balances.push(String(Number(update.accountsComparison.accounts[0].balance)));
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      await expect.poll(() => balances).toEqual(['0']);
      const payment = { type: 'CUSTOMER', transactionDate: '2026-02-10', amount: '125.00', currency: 'AUD' };
      await live.write(tenantId, 'Payment', [{ fields: { ...payment, accountId: A.bank } }]);
      await expect.poll(() => balances).toEqual(['0', '125']);
      expect(causes[1]).toEqual(['Payment']);
      await client.dispose();
    } finally {
      await gateway.stop();
    }
  });
});
