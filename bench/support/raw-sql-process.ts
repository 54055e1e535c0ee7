/** The read baseline (bench/raw-sql-server.ts) as its own process, configured by BENCH_RAW (JSON). */
import '../production-env.js';
import 'reflect-metadata';
import { type RawWidget, startRawSqlServer } from '../raw-sql-server.js';
import { serveParent } from './child.js';

const options = JSON.parse(process.env.BENCH_RAW ?? '{}') as {
  databaseUrl: string;
  tenantId: string;
  organizationId: string;
  widgets: RawWidget[];
};
const server = await startRawSqlServer(
  options.databaseUrl,
  options.tenantId,
  options.organizationId,
  options.widgets,
);
serveParent({ url: server.url }, {}, () => server.stop());
