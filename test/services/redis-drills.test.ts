/**
 * Rooms spread across processes with Colyseus' Redis presence and driver: two server processes share one Redis
 * server (REDIS_URL) and one data folder; a drill is hosted through one, and its people join through both.
 * Runs under `npm run test:services` only, against a real Redis server.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, Inbox, spawnServer } from '../server/harness';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
if (!REDIS_URL || !DATABASE_URL) throw new Error('REDIS_URL and DATABASE_URL must be set: `npm run test:services` needs Redis and PostgreSQL (see README)');

const data = mkdtempSync(join(tmpdir(), 'firedrill-redis-'));
// The processes' records go to a schema of this run's own, dropped at the end.
const schema = `firedrill_redis_${process.pid}_${Date.now().toString(36)}`;
const children: ChildProcess[] = [];

afterAll(async () => {
  // A graceful stop takes each process's rooms and registration out of Redis; a killed one would leave them for
  // Colyseus' health checks to find.
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(data, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

async function startServer(port: number): Promise<ChildProcess> {
  // Processes sharing rooms share one records database: PostgreSQL (an embedded PGlite folder is one process's).
  const child = await spawnServer({ PORT: String(port), FIREDRILL_DATA: data, REDIS_URL: REDIS_URL!, DATABASE_URL: DATABASE_URL!, DATABASE_SCHEMA: schema, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
  children.push(child);
  return child;
}

async function joinDrill(client: Client, code: string, options: Record<string, string>): Promise<{ room: Room; inbox: Inbox; welcome: any }> {
  const room = await client.joinById(code, options);
  const inbox = new Inbox(room);
  const welcome = inbox.next('welcome');
  const state = inbox.next('state');
  room.send('ready', {});
  const result = { room, inbox, welcome: await welcome };
  await state;
  return result;
}

async function host(port: number, scenario: string): Promise<{ code: string; facilitatorToken: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario, seed: '3' }) });
  expect(response.status).toBe(201);
  return (await response.json()) as { code: string; facilitatorToken: string };
}

describe('drills across server processes sharing Redis', () => {
  it('should play one drill with people joining through both processes', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    await Promise.all([startServer(portA), startServer(portB)]);
    const throughA = new Client(`ws://127.0.0.1:${portA}`);
    const throughB = new Client(`ws://127.0.0.1:${portB}`);

    const { code, facilitatorToken } = await host(portA, 'filters-broken');
    const facilitator = await joinDrill(throughA, code, { name: 'Fran', token: facilitatorToken });
    const player = await joinDrill(throughB, code, { name: 'Riley' });
    const projector = await joinDrill(throughB, code, { name: 'Projector' });

    player.room.send('claim', { seat: { kind: 'player', responder: 'riley' } });
    const seated = await facilitator.inbox.next('state', (s) => s.lobby.seats.some((seat: any) => seat.responder === 'riley' && seat.heldBy?.name === 'Riley'));
    expect(seated.lobby.people.map((p: any) => p.name).sort()).toEqual(['Fran', 'Projector', 'Riley']);

    facilitator.room.send('control', { action: 'start' });
    await player.inbox.next('state', (s) => s.clock.started);
    player.room.send('command', { command: { type: 'acknowledge' } });
    const seen = await projector.inbox.next('state', (s) => s.view.page.acknowledgedAt !== null);
    expect(seen.view.timeline.some((t: any) => /acknowledged/.test(t.text))).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('"truth"');

    // More drills, hosted through either process: Colyseus places each on the process with the fewest rooms, so they
    // spread over both, and a client always ends up on the process that holds its room (its public address) whichever
    // process it asked.
    const socketPort = (room: Room) => new URL(String((room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url)).port;
    const ports = new Set([socketPort(player.room)]);
    const rooms = [facilitator.room, player.room, projector.room];
    for (const [index, port] of [portB, portA, portB, portA].entries()) {
      const other = await host(port, 'minor-ui-bug');
      const viaA = await joinDrill(throughA, other.code, { name: `Sam ${index}` });
      const viaB = await joinDrill(throughB, other.code, { name: `Kim ${index}` });
      expect(socketPort(viaA.room)).toBe(socketPort(viaB.room));
      const seen = await viaA.inbox.until('state', (s) => s.lobby.people.length === 2);
      expect(seen.lobby.people.map((p: any) => p.name).sort()).toEqual([`Kim ${index}`, `Sam ${index}`]);
      ports.add(socketPort(viaA.room));
      rooms.push(viaA.room, viaB.room);
    }
    expect([...ports].sort()).toEqual([String(portA), String(portB)].sort());
    for (const room of rooms) await room.leave(true);
  }, 240_000);
});
