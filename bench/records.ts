/**
 * Records benchmarks for `npm run bench`: recording a finished drill (replay, grade, one transaction), and building
 * the manager's view of a team of 50 people with 2,000 drills, p50 and p95, on embedded PGlite and, when
 * DATABASE_URL is set, on PostgreSQL (in a schema of its own, dropped afterwards). Baseline beside each: a bare
 * primary-key lookup on the same database, the least a request can cost there.
 */
import { sql } from 'kysely';
import { replay, type Scenario, type ScriptEntry } from '../src/engine/index';
import type { Rubric } from '../src/engine/policy/rubric';
import { Access } from '../src/records/access';
import { openDatabase, type RecordsDatabase } from '../src/records/database';
import { Records } from '../src/records/records';

const PEOPLE = 50;
const DRILLS = 2_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(times: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    values.push(performance.now() - start);
  }
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}

async function onBackEnd(name: string, database: RecordsDatabase, scenario: Scenario, script: ScriptEntry[], rubric: Rubric): Promise<string[]> {
  const records = new Records(database.db);
  const access = new Access(records);
  const manager = await records.createPerson('Bench manager');
  const team = await records.createTeam('Bench team', manager);
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const person = await records.createPerson(`Person ${i + 1}`);
    await database.db.insertInto('memberships').values({ team_id: team, person_id: person, role: 'member' }).execute();
    people.push(person);
  }
  const save = replay(scenario, 1, script, undefined, { rubric, seating: 'team' }).save();
  let n = 0;
  const record = () => records.recordDrill({ kind: 'group', scenario, save, teamId: team, code: null, playedAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000), people: [0, 1, 2].map((k) => ({ personId: people[(n++ * 3 + k) % PEOPLE]!, displayName: 'x', responder: ['alex', 'sarah', 'priya'][k]! })) });
  const recording = await timed(30, record);
  // The rest of the 2,000 drills are copies of recorded ones made in SQL: recording each would measure nothing new.
  const have = Number((await database.db.selectFrom('drills').select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const copies = DRILLS - have;
  await sql`
    with source as (select * from drills where team_id = ${team} order by id limit 1),
    made as (
      insert into drills (id, kind, scenario_hash, scenario_id, seed, difficulty, run, team_id, code, played_at)
      select 'bench_' || g, kind, scenario_hash, scenario_id, seed, difficulty, run, team_id, null, played_at + (g || ' hours')::interval
      from source, generate_series(1, ${copies}) as g returning id
    )
    select count(*) from made`.execute(database.db);
  const sourceResult = await database.db.selectFrom('results').innerJoin('drills', 'drills.id', 'results.drill_id').select(['results.id', 'results.drill_id']).where('drills.team_id', '=', team).orderBy('results.id').limit(1).executeTakeFirstOrThrow();
  await sql`
    insert into results (id, drill_id, rubric_id, rubric, overall, level, categories, mistakes, version)
    select 'res_' || d.id, d.id, r.rubric_id, r.rubric, r.overall - (abs(hashtext(d.id)) % 30), r.level, r.categories, r.mistakes, 1
    from drills d, results r where d.id like 'bench_%' and r.id = ${sourceResult.id}`.execute(database.db);
  await sql`
    insert into person_results (result_id, person_id, responder, credited, deducted)
    select 'res_' || d.id, p.id, 'alex', '{}'::jsonb, '{}'::jsonb
    from drills d join lateral (select id from people where id in (select person_id from memberships where team_id = ${team} and role = 'member') order by md5(d.id || id) limit 3) p on true
    where d.id like 'bench_%'`.execute(database.db);
  const view = await timed(10, () => access.teamView(manager, team));
  const lookup = await timed(30, () => records.person(manager));
  const rows = (await access.teamView(manager, team)) as { results: unknown[] };
  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  return [
    `records on ${name}:`,
    `  recording a finished drill (replay, grade, one transaction): p50 ${ms(recording.p50)}  p95 ${ms(recording.p95)}   (baseline: a primary-key lookup p95 ${ms(lookup.p95)}, ratio ${(recording.p95 / lookup.p95).toFixed(0)}×)`,
    `  the manager's view, ${PEOPLE} people, ${DRILLS.toLocaleString('en-US')} drills (${rows.results.length.toLocaleString('en-US')} person-results): p50 ${ms(view.p50)}  p95 ${ms(view.p95)}   (ratio to the lookup ${(view.p95 / lookup.p95).toFixed(0)}×)`,
  ];
}

export async function recordsBenchmarks(scenario: Scenario, script: ScriptEntry[], rubric: Rubric): Promise<string[]> {
  const lines: string[] = [];
  const started = performance.now();
  const embedded = await openDatabase({});
  lines.push(`(PGlite opened and migrated in ${((performance.now() - started) / 1000).toFixed(1)} s: once per process)`);
  try {
    lines.push(...(await onBackEnd('PGlite (embedded, in memory)', embedded, scenario, script, rubric)));
  } finally {
    await embedded.close();
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    lines.push('records on PostgreSQL: skipped (set DATABASE_URL to measure it)');
    return lines;
  }
  const schema = `firedrill_bench_${process.pid}`;
  const server = await openDatabase({ url, schema });
  try {
    lines.push(...(await onBackEnd('PostgreSQL', server, scenario, script, rubric)));
  } finally {
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(server.db);
    await server.close();
  }
  return lines;
}
