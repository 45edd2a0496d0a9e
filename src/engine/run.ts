/**
 * A run: scenario + seed + rubric + journal. Commands are the only input; everything else (views, score, report,
 * save) is derived, and replaying the commands reproduces the journal exactly. Its whole state is a plain value
 * (`state()`): the lifecycle's state value, the context (pending timers and the generator's state included), the
 * journal and the minute, so a run is copied (`fork()`) or restored (`restoreRun`) without replaying it.
 */
import type { StateValue } from 'xstate';
import { CommandSchema, ScriptEntrySchema, type Command, type CommandInput, type CommandType, type ScriptEntry } from './commands/registry';
import { REGISTRY } from './commands/registry';
import type { GameEvent, JournalEntry, Phase } from './events';
import { commandAllowed, issuerRefusal } from './lifecycle/authority';
import { acceptedEvents, compileScenario, phaseOf, type IncidentMachine, type MachineInput } from './lifecycle/machine';
import { initialStep, restoreSnapshot, step, type LifecycleSnapshot, type Stepped } from './lifecycle/step-machine';
import { defaultRubric } from './policy/default-rubric';
import type { Rubric } from './policy/rubric';
import { DIFFICULTY_NOISE, type Difficulty } from './difficulty';
import type { ImpactHistory, RunContext, Seating } from './rules';
import { scenarioHash } from './scenario/load';
import type { Scenario } from './scenario/schema';
import { buildLiveView, buildSeatView, buildSharedView, dashboardSeries, type DashboardSeries, type LiveView, type LiveViewOptions, type Seat, type SeatView, type SharedView } from './view';

export interface RunOptions {
  scenario: Scenario;
  seed: number | string;
  /** The team's policy and grading (default: the module's rubric). */
  rubric?: Rubric;
  /** Solo (one player holds every seat, the default) or a team drill where each command's issuer is checked. */
  seating?: Seating;
  /** How the drill is presented (default: standard); recorded with the run. */
  difficulty?: Difficulty;
  /**
   * The scenario's hash (`scenarioHash`), when the caller has it already: a catalog checked at build time, a save's
   * scenario found by its hash. Otherwise it is computed at the first save.
   */
  scenarioHash?: string;
}

export type SendResult = { ok: true; seq: number } | { ok: false; seq: number | null; reason: string };

/** Everything a run is, as plain data: copy it, store it, send it, restore it. */
export interface RunState {
  lifecycle: StateValue;
  context: RunContext;
  journal: JournalEntry[];
  now: number;
}

export interface Run {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly rubric: Rubric;
  readonly seating: Seating;
  readonly difficulty: Difficulty;
  /** Issues a command at the current game minute, on behalf of `by`. Never throws for bad commands. */
  send(by: string, command: CommandInput | unknown): SendResult;
  /** Moves game time forward, letting every deadline, inject and action due on the way (or now) happen in order. */
  advanceTo(minute: number): void;
  /** Moves to the next moment something is scheduled to happen (or by `max` minutes at most). */
  advanceToNextEvent(max?: number): number;
  now(): number;
  /** When the next scheduled thing happens (an action completing, an inject, a deadline), if anything is pending. */
  nextEventAt(): number | undefined;
  phase(): Phase;
  isOver(): boolean;
  /** What a seat may know, from the journal (rebuilt only when the journal grows). */
  view(seat: Seat): SeatView;
  /** The command types this seat may issue now (also in its view; this skips building the view). */
  available(seat: Seat): CommandType[];
  /** What moves with the clock: dashboards, countdowns, deploys so far. */
  live(seat: Seat, options?: LiveViewOptions): LiveView;
  journal(): readonly JournalEntry[];
  /** The commands as issued, in the script shape, for saves and replays. */
  commands(): ScriptEntry[];
  /** The whole state as a plain value (the journal array is a copy; entries are never changed). */
  state(): RunState;
  /** An independent copy of this run, without replaying it. */
  fork(): Run;
  /** Called after every change (command, event, time); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  save(): SaveFile;
}

export const SAVE_FORMAT_VERSION = 2;

export interface SaveFile {
  formatVersion: number;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  seating: Seating;
  difficulty: Difficulty;
  /** The rubric the run is played under: its policy set the deadlines the player saw. */
  rubric: Rubric;
  commands: ScriptEntry[];
  /** The game minute the run had reached, so a paused run resumes where it stood. */
  minute: number;
}

