/**
 * A drill in the browser: the engine's run, driven by real time at the chosen speed, saved after every command.
 * It holds no game rules: it only moves the clock and passes commands to the engine.
 *
 * A session writes (plays), watches (follows the saves another tab writes, sending nothing) or has stopped (another
 * tab took over, and the player has not chosen yet). Only a writing session saves, keeps drafts or sends commands.
 */
import { createRun, loadSave, playerSeat, type CommandInput, type LiveView, type LoadedSave, type Run, type SaveFile, type Scenario, type Seat, type SeatView, type SendResult } from '../engine/index';
import type { CatalogEntry } from './catalog';
import { DIFFICULTY_SETTINGS, type Difficulty } from './difficulty';
import { DraftStore } from './drafts';
import { randomId, writeActiveRun, type StoredRun } from './storage';

import { REAL_MS_PER_GAME_MINUTE, SPEEDS, type Speed } from '../engine/pace';

export { REAL_MS_PER_GAME_MINUTE, SPEEDS, type Speed };

export type SessionEvent = 'journal' | 'clock' | 'controls' | 'storage' | 'mode';
export type SessionMode = 'writing' | 'watching' | 'stopped';

/** Whether the last save reached storage; when not, how much of the run storage holds. */
export type SaveState = { kind: 'saved' } | { kind: 'failed'; problem: 'full' | 'unavailable'; savedCommands: number; commands: number };

/** Loads a save of this catalog entry's scenario with the engine's loader. */
export function loadStoredSave(entry: CatalogEntry, save: SaveFile, difficulty: Difficulty): LoadedSave {
  // A save from before runs recorded their difficulty takes the one stored beside it.
  return loadSave(JSON.stringify(save), 'saved run', (id) => (id === entry.scenario.id ? { scenario: entry.scenario, hash: entry.hash } : undefined), difficulty);
}

export class Session {
  private speedValue: Speed = 1;
  private pausedValue = false;
  private listeners = new Set<(event: SessionEvent) => void>();
  private lastJournalLength = 0;
  private lastClockSave = 0;
  private runValue: Run;
  private unsubscribeRun: () => void = () => undefined;
  private modeValue: SessionMode;
  /** The sequence of the save this session last wrote or restored; null until a new run is first written. */
  private sequence: number | null;
  /** How many commands the newest save this session wrote or restored holds. */
  private savedCommandsValue: number;
  private saveStateValue: SaveState = { kind: 'saved' };
  /** What the player is writing in the panels, kept for this run. */
  readonly drafts: DraftStore;

  private constructor(
    run: Run,
    readonly entry: CatalogEntry,
    readonly difficulty: Difficulty,
    readonly startedOn: string,
    readonly runId: string,
    origin: { sequence: number | null; savedCommands: number; mode: SessionMode },
  ) {
    this.runValue = run;
    this.sequence = origin.sequence;
    this.savedCommandsValue = origin.savedCommands;
    this.modeValue = origin.mode;
    this.drafts = new DraftStore(runId, () => this.modeValue === 'writing', () => this.emit('storage'));
    this.attach(run);
  }

  /**
   * A new drill, not yet in storage: the page writes it with `save()` once the war room is there to play it, so a
   * war room that fails to load leaves the drill in storage as it was.
   */
  static create(entry: CatalogEntry, seed: string, difficulty: Difficulty, startedOn: string): Session {
    // The catalog's hash was computed when the game was built, by the same function the run would use.
    return new Session(createRun({ scenario: entry.scenario, seed, difficulty, scenarioHash: entry.hash }), entry, difficulty, startedOn, randomId(), { sequence: null, savedCommands: 0, mode: 'writing' });
  }

  /** A drill restored from storage (see restore.ts), as the writer or not. */
  static restored(run: Run, entry: CatalogEntry, stored: StoredRun, mode: SessionMode): Session {
    return new Session(run, entry, stored.difficulty, stored.startedOn, stored.runId, { sequence: stored.sequence, savedCommands: run.commands().length, mode });
  }

  get run(): Run {
    return this.runValue;
  }

  get scenario(): Scenario {
    return this.runValue.scenario;
  }

