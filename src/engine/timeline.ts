/**
 * The journal in words: one wording for every entry, used by timelines (what players see), evidence in the debrief
 * and the CLI. Commands are worded by their own definitions.
 */
import type { Words } from './commands/define';
import { REGISTRY, type CommandOf, type CommandType } from './commands/registry';
import type { JournalEntry } from './events';
import { actionLabel, formatMinute, personName } from './names';
import type { Scenario } from './scenario/schema';

export interface EntryWords {
  text: string;
  /** Bookkeeping (a deadline set, a phase change) is left out of timelines but can still be cited as evidence. */
  bookkeeping: boolean;
}

export function wordsFor(scenario: Scenario): Words {
  const name = (id: string | null | undefined) => personName(scenario, id) ?? 'nobody';
  return {
    name,
    label: (id) => actionLabel(scenario, id),
    asker: (inject) => {
      const from = scenario.injects.find((i) => i.id === inject)?.from;
      return from ? name(from) : null;
    },
  };
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
    case 'inject.fired': return shown(`${e.from ? `${words.name(e.from)}: ` : ''}${e.message}`);
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
 * The journal as lines of words, for timelines. A command that was not possible is shown as an attempt, with the
 * reason, rather than as something that happened.
 */
export function describeJournal(journal: readonly JournalEntry[], scenario: Scenario): Array<{ seq: number; at: number; text: string }> {
  const words = wordsFor(scenario);
  const reasons = new Map<number, string>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') reasons.set(entry.event.commandSeq, entry.event.reason);
  return journal.flatMap((entry) => {
    if (entry.kind === 'event' && entry.event.type === 'command.rejected') return [];
    const { text, bookkeeping } = describeEntry(entry, words);
    if (bookkeeping) return [];
    const reason = reasons.get(entry.seq);
    return [{ seq: entry.seq, at: entry.at, text: reason === undefined ? text : `✗ Refused: ${text} (${reason})` }];
  });
}
