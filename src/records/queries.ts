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
      // The responder's name from the roster of the scenario as it was played (its content is kept by hash).
      sql<string | null>`(select r->>'name' from jsonb_array_elements(scenarios.content->'roster'->'responders') as r where r->>'id' = person_results.responder limit 1)`.as('responderName'),
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

function toResult(row: Row, suggested: (hash: string, responder: string) => Role | null): PersonDrillResult {
  const role = row.roles === null ? suggested(row.scenarioHash, row.responder) : null;
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
    responderName: row.responderName ?? row.responder,
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
 * Rows as results. A row recorded before roles were kept falls back to the role the group lobby suggests for its
 * responder (castOf), from the scenario content those rows were played with: read in one query, only when needed.
 */
async function toResults(db: Kysely<Database>, rows: Row[]): Promise<PersonDrillResult[]> {
  const hashes = [...new Set(rows.filter((r) => r.roles === null).map((r) => r.scenarioHash))];
  const casts = new Map<string, Map<string, Role | null>>();
  if (hashes.length > 0) {
    for (const s of await db.selectFrom('scenarios').select(['hash', 'content']).where('hash', 'in', hashes).execute()) {
      let cast: Map<string, Role | null>;
      try {
        cast = new Map(castOf(s.content as Scenario).map((seat) => [seat.responder, seat.suggestedRole]));
      } catch {
        cast = new Map();
      }
      casts.set(s.hash, cast);
    }
  }
  return rows.map((row) => toResult(row, (hash, responder) => casts.get(hash)?.get(responder) ?? null));
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
