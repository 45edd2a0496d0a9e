/**
 * Facts a grader reads off a journal: who did what when, as journal entries, so every finding can cite them.
 * Built once per grading; nothing here judges.
 */
import { seenOnlyByFacilitator, type Command } from '../engine/commands/registry';
import type { GameEvent, JournalEntry } from '../engine/events';
import type { Words } from '../engine/commands/define';
import { RAMP_MINUTES, recoveredSince, type ImpactHistory } from '../engine/rules';
import { SEVERITIES, type Role, type Scenario, type Severity, type Variant } from '../engine/scenario/schema';
import { parseStatusUpdate, type ParsedStatusUpdate } from '../engine/status-update';
import { describeEntry, wordsFor } from '../engine/timeline';
import { actionLabel, personName } from '../engine/names';
import { groupByKey, prefixLength } from './search';

/** An expectation's due time under the severity in force: which severity set it, and from when its clock ran. */
export interface Due {
  at: number;
  severity: Severity;
  since: number;
}

export interface Evidence {
  seq: number;
  at: number;
  text: string;
}

export type CommandEntry<T extends Command['type'] = Command['type']> = Extract<JournalEntry, { kind: 'command' }> & { command: Extract<Command, { type: T }> };
export type EventEntry<T extends GameEvent['type'] = GameEvent['type']> = Extract<JournalEntry, { kind: 'event' }> & { event: Extract<GameEvent, { type: T }> };

export class Facts {
  readonly variant: Variant;
  /**
   * The minute the journal ends: the drill's last entry. The facilitator's hidden commands (notes, held injects) are
   * not the team's play and do not count, so grading judges a run the same with or without them.
   */
  readonly end: number;
  readonly accepted: readonly CommandEntry[];
  /** The page that opened the incident, when it fired. */
  readonly page: EventEntry<'page.fired'> | undefined;
  /** The last meaningful entry: the end of the drill, cited when something never happened. */
  readonly last: JournalEntry | undefined;
  // Checks ask for entries of one type again and again; filing the journal once by type keeps each ask at the size
  // of its answer rather than of the journal.
  private readonly commandsByType = new Map<Command['type'], CommandEntry[]>();
  private readonly eventsByType = new Map<GameEvent['type'], EventEntry[]>();
  private readonly assignmentsByRole: Map<Role, Array<EventEntry<'role.assigned'>>>;
  private readonly history: ImpactHistory;
  private readonly words: Words;
  private parsedUpdates: ReadonlyArray<{ entry: CommandEntry<'status-update'>; parsed: ParsedStatusUpdate }> | undefined;

  /**
   * `journal` as the engine writes it: in seq order, with minutes that never go back. The lookups by minute below
   * rely on that order to binary-search.
   */
  constructor(
    readonly scenario: Scenario,
    readonly journal: readonly JournalEntry[],
  ) {
    const rejected = new Set<number>();
    const hidden = new Set<number>();
    for (const entry of journal) {
      if (entry.kind === 'event' && entry.event.type === 'command.rejected') rejected.add(entry.event.commandSeq);
      if (entry.kind === 'command' && seenOnlyByFacilitator(entry.command)) hidden.add(entry.seq);
    }
    const accepted: CommandEntry[] = [];
    for (const entry of journal) {
      if (entry.kind === 'event') {
        const sameType = this.eventsByType.get(entry.event.type);
        if (sameType) sameType.push(entry);
        else this.eventsByType.set(entry.event.type, [entry]);
      } else if (!rejected.has(entry.seq)) {
        accepted.push(entry);
        const sameType = this.commandsByType.get(entry.command.type);
        if (sameType) sameType.push(entry);
        else this.commandsByType.set(entry.command.type, [entry]);
      }
    }
    this.accepted = accepted;
    const started = this.events('run.started')[0];
    this.variant = scenario.variants.find((v) => v.id === started?.event.variant) ?? scenario.variants[0]!;
    const played = lastPlayed(journal, hidden);
    this.end = played < 0 ? 0 : journal[played]!.at;
    this.page = this.events('page.fired')[0];
    this.last = lastMeaningful(journal, hidden, played);
    this.assignmentsByRole = groupByKey(this.events('role.assigned'), (e) => e.event.role);
    this.history = impactHistoryOf(scenario, journal);
    this.words = wordsFor(scenario, journal);
  }

  /** The accepted commands of one type, in journal order. */
  commands<T extends Command['type']>(type: T): ReadonlyArray<CommandEntry<T>> {
    // The constructor files each command under its own type, so every entry under `type` is a CommandEntry<T>;
    // TypeScript cannot follow a generic Extract through the map, hence the cast.
    return (this.commandsByType.get(type) ?? []) as unknown as ReadonlyArray<CommandEntry<T>>;
  }

