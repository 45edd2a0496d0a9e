/**
 * A run: scenario + seed + journal. Commands are the only input; everything else (view, score, report, save) is
 * derived, and replaying the commands reproduces the journal exactly.
 */
import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { GameClock } from './clock';
import { CommandSchema, ScriptEntrySchema, type Command, type CommandInput, type ScriptEntry } from './commands';
import type { GameEvent, JournalEntry, Phase } from './events';
import { compileScenario, phaseOf } from './machine';
import { checkCommand, phaseReason, type RunContext } from './rules';
import { scenarioHash } from './scenario/load';
import type { Scenario } from './scenario/schema';
import { buildView, type RunView, type ViewOptions } from './view';

export interface RunOptions {
  scenario: Scenario;
  seed: number | string;
}

export type SendResult = { ok: true; seq: number } | { ok: false; seq: number | null; reason: string };

export interface Run {
  readonly scenario: Scenario;
  readonly seed: string;
  /** Issues a command at the current game minute, on behalf of `by`. Never throws for bad commands. */
  send(by: string, command: CommandInput | unknown): SendResult;
  /** Moves game time forward, letting every deadline, inject and action due on the way happen in order. */
  advanceTo(minute: number): void;
  /** Moves to the next moment something is scheduled to happen (or by `max` minutes at most). */
  advanceToNextEvent(max?: number): number;
  now(): number;
  /** When the next scheduled thing happens (an action completing, an inject, a deadline), if anything is pending. */
  nextEventAt(): number | undefined;
  phase(): Phase;
  isOver(): boolean;
  view(options?: ViewOptions): RunView;
  journal(): readonly JournalEntry[];
  /** The commands as issued, in the script shape, for saves and replays. */
  commands(): readonly ScriptEntry[];
  context(): RunContext;
  /** Called after every change (command, event, time); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  save(): SaveFile;
}

export const SAVE_FORMAT_VERSION = 1;

export interface SaveFile {
  formatVersion: number;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  commands: ScriptEntry[];
  /** The game minute the run had reached, so a paused run resumes where it stood. */
  minute: number;
}

export function createRun({ scenario, seed }: RunOptions): Run {
  const clock = new GameClock(0);
  const machine: AnyStateMachine = compileScenario(scenario);
  const entries: JournalEntry[] = [];
  const issued: ScriptEntry[] = [];
  const listeners = new Set<() => void>();
  let seq = 0;
  let phase: Phase = 'paged';
  let failure: unknown = null;

  const record = (event: GameEvent) => entries.push({ seq: seq++, at: clock.now(), kind: 'event', event });
  const actor: Actor<AnyStateMachine> = createActor(machine, { input: { seed: String(seed) }, clock });
  actor.on('*', (event) => record(event as unknown as GameEvent));
  actor.subscribe({
    next: (snapshot) => {
      const next = phaseOf(snapshot.value);
      if (next !== phase) {
        phase = next;
        record({ type: 'phase.changed', phase: next });
      }
    },
    error: (error) => {
      failure = error;
    },
  });
  actor.start();

  const notify = () => {
    if (failure) throw new Error(`the incident engine failed: ${String((failure as Error).message ?? failure)}`);
    for (const listener of [...listeners]) listener();
  };
  const context = () => actor.getSnapshot().context as RunContext;

  const run: Run = {
    scenario,
    seed: String(seed),
    send(by, input) {
      const parsed = CommandSchema.safeParse(input);
      if (!parsed.success || typeof by !== 'string' || by === '') {
        const reason = !parsed.success ? `not a valid command: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ')}` : 'a command needs to say who issued it';
        return { ok: false, seq: null, reason };
      }
      const command: Command = parsed.data;
      const commandSeq = seq++;
      entries.push({ seq: commandSeq, at: clock.now(), kind: 'command', by, command });
      issued.push({ at: clock.now(), by, command });
      const event = { type: command.type, by, command, at: clock.now() };
      const snapshot = actor.getSnapshot();
      if (snapshot.status !== 'active' || !snapshot.can(event)) {
        const reason = snapshot.status !== 'active' ? 'the drill is over' : (checkCommand(scenario, context(), by, command, clock.now()) ?? phaseReason(phase, command, context()));
        record({ type: 'command.rejected', commandSeq, reason });
        notify();
        return { ok: false, seq: commandSeq, reason };
      }
      actor.send(event);
      notify();
      return { ok: true, seq: commandSeq };
    },
    advanceTo(minute) {
      if (!Number.isFinite(minute)) throw new RangeError(`cannot advance to ${minute}`);
      if (minute <= clock.now()) return;
      clock.advanceTo(minute);
      notify();
    },
    advanceToNextEvent(max = 60) {
      const next = clock.nextDue();
      const target = next === undefined ? clock.now() + max : Math.min(next, clock.now() + max);
      run.advanceTo(Math.max(target, clock.now()));
      return clock.now();
    },
    now: () => clock.now(),
    phase: () => phase,
    isOver: () => actor.getSnapshot().status !== 'active',
    view: (options) => buildView(scenario, context(), entries, phase, clock.now(), options),
    nextEventAt: () => clock.nextDue(),
    journal: () => entries,
    commands: () => issued,
    context,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    save: () => ({
      formatVersion: SAVE_FORMAT_VERSION,
      scenarioId: scenario.id,
      scenarioHash: scenarioHash(scenario),
      seed: String(seed),
      commands: issued.map((c) => ({ ...c })),
      minute: clock.now(),
    }),
  };
  return run;
}

/**
 * Replays commands from a fresh run: the same scenario, seed and commands give the same journal, entry for entry.
 * Commands must be in time order; the clock stops at `until` (default: the last command's minute).
 */
export function replay(scenario: Scenario, seed: number | string, commands: readonly ScriptEntry[], until?: number): Run {
  const run = createRun({ scenario, seed });
  commands.forEach((entry, index) => {
    const parsed = ScriptEntrySchema.safeParse(entry);
    if (!parsed.success) throw new ScriptError(index, parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; '));
    if (parsed.data.at < run.now()) throw new ScriptError(index, `it is at minute ${parsed.data.at}, before the previous command (minute ${run.now()}); commands must be in time order`);
    run.advanceTo(parsed.data.at);
    run.send(parsed.data.by, parsed.data.command);
  });
  if (until !== undefined) run.advanceTo(until);
  return run;
}

export class ScriptError extends Error {
  constructor(
    readonly index: number,
    detail: string,
  ) {
    super(`command ${index + 1}: ${detail}`);
    this.name = 'ScriptError';
  }
}
