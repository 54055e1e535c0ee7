import type { EntityManager } from 'typeorm';
import { WIDGET_AGGREGATES, type WidgetAggregate } from './widget-aggregates.js';

/**
 * Above this many events since the last refresh, rebuilding from scratch is cheaper than re-posting the
 * documents one by one (a first sync, a large import).
 */
const MAX_INCREMENTAL_EVENTS = 20_000;

/** A rebuild writing this many document rows or more analyzes the tables it wrote. */
const ANALYZE_AFTER_ROWS = 10_000;

export interface RefreshOutcome {
  /** fresh: nothing to do; incremental: re-posted the changed documents; full: rebuilt. */
  mode: 'fresh' | 'incremental' | 'full';
  /** The newest event the aggregate now reflects. */
  seq: string;
  /** Documents re-posted (incremental), or that post something (full). */
  documents: number;
}

interface StateRow {
  seq: string | null;
  fingerprint: string | null;
  last_seq: string;
  current: string;
}

/**
 * Brings the tenant's aggregate up to the tenant's newest event. A reader that finds it current takes no
 * lock; otherwise, under a per-tenant transaction advisory lock, it re-posts only the documents named by
 * the events since the stored seq (or rebuilds when there is no state, the fingerprint changed or the gap
 * is large), and stores the new seq with the aggregate in one transaction.
 */
