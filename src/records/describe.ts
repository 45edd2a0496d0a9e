/**
 * How a record reads to a manager, in the same words on the records pages, in the printable report and in the CSV:
 * which drills a team's records hold, who a person played and in which roles, and their own part in a drill.
 */
import { ROLE_LABELS as INCIDENT_ROLE_LABELS, type Role } from '../engine/index';
import { CATEGORIES, type Category } from '../engine/policy/rubric';
import type { PersonDrillResult } from './model';

/** Which drills a team's results hold (see queries.ts `teamResults`): said wherever they are shown or exported. */
export const TEAM_RESULTS_SCOPE = 'This team’s group drills and members’ solo runs';

export { INCIDENT_ROLE_LABELS };

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
  /**
   * Over the group drills only: 0–100, or null when there were none, their totals were not kept (recorded before) or
   * they earned no points.
   */
  sharePercent: number | null;
  /** Points lost by findings citing the person's commands in the group drills, rounded to whole points. */
  lost: number;
  /** The points lost in those group drills in all, rounded; null when not kept (or there were none). */
  drillLost: number | null;
  /** Group drills whose totals were not kept (recorded before): left out of the share and of `drillLost`. */
  unknownDrills: number;
  /** Group drills among the rows. */
  groupDrills: number;
  /**
   * Solo runs among the rows. The person issued every command in them, so their own part is the whole drill, not a
   * share: they are kept out of the share and of `lost` above, and said as "all of it".
   */
  soloRuns: number;
  /** The points the solo runs lost in all, rounded (the drill's total where kept, else the person's own). */
  soloLost: number;
  /** The raw sums, as recorded (all rows, solo runs included); `deducted` is negative. */
  credited: number;
  deducted: number;
}

export const OWN_PART_EXPLAINED =
  'Own part: the share of the points earned in the drill that came from findings citing the person’s own commands, and the points lost by findings citing them, of all the points the drill lost. A finding citing several people’s commands counts for each, so shares in a group drill can add up to more than 100%. In a solo run the person issued every command: their own part is all of it.';

type OwnPartRow = Pick<PersonDrillResult, 'kind' | 'credited' | 'deducted' | 'drillPoints'>;

/** The points a solo run lost: all of the drill's when kept, else the person's own (the same commands). */
const soloLost = (row: OwnPartRow) => (row.drillPoints ? row.drillPoints.lost : Math.abs(total(row.deducted)));

/** One drill's own part, or several drills' together (their points summed: a share of everything they earned). */
export function ownPart(rows: ReadonlyArray<OwnPartRow>): OwnPart {
  const credited = rows.reduce((sum, r) => sum + total(r.credited), 0);
  const deducted = rows.reduce((sum, r) => sum + total(r.deducted), 0);
  const solo = rows.filter((r) => r.kind === 'solo');
  const group = rows.filter((r) => r.kind !== 'solo');
  // Only drills whose totals were kept can give a share; a mix would divide some points by totals that are missing.
  const known = group.filter((r) => r.drillPoints !== null);
  const earnedInKnown = known.reduce((sum, r) => sum + total(r.credited), 0);
  const drillEarned = known.reduce((sum, r) => sum + r.drillPoints!.earned, 0);
  const drillLost = known.length === group.length && group.length > 0 ? Math.round(known.reduce((sum, r) => sum + r.drillPoints!.lost, 0)) : null;
  return {
    sharePercent: drillEarned > 0 ? Math.min(100, Math.round((100 * earnedInKnown) / drillEarned)) : null,
    lost: Math.round(Math.abs(group.reduce((sum, r) => sum + total(r.deducted), 0))),
    drillLost,
    unknownDrills: group.length - known.length,
    groupDrills: group.length,
    soloRuns: solo.length,
    soloLost: Math.round(solo.reduce((sum, r) => sum + soloLost(r), 0)),
    credited,
    deducted,
  };
}

/**
 * The own part in words: "34% of the points earned; lost 6 of 21 points" for group drills, "Solo: all of it; lost 30
 * points" for a solo run, and both, said apart, for a mix.
 */
export function ownPartWords(part: OwnPart): string {
  const older = part.unknownDrills > 0 ? ` (${part.unknownDrills} older ${part.unknownDrills === 1 ? 'drill' : 'drills'} not counted)` : '';
  const share = part.sharePercent === null ? 'share not recorded' : `${part.sharePercent}% of the points earned${older}`;
  const lost = part.drillLost === null ? `lost ${part.lost} points` : part.drillLost === 0 ? 'no points lost' : `lost ${part.lost} of ${part.drillLost} points`;
  const groupWords = `${share}; ${lost}`;
  if (part.soloRuns === 0) return groupWords;
  const soloWords = `all of it; ${part.soloLost === 0 ? 'no points lost' : `lost ${part.soloLost} points`}`;
  if (part.groupDrills === 0) return part.soloRuns === 1 ? `Solo: ${soloWords}` : `Solo (${part.soloRuns} runs): ${soloWords}`;
  return `Group drills (${part.groupDrills}): ${groupWords} · Solo runs (${part.soloRuns}): ${soloWords}`;
}
