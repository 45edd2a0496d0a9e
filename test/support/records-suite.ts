/**
 * The records storage suite, run on PGlite by `npm test` (test/records.test.ts) and on PostgreSQL by
 * `npm run test:services` (test/services/records-postgres.test.ts): the same behaviour on both back ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type ScriptEntry } from '../../src/engine/index';
import { Access } from '../../src/records/access';
import type { RecordsDatabase } from '../../src/records/database';
import { sql } from 'kysely';
import { Records, RecordsError, runHash } from '../../src/records/records';
import { resultsCsv } from '../../src/records/exports/csv';
import { readinessReportHtml } from '../../src/records/exports/readiness-report';
import { defaultRubric, script } from './grading';
import { loadValid } from './scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');

function saveOf(commands: ScriptEntry[], seating: 'solo' | 'team' = 'team') {
  return replay(scenario, 1, commands, undefined, { rubric: defaultRubric(), seating }).save();
}

export function recordsSuite(name: string, open: () => Promise<RecordsDatabase>): void {
  describe(`records on ${name}`, () => {
    let database: RecordsDatabase;
    let records: Records;
    let access: Access;
    let clock = new Date('2026-11-02T09:00:00Z');

    beforeAll(async () => {
      database = await open();
      records = new Records(database.db, () => clock);
      access = new Access(records);
    }, 60_000);

    afterAll(async () => {
      await database?.close();
    });

    async function teamWithMembers() {
      const manager = await records.createPerson('Mia Manager');
      const team = await records.createTeam('Payments on-call', manager);
      const alice = await records.createPerson('Alice');
      const bob = await records.createPerson('Bob');
      await records.acceptInvitation(await records.invite(team, 'member', manager), alice);
      await records.acceptInvitation(await records.invite(team, 'member', manager), bob);
      return { manager, team, alice, bob };
    }

    async function groupDrill(team: string, alice: string, bob: string, code: string | null = null, played = 'expert') {
      return records.recordDrill({
        kind: 'group',
        scenario,
        save: saveOf(script('checkout-launch', played)),
        teamId: team,
        code,
        playedAt: clock,
        people: [
          { personId: alice, displayName: 'Alice', responder: 'alex' },
          { personId: bob, displayName: 'Bob', responder: 'sarah' },
        ],
      });
    }

    it('should keep a team with its manager, and members who joined by single-use invitations', async () => {
      const { team, manager, alice } = await teamWithMembers();
      expect(await records.rolesIn(team, manager)).toEqual(['manager']);
      expect((await records.members(team)).map((m) => m.displayName)).toEqual(['Alice', 'Bob', 'Mia Manager']);
      const token = await records.invite(team, 'facilitator', manager);
      await records.acceptInvitation(token, alice);
      await expect(records.acceptInvitation(token, alice)).rejects.toThrow('this invitation has already been used');
      await expect(records.acceptInvitation('no-such-token', alice)).rejects.toThrow('this invitation does not exist');
      await expect(records.invite(team, 'member', alice)).rejects.toMatchObject({ status: 403 });
    });

    it('should keep who an invitation is for (migration 0003), and tell unlabelled ones apart by a short reference', async () => {
      const { team, manager } = await teamWithMembers();
      await records.invite(team, 'member', manager, '  Dana Lee <dana@example.com> ');
      await records.invite(team, 'member', manager);
      await records.invite(team, 'member', manager, '   ');
      const open = await records.openInvitations(team, manager);
      expect(open.map((i) => i.label).sort()).toEqual(['Dana Lee <dana@example.com>', null, null]);
      for (const i of open) expect(i.reference).toBe(i.id.slice(4, 10));
      expect(new Set(open.map((i) => i.reference)).size).toBe(3);
      await expect(records.invite(team, 'member', manager, 'x'.repeat(81))).rejects.toMatchObject({ status: 400 });
    });

    it('should refuse an expired invitation', async () => {
      const { team, manager } = await teamWithMembers();
      const token = await records.invite(team, 'member', manager);
      const later = clock;
      clock = new Date(clock.getTime() + 15 * 86_400_000);
      const carl = await records.createPerson('Carl');
      await expect(records.acceptInvitation(token, carl)).rejects.toThrow('this invitation has expired');
      clock = later;
    });

    it('should record a finished drill whole: the run, who played what, the result, each person’s part and the action items', async () => {
      const { team, manager, alice, bob } = await teamWithMembers();
      const drill = await groupDrill(team, alice, bob, 'ABCDEFGHJK');
      const view = await access.teamView(manager, team);
      if (view.kind !== 'manager') throw new Error('a manager sees the manager view');
      const rows = view.results.filter((r) => r.drillId === drill);
      expect(rows.map((r) => r.person.displayName).sort()).toEqual(['Alice', 'Bob']);
      expect(rows[0]).toMatchObject({ scenarioId: 'checkout-launch', kind: 'group', resultVersion: 1, rubricId: 'default', difficulty: 'standard' });
      expect(rows[0]!.overall).toBeGreaterThanOrEqual(95);
      const aliceRow = rows.find((r) => r.person.id === alice)!;
      expect(Object.values(aliceRow.credited).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
      expect(view.openActionItems.filter((i) => i.drillId === drill).length).toBeGreaterThan(0);
      // The same group drill is never recorded twice.
      await expect(groupDrill(team, alice, bob, 'ABCDEFGHJK')).rejects.toMatchObject({ status: 409 });
    });

    it('should re-grade under a new rubric as a new result beside the old one', async () => {
      const { team, manager, alice, bob } = await teamWithMembers();
      const drill = await groupDrill(team, alice, bob);
      const strict = { ...defaultRubric(), id: 'strict', readiness: defaultRubric().readiness.map((r) => ({ ...r, min: Math.min(100, r.min + 20) })) };
      const regraded = await records.regrade(drill, strict);
      expect(regraded.version).toBe(2);
      const versions = await database.db.selectFrom('results').select(['version', 'rubric_id']).where('drill_id', '=', drill).orderBy('version').execute();
      expect(versions).toEqual([{ version: 1, rubric_id: 'default' }, { version: 2, rubric_id: 'strict' }]);
      const view = await access.teamView(manager, team);
      if (view.kind !== 'manager') throw new Error('manager view');
      expect(view.results.filter((r) => r.drillId === drill).every((r) => r.resultVersion === 2 && r.rubricId === 'strict')).toBe(true);
      await expect(records.regrade('drill_nope', strict)).rejects.toMatchObject({ status: 404 });
    });

    it('should let a member see their own records and the team aggregate only, and refuse other teams and people', async () => {
      const a = await teamWithMembers();
      const b = await teamWithMembers();
      await groupDrill(a.team, a.alice, a.bob);
      await groupDrill(b.team, b.alice, b.bob);
      const member = await access.teamView(a.alice, a.team);
      expect(member.kind).toBe('member');
      if (member.kind !== 'member') return;
      expect(member.own.every((r) => r.person.id === a.alice)).toBe(true);
      expect(member.own.length).toBeGreaterThan(0);
      expect(JSON.stringify(member)).not.toContain(a.bob);
      expect(member.aggregate.drills).toBe(1);
      // Team B is not theirs, nor are Bob's records, nor anyone's in team B; B's manager does not see A either.
      for (const attempt of [() => access.teamView(a.alice, b.team), () => access.personRecords(a.alice, a.bob), () => access.personRecords(a.alice, b.alice), () => access.teamView(b.manager, a.team), () => access.personRecords(b.manager, a.alice)]) {
        await expect(attempt()).rejects.toMatchObject({ status: 403 });
      }
      expect((await access.personRecords(a.alice, a.alice)).length).toBe(1);
      expect((await access.personRecords(a.manager, a.bob)).length).toBe(1);
      await expect(access.teamView(a.alice, 'team_does_not_exist')).rejects.toBeInstanceOf(RecordsError);
    });

    function soloRun(personId: string, played = 'silent-updates') {
      return records.recordSoloRun({ personId, scenario, save: saveOf(script('checkout-launch', played), 'solo'), playedAt: clock, people: [{ personId, displayName: 'Solo', responder: 'alex' }] });
    }

    it('should count the team’s group drills and its members’ solo runs alike on screen, in the exports and the aggregate, and nobody else’s', async () => {
      const a = await teamWithMembers();
      const b = await teamWithMembers();
      const outsider = await records.createPerson('Olga Outsider');
      const group = await groupDrill(a.team, a.alice, a.bob);
      const aliceSolo = (await soloRun(a.alice)).drillId;
      const outsiderSolo = (await soloRun(outsider)).drillId;
      const otherTeamSolo = (await soloRun(b.alice)).drillId;
      // Alice's part in another team's group drill is that team's readiness, not A's.
      const otherTeamGroup = await groupDrill(b.team, a.alice, b.bob);

      const view = await access.teamView(a.manager, a.team);
      if (view.kind !== 'manager') throw new Error('a manager sees the manager view');
      const drills = new Set(view.results.map((r) => r.drillId));
      expect([...drills].sort()).toEqual([group, aliceSolo].sort());
      expect(view.results.find((r) => r.drillId === aliceSolo)).toMatchObject({ kind: 'solo', teamId: null, person: { id: a.alice } });
      expect(view.aggregate).toMatchObject({ drills: 2, people: 2 });

      const csv = resultsCsv(view.results);
      expect(csv).toContain(aliceSolo);
      for (const other of [outsiderSolo, otherTeamSolo, otherTeamGroup]) expect(csv).not.toContain(other);
      const report = readinessReportHtml({ team: view.team, generatedOn: '2026-11-02', rows: view.results });
      expect(report).toContain('2 drills (1 group, 1 solo)');
      expect(report).not.toContain('Olga Outsider');

      // A member counts the same drills: her own rows hold her solo run, and the aggregate is the manager's.
      const member = await access.teamView(a.alice, a.team);
      if (member.kind !== 'member') throw new Error('a member sees the member view');
      expect(member.own.map((r) => r.drillId).sort()).toEqual([group, aliceSolo].sort());
      expect(member.aggregate).toEqual(view.aggregate);
    });

    it('should keep the roles each person held in the drill and their responder’s roster name, and fall back to the suggested role for older records', async () => {
      const { team, manager, alice, bob } = await teamWithMembers();
      // Nobody is named commander here: Alex (suggested as commander) holds no role; Sam was given scribe.
      const drill = await records.recordDrill({ kind: 'group', scenario, save: saveOf(script('checkout-launch', 'no-commander')), teamId: team, code: null, playedAt: clock, people: [{ personId: alice, displayName: 'Alice', responder: 'alex' }, { personId: bob, displayName: 'Bob', responder: 'sam' }] });
      const rowsOf = async () => {
        const view = await access.teamView(manager, team);
        if (view.kind !== 'manager') throw new Error('manager view');
        return view.results.filter((r) => r.drillId === drill);
      };
      const [aliceRow, bobRow] = [(await rowsOf()).find((r) => r.person.id === alice)!, (await rowsOf()).find((r) => r.person.id === bob)!];
      expect(aliceRow).toMatchObject({ responder: 'alex', responderName: 'Alex Rivera', roles: [], rolesSource: 'drill' });
      expect(bobRow).toMatchObject({ responder: 'sam', responderName: 'Sam Okafor', roles: ['scribe'], rolesSource: 'drill' });
      // The drill's totals are kept, so the own part reads as a share of them.
      expect(aliceRow.drillPoints!.earned).toBeGreaterThan(0);
      expect(aliceRow.drillPoints!.lost).toBeGreaterThan(0);
      // A record from before roles and totals were kept (the migration leaves these null).
      await sql`update person_results set roles = null where result_id in (select id from results where drill_id = ${drill})`.execute(database.db);
      await sql`update results set earned_points = null, lost_points = null where drill_id = ${drill}`.execute(database.db);
      const old = (await rowsOf()).find((r) => r.person.id === alice)!;
      expect(old).toMatchObject({ responderName: 'Alex Rivera', roles: ['commander'], rolesSource: 'suggested', drillPoints: null });
    });

    it('should give a member the team’s open action items, and let them mark one done', async () => {
      const { team, alice, bob } = await teamWithMembers();
      const drill = await groupDrill(team, alice, bob);
      const member = await access.teamView(bob, team);
      if (member.kind !== 'member') throw new Error('member view');
      const items = member.openActionItems.filter((i) => i.drillId === drill);
      expect(items.length).toBeGreaterThan(0);
      // The rule in closeActionItem: anyone in the team may mark the team's item done.
      await records.closeActionItem(items[0]!.id, bob);
      const after = await access.teamView(alice, team);
      if (after.kind !== 'member') throw new Error('member view');
      expect(after.openActionItems.map((i) => i.id)).not.toContain(items[0]!.id);
      const outsider = await records.createPerson('Nosy');
      await expect(records.closeActionItem(items[1]?.id ?? items[0]!.id, outsider)).rejects.toMatchObject({ status: expect.any(Number) });
    });

    it('should keep a solo run uploaded twice by the same person once, even when the uploads race', async () => {
      const person = await records.createPerson('Repeat Uploader');
      const first = await soloRun(person, 'expert');
      expect(first.duplicate).toBe(false);
      expect(await soloRun(person, 'expert')).toEqual({ drillId: first.drillId, duplicate: true });
      const raced = await Promise.all([soloRun(person, 'no-commander'), soloRun(person, 'no-commander')]);
      expect(raced[0]!.drillId).toBe(raced[1]!.drillId);
      expect(raced.filter((r) => r.duplicate)).toHaveLength(1);
      // A different run is a new drill; the same run kept by someone else is theirs.
      const other = await records.createPerson('Someone Else');
      expect((await soloRun(other, 'expert')).duplicate).toBe(false);
      const kept = await database.db.selectFrom('drills').select(['id', 'run_hash']).where('uploaded_by', '=', person).execute();
      expect(kept).toHaveLength(2);
      expect(kept.map((k) => k.run_hash).sort()).toEqual([runHash(saveOf(script('checkout-launch', 'expert'), 'solo')), runHash(saveOf(script('checkout-launch', 'no-commander'), 'solo'))].sort());
    });

    it('should keep sessions by hash and end them', async () => {
      const person = await records.createPerson('Sol');
      const token = await records.createSession(person);
      expect(await records.personForSession(token)).toBe(person);
      const stored = await database.db.selectFrom('sessions').select('token_hash').where('person_id', '=', person).execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(token);
      await records.endSession(token);
      expect(await records.personForSession(token)).toBeNull();
      expect(await records.personForSession(undefined)).toBeNull();
    });

    it('should record a drill in one transaction: a failure part-way leaves nothing behind', async () => {
      const { team, alice } = await teamWithMembers();
      const before = await database.db.selectFrom('drills').select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      // A person who does not exist fails the last inserts (a foreign key), after the drill row was written.
      await expect(records.recordDrill({ kind: 'group', scenario, save: saveOf(script('checkout-launch', 'expert')), teamId: team, code: null, playedAt: clock, people: [{ personId: alice, displayName: 'Alice', responder: 'alex' }, { personId: 'per_ghost', displayName: 'Ghost', responder: 'sarah' }] })).rejects.toThrow();
      const after = await database.db.selectFrom('drills').select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });
}