class IncidentRun implements Run {
  private readonly machine: IncidentMachine;
  private readonly input: MachineInput;
  private readonly listeners = new Set<() => void>();
  private seriesCache: { impact: ImpactHistory; minute: number; noiseScale: number; series: DashboardSeries } | null = null;
  private viewCache: { length: number; shared: SharedView | null; views: Map<string, SeatView> } = { length: -1, shared: null, views: new Map() };
  /**
   * The scenario's hash, for every save. Hashing the whole scenario was the slowest part of a save (tens of ms on a
   * cold page, before the war room could load); the scenario never changes during a run, so once is enough.
   */
  private hash: string | undefined;

  constructor(
    readonly scenario: Scenario,
    private snapshot: LifecycleSnapshot,
    private entries: JournalEntry[],
    private minute: number,
  ) {
    this.machine = compileScenario(scenario);
    const { seed, rubric, seating, difficulty } = snapshot.context.world;
    this.input = { seed, rubric, seating, difficulty };
  }

  static start(scenario: Scenario, input: MachineInput, hash: string | undefined): IncidentRun {
    const machine = compileScenario(scenario);
    const first = initialStep(machine, input);
    const run = new IncidentRun(scenario, first.snapshot, [], 0);
    run.hash = hash;
    run.record(first, 'paged');
    return run;
  }

  get seed(): string {
    return this.snapshot.context.world.seed;
  }

  get rubric(): Rubric {
    return this.snapshot.context.world.rubric;
  }

  get seating(): Seating {
    return this.snapshot.context.world.seating;
  }

  get difficulty(): Difficulty {
    return this.snapshot.context.world.difficulty;
  }

  private get context(): RunContext {
    return this.snapshot.context.world;
  }

  /** Journals a step's events at the current minute, and the phase change it made. */
  private record(stepped: Stepped, before: Phase): void {
    this.snapshot = stepped.snapshot;
    for (const event of stepped.events) this.push(event);
    const after = phaseOf(this.snapshot.value);
    if (after !== before) this.push({ type: 'phase.changed', phase: after });
  }

  private push(event: GameEvent): void {
    this.entries.push({ seq: this.entries.length, at: this.minute, kind: 'event', event });
  }

  /** Fires every timer due at or before `target`, in order, moving the clock to each. */
  private fireUntil(target: number): void {
    for (;;) {
      if (this.snapshot.status !== 'active') return;
      const timer = this.context.timers[0];
      if (!timer || timer.due > target) return;
      this.minute = Math.max(this.minute, timer.due);
      const stepped = step(this.machine, this.snapshot, { ...timer.event, timer: timer.id, at: timer.due }, this.input);
      if (stepped.snapshot.context.world.timers[0] === timer) throw new Error(`the incident engine failed: timer "${timer.id}" did not fire`);
      this.record(stepped, this.phase());
    }
  }

  send(by: string, input: CommandInput | unknown): SendResult {
    const parsed = CommandSchema.safeParse(input);
    if (!parsed.success || typeof by !== 'string' || by === '') {
      const reason = !parsed.success ? `not a valid command: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ')}` : 'a command needs to say who issued it';
      return { ok: false, seq: null, reason };
    }
    return this.sendValid(by, parsed.data);
  }

