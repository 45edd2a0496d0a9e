/**
 * The records storage suite on a real PostgreSQL server (DATABASE_URL), in a schema of its own that is dropped
 * afterwards. Runs under `npm run test:services` only.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from '../../src/records/database';
import { recordsSuite } from '../support/records-suite';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: `npm run test:services` needs a PostgreSQL server (see README, Services)');
const schema = `firedrill_test_${process.pid}_${Date.now().toString(36)}`;

/** A second schema, for several server processes setting up at once. */
const together = `${schema}_together`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`drop schema if exists ${together} cascade`);
  await client.end();
});

describe('setting up on a shared PostgreSQL server', () => {
  it('lets server processes started together take turns: each opens the one schema, migrated once', async () => {
    // As several servers behind Redis start against one database: without turns they raced to create the schema.
    const opened = await Promise.all(Array.from({ length: 6 }, () => openDatabase({ url: DATABASE_URL, schema: together })));
    try {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      const { rows } = await client.query(`select count(*)::int as runs, count(distinct name)::int as names from ${together}.kysely_migration`);
      await client.end();
      expect(rows[0].names).toBeGreaterThan(0);
      expect(rows[0].runs).toBe(rows[0].names);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
    }
  });
});

recordsSuite('PostgreSQL', () => openDatabase({ url: DATABASE_URL, schema }));
