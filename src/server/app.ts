/**
 * The one Firedrill server: serves the built game and hosts drill rooms on the same port. Embedded defaults need
 * nothing installed; with REDIS_URL, rooms spread over every process that shares the Redis server.
 */
import '../engine/with-zod';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { configureDrillRooms, DrillRoom } from './drill-room';
import type { DrillStore } from './drill-store';
import { hostDrill } from './hosting';
import type { DrillRecord } from './drill';

/** Whether a kept drill had ended: its last command finished it. */
const isOver = (record: DrillRecord) => record.save.commands.some((c) => c.command.type === 'finish');
import type { ScenarioLibrary } from './library';
import { serveStatic } from './static-files';
import { recordsApi } from './records-api';
import { readCookie, SESSION_COOKIE } from './cookies';
import type { Records } from '../records/records';

/** The largest request body the API reads: a custom rubric fits many times over. */
const MAX_BODY_BYTES = 256 * 1024;
/** The largest WebSocket frame; above the room's own message limit, so those get a clear refusal first. */
const MAX_FRAME_BYTES = 512 * 1024;

export interface AppOptions {
  library: ScenarioLibrary;
  store: DrillStore;
  /** The built game to serve; none serves the API and rooms only (tests). */
  staticFolder?: string;
  presence?: Presence;
  driver?: matchMaker.MatchMakerDriver;
  /** host:port where clients reach this process's rooms, when several processes share rooms through Redis. */
  publicAddress?: string;
  /** Readiness records: people, teams, every finished drill. Without them, drills are played but not kept. */
  records?: Records;
  /** A header a trusted SSO proxy sets to the user's identity (see records-api.ts). */
  trustedHeader?: string;
  /** Private or local hosts the xAPI export may send to (FIREDRILL_XAPI_ALLOW_HOSTS; see records-api.ts). */
  xapiAllowHosts?: readonly string[];
}

export interface App {
  http: HttpServer;
  colyseus: Server;
  /** Brings back every kept drill as a room (after a restart). Returns how many. */
  restoreDrills(): Promise<number>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // A body of `{ raw }` goes out as it is, with the content type the route chose (CSV, HTML).
  if (body !== null && typeof body === 'object' && 'raw' in body && typeof (body as { raw: unknown }).raw === 'string') {
    res.writeHead(status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers }).end((body as { raw: string }).raw);
    return;
  }
  if (status === 204) {
    res.writeHead(status, { 'cache-control': 'no-store', ...headers }).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers }).end(text);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RangeError('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new SyntaxError('not JSON'));
      }
    });
    req.on('error', reject);
  });
}

export function createApp(options: AppOptions): App {
  configureDrillRooms({ store: options.store, now: () => Date.now(), catalog: () => options.library.catalog(), ...(options.records ? { records: options.records } : {}) });
  const randomSeed = () => String(randomBytes(4).readUInt32BE(0));
  const recordsRoutes = options.records ? recordsApi({ records: options.records, library: options.library, ...(options.trustedHeader ? { trustedHeader: options.trustedHeader } : {}), ...(options.xapiAllowHosts ? { xapiAllowHosts: options.xapiAllowHosts } : {}) }) : null;

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (recordsRoutes) {
      // A body is read at most once, and only by a route that wants one.
      let read: Promise<unknown> | null = null;
      const body = () => (read ??= readBody(req));
      try {
        if (await recordsRoutes(req, path, body, (status, payload, headers) => send(res, status, payload, headers))) return;
      } catch (error) {
        if (error instanceof RangeError) return send(res, 413, { error: 'the request is too large' });
        if (error instanceof SyntaxError) return send(res, 400, { error: 'the request is not JSON' });
        throw error;
      }
    }
    if (path === '/api/scenarios' && req.method === 'GET') return send(res, 200, options.library.list());
    if (path === '/api/drills' && req.method === 'POST') {
      let body: unknown;
      try {
        body = await readBody(req);
      } catch (error) {
        return send(res, error instanceof RangeError ? 413 : 400, { error: error instanceof RangeError ? 'the request is too large' : 'the request is not JSON' });
      }
      const records = options.records;
      const mayHostFor = async (teamId: string): Promise<string | null> => {
        if (!records) return 'team records are not kept on this server';
        const me = await records.personForSession(readCookie(req.headers, SESSION_COOKIE));
        if (!me) return 'sign in to host a drill for a team';
        const roles = await records.rolesIn(teamId, me);
        return roles.includes('facilitator') || roles.includes('manager') ? null : 'only a facilitator or manager of that team may host its drills';
      };
      const hosted = await hostDrill(body, options.library, options.store, randomSeed, mayHostFor);
      if (!hosted.ok) return send(res, hosted.status, { error: hosted.reason });
      await matchMaker.createRoom('drill', { code: hosted.code });
      return send(res, 201, { code: hosted.code, facilitatorToken: hosted.facilitatorToken, joinPath: `/?drill=${hosted.code}` });
    }
    return send(res, 404, { error: 'no such endpoint' });
  }

  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handle = path.startsWith('/api/') ? api(req, res, path) : options.staticFolder ? serveStatic(options.staticFolder, req, res) : Promise.resolve(send(res, 404, { error: 'not found' }));
    handle.catch((error: unknown) => {
      console.error(`request ${req.method} ${path.slice(0, 80)} failed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, { error: 'the server could not complete that request' });
      else res.destroy();
    });
  });

  const colyseus = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_FRAME_BYTES }),
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    greet: false,
    gracefullyShutdown: false,
  });
  colyseus.define('drill', DrillRoom);

  return {
    http,
    colyseus,
    async restoreDrills() {
      // Counts the drills still being played; finished ones come back too, for their debrief.
      let restored = 0;
      for (const code of await options.store.list()) {
        // Another process (with Redis) may already have brought this drill back.
        if ((await matchMaker.query({ roomId: code })).length > 0) continue;
        try {
          await matchMaker.createRoom('drill', { code });
          const record = await options.store.load(code);
          if (record && record.clock.started && !record.recorded && !isOver(record)) restored++;
        } catch (error) {
          console.error(`drill ${code} could not be restored: ${String(error)}`);
        }
      }
      return restored;
    },
    async listen(port, host = '127.0.0.1') {
      await colyseus.listen(port, host);
      const address = http.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async close() {
      await colyseus.gracefullyShutdown(false);
    },
  };
}
