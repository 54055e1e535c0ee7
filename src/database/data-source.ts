import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from '../schema/index.js';
import { countStatement } from './statement-counter.js';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** Receives Postgres errors and slow queries. */
  onError?: (message: string, detail: Record<string, unknown>) => void;
}

/** A TypeORM data source over every entity and migration; `synchronize` is off: only migrations change the schema. */
export function createDataSource({ url, poolSize = 20, onError }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: ['query', 'error'],
    logger: new CountingLogger(onError),
    extra: { max: poolSize, application_name: 'connec-xero-gateway' },
  });
}

/** Feeds every statement to the per-request counter; errors go to the application's logger. */
class CountingLogger implements TypeOrmLogger {
  constructor(private readonly onError?: DataSourceOptions['onError']) {}
  logQuery(): void {
    countStatement();
  }
  logQueryError(error: string | Error, query: string): void {
    this.onError?.('database query failed', { error: String(error), query: query.slice(0, 500) });
  }
  logQuerySlow(time: number, query: string): void {
    this.onError?.('slow query', { timeMs: time, query: query.slice(0, 500) });
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
