/**
 * How a record reads to a manager, in the same words on the records pages, in the printable report and in the CSV:
 * which drills a team's records hold, who a person played and in which roles, and their own part in a drill.
 */
import type { Role } from '../engine/index';
import { CATEGORIES, type Category } from '../engine/policy/rubric';
import type { PersonDrillResult } from './model';

/** Which drills a team's results hold (see queries.ts `teamResults`): said wherever they are shown or exported. */
export const TEAM_RESULTS_SCOPE = 'This team’s group drills and members’ solo runs';

export const INCIDENT_ROLE_LABELS: Record<Role, string> = { commander: 'Incident commander', communications: 'Communications', operations: 'Operations', scribe: 'Scribe' };

/** The roles in words: "Incident commander", "no role", or, for an old record, "suggested: Communications". */
export function rolesWords(row: Pick<PersonDrillResult, 'roles' | 'rolesSource'>): string {
  const labels = row.roles.map((r) => INCIDENT_ROLE_LABELS[r]);
  if (row.rolesSource === 'suggested') return labels.length === 0 ? 'role not recorded' : `suggested: ${labels.join(', ')}`;
  return labels.length === 0 ? 'no role' : labels.join(', ');
}

/** "Alex Rivera (Incident commander)": the responder's roster name and the roles they held. */
export function playedAsWords(row: Pick<PersonDrillResult, 'responderName' | 'roles' | 'rolesSource'>): string {
  return `${row.responderName} (${rolesWords(row)})`;
}

const total = (points: Partial<Record<Category, number>>) => CATEGORIES.reduce((sum, c) => sum + (points[c] ?? 0), 0);

/**
 * A person's own part in one or more drills, on a scale a manager can read.
 *
 * What is recorded is raw rubric points: each finding of the grade gives or takes a check's points, and a person is
 * credited (or charged) with the findings that cite their own commands, as the team debrief does. Those points are
 * check weights summed over six categories, so a drill is worth hundreds of them and the number depends on the rubric
 * and on which checks applied: "+170.1" beside 0–100 scores reads as a score, and is not one. So the own part is said
 * as (1) a share: the percentage of the points earned in the drill that came from findings citing the person's
 * commands, which is scale-free and compares across drills and rubrics; and (2) the points their commands lost,
 * rounded, next to the points the drill lost in all, since a share of the lost points would hide how much was lost.
 * A finding can cite several people's commands and then counts in full for each (as in the team debrief), so
 * shares in one group drill can add up to more than 100%; a finding citing no one's command (a deadline that passed)
 * counts for no one, so they can add up to less.
 */
export interface OwnPart {
  /** 0–100, or null when the drill's totals were not kept (recorded before) or it earned no points. */
  sharePercent: number | null;
  /** Points lost by findings citing the person's commands, rounded to whole points. */
  lost: number;
  /** The points lost in those drills in all, rounded; null when not kept. */
  drillLost: number | null;
  /** Drills whose totals were not kept (recorded before): left out of the share and of `drillLost`. */
  unknownDrills: number;
  /** The raw sums, as recorded. */
  credited: number;
  deducted: number;
}

export const OWN_PART_EXPLAINED =
  'Own part: the share of the points earned in the drill that came from findings citing the person’s own commands, and the points lost by findings citing them, of all the points the drill lost. A finding citing several people’s commands counts for each, so shares in a group drill can add up to more than 100%.';

/** One drill's own part, or several drills' together (their points summed: a share of everything they earned). */
export function ownPart(rows: ReadonlyArray<Pick<PersonDrillResult, 'credited' | 'deducted' | 'drillPoints'>>): OwnPart {
  const credited = rows.reduce((sum, r) => sum + total(r.credited), 0);
  const deducted = rows.reduce((sum, r) => sum + total(r.deducted), 0);
  // Only drills whose totals were kept can give a share; a mix would divide some points by totals that are missing.
  const known = rows.filter((r) => r.drillPoints !== null);
  const earnedInKnown = known.reduce((sum, r) => sum + total(r.credited), 0);
  const drillEarned = known.reduce((sum, r) => sum + r.drillPoints!.earned, 0);
  const drillLost = known.length === rows.length && rows.length > 0 ? Math.round(known.reduce((sum, r) => sum + r.drillPoints!.lost, 0)) : null;
  return {
    sharePercent: drillEarned > 0 ? Math.min(100, Math.round((100 * earnedInKnown) / drillEarned)) : null,
    lost: Math.round(Math.abs(deducted)),
    drillLost,
    unknownDrills: rows.length - known.length,
    credited,
    deducted,
  };
}

/** "34% of the points earned; lost 6 of 21": the own part in words. */
export function ownPartWords(part: OwnPart): string {
  const older = part.unknownDrills > 0 ? ` (${part.unknownDrills} older ${part.unknownDrills === 1 ? 'drill' : 'drills'} not counted)` : '';
  const share = part.sharePercent === null ? 'share not recorded' : `${part.sharePercent}% of the points earned${older}`;
  const lost = part.drillLost === null ? `lost ${part.lost} points` : part.drillLost === 0 ? 'no points lost' : `lost ${part.lost} of ${part.drillLost} points`;
  return `${share}; ${lost}`;
}
