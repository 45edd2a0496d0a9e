/**
 * The records storage suite on a real PostgreSQL server (DATABASE_URL), in a schema of its own that is dropped
 * afterwards. Runs under `npm run test:services` only.
 */
import { afterAll } from 'vitest';
import pg from 'pg';
import { openDatabase } from '../../src/records/database';
import { recordsSuite } from '../support/records-suite';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: `npm run test:services` needs a PostgreSQL server (see README, Services)');
const schema = `firedrill_test_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

recordsSuite('PostgreSQL', () => openDatabase({ url: DATABASE_URL, schema }));
