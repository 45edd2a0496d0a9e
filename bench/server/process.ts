/**
 * The server `npm run bench:server` measures, in its own process so its CPU time is its own: the drill server with
 * the library and an in-memory store (no disk), plus a bare Colyseus room as the baseline: it relays each message
 * to everyone in the room, as a chat would, and does nothing else.
 */
import { join } from 'node:path';
import { Room, type Client } from '@colyseus/core';
import { createApp } from '../../src/server/app';
import { MemoryDrillStore } from '../../src/server/drill-store';
import { loadLibrary } from '../../src/server/library';

class RelayRoom extends Room {
  override onCreate(): void {
    this.setPatchRate(null);
    this.autoDispose = true;
    this.onMessage('relay', (_client: Client, message: unknown) => this.broadcast('relayed', message));
  }
}

const root = join(import.meta.dirname, '..', '..');
const app = createApp({ library: loadLibrary(join(root, 'scenarios')), store: new MemoryDrillStore() });
app.colyseus.define('relay', RelayRoom);
const port = Number(process.argv[2] ?? 0);
await app.listen(port);
console.log(`ready ${port} ${process.pid}`);
