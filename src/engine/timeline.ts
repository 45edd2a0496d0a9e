/**
 * The journal in words: one wording for every entry, used by timelines (what players see), evidence in the debrief
 * and the CLI. Commands are worded by their own definitions.
 */
import type { Words } from './commands/define';
import { REGISTRY, seenOnlyByFacilitator, type CommandOf, type CommandType } from './commands/registry';
import type { JournalEntry } from './events';
import { actionLabel, formatMinute, injectSender, personName } from './names';
import type { Scenario } from './scenario/schema';

export interface EntryWords {
  text: string;
  /** Bookkeeping (a deadline set, a phase change) is left out of timelines but can still be cited as evidence. */
  bookkeeping: boolean;
}

/**
 * Words for a scenario. A facilitator's custom injects are not in the scenario: their askers are read from the
 * journal they arrived in (once, when first asked for).
 */
export function wordsFor(scenario: Scenario, journal: readonly JournalEntry[] = []): Words {
  const name = (id: string | null | undefined) => personName(scenario, id) ?? 'nobody';
  let customSenders: Map<string, string | null> | undefined;
  return {
    name,
    label: (id) => actionLabel(scenario, id),
    asker: (inject) => {
      const scripted = scenario.injects.find((i) => i.id === inject);
      if (scripted) return scripted.from ? name(scripted.from) : null;
      customSenders ??= sendersOf(journal);
      return customSenders.get(inject) ?? null;
    },
    sender: (inject, from) => injectSender(scenario, inject, from),
  };
}

function sendersOf(journal: readonly JournalEntry[]): Map<string, string | null> {
  const senders = new Map<string, string | null>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'inject.fired') senders.set(entry.event.inject, entry.event.from);
  return senders;
}

/** One journal entry in words. */
export function describeEntry(entry: JournalEntry, words: Words): EntryWords {
  if (entry.kind === 'command') {
    return { text: `${words.name(entry.by)} ${describeCommand(entry.command, words, entry.by)}`, bookkeeping: false };
  }
  const e = entry.event;
  const shown = (text: string): EntryWords => ({ text, bookkeeping: false });
  const kept = (text: string): EntryWords => ({ text, bookkeeping: true });
  switch (e.type) {
    case 'page.fired': return shown(`Page: ${e.title}`);
    case 'command.rejected': return shown(`Not possible: ${e.reason}`);
    case 'responder.joined': return shown(`${words.name(e.responder)} joined`);
    case 'action.completed': return shown(e.kind === 'diagnosis' ? `Finding (${words.label(e.action)}): ${e.finding}` : `${words.label(e.action)} completed`);
    case 'effect.landed':
      if (e.effect === 'none') return shown(`${words.label(e.action)}: no visible change`);
      return shown(e.effect === 'worsens' ? `${words.label(e.action)}: things got worse` : `${words.label(e.action)} took effect: the impact is easing`);
    case 'impact.changed': return shown(`Impact changed: ${e.reason}`);
    case 'dependency.changed': return shown(`Status page: ${e.dependency} is now ${e.status}`);
    case 'inject.fired': return shown(`${e.from ? `${words.sender(e.inject, e.from)}: ` : ''}${e.message}`);
    case 'deadline.missed': return shown(`Missed: ${e.label}`);
    case 'verification.checked': return shown(`${e.ok ? '✓' : '✗'} ${e.detail}`);
    case 'incident.resurfaced': return shown(e.reason);
    case 'drill.time-limit': return shown('Time is up: the incident passes to the next shift');
    case 'deadline.set': return kept(`Deadline set: ${e.label} (${formatMinute(e.dueAt)})`);
    case 'deadline.met': return kept(`Deadline met: ${e.deadline}`);
    case 'status-update.sent': return kept(`Status update #${e.number} sent`);
    case 'severity.declared': return kept(`${e.severity} declared`);
    case 'role.assigned': return kept(`${e.role} assigned to ${words.name(e.responder)}`);
    case 'action.started': return kept(`Started: ${words.label(e.action)} (${words.name(e.performer)})`);
    case 'incident.resolved': return kept('Incident resolved');
    case 'drill.finished': return kept('The drill ended');
    case 'run.started': return kept('The drill began');
    case 'page.acknowledged': return kept('Page acknowledged');
    case 'responder.paged': return kept(`${words.name(e.responder)} paged`);
    case 'inject.answered': return kept(`Answered ${words.asker(e.inject) ?? e.inject}`);
    case 'postmortem.saved': return kept('Postmortem saved');
    case 'phase.changed': return kept(`Phase: ${e.phase}`);
  }
}

function describeCommand<T extends CommandType>(command: CommandOf<T>, words: Words, by: string): string {
  return REGISTRY[command.type].describe(command, words, by);
}

/**
 * Who a timeline is for: `everyone` (players, observers, the debrief's timeline) never sees the facilitator's hidden
 * commands (see `CommandRules.hidden`); the `facilitator` sees every entry.
 */
export type Audience = 'everyone' | 'facilitator';

/**
 * The journal as lines of words, for timelines. A command that was not possible is shown as an attempt, with the
 * reason, rather than as something that happened.
 */
export function describeJournal(journal: readonly JournalEntry[], scenario: Scenario, audience: Audience = 'everyone'): TimelineLine[] {
  const words = wordsFor(scenario, journal);
  const reasons = new Map<number, string>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') reasons.set(entry.event.commandSeq, entry.event.reason);
  // The impact as the journal has moved it, from the level every run starts at: an "impact changed" line is an
  // escalation only when it rose (a message that the errors are falling changes the impact too).
  let impact = 1;
  const escalates = (entry: JournalEntry): boolean => {
    if (entry.kind !== 'event') return false;
    const e = entry.event;
    if (e.type === 'incident.resurfaced') return true;
    if (e.type === 'effect.landed') {
      impact = e.impact;
      return e.effect === 'worsens';
    }
    if (e.type === 'impact.changed') {
      const rose = e.impact > impact;
      impact = e.impact;
      return rose;
    }
    return false;
  };
  return journal.flatMap((entry) => {
    const escalation = escalates(entry);
    if (entry.kind === 'event' && entry.event.type === 'command.rejected') return [];
    // A hidden command's refusal is folded into its line, so leaving the line out leaves out the refusal too.
    if (audience === 'everyone' && entry.kind === 'command' && seenOnlyByFacilitator(entry.command)) return [];
    const { text, bookkeeping } = describeEntry(entry, words);
    if (bookkeeping) return [];
    const reason = reasons.get(entry.seq);
    const line: TimelineLine = { seq: entry.seq, at: entry.at, text: reason === undefined ? text : `✗ Refused: ${text} (${reason})` };
    return [escalation ? { ...line, escalation: true } : line];
  });
}

/** A line of a timeline; `escalation` marks what made things worse (the impact rose, an action backfired, a resurfacing). */
export interface TimelineLine {
  seq: number;
  at: number;
  text: string;
  escalation?: true;
}