  /** The events of one type, in journal order. */
  events<T extends GameEvent['type']>(type: T): ReadonlyArray<EventEntry<T>> {
    // The constructor files each event under its own type, so every entry under `type` is an EventEntry<T>.
    return (this.eventsByType.get(type) ?? []) as unknown as ReadonlyArray<EventEntry<T>>;
  }

  evidence(...entries: Array<JournalEntry | undefined>): Evidence[] {
    return this.evidenceOf(entries);
  }

  /** Evidence from a list of any length (spreading a long list into `evidence(...)` would overflow the stack). */
  evidenceOf(entries: ReadonlyArray<JournalEntry | undefined>): Evidence[] {
    const evidence: Evidence[] = [];
    for (const e of entries) if (e !== undefined) evidence.push({ seq: e.seq, at: e.at, text: describeEntry(e, this.words).text });
    return evidence;
  }

  /** The true severity at a minute, following the impact changes journaled. */
  trueSeverityAt(minute: number): Severity {
    const changes = this.events('impact.changed');
    const count = prefixLength(changes, (change) => change.at <= minute);
    return count === 0 ? this.scenario.severity.true : changes[count - 1]!.event.severity;
  }

  /** The most severe true severity in force at any point up to `minute` (the start's, or an escalation's). */
  worstSeverityBy(minute: number): Severity {
    let worst = this.scenario.severity.true;
    for (const change of this.events('impact.changed')) {
      if (change.at > minute) break;
      if (SEVERITIES.indexOf(change.event.severity) < SEVERITIES.indexOf(worst)) worst = change.event.severity;
    }
    return worst;
  }

  /**
   * When an expectation that starts at `from` falls due under the severity in force. `limits` gives, per severity,
   * the minutes allowed (a rubric table). The severity in force at `from` sets the first due time; an escalation
   * before that time starts a shorter clock of its own from the moment it took force, and whichever falls first is
   * the one that counts. Null when no severity in force sets a limit.
   */
  dueUnder(from: number, limits: Readonly<Record<Severity, number | null>>): Due | null {
    const severity = this.trueSeverityAt(from);
    const own = limits[severity];
    let due: Due | null = own === null ? null : { at: from + own, severity, since: from };
    const changes = this.events('impact.changed');
    for (let index = prefixLength(changes, (change) => change.at <= from); index < changes.length; index++) {
      const change = changes[index]!;
      // A clock that starts at or after the current due time can never fall due before it.
      if (due !== null && change.at >= due.at) break;
      const limit = limits[change.event.severity];
      if (limit !== null && (due === null || change.at + limit < due.at)) due = { at: change.at + limit, severity: change.event.severity, since: change.at };
    }
    return due;
  }

  acceptable(severity: Severity, truth: Severity): boolean {
    return severity === truth || (truth === this.scenario.severity.true && this.scenario.severity.acceptable.includes(severity));
  }

  /** Who held a role at a minute (the latest assignment at or before it; at the minute itself, before `seq`). */
  holderAt(role: Role, minute: number, seq = Infinity): string | null {
    const assignments = this.assignmentsByRole.get(role) ?? [];
    const count = prefixLength(assignments, (e) => e.at < minute || (e.at === minute && e.seq < seq));
    return count === 0 ? null : assignments[count - 1]!.event.responder;
  }

  /** The impact history as the run knew it, rebuilt from the journal once. Shared: do not change it. */
  impactHistory(): Readonly<ImpactHistory> {
    return this.history;
  }

  /** The impact level at a minute: the engine's `impactAt`, found by binary search rather than a scan. */
  impactAt(minute: number): number {
    return this.levelAfter(prefixLength(this.history, (change) => change.at <= minute) - 1, minute);
  }

