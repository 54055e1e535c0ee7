import pg from 'pg';

/**
 * The sync baseline: writes `rows` (read back from the cache, every column as text) into an empty copy
 * of `table` with multi-row `INSERT ... ON CONFLICT (primary key) DO UPDATE`, 1,000 rows (or as many
 * as fit in 60,000 parameters) a statement, one transaction per statement as the sync commits per page.
 * Returns the seconds the writes took.
 */
export async function rawUpsertSeconds(client: pg.Client, table: string, tenantId: string): Promise<number> {
  const copy = `bench_raw_${table}`;
  const columns: string[] = (
    await client.query(
      `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [table],
    )
  ).rows.map((found: { attname: string }) => found.attname);
  const key: string[] = (
    await client.query(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [table],
    )
  ).rows.map((found: { attname: string }) => found.attname);
  const quoted = columns.map((column) => `"${column}"`);
  const rows: Array<Array<string | null>> = (
    await client.query({
      text: `SELECT ${quoted.map((column) => `${column}::text`).join(', ')} FROM ${table} WHERE tenant_id = $1`,
      values: [tenantId],
      rowMode: 'array',
    })
  ).rows;
  await client.query(`DROP TABLE IF EXISTS ${copy}`);
  await client.query(`CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL)`);
  const update = columns
    .filter((column) => !key.includes(column))
    .map((column) => `"${column}" = EXCLUDED."${column}"`)
    .join(', ');
  const batch = Math.min(1000, Math.floor(60_000 / columns.length));
  const started = performance.now();
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const values = slice.map(
      (_, r) => `(${columns.map((_column, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO ${copy} (${quoted.join(', ')}) VALUES ${values.join(', ')}
       ON CONFLICT (${key.map((column) => `"${column}"`).join(', ')}) DO UPDATE SET ${update}`,
      slice.flat(),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await client.query(`DROP TABLE ${copy}`);
  return seconds;
}
