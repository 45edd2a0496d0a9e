/** A drill server on a free loopback port for room tests, with an in-memory store and the library scenarios. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ColyseusTestServer } from '@colyseus/testing';
import type { Room as ClientRoom } from 'colyseus.js';
import { createApp, type App } from '../../src/server/app';
import { MemoryDrillStore, type DrillStore } from '../../src/server/drill-store';
import { loadLibrary } from '../../src/server/library';
import type { Records } from '../../src/records/records';
import { ROOT } from '../support/scenarios';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Harness {
  app: App;
  store: DrillStore;
  colyseus: ColyseusTestServer;
  port: number;
  host(body: Record<string, unknown>): Promise<{ code: string; facilitatorToken: string }>;
}

export const library = loadLibrary(join(ROOT, 'scenarios'));

export async function startHarness(store: DrillStore = new MemoryDrillStore(), records?: Records, more: { xapiAllowHosts?: string[] } = {}): Promise<Harness> {
  const app = createApp({ library, store, ...(records ? { records } : {}), ...more });
  const port = await freePort();
  await app.listen(port);
  const colyseus = new ColyseusTestServer(app.colyseus);
  return {
    app,
    store,
    colyseus,
    port,
    async host(body) {
      const response = await fetch(`http://127.0.0.1:${port}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`hosting failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { code: string; facilitatorToken: string };
    },
  };
}

/** Collects every message a client room receives, by type, so a test can wait for the next one that matches. */
export class Inbox {
  readonly messages: Array<{ type: string; message: any }> = [];
  private waiters: Array<{ test: (type: string, message: any) => boolean; resolve: (m: any) => void }> = [];

  constructor(readonly room: ClientRoom) {
    room.onMessage('*', (type, message) => {
      this.messages.push({ type: String(type), message });
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(String(type), message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  /** The next message of `type` (after now) that passes `test`; fails after `ms`. */
  next(type: string, test: (message: any) => boolean = () => true, ms = 5000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" message matched within ${ms} ms`)), ms);
      this.waiters.push({ test: (t, m) => t === type && test(m), resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** The latest message of `type` if it already passes `test`, otherwise the next one that does. */
  until(type: string, test: (message: any) => boolean, ms = 5000): Promise<any> {
    const latest = this.last(type);
    return latest !== undefined && test(latest) ? Promise.resolve(latest) : this.next(type, test, ms);
  }

  last(type: string): any {
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i]!.type === type) return this.messages[i]!.message;
    return undefined;
  }

  all(): Array<{ type: string; message: any }> {
    return this.messages;
  }
}

/**
 * Starts `npm start`'s server process (without the build) with `env` added, and resolves once it says where it
 * listens. The caller keeps the process to stop it.
 */
export function spawnServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'src/server/main.ts')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Starting means opening PGlite (seconds here, close to a minute when the machine's two cores are busy): the
    // bound is for a server that will never start, not a measure of how fast it does.
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Firedrill is running at')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}
