/**
 * Facts a grader reads off a journal: who did what when, as journal entries, so every finding can cite them.
 * Built once per grading; nothing here judges.
 */
import type { Command } from '../engine/commands/registry';
import type { GameEvent, JournalEntry } from '../engine/events';
import { impactAt, recoveredSince, type ImpactHistory } from '../engine/rules';
import type { Role, Scenario, Severity, Variant } from '../engine/scenario/schema';
import { parseStatusUpdate, type ParsedStatusUpdate } from '../engine/status-update';
import { describeEntry, wordsFor } from '../engine/timeline';
import { actionLabel, personName } from '../engine/names';

export interface Evidence {
  seq: number;
  at: number;
  text: string;
}

export type CommandEntry<T extends Command['type'] = Command['type']> = Extract<JournalEntry, { kind: 'command' }> & { command: Extract<Command, { type: T }> };
export type EventEntry<T extends GameEvent['type'] = GameEvent['type']> = Extract<JournalEntry, { kind: 'event' }> & { event: Extract<GameEvent, { type: T }> };

export class Facts {
  readonly variant: Variant;
  /** The minute the journal ends (the drill's last entry). */
  readonly end: number;
  readonly accepted: CommandEntry[];
  private readonly rejected = new Set<number>();

  constructor(
    readonly scenario: Scenario,
    readonly journal: readonly JournalEntry[],
  ) {
    for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') this.rejected.add(entry.event.commandSeq);
    this.accepted = journal.filter((e): e is CommandEntry => e.kind === 'command' && !this.rejected.has(e.seq));
    const started = this.events('run.started')[0];
    this.variant = scenario.variants.find((v) => v.id === started?.event.variant) ?? scenario.variants[0]!;
    this.end = journal.length > 0 ? journal[journal.length - 1]!.at : 0;
  }

  commands<T extends Command['type']>(type: T): Array<CommandEntry<T>> {
    return this.accepted.filter((e): e is CommandEntry<T> => e.command.type === type);
  }

  events<T extends GameEvent['type']>(type: T): Array<EventEntry<T>> {
    return this.journal.filter((e): e is EventEntry<T> => e.kind === 'event' && e.event.type === type);
  }

  evidence(...entries: Array<JournalEntry | undefined>): Evidence[] {
    const words = wordsFor(this.scenario);
    return entries.filter((e): e is JournalEntry => e !== undefined).map((e) => ({ seq: e.seq, at: e.at, text: describeEntry(e, words).text }));
  }

  get page(): EventEntry<'page.fired'> | undefined {
    return this.events('page.fired')[0];
  }

  /** The last meaningful entry: the end of the drill, cited when something never happened. */
  get last(): JournalEntry | undefined {
    for (let i = this.journal.length - 1; i >= 0; i--) {
      const entry = this.journal[i]!;
      if (entry.kind === 'command' || !['phase.changed', 'deadline.set', 'deadline.met', 'status-update.sent'].includes(entry.event.type)) return entry;
    }
    return undefined;
  }

  /** The true severity at a minute, following the impact changes journaled. */
  trueSeverityAt(minute: number): Severity {
    let severity = this.scenario.severity.true;
    for (const change of this.events('impact.changed')) if (change.at <= minute) severity = change.event.severity;
    return severity;
  }

  acceptable(severity: Severity, truth: Severity): boolean {
    return severity === truth || (truth === this.scenario.severity.true && this.scenario.severity.acceptable.includes(severity));
  }

  /** Who held a role at a minute (the latest assignment at or before it). */
  holderAt(role: Role, minute: number, seq = Infinity): string | null {
    let holder: string | null = null;
    for (const e of this.events('role.assigned')) if (e.event.role === role && (e.at < minute || (e.at === minute && e.seq < seq))) holder = e.event.responder;
    return holder;
  }

  /** The impact history as the run knew it, rebuilt from the journal. */
  impactHistory(): ImpactHistory {
    const history: ImpactHistory = [{ at: this.scenario.impact.onset, level: 1 }];
    let current = 1;
    for (const entry of this.journal) {
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

  impactAt(minute: number): number {
    return impactAt(this.impactHistory(), minute);
  }

  /** The minute the service recovered and stayed recovered up to `minute`, or null. */
  recoveredBy(minute: number): number | null {
    return recoveredSince(this.impactHistory(), minute);
  }

  updates(): Array<{ entry: CommandEntry<'status-update'>; parsed: ParsedStatusUpdate }> {
    return this.commands('status-update').map((entry) => ({ entry, parsed: parseStatusUpdate(entry.command.text) }));
  }

  name(id: string | null | undefined): string {
    return personName(this.scenario, id) ?? 'nobody';
  }

  label(actionId: string): string {
    return actionLabel(this.scenario, actionId);
  }
}

export { formatMinute } from '../engine/names';
