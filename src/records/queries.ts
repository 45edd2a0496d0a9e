/**
 * Reading records back as plain values: one person's part in each drill (their latest graded result), for a team or
 * for one person, and the open action items. Who may read what is access.ts's to decide, not these.
 */
import { sql, type Kysely } from 'kysely';
import type { Category } from '../engine/policy/rubric';
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
      'results.rubric_id as rubricId',
      'results.version',
      'results.overall',
      'results.level',
      'results.categories',
      'results.mistakes',
      'person_results.credited',
      'person_results.deducted',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

function toResult(row: Row): PersonDrillResult {
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
    rubricId: row.rubricId,
    resultVersion: Number(row.version),
    overall: row.overall,
    level: row.level,
    categories: row.categories as Record<Category, number>,
    mistakes: row.mistakes as CommonMistake[],
    credited: row.credited as PersonDrillResult['credited'],
    deducted: row.deducted as PersonDrillResult['deducted'],
  };
}

/** Every member's part in the team's drills, oldest first. */
export async function teamResults(db: Kysely<Database>, teamId: string): Promise<PersonDrillResult[]> {
  return (await rowsQuery(db).where('drills.team_id', '=', teamId).orderBy('drills.played_at').orderBy('drills.id').execute()).map(toResult);
}

/** One person's part in every drill they played, oldest first. */
export async function personResults(db: Kysely<Database>, personId: string): Promise<PersonDrillResult[]> {
  return (await rowsQuery(db).where('person_results.person_id', '=', personId).orderBy('drills.played_at').orderBy('drills.id').execute()).map(toResult);
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