export async function refreshAggregate(
  manager: EntityManager,
  tenantId: string,
  aggregate: WidgetAggregate,
): Promise<RefreshOutcome> {
  const seen = await readState(manager, tenantId, aggregate);
  if (isFresh(seen)) return { mode: 'fresh', seq: seen.seq!, documents: 0 };
  return inTransaction(manager, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('widget-aggregate:' || $2 || ':' || $1))`, [
      tenantId,
      aggregate.name,
    ]);
    // Read before the documents: whatever commits after this is at most applied twice, never missed.
    const state = await readState(tx, tenantId, aggregate);
    if (isFresh(state)) return { mode: 'fresh', seq: state.seq!, documents: 0 };
    const outcome: RefreshOutcome =
      state.seq === null ||
      state.fingerprint !== state.current ||
      BigInt(state.last_seq) - BigInt(state.seq) > MAX_INCREMENTAL_EVENTS
        ? { mode: 'full', seq: state.last_seq, documents: await rebuild(tx, tenantId, aggregate) }
        : {
            mode: 'incremental',
            seq: state.last_seq,
            documents: await applyEvents(tx, tenantId, aggregate, state.seq, state.last_seq),
          };
    await tx.query(
      `INSERT INTO widget_aggregate_state (tenant_id, name, seq, fingerprint, refreshed_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant_id, name) DO UPDATE
         SET seq = EXCLUDED.seq, fingerprint = EXCLUDED.fingerprint, refreshed_at = now()`,
      [tenantId, aggregate.name, state.last_seq, state.current],
    );
    return outcome;
  });
}

/**
 * Brings every widget aggregate of the tenant up to date. The sync calls it after a run, so the first
 * dashboard read after a large first sync does not wait for the rebuild (seconds at 100k invoices).
 */
export async function refreshWidgetAggregates(manager: EntityManager, tenantId: string): Promise<void> {
  for (const aggregate of WIDGET_AGGREGATES) await refreshAggregate(manager, tenantId, aggregate);
}

/** Rebuilds the tenant's aggregate from all its documents, whatever its state says. */
export async function rebuildAggregate(
  manager: EntityManager,
  tenantId: string,
  aggregate: WidgetAggregate,
): Promise<RefreshOutcome> {
  await manager.query('DELETE FROM widget_aggregate_state WHERE tenant_id = $1 AND name = $2', [
    tenantId,
    aggregate.name,
  ]);
  return refreshAggregate(manager, tenantId, aggregate);
}

function isFresh(state: StateRow): boolean {
  return (
    state.seq !== null && state.fingerprint === state.current && BigInt(state.seq) >= BigInt(state.last_seq)
  );
}

async function readState(manager: EntityManager, tenantId: string, aggregate: WidgetAggregate) {
  const rows: StateRow[] = await manager.query(
    `SELECT s.seq::text AS seq, s.fingerprint, COALESCE(c.last_seq, 0)::text AS last_seq,
            (${aggregate.fingerprint}) AS current
       FROM (SELECT $1::uuid AS tenant_id) t
       LEFT JOIN widget_aggregate_state s ON s.tenant_id = t.tenant_id AND s.name = $2
       LEFT JOIN tenant_event_counters c ON c.tenant_id = t.tenant_id`,
    [tenantId, aggregate.name],
  );
  return rows[0];
}

/** SQL fragments over an aggregate's columns. */
function columns(aggregate: WidgetAggregate) {
  const keys = Object.keys(aggregate.keys);
  const list = [...keys, ...aggregate.values].join(', ');
  const sums = aggregate.values.map((v) => `sum(${v}) AS ${v}`).join(', ');
  return { keys, list, sums, grouped: `SELECT ${keys.join(', ')}, ${sums}` };
}

async function rebuild(tx: EntityManager, tenantId: string, aggregate: WidgetAggregate): Promise<number> {
  const { keys, list, grouped } = columns(aggregate);
  await tx.query(`DELETE FROM ${aggregate.docTable} WHERE tenant_id = $1`, [tenantId]);
  await tx.query(`DELETE FROM ${aggregate.dailyTable} WHERE tenant_id = $1`, [tenantId]);
  const [{ documents, rows }]: Array<{ documents: number; rows: number }> = await tx.query(
    `WITH ins AS (INSERT INTO ${aggregate.docTable} (tenant_id, doc_id, ${list})
                  SELECT $1, doc_id, ${list} FROM (${aggregate.rows(() => '')}) r RETURNING doc_id)
     SELECT count(DISTINCT doc_id)::int AS documents, count(*)::int AS rows FROM ins`,
    [tenantId],
  );
  // In key order: the widgets read ranges of keys, which then lie on few pages.
  await tx.query(
    `INSERT INTO ${aggregate.dailyTable} (tenant_id, ${list})
     SELECT $1, ${list} FROM (${grouped} FROM ${aggregate.docTable} WHERE tenant_id = $1
                              GROUP BY ${keys.join(', ')}) g
      WHERE ${aggregate.keep} ORDER BY ${keys.join(', ')}`,
    [tenantId],
  );
  // A large rebuild changes the tables' statistics at once; the planner should not wait for autovacuum.
  if (rows >= ANALYZE_AFTER_ROWS) await tx.query(`ANALYZE ${aggregate.docTable}, ${aggregate.dailyTable}`);
  return documents;
}

/**
 * Re-posts the documents named by the events in (fromSeq, toSeq]: takes their stored rows out of the
 * daily sums, then puts their current rows in, then drops the daily rows left empty. Each of the first two
 * steps is one statement, so the daily sums always equal the stored document rows, even when a document
 * changes in between (it is then re-posted again at the next refresh, as its event is newer).
 */
async function applyEvents(
  tx: EntityManager,
  tenantId: string,
  aggregate: WidgetAggregate,
  fromSeq: string,
  toSeq: string,
): Promise<number> {
  const [{ ids }]: Array<{ ids: string[] | null }> = await tx.query(
    `SELECT array_agg(DISTINCT entity_id) AS ids FROM sync_events
      WHERE tenant_id = $1 AND seq > $2 AND seq <= $3 AND entity_type = ANY($4::text[])`,
    [tenantId, fromSeq, toSeq, aggregate.entityTypes],
  );
  if (!ids?.length) return 0;
  const sql = deltaSql(aggregate);
  const [taken] = await tx.query(
    `WITH old AS (DELETE FROM ${aggregate.docTable} WHERE tenant_id = $1 AND doc_id = ANY($2::uuid[])
                  RETURNING ${sql.list}),
          d AS (${sql.negated} FROM old GROUP BY ${sql.keys}),
          ${sql.upsert}
     ${sql.emptied}`,
    [tenantId, ids],
  );
  const [put] = await tx.query(
    `WITH new AS (INSERT INTO ${aggregate.docTable} (tenant_id, doc_id, ${sql.list})
                  SELECT $1, doc_id, ${sql.list} FROM (${aggregate.rows((id) => `AND ${id} = ANY($2::uuid[])`)}) r
                  RETURNING ${sql.list}),
          d AS (${sql.grouped} FROM new GROUP BY ${sql.keys}),
          ${sql.upsert}
     ${sql.emptied}`,
    [tenantId, ids],
  );
  const gone = [...taken.keys, ...put.keys];
  if (gone.length > 0) {
    await tx.query(
      `DELETE FROM ${aggregate.dailyTable} t USING jsonb_to_recordset($2::jsonb) AS d(${sql.record})
        WHERE t.tenant_id = $1 AND ${sql.match} AND NOT (${aggregate.keep})`,
      [tenantId, JSON.stringify(gone)],
    );
  }
  return ids.length;
}

/** SQL pieces for applying a delta `d` (rows of keys and summed values) to the daily table `t`. */
function deltaSql(aggregate: WidgetAggregate) {
  const { keys, list, grouped } = columns(aggregate);
  const pairs = keys.map((k) => `'${k}', ${k}`).join(', ');
  const add = aggregate.values.map((v) => `${v} = t.${v} + EXCLUDED.${v}`).join(', ');
  return {
    list,
    grouped,
    /** Like `grouped`, with the sums' signs turned: the delta that takes rows out. */
    negated: `SELECT ${keys.join(', ')}, ${aggregate.values.map((v) => `-sum(${v}) AS ${v}`).join(', ')}`,
    keys: keys.join(', '),
    match: keys.map((k) => `t.${k} = d.${k}`).join(' AND '),
    /**
     * Adds the delta `d` to the daily rows, as `up`. An upsert even when taking rows out: a daily row whose
     * sum reached zero was dropped, yet the documents behind it still hold rows that may be taken out.
     */
    upsert: `up AS (INSERT INTO ${aggregate.dailyTable} AS t (tenant_id, ${list}) SELECT $1, ${list} FROM d
                    ON CONFLICT (tenant_id, ${keys.join(', ')}) DO UPDATE SET ${add} RETURNING t.*)`,
    /** The keys of the changed daily rows (`up`) that hold nothing any more, as JSON. */
    emptied: `SELECT COALESCE(jsonb_agg(jsonb_build_object(${pairs})), '[]') AS keys
                FROM up WHERE NOT (${aggregate.keep})`,
    record: Object.entries(aggregate.keys)
      .map(([k, type]) => `${k} ${type}`)
      .join(', '),
  };
}

/** Runs `work` in the manager's transaction, or in a new one when the caller did not open one. */
async function inTransaction<T>(manager: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (manager.queryRunner?.isTransactionActive) return work(manager);
  return manager.transaction(work);
}