  get speed(): Speed {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  get mode(): SessionMode {
    return this.modeValue;
  }

  get saveState(): SaveState {
    return this.saveStateValue;
  }

  /** Commands this session holds that no save in storage does (sent here while the storage refused, or too late). */
  get unsavedCommands(): number {
    return Math.max(0, this.runValue.commands().length - this.savedCommandsValue);
  }

  /** The current game minute. Panels read the clock here: the view describes what happened, not when it is now. */
  now(): number {
    return this.runValue.now();
  }

  /** The solo player's seat: the paged primary on-call, holding every team seat. */
  get seat(): Seat {
    return playerSeat(this.player);
  }

  /** What the player may know, from the journal (the run rebuilds it only when the journal grows). */
  view(): SeatView {
    return this.runValue.view(this.seat);
  }

  /** What moves with the clock: dashboards, countdowns, deploys so far. */
  live(): LiveView {
    return this.runValue.live(this.seat, { noiseScale: DIFFICULTY_SETTINGS[this.difficulty].noiseScale });
  }

  send(by: string, command: CommandInput): SendResult {
    // A tab that is not the writer sends nothing: its command would be lost, or overwrite the writer's save.
    if (this.modeValue !== 'writing') return { ok: false, seq: null, reason: 'this tab is not playing the drill (another tab is): take over to act here' };
    return this.runValue.send(by, command);
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
    if (this.modeValue !== 'writing' || this.pausedValue || this.runValue.isOver() || realMs <= 0) return;
    // A long gap (a background tab) should not fast-forward the incident: cap one step at a second of real time.
    const minutes = (Math.min(realMs, 1000) * this.speedValue) / REAL_MS_PER_GAME_MINUTE;
    this.runValue.advanceTo(this.runValue.now() + minutes);
    // Commands are saved as they happen; the clock is saved every game minute so a reload loses almost nothing.
    if (Math.floor(this.runValue.now()) !== this.lastClockSave) {
      this.lastClockSave = Math.floor(this.runValue.now());
      this.save();
    }
    this.emit('clock');
  }

  /**
   * Jumps to the next thing scheduled to happen (or ten minutes on, when nothing is). A deadline falling due is
   * such a thing: the jump stops at its minute, while there is still time to meet it.
   */
  skipToNextEvent(): number {
    if (this.modeValue !== 'writing' || this.runValue.isOver()) return this.runValue.now();
    const now = this.runValue.now();
    const next = this.runValue.nextEventAt();
    const due = this.view().deadlines.map((d) => d.dueAt).filter((at) => at > now + 1e-9);
    const candidates = [...(next === undefined ? [] : [next]), ...due];
    const target = candidates.length === 0 ? now + 10 : Math.max(now, Math.min(...candidates));
    this.runValue.advanceTo(target);
    this.emit('clock');
    return target;
  }

  /** Another tab took over: this one stops writing and sending, and waits for the player to choose. */
  stop(): void {
    if (this.modeValue === 'stopped') return;
    this.modeValue = 'stopped';
    this.pausedValue = true;
    this.emit('mode');
    this.emit('controls');
  }

  /** This tab follows the saves another tab writes, and sends nothing. */
  watch(): void {
    this.modeValue = 'watching';
    this.pausedValue = true;
    this.emit('mode');
    this.emit('controls');
  }

  /**
   * Shows a newer save of this run, written by the tab that plays it. Returns false (and keeps what it shows) when
   * the save cannot be loaded.
   */
  follow(stored: StoredRun): boolean {
    if (this.modeValue === 'writing' || stored.runId !== this.runId) return false;
    let loaded: LoadedSave;
    try {
      loaded = loadStoredSave(this.entry, stored.save, this.difficulty);
    } catch {
      return false;
    }
    if (!loaded.ok) return false;
    this.sequence = stored.sequence;
    this.savedCommandsValue = loaded.run.commands().length;
    this.attach(loaded.run);
    this.emit('journal');
    this.emit('clock');
    return true;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private attach(run: Run): void {
    this.unsubscribeRun();
    this.runValue = run;
    this.lastJournalLength = run.journal().length;
    this.lastClockSave = Math.floor(run.now());
    this.unsubscribeRun = run.subscribe(() => {
      const length = run.journal().length;
      if (length !== this.lastJournalLength) {
        this.lastJournalLength = length;
        this.save();
        this.emit('journal');
      }
    });
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /**
   * Saves the run (its commands, seed and minute) so a reload resumes exactly here. Only the writer saves. A save
   * the storage refuses is reported at once, and the clock stops, so no more is played that a reload would lose.
   */
  save(): void {
    if (this.modeValue !== 'writing') return;
    const run = this.runValue;
    const save = run.save();
    const commandCount = save.commands.length;
    const result = writeActiveRun({ save, difficulty: this.difficulty, startedOn: this.startedOn, runId: this.runId, commandCount, journalLength: run.journal().length }, this.sequence);
    if (result.ok) {
      this.sequence = result.sequence;
      this.savedCommandsValue = commandCount;
      if (this.saveStateValue.kind !== 'saved') {
        this.saveStateValue = { kind: 'saved' };
        this.emit('storage');
      }
      return;
    }
    if (result.problem === 'superseded') {
      // Another tab wrote a newer save: this copy is older and must not overwrite it.
      this.stop();
      return;
    }
    const firstFailure = this.saveStateValue.kind === 'saved';
    this.saveStateValue = { kind: 'failed', problem: result.problem, savedCommands: this.savedCommandsValue, commands: commandCount };
    if (firstFailure && !this.pausedValue) {
      this.pausedValue = true;
      this.emit('controls');
    }
    this.emit('storage');
  }
}
