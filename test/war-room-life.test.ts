import { describe, expect, it } from 'vitest';
import { createRun, describeJournal, FACILITATOR_SEAT, OBSERVER_SEAT, playerSeat, type GameEvent, type JournalEntry, type SeatView } from '../src/engine/index';
import { characterStates, figureKey, formatCountdown, rememberStarts, type StartsSeen } from '../src/web/war-room/character-state';
import { FIRST_LOOK, roomSignals } from '../src/web/war-room/room-signals';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');
const seat = playerSeat('alex');

/** A checkout-launch run at minute 0 for the player Alex (on call and present from the start). */
function freshRun() {
  return createRun({ scenario, seed: 1 });
}

function send(run: ReturnType<typeof freshRun>, command: Parameters<ReturnType<typeof freshRun>['send']>[1]): void {
  const result = run.send('alex', command);
  expect(result, JSON.stringify(command)).toMatchObject({ ok: true });
}

describe('the war room characters (character-state.ts)', () => {
  it('shows the player as paged while the page rings, the others present as free, and nobody who was not paged', () => {
    const run = freshRun();
    const states = characterStates(run.view(seat), run.live(seat));
    expect(states.map((s) => [s.id, s.activity, s.you])).toEqual([
      ['alex', 'paged', true],
      ['sam', 'idle', false],
    ]);
    expect(states[0]!.caption).toBe('Paged: not acknowledged');
    expect(states[1]!.caption).toBe('Free');
    expect(states.map((s) => s.short)).toEqual(['PAGED', 'free']);
    expect(states[0]!.initials).toBe('AR');
    expect(states[0]!.firstName).toBe('Alex');
  });

  it("shows the paged on-call as paged on the projector and the facilitator's screen too, not as free", () => {
    const run = createRun({ scenario, seed: 1, seating: 'team' });
    for (const other of [OBSERVER_SEAT, FACILITATOR_SEAT, playerSeat('sam')]) {
      const states = characterStates(run.view(other), run.live(other));
      expect(states.map((s) => [s.id, s.activity, s.you]), other.kind).toEqual([
        ['alex', 'paged', false],
        ['sam', 'idle', other.kind === 'player'],
      ]);
    }
    expect(run.send('alex', { type: 'acknowledge' })).toMatchObject({ ok: true });
    expect(characterStates(run.view(OBSERVER_SEAT), run.live(OBSERVER_SEAT))[0]!.activity).toBe('idle');
  });

  it('keeps everyone on the roster, dimmed as off, when asked for the full roster', () => {
    const run = freshRun();
    const states = characterStates(run.view(seat), run.live(seat), new Map(), { includeOff: true });
    expect(states).toHaveLength(scenario.roster.responders.length);
    expect(states.filter((s) => s.activity === 'off').map((s) => s.caption)).toEqual(Array(5).fill('Not paged'));
  });

  it('gives role badges, an arrival countdown to someone joining, and work in progress with a progress bar', () => {
    const run = freshRun();
    send(run, { type: 'acknowledge' });
    send(run, { type: 'declare-severity', severity: 'SEV2' });
    send(run, { type: 'assign-role', role: 'commander', responder: 'alex' });
    send(run, { type: 'escalate', to: 'priya' });
    send(run, { type: 'diagnose', action: 'check-deploys', performer: 'sam' });
    let starts: StartsSeen = rememberStarts(new Map(), run.view(seat), run.now());
    let states = characterStates(run.view(seat), run.live(seat), starts);
    const byId = () => Object.fromEntries(states.map((s) => [s.id, s]));

    expect(byId().alex).toMatchObject({ activity: 'idle', badges: ['IC'], caption: 'Free' });
    expect(byId().priya).toMatchObject({ activity: 'joining', arrivesIn: 4, caption: 'Joining in 4m 00s', short: 'in 4m 00s' });
    expect(byId().sam).toMatchObject({ activity: 'working', work: { action: 'check-deploys', label: 'Check recent deploys', progress: 0, remaining: 2 } });
    expect(byId().sam!.caption).toBe('Check recent deploys · 2m 00s left');
    expect(byId().sam!.short).toBe('2m 00s left');

    run.advanceTo(1);
    starts = rememberStarts(starts, run.view(seat), run.now());
    states = characterStates(run.view(seat), run.live(seat), starts);
    // A fixed two-minute check, one minute in: halfway, whatever was remembered.
    expect(byId().sam!.work).toMatchObject({ progress: 0.5, remaining: 1 });
    expect(byId().priya).toMatchObject({ activity: 'joining', arrivesIn: 3 });

    run.advanceTo(4);
    states = characterStates(run.view(seat), run.live(seat), rememberStarts(starts, run.view(seat), run.now()));
    expect(byId().priya).toMatchObject({ activity: 'idle', arrivesIn: null });
    expect(byId().sam).toMatchObject({ activity: 'idle', work: null });
  });

  it('measures a ranged action from when it was first seen running, and says nothing of progress without a start', () => {
    const run = freshRun();
    send(run, { type: 'acknowledge' });
    send(run, { type: 'declare-severity', severity: 'SEV2' });
    send(run, { type: 'assign-role', role: 'commander', responder: 'alex' });
    send(run, { type: 'diagnose', action: 'check-logs', performer: 'alex' });
    const until = run.view(seat).actions.find((a) => a.id === 'check-logs')!.until!;
    expect(run.view(seat).actions.find((a) => a.id === 'check-logs')!.minutes).toBe('3–5');

    // Not remembered: the view has the end but not the start of a "3–5 minute" action.
    expect(characterStates(run.view(seat), run.live(seat))[0]!.work).toMatchObject({ action: 'check-logs', progress: null, remaining: until });

    const starts = rememberStarts(new Map(), run.view(seat), 0);
    run.advanceTo(until / 2);
    const later = rememberStarts(starts, run.view(seat), run.now());
    expect(later).toBe(starts); // nothing new started: the same map, so callers can compare by identity
    expect(characterStates(run.view(seat), run.live(seat), later)[0]!.work!.progress).toBeCloseTo(0.5, 5);
    run.advanceTo(until);
    expect(rememberStarts(later, run.view(seat), run.now()).size).toBe(0);
  });

  it('never counts down below zero, nor shows progress beyond the end, when the clock runs past the expected time', () => {
    const view = {
      seat: { kind: 'player', responder: 'a' },
      page: { acknowledgedAt: 0 },
      responders: [
        { id: 'a', name: 'Ann Bee', title: '', skills: [], status: 'on-the-way', joinsAt: 3, busyWith: null, roles: [] },
        { id: 'b', name: 'Bo', title: '', skills: [], status: 'present', joinsAt: null, busyWith: 'x', roles: ['operations', 'scribe'] },
        { id: 'c', name: 'Cy Dee', title: '', skills: [], status: 'present', joinsAt: null, busyWith: 'gone', roles: [] },
      ],
      actions: [{ id: 'x', label: 'Restart', kind: 'resolution', minutes: '4', skills: [], status: 'running', needs: [], performer: 'b', until: 6, eligible: [] }],
    } as unknown as SeatView;
    const [a, b, c] = characterStates(view, { now: 9 });
    expect(a).toMatchObject({ activity: 'joining', arrivesIn: 0, caption: 'Joining in 0m 00s', you: true });
    expect(b).toMatchObject({ activity: 'working', badges: ['OPS', 'SCRIBE'], work: { progress: 1, remaining: 0 } });
    // Busy with an action the view does not list: still working, on something the room names as best it can.
    expect(c).toMatchObject({ activity: 'working', work: { action: 'gone', label: 'gone', progress: null, remaining: null }, caption: 'gone' });
  });

  it('changes a figure key only when the look changes, not as the clock moves', () => {
    const run = freshRun();
    send(run, { type: 'acknowledge' });
    send(run, { type: 'declare-severity', severity: 'SEV2' });
    send(run, { type: 'assign-role', role: 'commander', responder: 'alex' });
    send(run, { type: 'escalate', to: 'priya' });
    const key = (now: number) => {
      run.advanceTo(now);
      return characterStates(run.view(seat), run.live(seat)).map(figureKey);
    };
    const before = key(0.5);
    expect(key(2)).toEqual(before);
    expect(key(4.5)).not.toEqual(before); // Priya arrived
  });

  it('formats countdowns in minutes and seconds, then hours', () => {
    expect(formatCountdown(0)).toBe('0m 00s');
    expect(formatCountdown(2.5)).toBe('2m 30s');
    expect(formatCountdown(-1)).toBe('0m 00s');
    expect(formatCountdown(62)).toBe('1h 02m');
  });
});

