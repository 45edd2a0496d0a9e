/**
 * Records as the rest of Firedrill reads them: plain values, whichever database they came from. Exports (CSV, xAPI,
 * the printable readiness report) and the manager's view are built from these.
 */
import type { Category } from '../engine/policy/rubric';
import type { CommonMistake } from '../grading/check';

export interface PersonRef {
  id: string;
  displayName: string;
}

/** One person's part in one drill, graded: a row of the results export. */
export interface PersonDrillResult {
  drillId: string;
  kind: 'solo' | 'group';
  scenarioId: string;
  scenarioTitle: string;
  seed: string;
  difficulty: string;
  /** ISO 8601 date-time the drill was played. */
  playedAt: string;
  teamId: string | null;
  person: PersonRef;
  /** The roster responder the person played. */
  responder: string;
  rubricId: string;
  /** The result's version: 1 as recorded, higher after re-grades. */
  resultVersion: number;
  /** The team's (or the solo player's) score for the drill. */
  overall: number;
  level: string;
  categories: Record<Category, number>;
  mistakes: CommonMistake[];
  /** Points this person's own commands earned and lost, per category (what the team debrief credits the seat). */
  credited: Partial<Record<Category, number>>;
  deducted: Partial<Record<Category, number>>;
}
