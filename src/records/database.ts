/**
 * The records database: PostgreSQL, embedded by default (PGlite, Postgres compiled to WebAssembly, in a data folder:
 * nothing to install) and a real server when DATABASE_URL is set. Kysely is the one query layer over both, and the
 * same migrations build both. PGlite takes seconds to start: open one per process and share it.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect, type DatabaseConnection, type Dialect, type Driver } from 'kysely';
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

/** The advisory lock server processes take turns with while they set up the records database. */
const SETUP_LOCK = 'firedrill:records-setup';

export async function openDatabase(options: DatabaseOptions): Promise<RecordsDatabase> {
  let db: Kysely<Database>;
  let kind: RecordsDatabase['kind'];
  /** Ends the setup's turn on a shared PostgreSQL server (see below). */
  let endTurn: () => Promise<void> = async () => {};
  if (options.url) {
    // Loaded only when asked for: the embedded default never needs the driver.
    const { default: pg } = await import('pg');
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${schema.slice(0, 70)}`);
    // Server processes started together against one database (several behind Redis) would race to create the schema
    // and the migration tables ("duplicate key value violates unique constraint"): they take turns, holding an
    // advisory lock on a connection of their own until migrated. A process that dies lets go with its connection.
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', [SETUP_LOCK]);
      if (schema !== undefined) await client.query(`create schema if not exists ${schema}`);
    } catch (error) {
      await client.end();
      throw error;
    }
    endTurn = async () => {
      try {
        await client.query('select pg_advisory_unlock(hashtext($1))', [SETUP_LOCK]);
      } finally {
        await client.end();
      }
    };
    const pool = new pg.Pool({ connectionString: options.url, max: 10, ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}) });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
  } else {
    const { KyselyPGlite } = await import('kysely-pglite');
    if (options.dataFolder) await mkdir(options.dataFolder, { recursive: true });
    const { dialect } = options.dataFolder ? await KyselyPGlite.create(options.dataFolder) : await KyselyPGlite.create();
    db = new Kysely<Database>({ dialect: oneAtATime(dialect) });
    kind = 'pglite';
  }
  try {
    await migrateToLatest(db, options.url ? options.schema : undefined);
  } catch (error) {
    await db.destroy();
    throw error;
  } finally {
    await endTurn();
  }
  return { db, kind, close: () => db.destroy() };
}

/**
 * PGlite is one session, and its Kysely driver hands that same session to every caller: two transactions at once
 * (two solo runs uploaded together, a group drill recorded meanwhile) would run their statements inside one another,
 * and one's error would abort the other's work. So the embedded database is used by one caller at a time: a
 * connection is held from acquire to release (a whole transaction), and the next caller waits for it.
 */
function oneAtATime(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver(): Driver {
      const driver = dialect.createDriver();
      let queue: Promise<void> = Promise.resolve();
      const releases = new Map<DatabaseConnection, () => void>();
      return {
        init: () => driver.init(),
        async acquireConnection() {
          const previous = queue;
          let release!: () => void;
          queue = new Promise<void>((resolve) => (release = resolve));
          await previous;
          try {
            const connection = await driver.acquireConnection();
            releases.set(connection, release);
            return connection;
          } catch (error) {
            release();
            throw error;
          }
        },
        beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
        commitTransaction: (connection) => driver.commitTransaction(connection),
        rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
        async releaseConnection(connection) {
          try {
            await driver.releaseConnection(connection);
          } finally {
            releases.get(connection)?.();
            releases.delete(connection);
          }
        },
        destroy: () => driver.destroy(),
      };
    },
  };
}
