/**
 * One group drill, away from any network: the engine's run under team seating, the game clock the facilitator
 * controls, and who sits where. The room (drill-room.ts) feeds it messages and real time and sends out what it
 * returns; tests drive it directly. Its whole durable state is `record()`: the run's save (every command, with who
 * issued it) plus the seats and the clock, so a drill rebuilt from it after a restart resumes exactly.
 */
import { createRun, FACILITATOR, FACILITATOR_SEAT, OBSERVER_SEAT, playerSeat, REAL_MS_PER_GAME_MINUTE, replay, scenarioHash, type LiveView, type Run, type Scenario, type SaveFile, type Seat, type SeatView, type SendResult, type Speed } from '../engine/index';
import type { Difficulty } from '../engine/difficulty';
import type { Rubric } from '../engine/policy/rubric';
import { castOf } from './cast';
import { Lobby, type LobbyView, type Participant, type SeatChoice } from './lobby';

export interface ClockState {
  /** The facilitator has started the drill: the clock runs unless paused. */
  started: boolean;
  paused: boolean;
  speed: Speed;
  /** Why the clock stands, when it does: the facilitator's pause, their dropped connection, or a server restart. */
  pausedBecause?: 'facilitator' | 'facilitator-away' | 'restart';
}

export const DRILL_RECORD_FORMAT = 1;

export interface DrillRecord {
  formatVersion: number;
  code: string;
  facilitatorTokenHash: string;
  /** The scenario as played, kept whole so a drill resumes (and re-grades) even after the library changes. */
  scenario: Scenario;
  save: SaveFile;
  clock: ClockState;
  participants: Participant[];
  /** The team whose records the finished drill joins (the facilitator chose it when hosting), if any. */
  teamId?: string | null;
  /** Whether the finished drill has been written to the records. */
  recorded?: boolean;
}

export interface DrillOptions {
  code: string;
  scenario: Scenario;
  seed: string;
  difficulty: Difficulty;
  rubric: Rubric;
  facilitatorTokenHash: string;
  teamId?: string | null;
}

/** What one participant is sent after a change: their seat's view and nothing more. */
export interface SeatMessage {
  you: { id: string; name: string; seat: SeatChoice };
  code: string;
  scenario: { id: string; title: string };
  difficulty: Difficulty;
  clock: ClockState & { minute: number; over: boolean };
  lobby: LobbyView;
  /** The team's action items still open from earlier drills: where this drill starts, follow-through shows. */
  followUps: FollowUp[];
  view: SeatView;
  live: LiveView;
}

export interface FollowUp {
  action: string;
  owner: string;
  priority: string;
  status: string;
}

/** What moves with the clock alone, sent once a second while it runs: a fraction of the whole view. */
export interface LiveMessage {
  clock: SeatMessage['clock'];
  live: LiveView;
}

export type ClockControl = { action: 'start' } | { action: 'pause' } | { action: 'resume' } | { action: 'speed'; speed: Speed } | { action: 'skip' };

export class Drill {
  readonly lobby: Lobby;
  private clockState: ClockState;
  /** Set once the finished drill is in the records, so a restart never records it twice. */
  recorded = false;
  /** The team's open action items when the drill began (the room loads them from the records). */
  followUps: FollowUp[] = [];

  private constructor(
    readonly code: string,
    readonly scenario: Scenario,
    readonly run: Run,
    readonly facilitatorTokenHash: string,
    clock: ClockState,
    participants: Participant[],
    readonly teamId: string | null = null,
  ) {
    this.lobby = new Lobby(castOf(scenario), participants);
    this.clockState = { ...clock };
  }

  static create(options: DrillOptions): Drill {
    const run = createRun({ scenario: options.scenario, seed: options.seed, rubric: options.rubric, seating: 'team', difficulty: options.difficulty });
    return new Drill(options.code, options.scenario, run, options.facilitatorTokenHash, { started: false, paused: false, speed: 1 }, [], options.teamId ?? null);
  }

  /** Rebuilds a drill from its record by replaying its commands: the same journal, entry for entry. */
  static restore(record: DrillRecord): Drill {
    const { save, scenario } = record;
    const run = replay(scenario, save.seed, save.commands, save.minute, { rubric: save.rubric, seating: 'team', difficulty: save.difficulty });
    // A facilitator who is not there cannot resume the clock: a restored drill waits, paused, for them.
    const paused = record.clock.started && !run.isOver();
    const drill = new Drill(record.code, scenario, run, record.facilitatorTokenHash, { ...record.clock, paused, ...(paused ? { pausedBecause: record.clock.paused ? (record.clock.pausedBecause ?? 'facilitator') : 'restart' } : {}) }, record.participants, record.teamId ?? null);
    drill.recorded = record.recorded ?? false;
    return drill;
  }

