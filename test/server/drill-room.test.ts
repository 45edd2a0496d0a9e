/**
 * Drill rooms over real WebSockets on loopback (@colyseus/testing's client against our server): hosting, joining,
 * seats, authority and its refusals, late joiners, reconnects, the facilitator's controls, and a room rebuilt from
 * its record after the server stops.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from 'colyseus.js';
import { MemoryDrillStore } from '../../src/server/drill-store';
import { MAX_MESSAGE_CHARS } from '../../src/server/protocol';
import { script } from '../support/grading';
import { Inbox, startHarness, type Harness } from './harness';

let harness: Harness;
const store = new MemoryDrillStore();
const opened: ClientRoom[] = [];

beforeAll(async () => {
  harness = await startHarness(store);
});

afterEach(async () => {
  // A room whose socket a test closed never answers a leave: do not wait on it.
  await Promise.all(opened.splice(0).map((room) => Promise.race([room.leave(true).catch(() => undefined), new Promise((r) => setTimeout(r, 200))])));
});

afterAll(async () => {
  await harness.app.close();
});

async function join(code: string, options: { name?: string; token?: string }): Promise<{ room: ClientRoom; inbox: Inbox; welcome: any }> {
  const room = await harness.colyseus.sdk.joinById(code, options);
  opened.push(room);
  const inbox = new Inbox(room);
  const welcomed = inbox.next('welcome');
  const stated = inbox.next('state');
  room.send('ready', {});
  const welcome = await welcomed;
  await stated;
  return { room, inbox, welcome };
}

/** The server-side drill behind a code: tests move its clock to a script's minutes. */
const drillOf = (code: string) => (harness.colyseus.getRoomById(code) as unknown as { drill: import('../../src/server/drill').Drill }).drill;

async function hostCheckout() {
  const hosted = await harness.host({ scenario: 'checkout-launch', seed: '1', difficulty: 'standard' });
  const facilitator = await join(hosted.code, { name: 'Fran (facilitator)', token: hosted.facilitatorToken });
  return { ...hosted, facilitator };
}

