/**
 * A drill in the browser: the engine's run, driven by real time at the chosen speed, saved after every command.
 * It holds no game rules: it only moves the clock and passes commands to the engine.
 */
import { createRun, loadSave, playerSeat, type CommandInput, type LiveView, type Run, type Scenario, type Seat, type SeatView, type SendResult } from '../engine/index';
import type { CatalogEntry } from './catalog';
import { DIFFICULTY_SETTINGS, type Difficulty } from './difficulty';
import { writeActiveRun } from './storage';

/** At 1×, one game minute takes ten real seconds: a one-hour incident plays in about ten minutes. */
export const REAL_MS_PER_GAME_MINUTE = 10_000;
export const SPEEDS = [1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

export type SessionEvent = 'journal' | 'clock' | 'controls';

export class Session {
  private speedValue: Speed = 1;
  private pausedValue = false;
  private listeners = new Set<(event: SessionEvent) => void>();
  private lastJournalLength = 0;
  private saveFailed = false;
  private lastClockSave = 0;

  private constructor(
    readonly run: Run,
    readonly entry: CatalogEntry,
    readonly difficulty: Difficulty,
    readonly startedOn: string,
  ) {
    this.lastJournalLength = run.journal().length;
    run.subscribe(() => {
      const length = run.journal().length;
      if (length !== this.lastJournalLength) {
        this.lastJournalLength = length;
        this.save();
        this.emit('journal');
      }
    });
  }

  static start(entry: CatalogEntry, seed: string, difficulty: Difficulty, startedOn: string): Session {
    const session = new Session(createRun({ scenario: entry.scenario, seed }), entry, difficulty, startedOn);
    session.save();
    return session;
  }

  static resume(entry: CatalogEntry, saveText: string, difficulty: Difficulty, startedOn: string): Session | { problem: string } {
    const loaded = loadSave(saveText, 'saved run', (id) => (id === entry.scenario.id ? { scenario: entry.scenario, hash: entry.hash } : undefined));
    if (!loaded.ok) return { problem: loaded.problems.map((p) => p.message).join('; ') };
    return new Session(loaded.run, entry, difficulty, startedOn);
  }

  get scenario(): Scenario {
    return this.run.scenario;
  }

  get speed(): Speed {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  get storageFailed(): boolean {
    return this.saveFailed;
  }

  /** The current game minute. Panels read the clock here: the view describes what happened, not when it is now. */
  now(): number {
    return this.run.now();
  }

  /** The solo player's seat: the paged primary on-call, holding every team seat. */
  get seat(): Seat {
    return playerSeat(this.player);
  }

  /** What the player may know, from the journal (the run rebuilds it only when the journal grows). */
  view(): SeatView {
    return this.run.view(this.seat);
  }

  /** What moves with the clock: dashboards, countdowns, deploys so far. */
  live(): LiveView {
    return this.run.live(this.seat, { noiseScale: DIFFICULTY_SETTINGS[this.difficulty].noiseScale });
  }

  send(by: string, command: CommandInput): SendResult {
    return this.run.send(by, command);
  }

  /** The player acts as the paged primary on-call in solo play. */
  get player(): string {
    return this.scenario.roster.onCall.primary;
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.emit('controls');
  }

  setPaused(paused: boolean): void {
    this.pausedValue = paused;
    // Pausing is a natural checkpoint: the exact minute is saved.
    this.save();
    this.emit('controls');
  }

  /** Moves game time by a slice of real time, at the current speed. */
  tick(realMs: number): void {
    if (this.pausedValue || this.run.isOver() || realMs <= 0) return;
    // A long gap (a background tab) should not fast-forward the incident: cap one step at a second of real time.
    const minutes = (Math.min(realMs, 1000) * this.speedValue) / REAL_MS_PER_GAME_MINUTE;
    this.run.advanceTo(this.run.now() + minutes);
    // Commands are saved as they happen; the clock is saved every game minute so a reload loses almost nothing.
    if (Math.floor(this.run.now()) !== this.lastClockSave) {
      this.lastClockSave = Math.floor(this.run.now());
      this.save();
    }
    this.emit('clock');
  }

  /**
   * Jumps to the next thing scheduled to happen (or ten minutes on, when nothing is). A deadline falling due is
   * such a thing: the jump stops at its minute, while there is still time to meet it.
   */
  skipToNextEvent(): number {
    if (this.run.isOver()) return this.run.now();
    const now = this.run.now();
    const next = this.run.nextEventAt();
    const due = this.view().deadlines.map((d) => d.dueAt).filter((at) => at > now + 1e-9);
    const candidates = [...(next === undefined ? [] : [next]), ...due];
    const target = candidates.length === 0 ? now + 10 : Math.max(now, Math.min(...candidates));
    this.run.advanceTo(target);
    this.emit('clock');
    return target;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Saves the run (its commands, seed and minute) so a reload resumes exactly here. */
  save(): void {
    const ok = writeActiveRun({ save: this.run.save(), difficulty: this.difficulty, startedOn: this.startedOn });
    if (!ok && !this.saveFailed) {
      this.saveFailed = true;
      this.emit('controls');
    }
  }
}