  /**
   * How many whole minutes in [from, to] have an impact level that passes `test`, without visiting each minute:
   * after each change the level ramps for RAMP_MINUTES and then holds until the next change, so each change needs
   * a few ramp minutes looked at and one count for the rest.
   */
  countMinutes(from: number, to: number, test: (level: number) => boolean): number {
    const history = this.history;
    const first = Math.ceil(from);
    const last = Math.floor(to);
    let count = 0;
    for (let index = -1; index < history.length; index++) {
      // Whole minutes that the change at `index` governs: from its minute up to (not including) the next change's.
      const segmentFirst = Math.max(first, index < 0 ? -Infinity : Math.ceil(history[index]!.at));
      const segmentLast = Math.min(last, index + 1 < history.length ? Math.ceil(history[index + 1]!.at) - 1 : Infinity);
      if (segmentFirst > segmentLast) continue;
      if (index < 0) {
        if (test(this.levelAfter(index, segmentFirst))) count += segmentLast - segmentFirst + 1;
        continue;
      }
      const at = history[index]!.at;
      // The first whole minute at which the ramp is complete, by the same arithmetic as the level itself (at + 3
      // may round, so the ceiling can be one off either way).
      let settled = Math.ceil(at + RAMP_MINUTES);
      if (settled - 1 - at >= RAMP_MINUTES) settled--;
      else if (settled - at < RAMP_MINUTES) settled++;
      settled = Math.max(settled, segmentFirst);
      // At most RAMP_MINUTES + 1 ramp minutes; the bound also ends the loop where minutes are too large to step by one.
      const rampLast = Math.min(segmentLast, settled - 1);
      for (let minute = segmentFirst, step = 0; minute <= rampLast && step <= RAMP_MINUTES + 1; minute++, step++) if (test(this.levelAfter(index, minute))) count++;
      if (settled <= segmentLast && test(this.levelAfter(index, settled))) count += segmentLast - settled + 1;
    }
    return count;
  }

  /** The minute the service recovered and stayed recovered up to `minute`, or null. */
  recoveredBy(minute: number): number | null {
    return recoveredSince(this.history, minute);
  }

  /** The level at `minute` when the history's change at `index` is the latest at or before it (-1: none yet). */
  private levelAfter(index: number, minute: number): number {
    if (index < 0) return 0;
    // The engine's impactAt, term for term, so both give the same number to the last bit.
    const change = this.history[index]!;
    const from = index === 0 ? 0 : this.history[index - 1]!.level;
    const progress = Math.min(1, (minute - change.at) / RAMP_MINUTES);
    return from + (change.level - from) * progress;
  }

  /** The accepted status updates with what they say, parsed once. */
  updates(): ReadonlyArray<{ entry: CommandEntry<'status-update'>; parsed: ParsedStatusUpdate }> {
    this.parsedUpdates ??= this.commands('status-update').map((entry) => ({ entry, parsed: parseStatusUpdate(entry.command.text) }));
    return this.parsedUpdates;
  }

  name(id: string | null | undefined): string {
    return personName(this.scenario, id) ?? 'nobody';
  }

  /** The sender of a message by name (a scenario's inject names a roster id; a custom inject, a name). */
  sender(inject: string, from: string | null): string | null {
    return this.words.sender(inject, from);
  }

  label(actionId: string): string {
    return actionLabel(this.scenario, actionId);
  }
}

/** Bookkeeping that does not count as the end of the drill. */
const BOOKKEEPING: ReadonlySet<GameEvent['type']> = new Set(['phase.changed', 'deadline.set', 'deadline.met', 'status-update.sent']);

/** Whether an entry is the facilitator's hidden command (`hidden` holds their seqs) or the refusal of one. */
function isHidden(entry: JournalEntry, hidden: ReadonlySet<number>): boolean {
  return entry.kind === 'command' ? hidden.has(entry.seq) : entry.event.type === 'command.rejected' && hidden.has(entry.event.commandSeq);
}

/** Where the journal's last entry is that is not the facilitator's hidden command or its refusal (-1: none). */
function lastPlayed(journal: readonly JournalEntry[], hidden: ReadonlySet<number>): number {
  let i = journal.length - 1;
  while (i >= 0 && isHidden(journal[i]!, hidden)) i--;
  return i;
}

/** The last meaningful entry at or before index `from`. */
function lastMeaningful(journal: readonly JournalEntry[], hidden: ReadonlySet<number>, from: number): JournalEntry | undefined {
  for (let i = from; i >= 0; i--) {
    const entry = journal[i]!;
    if (isHidden(entry, hidden)) continue;
    if (entry.kind === 'command' || !BOOKKEEPING.has(entry.event.type)) return entry;
  }
  return undefined;
}

/** The impact history as the run knew it: the onset, then each journaled change of level. */
function impactHistoryOf(scenario: Scenario, journal: readonly JournalEntry[]): ImpactHistory {
  const history: ImpactHistory = [{ at: scenario.impact.onset, level: 1 }];
  let current = 1;
  for (const entry of journal) {
    if (entry.kind !== 'event') continue;
    const e = entry.event;
    const level = e.type === 'effect.landed' || e.type === 'impact.changed' ? e.impact : undefined;
    if (level !== undefined && level !== current) {
      history.push({ at: entry.at, level });
      current = level;
    }
  }
  return history;
}

export { formatMinute } from '../engine/names';