describe('hosting and joining', () => {
  it('should give an unguessable join code and seat the host as facilitator', async () => {
    const { code, facilitator } = await hostCheckout();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const state = facilitator.inbox.last('state');
    expect(state.you.seat).toEqual({ kind: 'facilitator' });
    expect(state.view.truth.variant.id).toBeTruthy();
    expect(state.lobby.seats.map((s: any) => s.suggestedRole).slice(0, 4)).toEqual(['commander', 'communications', 'operations', 'scribe']);
  });

  it('should refuse hosting an unknown scenario, a bad difficulty or a non-JSON body, with reasons', async () => {
    const post = (body: string) => fetch(`http://127.0.0.1:${harness.port}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const unknown = await post(JSON.stringify({ scenario: 'no-such' }));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/no scenario "no-such"/);
    const badDifficulty = await post(JSON.stringify({ scenario: 'checkout-launch', difficulty: 'nightmare' }));
    expect(badDifficulty.status).toBe(400);
    expect((await badDifficulty.json()).error).toMatch(/^difficulty:/);
    expect((await post('{nope')).status).toBe(400);
  });

  it('should refuse joining without a name or with an unknown code', async () => {
    const { code } = await hostCheckout();
    await expect(harness.colyseus.sdk.joinById(code, {})).rejects.toThrow(/display name/);
    await expect(harness.colyseus.sdk.joinById('ABCDEFGHJK', { name: 'x' })).rejects.toThrow();
  });

  it('should let players claim free seats, refuse a taken one, and let the facilitator move people', async () => {
    const { code, facilitator } = await hostCheckout();
    const ana = await join(code, { name: 'Ana' });
    const ben = await join(code, { name: 'Ben' });
    expect(ana.inbox.last('state').you.seat).toEqual({ kind: 'observer' });
    ana.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    await ana.inbox.next('state', (s) => s.you.seat.kind === 'player');
    ben.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    expect((await ben.inbox.next('refused')).reason).toBe('Alex Rivera’s seat is taken by Ana');
    // A player may not move people; the facilitator may.
    ben.room.send('move', { participant: ana.welcome.participantId, seat: { kind: 'observer' } });
    expect((await ben.inbox.next('refused')).reason).toBe('only the facilitator moves people between seats');
    const benMoved = ben.inbox.next('state', (s) => s.you.seat.kind === 'player');
    const anaMoved = ana.inbox.next('state', (s) => s.you.seat.kind === 'observer');
    facilitator.room.send('move', { participant: ben.welcome.participantId, seat: { kind: 'player', responder: 'alex' } });
    expect((await benMoved).you.seat).toEqual({ kind: 'player', responder: 'alex' });
    const anaNow = await anaMoved;
    expect(anaNow.lobby.seats.find((s: any) => s.responder === 'alex').heldBy.name).toBe('Ben');
  });
});

describe('the server is the authority', () => {
  it('should refuse clock controls, moves and facilitator commands from a player, and leave the drill as it was', async () => {
    const { code } = await hostCheckout();
    const player = await join(code, { name: 'Pat' });
    player.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    await player.inbox.next('state', (s) => s.you.seat.kind === 'player');
    for (const control of [{ action: 'start' }, { action: 'pause' }, { action: 'speed', speed: 10 }, { action: 'skip' }]) {
      player.room.send('control', control);
      expect((await player.inbox.next('refused')).reason).toBe('only the facilitator controls the clock');
    }
    expect(drillOf(code).clock.started).toBe(false);
  });

  it('should issue a player’s command as their seat, refuse what their seat may not do, and refuse observers', async () => {
    const { code, facilitator } = await hostCheckout();
    const commander = await join(code, { name: 'Cam' });
    const comms = await join(code, { name: 'Cory' });
    const watcher = await join(code, { name: 'Projector' });
    commander.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    comms.room.send('claim', { seat: { kind: 'player', responder: 'sarah' } });
    await comms.inbox.next('state', (s) => s.you.seat.kind === 'player');
    commander.room.send('command', { command: { type: 'acknowledge' } });
    expect((await commander.inbox.next('refused')).reason).toBe('the drill has not started yet');
    facilitator.room.send('control', { action: 'start' });
    await commander.inbox.next('state', (s) => s.clock.started);
    commander.room.send('command', { command: { type: 'acknowledge' } });
    const acknowledged = await commander.inbox.next('state', (s) => s.view.page.acknowledgedAt !== null);
    expect(acknowledged.view.timeline.some((t: any) => /Alex Rivera acknowledged/.test(t.text))).toBe(true);
    // Sarah is not on the incident yet and holds no role: the engine refuses her, and says why.
    comms.room.send('command', { command: { type: 'declare-severity', severity: 'SEV1' } });
    expect((await comms.inbox.next('refused')).reason).toMatch(/Sarah Chen has not joined the incident yet/);
    watcher.room.send('command', { command: { type: 'declare-severity', severity: 'SEV1' } });
    expect((await watcher.inbox.next('refused')).reason).toBe('observers watch; take a free seat to act');
    expect(drillOf(code).run.view({ kind: 'facilitator' }).severity).toBeNull();
  });

  it('should not let a player name who a command is from', async () => {
    const { code, facilitator } = await hostCheckout();
    const player = await join(code, { name: 'Sly' });
    player.room.send('claim', { seat: { kind: 'player', responder: 'sam' } });
    await player.inbox.next('state', (s) => s.you.seat.kind === 'player');
    facilitator.room.send('control', { action: 'start' });
    await player.inbox.next('state', (s) => s.clock.started);
    player.room.send('command', { by: 'alex', command: { type: 'acknowledge' } });
    expect((await player.inbox.next('refused')).reason).toBe('that command was malformed');
    // As themselves, the engine refuses: Sam is not the paged on-call.
    player.room.send('command', { command: { type: 'acknowledge' } });
    expect((await player.inbox.next('refused')).reason).toMatch(/^Sam Okafor may not acknowledge/);
    expect(drillOf(code).run.view({ kind: 'facilitator' }).page.acknowledgedAt).toBeNull();
  });

  it('should answer malformed, unknown, oversized and flooding messages with refusals, and keep the room alive', async () => {
    const { code } = await hostCheckout();
    const player = await join(code, { name: 'Mal' });
    player.room.send('control', { action: 'warp' });
    expect((await player.inbox.next('refused')).reason).toBe('only the facilitator controls the clock');
    player.room.send('claim', { seat: { kind: 'player' } });
    expect((await player.inbox.next('refused')).reason).toBe('that seat request was malformed');
    player.room.send('teleport', {});
    expect((await player.inbox.next('refused')).reason).toBe('unknown message "teleport"');
    player.room.send('command', { command: { type: 'announce', text: 'x'.repeat(MAX_MESSAGE_CHARS) } });
    expect((await player.inbox.next('refused')).reason).toMatch(/too large/);
    const refusals = player.inbox.all().length;
    for (let i = 0; i < 60; i++) player.room.send('claim', { seat: { kind: 'observer' } });
    await player.inbox.next('refused', (r) => r.reason === 'too many messages: slow down');
    expect(player.inbox.all().length).toBeGreaterThan(refusals);
    // Still served.
    await new Promise((r) => setTimeout(r, 1100));
    player.room.send('claim', { seat: { kind: 'player', responder: 'sam' } });
    expect((await player.inbox.next('state', (s) => s.you.seat.kind === 'player')).you.seat.responder).toBe('sam');
  });
});

describe("the facilitator's controls", () => {
  it('should start, pause, resume, change speed and skip to the next event, for everyone at once', async () => {
    const { code, facilitator } = await hostCheckout();
    const player = await join(code, { name: 'Vi' });
    facilitator.room.send('control', { action: 'start' });
    expect((await player.inbox.next('state', (s) => s.clock.started)).clock).toMatchObject({ started: true, paused: false, speed: 1 });
    facilitator.room.send('control', { action: 'speed', speed: 5 });
    await player.inbox.next('state', (s) => s.clock.speed === 5);
    facilitator.room.send('control', { action: 'pause' });
    const paused = await player.inbox.next('state', (s) => s.clock.paused);
    expect(paused.clock.pausedBecause).toBe('facilitator');
    // Paused means paused: no live ticks move the clock.
    await new Promise((r) => setTimeout(r, 600));
    expect(drillOf(code).run.now()).toBe(paused.clock.minute);
    facilitator.room.send('control', { action: 'skip' });
    const skipped = await player.inbox.next('state', (s) => s.clock.minute > paused.clock.minute);
    expect(skipped.clock.paused).toBe(true);
    facilitator.room.send('control', { action: 'resume' });
    await player.inbox.next('state', (s) => !s.clock.paused);
    facilitator.room.send('control', { action: 'start' });
    expect((await facilitator.inbox.next('refused')).reason).toBe('the drill has already started');
  });
});

describe('seats that hold what their seat may know', () => {
  it('should never send a player or observer the variant, the true severity or an unrevealed finding, through a whole drill', async () => {
    const { code, facilitator } = await hostCheckout();
    const commands = script('checkout-launch', 'expert');
    const people = new Map<string, { room: ClientRoom; inbox: Inbox }>();
    for (const responder of [...new Set(commands.map((c) => c.by))]) {
      const player = await join(code, { name: `Player ${responder}` });
      player.room.send('claim', { seat: { kind: 'player', responder } });
      await player.inbox.next('state', (s) => s.you.seat.kind === 'player');
      people.set(responder, player);
    }
    const projector = await join(code, { name: 'Projector' });
    facilitator.room.send('control', { action: 'start' });
    await projector.inbox.next('state', (s) => s.clock.started);
    const drill = drillOf(code);
    drill.pause();
    // The facilitator's private notes and held injects are truth too.
    const note = 'Private note: Cam hesitated over the severity call';
    facilitator.room.send('command', { command: { type: 'observe', about: 'alex', text: note } });
    facilitator.room.send('command', { command: { type: 'hold-inject', inject: 'vp-asks-eta' } });
    await facilitator.inbox.next('state', (s) => s.view.truth.observations.length === 1);
    for (const entry of commands) {
      if (entry.at > drill.run.now()) drill.run.advanceTo(entry.at);
      const player = people.get(entry.by)!;
      const before = drill.run.journal().length;
      player.room.send('command', { command: entry.command });
      await player.inbox.next('state', () => drill.run.journal().length > before);
    }
    await projector.inbox.next('debrief', () => true, 10_000);
    const truth = drill.run.view({ kind: 'facilitator' }).truth!;
    const secrets = [note, truth.variant.id, truth.variant.rootCause, ...truth.findings.filter((f) => !f.revealed).map((f) => f.text)].filter((s) => s.length > 8);
    for (const [who, { inbox }] of [...people.entries(), ['projector', projector] as const]) {
      for (const { type, message } of inbox.all()) {
        // The debrief reveals the root cause, the notes and the run file to everyone, by design, at the end.
        if (type === 'debrief') continue;
        const text = JSON.stringify(message);
        expect(text.includes('"truth"'), `${who} ${type}`).toBe(false);
        for (const secret of secrets) expect(text.includes(secret), `${who} ${type} holds "${secret.slice(0, 40)}"`).toBe(false);
      }
    }
    expect(drill.run.isOver()).toBe(true);
  });
});

describe('the debrief says whether the drill was recorded', () => {
  it('should send the debrief as pending, then say it was not kept on a server without records, to a late joiner too', async () => {
    const { code, facilitator } = await hostCheckout();
    facilitator.room.send('control', { action: 'start' });
    await facilitator.inbox.next('state', (s) => s.clock.started);
    const debrief = facilitator.inbox.next('debrief', () => true, 10_000);
    const recording = facilitator.inbox.next('recording', () => true, 10_000);
    facilitator.room.send('command', { command: { type: 'call-time' } });
    await facilitator.inbox.next('state', (s) => s.view.phase === 'postmortem');
    facilitator.room.send('command', { command: { type: 'finish' } });
    expect((await debrief).recording).toEqual({ state: 'pending' });
    expect(await recording).toEqual({ state: 'not-recorded', reason: 'no-records' });
    const late = await harness.colyseus.sdk.joinById(code, { name: 'Late Lou' });
    opened.push(late);
    const inbox = new Inbox(late);
    const lateDebrief = inbox.next('debrief');
    late.send('ready', {});
    expect((await lateDebrief).recording).toEqual({ state: 'not-recorded', reason: 'no-records' });
  });
});

describe('nothing lost', () => {
  it('should give a late joiner the current state at once', async () => {
    const { code, facilitator } = await hostCheckout();
    const commander = await join(code, { name: 'Cam' });
    commander.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    await commander.inbox.next('state', (s) => s.you.seat.kind === 'player');
    facilitator.room.send('control', { action: 'start' });
    commander.room.send('command', { command: { type: 'acknowledge' } });
    await commander.inbox.next('state', (s) => s.view.page.acknowledgedAt !== null);
    const late = await join(code, { name: 'Late' });
    const first = late.inbox.messages.find((m) => m.type === 'state')!.message;
    expect(first.view.page.acknowledgedAt).not.toBeNull();
    expect(first.clock.started).toBe(true);
  });

  it('should give a dropped player their seat back on reconnect, and on rejoining with their token', async () => {
    const { code } = await hostCheckout();
    const player = await join(code, { name: 'Dee' });
    player.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    await player.inbox.next('state', (s) => s.you.seat.kind === 'player');
    const token = player.welcome.token as string;
    const reconnectionToken = player.room.reconnectionToken;
    // A network drop, not a leave: the socket closes without consent.
    player.room.connection.close(4999, 'network drop');
    await new Promise((r) => setTimeout(r, 300));
    expect(drillOf(code).lobby.get(player.welcome.participantId)!.connected).toBe(false);
    const back = await harness.colyseus.sdk.reconnect(reconnectionToken);
    opened.push(back);
    const inbox = new Inbox(back);
    const state = inbox.next('state');
    back.send('ready', {});
    expect((await state).you).toMatchObject({ id: player.welcome.participantId, seat: { kind: 'player', responder: 'alex' } });
    await back.leave(true);
    const again = await join(code, { token });
    expect(again.inbox.last('state').you).toMatchObject({ id: player.welcome.participantId, name: 'Dee', seat: { kind: 'player', responder: 'alex' } });
  });

  it('should send the clock alone, in small live messages, while nothing else changes', async () => {
    const { code, facilitator } = await hostCheckout();
    const player = await join(code, { name: 'Lou' });
    facilitator.room.send('control', { action: 'start' });
    const first = await player.inbox.next('live');
    const second = await player.inbox.next('live', (m) => m.clock.minute > first.clock.minute);
    expect(Object.keys(second).sort()).toEqual(['clock', 'live']);
    expect(second.live.now).toBe(second.clock.minute);
  });

  it('should pause the drill when the facilitator drops', async () => {
    const { code, facilitator } = await hostCheckout();
    const player = await join(code, { name: 'Pia' });
    facilitator.room.send('control', { action: 'start' });
    await player.inbox.next('state', (s) => s.clock.started && !s.clock.paused);
    facilitator.room.connection.close(4999, 'network drop');
    const paused = await player.inbox.next('state', (s) => s.clock.paused);
    expect(paused.clock.pausedBecause).toBe('facilitator-away');
    expect(paused.lobby.people.find((p: any) => p.seat.kind === 'facilitator').connected).toBe(false);
  });
});
