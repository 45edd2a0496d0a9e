/**
 * `npm run bench:server`: how many concurrent drills one server process holds. N drills of six players and a
 * facilitator each (Colyseus clients on loopback) play at 10× while every player sends a command about every two
 * seconds; the bench prints the command-to-view latency (from sending a command to receiving the view that shows
 * it) at p50 and p95, the server's CPU per drill, and the largest N whose p95 stays within 100 ms. Beside each line:
 * a bare Colyseus room relaying the same number of messages to the same number of clients, and the ratio.
 *
 * Bounded: at most MAX_DRILLS drills and about 10 seconds per level, loopback only. Not a test: the clients share
 * this machine's cores with the server, so the numbers are for comparing changes on one machine.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';

const ROOT = join(import.meta.dirname, '..');
const LEVELS = [1, 2, 4, 8, 16, 32, 48, 64, 96];
const MAX_DRILLS = LEVELS[LEVELS.length - 1]!;
const PLAYERS = 6;
const SEND_EVERY_MS = 2000;
const WARM_MS = 2000;
const MEASURE_MS = 8000;
const P95_LIMIT_MS = 100;
const SCENARIO = 'checkout-launch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Level {
  drills: number;
  p50: number;
  p95: number;
  samples: number;
  cpuPerDrill: number;
}

/** One sender: sends on a timer and times each message until `seen` says the reply showing it arrived. */
class Sender {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private counter = 0;

  constructor(
    private readonly id: string,
    private readonly send: (nonce: string) => void,
    private readonly latencies: { record: boolean; values: number[] },
  ) {}

  start(): void {
    // Spread over the interval so the clients do not all send at once.
    const first = Math.random() * SEND_EVERY_MS;
    this.timer = setTimeout(() => {
      this.fire();
      this.timer = setInterval(() => this.fire(), SEND_EVERY_MS);
    }, first);
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  private fire(): void {
    const nonce = `${this.id}-${++this.counter}`;
    this.pending.set(nonce, performance.now());
    this.send(nonce);
  }

  /** Called with the text of each message received: times every pending nonce it contains. */
  received(text: string): void {
    for (const [nonce, sentAt] of this.pending) {
      if (!text.includes(nonce)) continue;
      if (this.latencies.record) this.latencies.values.push(performance.now() - sentAt);
      this.pending.delete(nonce);
    }
  }
}

async function host(port: number): Promise<{ code: string; facilitatorToken: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: SCENARIO, seed: '1', difficulty: 'standard' }) });
  if (response.status !== 201) throw new Error(`hosting failed: ${response.status}`);
  return (await response.json()) as { code: string; facilitatorToken: string };
}

async function joinReady(client: Client, code: string, options: Record<string, string>): Promise<{ room: Room; firstState: Promise<any> }> {
  const room = await client.joinById(code, options);
  let resolveState: (s: any) => void = () => undefined;
  const firstState = new Promise((r) => (resolveState = r));
  room.onMessage('state', (s) => resolveState(s));
  room.onMessage('*', () => undefined);
  room.send('ready', {});
  return { room, firstState };
}

/** N drills played at once; returns the latency percentiles while all N run. */
async function drillLevel(port: number, pid: number, count: number): Promise<Level> {
  const client = new Client(`ws://127.0.0.1:${port}`);
  const latencies = { record: false, values: [] as number[] };
  const senders: Sender[] = [];
  const rooms: Room[] = [];
  for (let d = 0; d < count; d++) {
    const { code, facilitatorToken } = await host(port);
    const facilitator = await joinReady(client, code, { name: 'Facilitator', token: facilitatorToken });
    rooms.push(facilitator.room);
    const state = await facilitator.firstState;
    const seats = (state.lobby.seats as Array<{ responder: string }>).slice(0, PLAYERS);
    for (const [p, seat] of seats.entries()) {
      const player = await joinReady(client, code, { name: `Player ${p + 1}` });
      await player.firstState;
      player.room.send('claim', { seat: { kind: 'player', responder: seat.responder } });
      const sender = new Sender(`d${d}p${p}`, (nonce) => player.room.send('command', { command: { type: 'announce', text: `Bench ${nonce}` } }), latencies);
      // The view showing the command is the first state whose timeline holds it (accepted or refused alike).
      player.room.onMessage('state', (s) => sender.received(JSON.stringify(s.view.timeline.slice(-20))));
      senders.push(sender);
      rooms.push(player.room);
    }
    facilitator.room.send('control', { action: 'speed', speed: 10 });
    facilitator.room.send('control', { action: 'start' });
  }
  return measureLevel(count, pid, senders, latencies, rooms);
}

