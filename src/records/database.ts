/**
 * The records database: PostgreSQL, embedded by default (PGlite, Postgres compiled to WebAssembly, in a data folder:
 * nothing to install) and a real server when DATABASE_URL is set. Kysely is the one query layer over both, and the
 * same migrations build both. PGlite takes seconds to start: open one per process and share it.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';
import { migrateToLatest } from './migrations';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, PGlite in `dataFolder` (or in memory when that is absent too). */
  url?: string;
  dataFolder?: string;
  /** PostgreSQL only: keep the tables in this schema (created when missing), e.g. one per test run. */
  schema?: string;
}

export interface RecordsDatabase {
  db: Kysely<Database>;
  /** Which back end: for logs and benchmarks. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<RecordsDatabase> {
  let db: Kysely<Database>;
  let kind: RecordsDatabase['kind'];
  if (options.url) {
    // Loaded only when asked for: the embedded default never needs the driver.
    const { default: pg } = await import('pg');
    const schema = options.schema;
    if (schema !== undefined) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${schema.slice(0, 70)}`);
      const client = new pg.Client({ connectionString: options.url });
      await client.connect();
      try {
        await client.query(`create schema if not exists ${schema}`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({ connectionString: options.url, max: 10, ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}) });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
  } else {
    const { KyselyPGlite } = await import('kysely-pglite');
    if (options.dataFolder) await mkdir(options.dataFolder, { recursive: true });
    const { dialect } = options.dataFolder ? await KyselyPGlite.create(options.dataFolder) : await KyselyPGlite.create();
    db = new Kysely<Database>({ dialect });
    kind = 'pglite';
  }
  try {
    await migrateToLatest(db, options.url ? options.schema : undefined);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind, close: () => db.destroy() };
}