describe('what arrives in the room (room-signals.ts)', () => {
  const line = (seq: number, text: string, escalation = false) => (escalation ? { seq, at: seq, text, escalation: true as const } : { seq, at: seq, text });
  const view = (timeline: Array<{ seq: number; at: number; text: string }>, messages = 0, severity: SeatView['severity'] = null) =>
    ({ timeline, messages: Array.from({ length: messages }, (_, i) => ({ at: i, inject: `i${i}`, from: 'Lena Park', message: `m${i}`, respondBy: null, answered: false, answer: null })), severity }) as Pick<SeatView, 'timeline' | 'messages' | 'severity'>;

  it('animates nothing for what was already there when the room opened', () => {
    const first = roomSignals(FIRST_LOOK, view([line(1, 'Page: errors'), line(2, 'Impact changed: worse')], 1, 'SEV2'));
    expect(first).toMatchObject({ arrivals: [], messages: [], escalation: false, severityChanged: false });
    expect(first.memo).toEqual({ lastSeq: 2, messages: 1, severity: 'SEV2' });
  });

  it('reports new lines once, new messages, a changed severity and an escalation', () => {
    let { memo } = roomSignals(FIRST_LOOK, view([line(1, 'Page: errors')]));
    const next = roomSignals(memo, view([line(1, 'Page: errors'), line(4, 'Lena Park: any news?'), line(6, 'Impact changed: Checkout is down for everyone', true)], 1, 'SEV1'));
    expect(next.arrivals.map((a) => [a.seq, a.escalation])).toEqual([
      [4, false],
      [6, true],
    ]);
    expect(next.messages.map((m) => m.from)).toEqual(['Lena Park']);
    expect(next.escalation).toBe(true);
    expect(next.severityChanged).toBe(true);
    memo = next.memo;
    expect(roomSignals(memo, view([line(1, 'Page: errors'), line(4, 'Lena Park: any news?'), line(6, 'Impact changed: Checkout is down for everyone', true)], 1, 'SEV1'))).toMatchObject({ arrivals: [], messages: [], escalation: false, severityChanged: false });
  });

  it('takes escalations from the engine: the impact rising, an action backfiring, a resurfacing; never the impact falling', () => {
    const events: GameEvent[] = [
      { type: 'impact.changed', impact: 1.4, severity: 'SEV1', reason: 'Checkout is down for everyone' },
      { type: 'impact.changed', impact: 0.4, severity: 'SEV1', reason: 'errors are falling' },
      { type: 'effect.landed', action: 'rollback-deploy', effect: 'fixes', impact: 0 },
      { type: 'effect.landed', action: 'rollback-deploy', effect: 'worsens', impact: 0.9 },
      { type: 'incident.resurfaced', reason: 'Errors are climbing again: the incident was resolved before recovery was verified.' },
    ];
    const journal: JournalEntry[] = events.map((event, i) => ({ seq: i + 1, at: i + 1, kind: 'event', event }));
    expect(describeJournal(journal, scenario).map((l) => [l.seq, l.escalation === true])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
    ]);
  });
});