/** The baseline: the same clients in bare relay rooms, each sending as often. */
async function relayLevel(port: number, pid: number, count: number): Promise<Level> {
  const client = new Client(`ws://127.0.0.1:${port}`);
  const latencies = { record: false, values: [] as number[] };
  const senders: Sender[] = [];
  const rooms: Room[] = [];
  for (let d = 0; d < count; d++) {
    const first = await client.create('relay', {});
    rooms.push(first);
    first.onMessage('*', () => undefined);
    for (let p = 0; p < PLAYERS; p++) {
      const room = await client.joinById(first.roomId, {});
      const sender = new Sender(`r${d}p${p}`, (nonce) => room.send('relay', { text: `Bench ${nonce}` }), latencies);
      room.onMessage('relayed', (m) => sender.received(JSON.stringify(m)));
      senders.push(sender);
      rooms.push(room);
    }
  }
  return measureLevel(count, pid, senders, latencies, rooms);
}

async function measureLevel(count: number, pid: number, senders: Sender[], latencies: { record: boolean; values: number[] }, rooms: Room[]): Promise<Level> {
  for (const s of senders) s.start();
  await sleep(WARM_MS);
  latencies.record = true;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  await sleep(MEASURE_MS);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  latencies.record = false;
  for (const s of senders) s.stop();
  await Promise.all(rooms.map((room) => Promise.race([room.leave(true).catch(() => undefined), sleep(500)])));
  await sleep(500);
  return { drills: count, p50: percentile(latencies.values, 50), p95: percentile(latencies.values, 95), samples: latencies.values.length, cpuPerDrill: (100 * cpu) / seconds / count };
}

async function startServer(): Promise<{ port: number; pid: number; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/server/process.ts'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return { port, pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

const ms = (n: number) => (Number.isNaN(n) ? '   —' : `${n.toFixed(1).padStart(6)} ms`);

async function main(): Promise<void> {
  console.log(`bench:server — ${SCENARIO}, ${PLAYERS} players + facilitator per drill at 10×, a command per player every ${SEND_EVERY_MS / 1000} s; ${MEASURE_MS / 1000} s per level after ${WARM_MS / 1000} s warm-up.`);
  console.log('Baseline: a bare Colyseus room relaying each message to everyone in it, same clients, same rate.\n');
  console.log('drills | command→view p50    p95   | server CPU/drill | baseline p50    p95   | p95 ratio');
  let largest = 0;
  for (const count of LEVELS) {
    if (count > MAX_DRILLS) break;
    // A fresh server per level, so one level's leftovers never weigh on the next.
    const server = await startServer();
    try {
      const drills = await drillLevel(server.port, server.pid, count);
      const relay = await relayLevel(server.port, server.pid, count);
      console.log(`${String(count).padStart(6)} | ${ms(drills.p50)} ${ms(drills.p95)} | ${drills.cpuPerDrill.toFixed(1).padStart(8)} % core | ${ms(relay.p50)} ${ms(relay.p95)} | ${(drills.p95 / relay.p95).toFixed(1).padStart(6)}×   (${drills.samples} commands timed)`);
      if (drills.p95 <= P95_LIMIT_MS) largest = count;
      else break;
    } finally {
      server.stop();
    }
  }
  console.log(`\nLargest number of concurrent drills one process held with p95 ≤ ${P95_LIMIT_MS} ms: ${largest}${largest === MAX_DRILLS ? ` (the most this bench tries)` : ''}.`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`bench:server failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
