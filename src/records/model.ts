/**
 * Records as the rest of Firedrill reads them: plain values, whichever database they came from. Exports (CSV, xAPI,
 * the printable readiness report) and the manager's view are built from these.
 */
import type { Role } from '../engine/index';
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
  /** The roster responder the person played (its id), and that responder's name in the scenario's roster. */
  responder: string;
  responderName: string;
  /**
   * The incident roles that responder held in the drill (`rolesSource` 'drill': read from its journal when it was
   * recorded; empty when they held none), or, for a drill recorded before roles were kept, the role the group lobby
   * suggests for the responder ('suggested'; empty when it suggests none).
   */
  roles: Role[];
  rolesSource: 'drill' | 'suggested';
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
  /** The points the whole grade gave and took (null for results graded before these were kept): see describe.ts. */
  drillPoints: { earned: number; lost: number } | null;
}
