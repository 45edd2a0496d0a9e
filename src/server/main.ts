/**
 * `npm start`: one process that serves the built game and hosts drill rooms. Embedded defaults: drills are kept in a
 * data folder, no Redis, no database. Environment: PORT (4173), HOST (127.0.0.1), FIREDRILL_DATA (./data),
 * REDIS_URL (spread rooms over every process sharing that Redis server), PUBLIC_ADDRESS (host:port where
 * browsers reach this process, when there are several), DATABASE_URL (records in PostgreSQL rather than the
 * embedded PGlite in FIREDRILL_DATA/records; DATABASE_SCHEMA keeps them in a schema of their own) and FIREDRILL_TRUSTED_HEADER (behind an SSO proxy: the header that
 * names the signed-in user), FIREDRILL_XAPI_ALLOW_HOSTS (comma-separated `host` or `host:port`: private or local
 * hosts, such as an intranet LRS, the xAPI export may send to; every other private or local address is refused).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { FileDrillStore } from './drill-store';
import { loadLibrary } from './library';
import { openDatabase } from '../records/database';
import { Records } from '../records/records';

const root = resolve(import.meta.dirname, '..', '..');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const dataFolder = resolve(process.env.FIREDRILL_DATA ?? join(root, 'data'));
const staticFolder = join(root, 'dist');

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const redisUrl = process.env.REDIS_URL;
  let scaling = {};
  if (redisUrl) {
    // Loaded only when asked for: the embedded default never opens a Redis connection.
    const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
    scaling = { presence: new RedisPresence(redisUrl), driver: new RedisDriver(redisUrl), ...(process.env.PUBLIC_ADDRESS ? { publicAddress: process.env.PUBLIC_ADDRESS } : {}) };
  }
  // PGlite takes a few seconds to start: once, here, for the whole process.
  const databaseUrl = process.env.DATABASE_URL;
  if (redisUrl && !databaseUrl) console.log('  Note: several processes sharing rooms through Redis need DATABASE_URL too: an embedded PGlite folder belongs to one process.');
  console.log(databaseUrl ? 'Opening the records database (PostgreSQL)…' : `Opening the records database (embedded PGlite in ${join(dataFolder, 'records')})…`);
  const schema = process.env.DATABASE_SCHEMA;
  const database = await openDatabase(databaseUrl ? { url: databaseUrl, ...(schema ? { schema } : {}) } : { dataFolder: join(dataFolder, 'records') });
  const trustedHeader = process.env.FIREDRILL_TRUSTED_HEADER;
  const xapiAllowHosts = (process.env.FIREDRILL_XAPI_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const app = createApp({
    records: new Records(database.db),
    ...(trustedHeader ? { trustedHeader } : {}),
    ...(xapiAllowHosts.length > 0 ? { xapiAllowHosts } : {}),
    library: loadLibrary(join(root, 'scenarios')),
    store: new FileDrillStore(join(dataFolder, 'drills')),
    ...(existsSync(staticFolder) ? { staticFolder } : {}),
    ...scaling,
  });
  const listening = await app.listen(port, host);
  const restored = await app.restoreDrills();
  const address = `http://${host.includes(':') ? `[${host}]` : host}:${listening}/`;
  console.log(`Firedrill is running at ${address}`);
  console.log(`  Play solo, or host a group drill from the library page. Drills are kept in ${dataFolder}${redisUrl ? `; rooms are shared through Redis at ${redisUrl.replace(/\/\/[^@]*@/, '//…@')}` : ''}.`);
  if (restored > 0) console.log(`  ${restored} drill${restored === 1 ? '' : 's'} brought back from before the last stop, paused until the facilitator resumes.`);
  if (!existsSync(staticFolder)) console.log('  (No built game in dist/: run `npm run build` to serve it; drill rooms work without it.)');
  const stop = () => {
    console.log('Stopping: every drill is kept and comes back, paused, when the server starts again.');
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Firedrill could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