  get clock(): ClockState {
    return { ...this.clockState };
  }

  record(): DrillRecord {
    return {
      formatVersion: DRILL_RECORD_FORMAT,
      code: this.code,
      facilitatorTokenHash: this.facilitatorTokenHash,
      scenario: this.scenario,
      save: this.run.save(),
      clock: this.clock,
      participants: this.lobby.all().map((p) => ({ ...p, connected: false })),
      teamId: this.teamId,
      recorded: this.recorded,
    };
  }

  get scenarioHash(): string {
    return scenarioHash(this.scenario);
  }

  /** Moves the game clock by `realMs` of real time at the drill's speed, if it runs. True when time moved. */
  tick(realMs: number): boolean {
    if (!this.clockState.started || this.clockState.paused || this.run.isOver()) return false;
    // A long stall (a suspended laptop, a busy process) moves the game at most one second's worth, as the solo
    // session does, so nobody comes back to a drill that ran away without them.
    const minutes = (Math.min(Math.max(realMs, 0), 1000) * this.clockState.speed) / REAL_MS_PER_GAME_MINUTE;
    if (minutes <= 0) return false;
    this.run.advanceTo(this.run.now() + minutes);
    return true;
  }

  /** The facilitator's clock controls. Null when done, otherwise why not. */
  control(participantId: string, control: ClockControl): string | null {
    if (!this.isFacilitator(participantId)) return 'only the facilitator controls the clock';
    if (this.run.isOver()) return 'the drill is over';
    switch (control.action) {
      case 'start':
        if (this.clockState.started) return 'the drill has already started';
        this.clockState = { started: true, paused: false, speed: this.clockState.speed };
        return null;
      case 'pause':
        if (!this.clockState.started) return 'the drill has not started';
        this.clockState = { ...this.clockState, paused: true, pausedBecause: 'facilitator' };
        return null;
      case 'resume':
        if (!this.clockState.started) return 'the drill has not started';
        this.clockState = { started: true, paused: false, speed: this.clockState.speed };
        return null;
      case 'speed':
        this.clockState = { ...this.clockState, speed: control.speed };
        return null;
      case 'skip':
        if (!this.clockState.started) return 'start the drill before skipping ahead';
        this.run.advanceToNextEvent();
        return null;
    }
  }

  /** Pauses the clock when the facilitator drops: a drill nobody runs should not run on. */
  pause(): void {
    if (this.clockState.started && !this.clockState.paused) this.clockState = { ...this.clockState, paused: true, pausedBecause: 'facilitator-away' };
  }

  isFacilitator(participantId: string): boolean {
    return this.lobby.get(participantId)?.seat.kind === 'facilitator';
  }

  /** The engine seat a participant looks through. */
  seatOf(participantId: string): Seat {
    const seat = this.lobby.get(participantId)?.seat;
    if (seat?.kind === 'facilitator') return FACILITATOR_SEAT;
    if (seat?.kind === 'player') return playerSeat(seat.responder);
    return OBSERVER_SEAT;
  }

  /**
   * A command from a participant, issued as the seat they hold: a player as their responder, the facilitator as
   * the facilitator. The engine then checks that seat may issue it and journals a refusal if not.
   */
  command(participantId: string, input: unknown): SendResult {
    const seat = this.lobby.get(participantId)?.seat;
    if (!seat) return { ok: false, seq: null, reason: 'you are not in this drill' };
    if (seat.kind === 'observer') return { ok: false, seq: null, reason: 'observers watch; take a free seat to act' };
    if (!this.clockState.started) return { ok: false, seq: null, reason: 'the drill has not started yet' };
    return this.run.send(seat.kind === 'facilitator' ? FACILITATOR : seat.responder, input);
  }

  liveFor(participantId: string): LiveMessage | null {
    if (!this.lobby.get(participantId)) return null;
    return { clock: { ...this.clockState, minute: this.run.now(), over: this.run.isOver() }, live: this.run.live(this.seatOf(participantId)) };
  }

  messageFor(participantId: string): SeatMessage | null {
    const p = this.lobby.get(participantId);
    if (!p) return null;
    const seat = this.seatOf(participantId);
    return {
      you: { id: p.id, name: p.name, seat: p.seat },
      code: this.code,
      scenario: { id: this.scenario.id, title: this.scenario.title },
      difficulty: this.run.difficulty,
      clock: { ...this.clockState, minute: this.run.now(), over: this.run.isOver() },
      lobby: this.lobby.view(),
      followUps: this.followUps,
      view: this.run.view(seat),
      live: this.run.live(seat),
    };
  }
}
