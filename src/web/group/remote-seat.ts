/**
 * A seat in a group drill as the panels and the war room display read it: what the server last sent this person
 * (their seat's view and the clock), with the scenario from the bundled catalog for names and labels. Between the
 * server's updates (once a second while the clock runs) the clock is carried forward at the drill's speed, so
 * countdowns move smoothly; the next update corrects it.
 */
import { REAL_MS_PER_GAME_MINUTE, type LiveView, type Scenario, type SeatView } from '../../engine/index';
import type { Difficulty } from '../difficulty';
import type { SessionLike } from '../panels/panel';
import type { SeatMessage } from './connection';

/** The most real time the clock is carried forward without word from the server (a stalled connection stops it). */
const MAX_CARRY_MS = 1500;

export class RemoteSeat implements SessionLike {
  private message: SeatMessage;
  private receivedAt: number;

  constructor(
    readonly scenario: Scenario,
    message: SeatMessage,
  ) {
    this.message = message;
    this.receivedAt = performance.now();
  }

  update(message: SeatMessage): void {
    this.message = message;
    this.receivedAt = performance.now();
  }

  get latest(): SeatMessage {
    return this.message;
  }

  /** The responder this seat plays (for a seat that plays none, the paged on-call: panels name "you" by it). */
  get player(): string {
    const seat = this.message.you.seat;
    return seat.kind === 'player' ? seat.responder : this.scenario.roster.onCall.primary;
  }

  get difficulty(): Difficulty {
    return this.message.difficulty;
  }

  get running(): boolean {
    const clock = this.message.clock;
    return clock.started && !clock.paused && !clock.over;
  }

  view(): SeatView {
    return this.message.view;
  }

  now(): number {
    return this.message.clock.minute + this.carried();
  }

  /** Game minutes passed since the last update, as the server's clock would have moved them. */
  private carried(): number {
    if (!this.running) return 0;
    const elapsed = Math.min(Math.max(performance.now() - this.receivedAt, 0), MAX_CARRY_MS);
    return (elapsed * this.message.clock.speed) / REAL_MS_PER_GAME_MINUTE;
  }

  live(): LiveView {
    const live = this.message.live;
    const carried = this.carried();
    if (carried === 0) return live;
    return { ...live, now: live.now + carried, deadlines: live.deadlines.map((d) => ({ ...d, remaining: d.remaining - carried })) };
  }
}
