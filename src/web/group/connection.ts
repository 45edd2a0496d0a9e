/**
 * The browser's end of a group drill: one Colyseus room, joined by code. It sends what the person does and hands on
 * what the server says (their seat's state, refusals, the debrief). It holds no game rules: the room and its engine
 * decide everything.
 *
 * A dropped connection is taken up again on its own: first as the same session (the server holds it for two
 * minutes), then by rejoining with the person's token, which gives them their seat back.
 */
import { Client, type Room } from 'colyseus.js';
import type { CommandInput, SaveFile } from '../../engine/index';
import type { grade } from '../../grading/index';
import type { SeatMessage } from '../../server/drill';
import type { SeatChoice } from '../../server/lobby';
import type { DrillRecording } from '../../server/protocol';

export type { SeatMessage, SeatChoice, DrillRecording };

export interface Welcome {
  participantId: string;
  code: string;
  /** Issued once, on a person's first join: it brings them back to their seat. */
  token?: string;
}

export interface TeamDebrief {
  score: ReturnType<typeof grade>;
  markdown: string;
  html: string;
  /** The run file: every command with who issued it, which `firedrill report` grades the same way. */
  run: SaveFile;
  /** Whether the drill is in the readiness records (a later `recording` message says once it is known). */
  recording?: DrillRecording;
}

export type ConnectionStatus = { kind: 'connected' } | { kind: 'reconnecting' } | { kind: 'lost'; reason: string };

export interface DrillListener {
  welcome(welcome: Welcome): void;
  state(message: SeatMessage): void;
  /** Refusals of anything but a command (a command's refusal is the answer to `command`). */
  refused(type: string, reason: string): void;
  debrief(debrief: TeamDebrief): void;
  /** Whether the finished drill was recorded, once the server knows. */
  recording(recording: DrillRecording): void;
  status(status: ConnectionStatus): void;
}

export type ClockControl = { action: 'start' | 'pause' | 'resume' | 'skip' } | { action: 'speed'; speed: 1 | 2 | 5 | 10 };

/**
 * A facilitator's commands from the engine's newer command set (firing, holding and writing injects, private
 * notes). They are sent like any command; the UI offers them only when the seat's view lists them as available.
 */
export type FacilitatorCommand =
  | { type: 'fire-inject'; inject: string }
  | { type: 'hold-inject'; inject: string }
  | { type: 'custom-inject'; kind: 'executive' | 'support' | 'alert' | 'customer' | 'other'; from: string; message: string; respondBy?: number }
  | { type: 'observe'; about: string; text: string };

export type CommandResult = { ok: true } | { ok: false; reason: string };

/** Why joining failed, in words a person can act on. */
export class JoinProblem extends Error {
  constructor(
    message: string,
    /** The drill does not exist (a wrong code, or it was removed): retrying will not help. */
    readonly noSuchDrill: boolean,
  ) {
    super(message);
  }
}

/** How long the server holds a dropped session for a reconnect (it holds it 120 s; a little less, to be sure). */
const RECONNECT_WINDOW_MS = 110_000;
/** A command the server has not answered by then is reported as unanswered, so nothing waits forever. */
const COMMAND_TIMEOUT_MS = 15_000;
/** Colyseus's codes for a room or a reconnection that does not exist (any more). */
const GONE_CODES = new Set([4212, 4214]);
const CONSENTED = 4000;

interface Inflight {
  resolve(result: CommandResult): void;
  timer: ReturnType<typeof setTimeout>;
}

function endpoint(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
}

