import type { Command } from './commands/registry';
import type { Role, Severity, VerificationItem } from './scenario/schema';

/** Everything the game itself records. Player commands are journaled separately, as given. */
export type GameEvent =
  | { type: 'run.started'; variant: string }
  | { type: 'page.fired'; title: string; context: string }
  | { type: 'phase.changed'; phase: Phase }
  | { type: 'command.rejected'; commandSeq: number; reason: string }
  | { type: 'page.acknowledged'; by: string }
  | { type: 'severity.declared'; severity: Severity; previous: Severity | null }
  | { type: 'role.assigned'; role: Role; responder: string; previous: string | null; handOff: boolean }
  | { type: 'responder.paged'; responder: string; joinsAt: number }
  | { type: 'responder.joined'; responder: string }
  | { type: 'action.started'; action: string; kind: ActionKind; performer: string; until: number }
  | { type: 'action.completed'; action: string; kind: ActionKind; performer: string; finding?: string; redHerring?: boolean }
  | { type: 'effect.landed'; action: string; effect: 'fixes' | 'mitigates' | 'worsens' | 'none'; impact: number }
  | { type: 'impact.changed'; impact: number; severity: Severity; reason: string }
  | { type: 'dependency.changed'; dependency: string; status: string }
  | { type: 'inject.fired'; inject: string; kind: string; from: string | null; message: string; respondBy: number | null }
  | { type: 'inject.answered'; inject: string; by: string }
  | { type: 'deadline.set'; deadline: string; label: string; dueAt: number }
  | { type: 'deadline.met'; deadline: string }
  | { type: 'deadline.missed'; deadline: string; label: string }
  | { type: 'status-update.sent'; number: number; nextUpdateDueAt: number | null }
  | { type: 'verification.checked'; item: VerificationItem; ok: boolean; detail: string }
  | { type: 'incident.resolved'; impact: number }
  | { type: 'incident.resurfaced'; reason: string }
  | { type: 'postmortem.saved' }
  | { type: 'drill.time-limit' }
  | { type: 'drill.finished' };

export type GameEventType = GameEvent['type'];
export type ActionKind = 'diagnosis' | 'resolution';

export type Phase =
  | 'paged'
  | 'acknowledged'
  | 'triaged'
  | 'commanded'
  | 'diagnosing'
  | 'mitigating'
  | 'verifying'
  | 'resolved'
  | 'postmortem'
  | 'debriefed';

export const PHASE_LABELS: Record<Phase, string> = {
  paged: 'Paged',
  acknowledged: 'Acknowledged',
  triaged: 'Severity declared',
  commanded: 'Command established',
  diagnosing: 'Diagnosing',
  mitigating: 'Mitigating',
  verifying: 'Verifying recovery',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  debriefed: 'Debriefed',
};

export type JournalEntry =
  | { seq: number; at: number; kind: 'command'; by: string; command: Command }
  | { seq: number; at: number; kind: 'event'; event: GameEvent };