  /** Issues a command already checked against the schema (a replay's entries are, once). */
  sendValid(by: string, command: Command): SendResult {
    // Whatever falls due at this minute happens before the command does.
    this.fireUntil(this.minute);
    const seq = this.entries.length;
    this.entries.push({ seq, at: this.minute, kind: 'command', by, command });
    const refuse = (reason: string): SendResult => {
      this.push({ type: 'command.rejected', commandSeq: seq, reason });
      this.notify();
      return { ok: false, seq, reason };
    };
    if (this.snapshot.status !== 'active') return refuse('the drill is over');
    const before = this.phase();
    const stepped = step(this.machine, this.snapshot, { type: command.type, by, command, at: this.minute }, this.input);
    if (!stepped.taken) return refuse(commandAllowed(this.scenario, this.context, by, command, this.minute) ?? phaseReason(before, command.type, this.context));
    this.record(stepped, before);
    this.notify();
    return { ok: true, seq };
  }

  advanceTo(minute: number): void {
    if (!Number.isFinite(minute)) throw new RangeError(`cannot advance to ${minute}`);
    const target = Math.max(minute, this.minute);
    const length = this.entries.length;
    this.fireUntil(target);
    const moved = target !== this.minute;
    this.minute = target;
    if (moved || this.entries.length !== length) this.notify();
  }

  advanceToNextEvent(max = 60): number {
    const next = this.nextEventAt();
    const target = next === undefined ? this.minute + max : Math.min(next, this.minute + max);
    this.advanceTo(Math.max(target, this.minute));
    return this.minute;
  }

  now(): number {
    return this.minute;
  }

  nextEventAt(): number | undefined {
    return this.snapshot.status === 'active' ? this.context.timers[0]?.due : undefined;
  }

  phase(): Phase {
    return phaseOf(this.snapshot.value);
  }

  isOver(): boolean {
    return this.snapshot.status !== 'active';
  }

  view(seat: Seat): SeatView {
    // Every seat's view shares one journal-derived part, built once per journal change.
    if (this.viewCache.length !== this.entries.length) this.viewCache = { length: this.entries.length, shared: null, views: new Map() };
    const key = seatKey(seat);
    let view = this.viewCache.views.get(key);
    if (!view) {
      this.viewCache.shared ??= buildSharedView(this.scenario, this.context, this.entries, this.phase());
      view = buildSeatView(this.viewCache.shared, this.scenario, this.context, this.entries, seat, this.available(seat));
      this.viewCache.views.set(key, view);
    }
    return view;
  }

  live(_seat: Seat, options: LiveViewOptions = {}): LiveView {
    // Every seat sees the same dashboards; their graphs change once a game minute, or when the impact does.
    const noiseScale = options.noiseScale ?? DIFFICULTY_NOISE[this.difficulty];
    const minute = Math.floor(this.minute);
    const cached = this.seriesCache;
    if (!cached || cached.impact !== this.context.impact || cached.minute !== minute || cached.noiseScale !== noiseScale) {
      this.seriesCache = { impact: this.context.impact, minute, noiseScale, series: dashboardSeries(this.scenario, this.context, this.minute, noiseScale) };
    }
    return buildLiveView(this.scenario, this.context, this.minute, this.seriesCache!.series, options);
  }

  /** The command types the lifecycle accepts now that this seat may issue (the engine still checks each one). */
  available(seat: Seat): CommandType[] {
    if (seat.kind === 'observer' || this.snapshot.status !== 'active') return [];
    const by = seat.kind === 'facilitator' ? 'facilitator' : seat.responder;
    const accepted = acceptedEvents(this.machine, this.snapshot);
    return Object.values(REGISTRY)
      .filter((definition) => accepted.has(definition.type))
      .filter((definition) => {
        // Whether the seat may issue it at all; payload checks (who performs, which action) come when it is sent.
        const probe = definition.who.includes('performer') && by !== 'facilitator' ? by : undefined;
        return issuerAllowed(this.scenario, this.context, by, definition.type, probe);
      })
      .map((definition) => definition.type);
  }

  journal(): readonly JournalEntry[] {
    return this.entries;
  }

  commands(): ScriptEntry[] {
    return this.entries.flatMap((e) => (e.kind === 'command' ? [{ at: e.at, by: e.by, command: e.command }] : []));
  }