function errorCode(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A join error as a sentence: the server's own reasons pass through, transport failures are explained. */
function joinProblem(error: unknown): JoinProblem {
  const code = errorCode(error);
  const text = errorText(error);
  if (code !== null && GONE_CODES.has(code)) return new JoinProblem('There is no drill with that code. Check the link or the code, or ask the facilitator for a new one.', true);
  if (/no drill with that code/i.test(text)) return new JoinProblem('There is no drill with that code. Check the link or the code, or ask the facilitator for a new one.', true);
  // No matchmaker at this address at all: the page is served without the drill server (a static host).
  if (code === 404 || /^not found\.?$/i.test(text.trim())) {
    return new JoinProblem('This page is served without the Firedrill drill server, so it cannot join group drills: open the address that npm start prints.', false);
  }
  if (/failed to fetch|networkerror|load failed|websocket|econnrefused/i.test(text) || text === '' || text === 'undefined') {
    return new JoinProblem('The drill server could not be reached. Check that it is running (npm start) and try again.', false);
  }
  // The server's reasons are sentences without their capital and full stop ("enter a display name").
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return new JoinProblem(sentence.endsWith('.') ? sentence : `${sentence}.`, false);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DrillConnection {
  private readonly client = new Client(endpoint());
  private room: Room | null = null;
  private closed = false;
  private reconnecting = false;
  /** Commands sent and not yet answered, by the id the server echoes in its `result`. */
  private inflight = new Map<string, Inflight>();
  private nextCommandId = 0;
  /** The last full state: `live` messages (the clock alone) update its clock and dashboards. */
  private lastState: SeatMessage | null = null;

  private constructor(
    readonly code: string,
    private token: string | undefined,
    private name: string | undefined,
    private readonly listener: DrillListener,
  ) {}

  /** Joins the drill with a display name (a first visit) or a token (coming back); throws a JoinProblem. */
  static async join(code: string, who: { name?: string; token?: string }, listener: DrillListener): Promise<DrillConnection> {
    const connection = new DrillConnection(code, who.token, who.name, listener);
    try {
      connection.attach(await connection.client.joinById(code, connection.joinOptions()));
    } catch (error) {
      throw joinProblem(error);
    }
    return connection;
  }

  private joinOptions(): { name?: string; token?: string } {
    return { ...(this.name !== undefined ? { name: this.name } : {}), ...(this.token !== undefined ? { token: this.token } : {}) };
  }

  private attach(room: Room): void {
    this.room = room;
    room.onMessage('*', (type, message) => this.receive(String(type), message));
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.room = null;
      if (this.closed || code === CONSENTED) return;
      void this.takeUpAgain(room.reconnectionToken);
    });
    // The server sends nothing until it hears this: from here on no message can be lost.
    room.send('ready', {});
  }

  private receive(type: string, message: unknown): void {
    switch (type) {
      case 'welcome': {
        const welcome = message as Welcome;
        if (welcome.token) this.token = welcome.token;
        this.listener.welcome(welcome);
        return;
      }
      case 'state':
        this.lastState = message as SeatMessage;
        this.listener.state(this.lastState);
        return;
      case 'live': {
        // Between changes the server sends only what moves with the clock; the rest of the view stands.
        if (!this.lastState) return;
        const live = message as Pick<SeatMessage, 'clock' | 'live'>;
        this.lastState = { ...this.lastState, clock: live.clock, live: live.live };
        this.listener.state(this.lastState);
        return;
      }
      case 'result': {
        const result = message as { id: string; ok: boolean; reason?: string };
        const entry = this.inflight.get(result.id);
        if (!entry) return;
        this.inflight.delete(result.id);
        this.settle(entry, result.ok ? { ok: true } : { ok: false, reason: result.reason ?? 'refused' });
        return;
      }
      case 'debrief':
        this.listener.debrief(message as TeamDebrief);
        return;
      case 'recording':
        this.listener.recording(message as DrillRecording);
        return;
      case 'refused': {
        const { type: refusedType, reason } = message as { type: string; reason: string };
        this.listener.refused(refusedType, reason);
        return;
      }
      default:
        return;
    }
  }

  private settle(entry: Inflight, result: CommandResult): void {
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  /** Sends a command as this person's seat; resolves with whether the engine took it (the server echoes its id). */
  command(command: CommandInput | FacilitatorCommand): Promise<CommandResult> {
    const room = this.room;
    if (!room || this.reconnecting) return Promise.resolve({ ok: false, reason: 'the connection to the drill is down; wait until it is back and try again' });
    const id = `c${++this.nextCommandId}`;
    return new Promise((resolve) => {
      const entry: Inflight = {
        resolve,
        timer: setTimeout(() => {
          this.inflight.delete(id);
          resolve({ ok: false, reason: 'the drill server did not answer in time: check the timeline to see whether it went through' });
        }, COMMAND_TIMEOUT_MS),
      };
      this.inflight.set(id, entry);
      room.send('command', { command, id });
    });
  }

  control(control: ClockControl): void {
    this.room?.send('control', control);
  }

  claim(seat: Exclude<SeatChoice, { kind: 'facilitator' }>): void {
    this.room?.send('claim', { seat });
  }

  move(participant: string, seat: Exclude<SeatChoice, { kind: 'facilitator' }>): void {
    this.room?.send('move', { participant, seat });
  }

  /** Closes the socket as a network failure would, so browser tests can watch a reconnect (test builds only). */
  dropForTest(): void {
    if (__FIREDRILL_TEST__) this.room?.connection.close(4999, 'dropped by a test');
  }

  /** Leaves for good (the seat stays this person's: their token brings them back). */
  async close(): Promise<void> {
    this.closed = true;
    this.failInflight('the page was closed');
    await this.room?.leave(true).catch(() => undefined);
  }

  private failInflight(reason: string): void {
    const entries = [...this.inflight.values()];
    this.inflight.clear();
    for (const entry of entries) this.settle(entry, { ok: false, reason });
  }

  /** After a dropped connection: the same session while the server holds it, then a rejoin with the token. */
  private async takeUpAgain(reconnectionToken: string | undefined): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    this.failInflight('the connection dropped before the server answered: check the timeline to see whether it went through');
    this.listener.status({ kind: 'reconnecting' });
    const until = Date.now() + RECONNECT_WINDOW_MS;
    let wait = 500;
    try {
      while (!this.closed && reconnectionToken && Date.now() < until) {
        try {
          this.attach(await this.client.reconnect(reconnectionToken));
          return;
        } catch (error) {
          // The server no longer holds the session (it restarted, or the window passed): rejoin instead.
          if (GONE_CODES.has(errorCode(error) ?? 0)) break;
        }
        await sleep(wait);
        wait = Math.min(wait * 2, 5000);
      }
      while (!this.closed) {
        try {
          this.attach(await this.client.joinById(this.code, this.joinOptions()));
          return;
        } catch (error) {
          const problem = joinProblem(error);
          // Only a server that cannot be reached is worth waiting for; anything it refuses, it will refuse again.
          if (problem.noSuchDrill || !/could not be reached/.test(problem.message)) {
            this.listener.status({ kind: 'lost', reason: problem.message });
            return;
          }
          this.listener.status({ kind: 'lost', reason: `${problem.message} Trying again every few seconds…` });
        }
        await sleep(5000);
      }
    } finally {
      this.reconnecting = false;
      if (this.room) this.listener.status({ kind: 'connected' });
    }
  }
}
