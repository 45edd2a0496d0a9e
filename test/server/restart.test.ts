/**
 * The journal is a drill's durable state: the server process is killed mid-drill (SIGKILL, no chance to save) and
 * started again on the same data folder; the drill comes back with the same journal, entry for entry, everyone's
 * seat, and its clock paused for the facilitator.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, Inbox, spawnServer } from './harness';

const data = mkdtempSync(join(tmpdir(), 'firedrill-restart-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
});

/** The server process on `port`, embedded defaults on this test's data folder. */
async function startServer(port: number): Promise<ChildProcess> {
  const child = await spawnServer({ PORT: String(port), FIREDRILL_DATA: data, REDIS_URL: '', DATABASE_URL: '' });
  children.push(child);
  return child;
}

async function joinDrill(client: Client, code: string, options: Record<string, string>): Promise<{ room: Room; inbox: Inbox; welcome: any; state: any }> {
  const room = await client.joinById(code, options);
  const inbox = new Inbox(room);
  const welcome = inbox.next('welcome');
  const state = inbox.next('state');
  room.send('ready', {});
  return { room, inbox, welcome: await welcome, state: await state };
}

describe('a drill outlives its server process', () => {
  it('should resume a drill exactly after the server is killed and started again', async () => {
    const port = await freePort();
    let server = await startServer(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'checkout-launch', seed: '7' }) });
    const { code, facilitatorToken } = (await response.json()) as { code: string; facilitatorToken: string };
    const client = new Client(`ws://127.0.0.1:${port}`);
    const facilitator = await joinDrill(client, code, { name: 'Fran', token: facilitatorToken });
    const player = await joinDrill(client, code, { name: 'Alex player' });
    const playerToken = player.welcome.token as string;
    player.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    await player.inbox.next('state', (s) => s.you.seat.kind === 'player');
    facilitator.room.send('control', { action: 'speed', speed: 10 });
    facilitator.room.send('control', { action: 'start' });
    await player.inbox.next('state', (s) => s.clock.started);
    for (const command of [{ type: 'acknowledge' }, { type: 'declare-severity', severity: 'SEV1' }, { type: 'assign-role', role: 'commander', responder: 'alex' }, { type: 'escalate', to: 'sarah' }]) {
      const before = player.inbox.last('state').view.timeline.length;
      player.room.send('command', { command });
      await player.inbox.next('state', (s) => s.view.timeline.length > before);
    }
    // Let the clock run a little, so timers fire and the record's minute moves on.
    await new Promise((r) => setTimeout(r, 6_000));
    const before = facilitator.inbox.last('state');
    // Between changes the clock goes out alone, in `live` messages.
    const beforeMinute = facilitator.inbox.last('live').clock.minute as number;
    expect(beforeMinute).toBeGreaterThan(4);

    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    server = await startServer(port);

    const back = new Client(`ws://127.0.0.1:${port}`);
    const facilitatorAgain = await joinDrill(back, code, { token: facilitatorToken });
    const playerAgain = await joinDrill(back, code, { token: playerToken });
    const after = facilitatorAgain.state;
    expect(playerAgain.state.you).toMatchObject({ id: player.welcome.participantId, name: 'Alex player', seat: { kind: 'player', responder: 'alex' } });
    expect(after.you.seat).toEqual({ kind: 'facilitator' });
    // Paused for the facilitator, at the minute last kept: the clock is kept every 5 real seconds (5 game minutes at
    // 10×) and on every change, so it comes back at most that far behind where the kill found it.
    expect(after.clock).toMatchObject({ started: true, paused: true, speed: 10, pausedBecause: 'restart' });
    expect(after.clock.minute).toBeGreaterThanOrEqual(beforeMinute - 5);
    expect(after.clock.minute).toBeLessThanOrEqual(beforeMinute + 3);
    // Every journal entry up to the minute kept is the same, and so is what it led to.
    const kept = (state: any) => state.view.timeline.filter((t: any) => t.at <= after.clock.minute);
    expect(kept(after)).toEqual(kept(before));
    expect(after.view.truth.variant).toEqual(before.view.truth.variant);
    expect(after.view.roles).toEqual(before.view.roles);

    // And it goes on: the facilitator resumes, the commander acts.
    facilitatorAgain.room.send('control', { action: 'resume' });
    await playerAgain.inbox.next('state', (s) => !s.clock.paused);
    const length = playerAgain.inbox.last('state').view.timeline.length;
    playerAgain.room.send('command', { command: { type: 'diagnose', action: 'check-deploys', performer: 'alex' } });
    await playerAgain.inbox.next('state', (s) => s.view.timeline.length > length);
    await facilitatorAgain.room.leave(true);
    await playerAgain.room.leave(true);
  }, 240_000);
});
