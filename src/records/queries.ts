/**
 * Reading records back as plain values: one person's part in each drill (their latest graded result), for a team or
 * for one person, and the open action items. Who may read what is access.ts's to decide, not these.
 */
import { sql, type Kysely } from 'kysely';
import type { Role, Scenario } from '../engine/index';
import type { Category } from '../engine/policy/rubric';
import { castOf } from '../server/cast';
import type { CommonMistake } from '../grading/check';
import type { PersonDrillResult } from './model';
import type { Database } from './schema';

function rowsQuery(db: Kysely<Database>) {
  // The latest result of each drill: re-grades add versions, the newest is the one that counts.
  const latest = db.selectFrom('results').select(['drill_id', sql<number>`max(version)`.as('version')]).groupBy('drill_id').as('latest');
  return db
    .selectFrom('person_results')
    .innerJoin('results', 'results.id', 'person_results.result_id')
    .innerJoin(latest, (join) => join.onRef('latest.drill_id', '=', 'results.drill_id').onRef('latest.version', '=', 'results.version'))
    .innerJoin('drills', 'drills.id', 'results.drill_id')
    .innerJoin('scenarios', 'scenarios.hash', 'drills.scenario_hash')
    .innerJoin('people', 'people.id', 'person_results.person_id')
    .select([
      'drills.id as drillId',
      'drills.kind',
      'drills.scenario_id as scenarioId',
      'scenarios.title as scenarioTitle',
      'drills.seed',
      'drills.difficulty',
      'drills.played_at as playedAt',
      'drills.team_id as teamId',
      'people.id as personId',
      'people.display_name as displayName',
      'person_results.responder',
      'person_results.roles',
      'drills.scenario_hash as scenarioHash',
      'results.rubric_id as rubricId',
      'results.version',
      'results.overall',
      'results.level',
      'results.categories',
      'results.mistakes',
      'person_results.credited',
      'person_results.deducted',
      'results.earned_points as earnedPoints',
      'results.lost_points as lostPoints',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

interface Roster {
  name(hash: string, responder: string): string | undefined;
  suggested(hash: string, responder: string): Role | null;
}

function toResult(row: Row, roster: Roster): PersonDrillResult {
  const role = row.roles === null ? roster.suggested(row.scenarioHash, row.responder) : null;
  return {
    drillId: row.drillId,
    kind: row.kind,
    scenarioId: row.scenarioId,
    scenarioTitle: row.scenarioTitle,
    seed: row.seed,
    difficulty: row.difficulty,
    playedAt: new Date(row.playedAt).toISOString(),
    teamId: row.teamId,
    person: { id: row.personId, displayName: row.displayName },
    responder: row.responder,
    responderName: roster.name(row.scenarioHash, row.responder) ?? row.responder,
    roles: row.roles ?? (role ? [role] : []),
    rolesSource: row.roles === null ? 'suggested' : 'drill',
    rubricId: row.rubricId,
    resultVersion: Number(row.version),
    overall: row.overall,
    level: row.level,
    categories: row.categories as Record<Category, number>,
    mistakes: row.mistakes as CommonMistake[],
    credited: row.credited as PersonDrillResult['credited'],
    deducted: row.deducted as PersonDrillResult['deducted'],
    drillPoints: row.earnedPoints === null || row.lostPoints === null ? null : { earned: Number(row.earnedPoints), lost: Number(row.lostPoints) },
  };
}

/**
 * Rows as results. Each responder's name comes from the roster of the scenario as it was played (its content is kept
 * by hash), and a row recorded before roles were kept falls back to the role the group lobby suggests for its
 * responder (castOf). The few scenarios the rows were played with are read once, in one query, rather than their
 * content being unpacked in SQL for every row (thousands of rows in a manager's view share a handful of scenarios).
 */
async function toResults(db: Kysely<Database>, rows: Row[]): Promise<PersonDrillResult[]> {
  const hashes = [...new Set(rows.map((r) => r.scenarioHash))];
  const names = new Map<string, Map<string, string>>();
  const casts = new Map<string, Map<string, Role | null>>();
  const needsCast = new Set(rows.filter((r) => r.roles === null).map((r) => r.scenarioHash));
  if (hashes.length > 0) {
    for (const s of await db.selectFrom('scenarios').select(['hash', 'content']).where('hash', 'in', hashes).execute()) {
      const scenario = s.content as Scenario;
      const responders: unknown = scenario?.roster?.responders;
      names.set(s.hash, new Map(Array.isArray(responders) ? responders.filter((r) => r && typeof r.id === 'string' && typeof r.name === 'string').map((r) => [r.id as string, r.name as string]) : []));
      if (!needsCast.has(s.hash)) continue;
      let cast: Map<string, Role | null>;
      try {
        cast = new Map(castOf(scenario).map((seat) => [seat.responder, seat.suggestedRole]));
      } catch {
        cast = new Map();
      }
      casts.set(s.hash, cast);
    }
  }
  const roster: Roster = {
    name: (hash, responder) => names.get(hash)?.get(responder),
    suggested: (hash, responder) => casts.get(hash)?.get(responder) ?? null,
  };
  return rows.map((row) => toResult(row, roster));
}

/**
 * The team's results: every part in the team's group drills, and the solo runs of the people in the team (in any
 * role), oldest first. One query, so the screen, the exports and the aggregate all count the same drills. A member's
 * group drills for another team stay out: they are that team's readiness.
 */
export async function teamResults(db: Kysely<Database>, teamId: string): Promise<PersonDrillResult[]> {
  const members = db.selectFrom('memberships').select('memberships.person_id').where('memberships.team_id', '=', teamId);
  const rows = await rowsQuery(db)
    .where((eb) => eb.or([eb('drills.team_id', '=', teamId), eb.and([eb('drills.kind', '=', 'solo'), eb('person_results.person_id', 'in', members)])]))
    .orderBy('drills.played_at')
    .orderBy('drills.id')
    .orderBy('people.id')
    .execute();
  return toResults(db, rows);
}

/** One person's part in every drill they played, oldest first. */
export async function personResults(db: Kysely<Database>, personId: string): Promise<PersonDrillResult[]> {
  return toResults(db, await rowsQuery(db).where('person_results.person_id', '=', personId).orderBy('drills.played_at').orderBy('drills.id').execute());
}

export interface ActionItem {
  id: number;
  drillId: string;
  action: string;
  owner: string;
  priority: string;
  status: string;
  closedAt: string | null;
}

export async function openActionItems(db: Kysely<Database>, teamId: string): Promise<ActionItem[]> {
  const rows = await db.selectFrom('action_items').selectAll().where('team_id', '=', teamId).where('closed_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, drillId: r.drill_id, action: r.action, owner: r.owner, priority: r.priority, status: r.status, closedAt: null }));
}