  state(): RunState {
    return { lifecycle: this.snapshot.value, context: this.context, journal: this.entries.slice(), now: this.minute };
  }

  fork(): Run {
    const copy = new IncidentRun(this.scenario, this.snapshot, this.entries.slice(), this.minute);
    copy.hash = this.hash;
    return copy;
  }

  /** The context as it stands, uncopied: for the engine's own readers (the explorer), never handed to a UI. */
  peekContext(): Readonly<RunContext> {
    return this.context;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  save(): SaveFile {
    return {
      formatVersion: SAVE_FORMAT_VERSION,
      scenarioId: this.scenario.id,
      scenarioHash: (this.hash ??= scenarioHash(this.scenario)),
      seed: this.seed,
      seating: this.seating,
      difficulty: this.difficulty,
      rubric: this.rubric,
      commands: this.commands(),
      minute: this.minute,
    };
  }
}

const seatKey = (seat: Seat) => (seat.kind === 'player' ? `player:${seat.responder}` : seat.kind);

function issuerAllowed(scenario: Scenario, ctx: RunContext, by: string, type: CommandInput['type'], performer: string | undefined): boolean {
  return issuerRefusal(scenario, ctx, by, type, performer) === null;
}

/** The current context of a run, uncopied, for engine-internal readers such as the state explorer. */
export function peekContext(run: Run): Readonly<RunContext> {
  if (!(run instanceof IncidentRun)) throw new TypeError('not a run made by this engine');
  return run.peekContext();
}

export function createRun(options: RunOptions): Run {
  return startRun(options);
}

function startRun({ scenario, seed, rubric, seating, difficulty, scenarioHash: hash }: RunOptions): IncidentRun {
  return IncidentRun.start(scenario, { seed: String(seed), rubric: rubric ?? defaultRubric(), seating: seating ?? 'solo', difficulty: difficulty ?? 'standard' }, hash);
}

/** A run rebuilt from its plain state (see `Run.state()`), with no replay. */
export function restoreRun(scenario: Scenario, state: RunState): Run {
  const machine = compileScenario(scenario);
  return new IncidentRun(scenario, restoreSnapshot(machine, state.lifecycle, state.context), state.journal.slice(), state.now);
}

/** Why the lifecycle has no transition for a command now (its issuer and payload passed their checks). */
export function phaseReason(phase: Phase, type: CommandInput['type'], ctx: RunContext): string {
  if (phase === 'debriefed') return 'the drill is over';
  if (phase === 'paged') return type === 'acknowledge' ? 'the page cannot be acknowledged now' : 'acknowledge the page first';
  if (ctx.timeLimitReached && ctx.resolvedAt === null) {
    return type === 'postmortem' || type === 'finish' ? 'save the postmortem first' : 'the time limit has passed: the incident went to the next shift; write the postmortem';
  }
  const special = REGISTRY[type].notNow?.(phase);
  if (special) return special;
  if (phase === 'resolved' || phase === 'postmortem') return `the incident is resolved: "${type}" is no longer possible`;
  return `"${type}" is not possible while ${phase}`;
}

/**
 * Replays commands from a fresh run: the same scenario, seed, rubric and commands give the same journal, entry for
 * entry. Commands must be in time order; the clock stops at `until` (default: the last command's minute).
 */
export function replay(scenario: Scenario, seed: number | string, commands: readonly ScriptEntry[], until?: number, options: Omit<RunOptions, 'scenario' | 'seed'> = {}): Run {
  const run = startRun({ scenario, seed, ...options });
  commands.forEach((entry, index) => {
    const parsed = ScriptEntrySchema.safeParse(entry);
    if (!parsed.success) throw new ScriptError(index, parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; '));
    if (parsed.data.at < run.now()) throw new ScriptError(index, `it is at minute ${parsed.data.at}, before the previous command (minute ${run.now()}); commands must be in time order`);
    run.advanceTo(parsed.data.at);
    run.sendValid(parsed.data.by, parsed.data.command);
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
