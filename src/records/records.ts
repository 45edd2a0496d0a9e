/**
 * Readiness records: people and teams, who may see what, and every drill kept as an immutable record with its graded
 * results beside it. One class over the Kysely database, so PGlite and PostgreSQL behave the same; every write that
 * belongs together is one transaction, so a killed server never leaves half a drill.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { replay, ROLES, scenarioHash, type JournalEntry, type Role, type SaveFile, type Scenario } from '../engine/index';
import type { Rubric } from '../engine/policy/rubric';
import { grade, type Score } from '../grading/index';
import { Facts } from '../grading/facts';
import { buildReport } from '../report/index';
import { hashToken, newToken } from '../server/codes';
import type { Database, TeamRole } from './schema';

/** How long a sign-in lasts, and an invitation stays usable. */
export const SESSION_DAYS = 30;
export const INVITATION_DAYS = 14;
export const MAX_TEAM_NAME = 80;

export class RecordsError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410,
    message: string,
  ) {
    super(message);
  }
}

/** Why an invitation link does not work. A withdrawn one is gone, so it reads as one that never was. */
export const INVITATION_UNKNOWN = 'this invitation does not exist (or the team’s manager withdrew it)';
export const INVITATION_USED = 'this invitation has already been used';
export const INVITATION_EXPIRED = 'this invitation has expired; ask for a new one';

export interface OpenInvitation {
  /** Derived one way from the token's hash: names the invitation for withdrawing it, and opens nothing. */
  id: string;
  role: TeamRole;
  createdAt: string;
  expiresAt: string;
  createdBy: { id: string; displayName: string };
  /** Who it is for, in the manager's words, or null when not given. */
  label: string | null;
  /** A short reference (see `invitationReference`) telling it apart when it has no label. */
  reference: string;
}

export const invitationId = (tokenHash: string) => `inv_${createHash('sha256').update(`invitation-id:${tokenHash}`).digest('base64url').slice(0, 22)}`;

/** The longest label an invitation may have ("who is it for"). */
export const MAX_INVITATION_LABEL = 80;

/** The first 6 characters of an invitation's public id after "inv_": shown beside a new link and in its row. */
export const invitationReference = (id: string) => id.slice('inv_'.length, 'inv_'.length + 6);

const newId = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;
const days = (from: Date, n: number) => new Date(from.getTime() + n * 86_400_000);

export interface DrillToRecord {
  kind: 'solo' | 'group';
  scenario: Scenario;
  save: SaveFile;
  teamId: string | null;
  /** The join code, for a group drill: the same drill is never recorded twice. */
  code: string | null;
  playedAt: Date;
  /** Who played which responder; a person not signed in is kept by display name only. */
  people: Array<{ personId: string | null; displayName: string; responder: string }>;
}

/**
 * The incident roles a responder held in a drill, read from its journal: every role given to them by an assign-role
 * or a hand-off (a role.assigned event), even if it later passed to someone else. Acknowledging the page is not a
 * role: the paged on-call leads only until someone is named commander, and a drill where nobody was is the mistake
 * "no clear commander", not practice as one.
 */
export function rolesHeld(journal: readonly JournalEntry[], responder: string): Role[] {
  const held = new Set<Role>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'role.assigned' && entry.event.responder === responder) held.add(entry.event.role);
  return ROLES.filter((r) => held.has(r));
}

/**
 * What makes two uploads the same run: its scenario's content hash, seed, difficulty, seating and every command with
 * who issued it and when. The rubric is left out: the same play under another policy is still the same run.
 */
export function runHash(save: SaveFile): string {
  return createHash('sha256').update(JSON.stringify([save.scenarioHash, save.seed, save.difficulty, save.seating, save.commands])).digest('base64url');
}

export class Records {
  constructor(
    readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // People, sessions, teams, invitations.

  async createPerson(displayName: string, externalId: string | null = null): Promise<string> {
    const id = newId('per');
    await this.db.insertInto('people').values({ id, display_name: displayName, external_id: externalId }).execute();
    return id;
  }

  /** The person a trusted SSO proxy names, created on first sight. */
  async personForExternalId(externalId: string, displayName: string): Promise<string> {
    const found = await this.db.selectFrom('people').select('id').where('external_id', '=', externalId).executeTakeFirst();
    return found?.id ?? this.createPerson(displayName, externalId);
  }

  async person(id: string): Promise<{ id: string; displayName: string } | null> {
    const row = await this.db.selectFrom('people').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, displayName: row.display_name } : null;
  }

  /** A new session for a person: the token goes in an HTTP-only cookie; only its hash is kept. */
  async createSession(personId: string): Promise<string> {
    const token = newToken();
    await this.db.insertInto('sessions').values({ token_hash: hashToken(token), person_id: personId, expires_at: days(this.now(), SESSION_DAYS) }).execute();
    return token;
  }

  async personForSession(token: string | undefined): Promise<string | null> {
    if (!token || token.length > 200) return null;
    const row = await this.db.selectFrom('sessions').select('person_id').where('token_hash', '=', hashToken(token)).where('expires_at', '>', this.now()).executeTakeFirst();
    return row?.person_id ?? null;
  }

  async endSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  }

  /** A team is created with its manager, in one step. */
  async createTeam(name: string, managerId: string): Promise<string> {
    const id = newId('team');
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('teams').values({ id, name }).execute();
      await tx.insertInto('memberships').values({ team_id: id, person_id: managerId, role: 'manager' }).execute();
    });
    return id;
  }

  async rolesIn(teamId: string, personId: string): Promise<TeamRole[]> {
    const rows = await this.db.selectFrom('memberships').select('role').where('team_id', '=', teamId).where('person_id', '=', personId).execute();
    return rows.map((r) => r.role);
  }

  async teamsOf(personId: string): Promise<Array<{ id: string; name: string; roles: TeamRole[] }>> {
    const rows = await this.db.selectFrom('memberships').innerJoin('teams', 'teams.id', 'memberships.team_id').select(['teams.id', 'teams.name', 'memberships.role']).where('memberships.person_id', '=', personId).orderBy('teams.name').execute();
    const teams = new Map<string, { id: string; name: string; roles: TeamRole[] }>();
    for (const row of rows) {
      const team = teams.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
      team.roles.push(row.role);
      teams.set(row.id, team);
    }
    return [...teams.values()];
  }

  async team(teamId: string): Promise<{ id: string; name: string } | null> {
    return (await this.db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst()) ?? null;
  }

  async members(teamId: string): Promise<Array<{ id: string; displayName: string; roles: TeamRole[] }>> {
    const rows = await this.db.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id').select(['people.id', 'people.display_name', 'memberships.role']).where('memberships.team_id', '=', teamId).orderBy('people.display_name').execute();
    const people = new Map<string, { id: string; displayName: string; roles: TeamRole[] }>();
    for (const row of rows) {
      const person = people.get(row.id) ?? { id: row.id, displayName: row.display_name, roles: [] };
      person.roles.push(row.role);
      people.set(row.id, person);
    }
    return [...people.values()];
  }

  /** A manager invites someone into a team in a role; the link's token is single-use and kept only as a hash. */
  async invite(teamId: string, role: TeamRole, byPersonId: string, label: string | null = null): Promise<string> {
    const kept = label?.trim() || null;
    if (kept !== null && kept.length > MAX_INVITATION_LABEL) throw new RecordsError(400, `who the invitation is for: at most ${MAX_INVITATION_LABEL} characters`);
    if (!(await this.rolesIn(teamId, byPersonId)).includes('manager')) throw new RecordsError(403, 'only a manager of this team may invite people to it');
    const token = newToken();
    await this.db.insertInto('invitations').values({ token_hash: hashToken(token), team_id: teamId, role, created_by: byPersonId, expires_at: days(this.now(), INVITATION_DAYS), label: kept }).execute();
    return token;
  }

  /**
   * Uses an invitation: the person joins the team in its role. The update that marks it used is also the check that
   * it was unused, so two people racing for one link cannot both get in.
   */
  async acceptInvitation(token: string, personId: string): Promise<{ teamId: string; role: TeamRole }> {
    if (token.length > 200) throw new RecordsError(404, INVITATION_UNKNOWN);
    return this.db.transaction().execute(async (tx) => {
      const now = this.now();
      const used = await tx
        .updateTable('invitations')
        .set({ used_at: now, used_by: personId })
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['team_id', 'role'])
        .executeTakeFirst();
      if (!used) {
        const known = await tx.selectFrom('invitations').select(['used_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
        throw known ? new RecordsError(410, known.used_at ? INVITATION_USED : INVITATION_EXPIRED) : new RecordsError(404, INVITATION_UNKNOWN);
      }
      await tx.insertInto('memberships').values({ team_id: used.team_id, person_id: personId, role: used.role }).onConflict((c) => c.doNothing()).execute();
      return { teamId: used.team_id, role: used.role };
    });
  }

  /**
   * A team's invitations still waiting to be used (unused, unexpired), newest first, for its managers: the role, when
   * and by whom each was made, and an id to withdraw it by. Never the token (only its hash is kept), nor the hash:
   * the id is derived from the hash one way, so it opens nothing.
   */
  async openInvitations(teamId: string, viewerId: string): Promise<OpenInvitation[]> {
    await this.mustManage(teamId, viewerId, 'only a manager of this team may see its invitations');
    const rows = await this.db
      .selectFrom('invitations')
      .innerJoin('people', 'people.id', 'invitations.created_by')
      .select(['invitations.token_hash', 'invitations.role', 'invitations.created_at', 'invitations.expires_at', 'invitations.label', 'people.id as by_id', 'people.display_name as by_name'])
      .where('invitations.team_id', '=', teamId)
      .where('invitations.used_at', 'is', null)
      .where('invitations.expires_at', '>', this.now())
      .orderBy('invitations.created_at', 'desc')
      .execute();
    return rows.map((r) => {
      const id = invitationId(r.token_hash);
      return { id, role: r.role, createdAt: new Date(r.created_at).toISOString(), expiresAt: new Date(r.expires_at).toISOString(), createdBy: { id: r.by_id, displayName: r.by_name }, label: r.label, reference: invitationReference(id) };
    });
  }

  /**
   * Withdraws an unused invitation: its link stops working at once (the row goes; a used invitation is a membership
   * now and is not touched). Only a manager of the invitation's team may.
   */
  async revokeInvitation(teamId: string, id: string, viewerId: string): Promise<{ role: TeamRole }> {
    await this.mustManage(teamId, viewerId, 'only a manager of this team may withdraw its invitations');
    const open = await this.db.selectFrom('invitations').select(['token_hash', 'role']).where('team_id', '=', teamId).where('used_at', 'is', null).execute();
    const found = open.find((r) => invitationId(r.token_hash) === id);
    if (!found) throw new RecordsError(404, 'there is no such unused invitation in this team');
    // `used_at is null` again: an invitation accepted a moment ago stays accepted.
    const gone = await this.db.deleteFrom('invitations').where('token_hash', '=', found.token_hash).where('used_at', 'is', null).returning('token_hash').executeTakeFirst();
    if (!gone) throw new RecordsError(409, 'this invitation was used just now');
    return { role: found.role };
  }

  /**
   * What an invitation link offers, without using it: the team's name, who invited and in which role. Only for a link
   * that still works; a used, expired or withdrawn one tells nothing about its team.
   */
  async invitationPreview(token: string): Promise<{ teamName: string; invitedBy: string; role: TeamRole }> {
    if (token.length > 200) throw new RecordsError(404, INVITATION_UNKNOWN);
    const row = await this.db
      .selectFrom('invitations')
      .innerJoin('teams', 'teams.id', 'invitations.team_id')
      .innerJoin('people', 'people.id', 'invitations.created_by')
      .select(['teams.name as team_name', 'people.display_name as by_name', 'invitations.role', 'invitations.used_at', 'invitations.expires_at'])
      .where('invitations.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row) throw new RecordsError(404, INVITATION_UNKNOWN);
    if (row.used_at !== null) throw new RecordsError(410, INVITATION_USED);
    if (new Date(row.expires_at) <= this.now()) throw new RecordsError(410, INVITATION_EXPIRED);
    return { teamName: row.team_name, invitedBy: row.by_name, role: row.role };
  }

  private async mustManage(teamId: string, personId: string, refusal: string): Promise<void> {
    const roles = await this.rolesIn(teamId, personId);
    // As for the team's page: a team one is not in is refused alike whether it exists or not.
    if (roles.length === 0) throw new RecordsError(403, 'you are not in this team');
    if (!roles.includes('manager')) throw new RecordsError(403, refusal);
  }

  /** Marks a team's action item done: anyone in the team may, and who did is kept. */
  async closeActionItem(itemId: number, personId: string): Promise<void> {
    const item = await this.db.selectFrom('action_items').select(['team_id', 'closed_at']).where('id', '=', itemId).executeTakeFirst();
    if (!item || item.team_id === null || (await this.rolesIn(item.team_id, personId)).length === 0) throw new RecordsError(404, 'there is no such action item in your teams');
    if (item.closed_at !== null) throw new RecordsError(409, 'this action item is already done');
    await this.db.updateTable('action_items').set({ closed_at: this.now(), closed_by: personId, status: 'Done' }).where('id', '=', itemId).where('closed_at', 'is', null).execute();
  }

  // Drills and results.

  /**
   * Records a finished drill: the scenario's content (once per hash), the run, who played what, the graded result
   * (version 1) with each person's part, and the postmortem's action items. One transaction: all of it or nothing.
   */
  async recordDrill(drill: DrillToRecord): Promise<string> {
    return (await this.insertDrill(drill, null)).drillId;
  }

  /**
   * Keeps a solo run in its player's records, once: the same run uploaded again by the same person (a reloaded
   * debrief in a browser without IndexedDB, two tabs) answers with the drill already kept, `duplicate: true`. The
   * unique index on (uploaded_by, run_hash) decides, so two uploads racing each other still make one drill.
   */
  async recordSoloRun(drill: Omit<DrillToRecord, 'kind' | 'teamId' | 'code'> & { personId: string }): Promise<{ drillId: string; duplicate: boolean }> {
    const key = { personId: drill.personId, runHash: runHash(drill.save) };
    const existing = () => this.db.selectFrom('drills').select('id').where('uploaded_by', '=', key.personId).where('run_hash', '=', key.runHash).executeTakeFirst();
    const known = await existing();
    if (known) return { drillId: known.id, duplicate: true };
    try {
      return await this.insertDrill({ ...drill, kind: 'solo', teamId: null, code: null }, key);
    } catch (error) {
      // The other upload of a race committed first (a unique violation here): its drill is the one kept.
      const raced = await existing();
      if (raced) return { drillId: raced.id, duplicate: true };
      throw error;
    }
  }

  private async insertDrill(drill: DrillToRecord, upload: { personId: string; runHash: string } | null): Promise<{ drillId: string; duplicate: boolean }> {
    const id = newId('drill');
    const hash = scenarioHash(drill.scenario);
    await this.db.transaction().execute(async (tx) => {
      if (drill.code !== null && (await tx.selectFrom('drills').select('id').where('code', '=', drill.code).executeTakeFirst())) throw new RecordsError(409, 'this drill is already recorded');
      await tx.insertInto('scenarios').values({ hash, scenario_id: drill.scenario.id, title: drill.scenario.title, content: JSON.stringify(drill.scenario) }).onConflict((c) => c.column('hash').doNothing()).execute();
      await tx
        .insertInto('drills')
        .values({ id, kind: drill.kind, scenario_hash: hash, scenario_id: drill.scenario.id, seed: drill.save.seed, difficulty: drill.save.difficulty, run: JSON.stringify(drill.save), team_id: drill.teamId, code: drill.code, played_at: drill.playedAt, uploaded_by: upload?.personId ?? null, run_hash: upload?.runHash ?? null })
        .execute();
      if (drill.people.length > 0) await tx.insertInto('drill_people').values(drill.people.map((p) => ({ drill_id: id, person_id: p.personId, display_name: p.displayName, responder: p.responder }))).execute();
      const rubric = drill.save.rubric;
      await this.insertResult(tx, id, drill.scenario, drill.save, rubric, 1, drill.people);
      const journal = replayOf(drill.scenario, drill.save, drill.save.rubric);
      const postmortem = new Facts(drill.scenario, journal).commands('postmortem').at(-1)?.command.document;
      if (postmortem && postmortem.actionItems.length > 0) {
        await tx.insertInto('action_items').values(postmortem.actionItems.map((item, position) => ({ drill_id: id, team_id: drill.teamId, position, action: item.action, owner: item.owner, priority: item.priority, status: item.status }))).execute();
      }
    });
    return { drillId: id, duplicate: false };
  }

  /** Grades a recorded drill again under `rubric`: a new result beside the old ones, which stay as they were. */
  async regrade(drillId: string, rubric: Rubric): Promise<{ version: number; overall: number; level: string }> {
    return this.db.transaction().execute(async (tx) => {
      const drill = await tx.selectFrom('drills').innerJoin('scenarios', 'scenarios.hash', 'drills.scenario_hash').select(['drills.run', 'scenarios.content']).where('drills.id', '=', drillId).executeTakeFirst();
      if (!drill) throw new RecordsError(404, `there is no recorded drill "${drillId.slice(0, 60)}"`);
      const people = await tx.selectFrom('drill_people').select(['person_id as personId', 'display_name as displayName', 'responder']).where('drill_id', '=', drillId).execute();
      const latest = await tx.selectFrom('results').select(sql<number>`max(version)`.as('version')).where('drill_id', '=', drillId).executeTakeFirst();
      const version = Number(latest?.version ?? 0) + 1;
      const score = await this.insertResult(tx, drillId, drill.content as Scenario, drill.run as SaveFile, rubric, version, people);
      return { version, overall: score.overall, level: score.readiness.level };
    });
  }

  private async insertResult(tx: Transaction<Database>, drillId: string, scenario: Scenario, save: SaveFile, rubric: Rubric, version: number, people: Array<{ personId: string | null; responder: string }>): Promise<Score> {
    const journal = replayOf(scenario, save, rubric);
    const score = grade(scenario, journal, rubric);
    const resultId = newId('res');
    const mistakes = [...new Set(score.findings.filter((f) => f.mistake && f.points < 0).map((f) => f.mistake!))];
    // The whole grade's points, so a person's own part can be read as a share of them (see describe.ts `ownPart`).
    const earned = Math.round(score.findings.reduce((sum, f) => sum + Math.max(0, f.points), 0) * 10) / 10;
    const lost = Math.round(score.findings.reduce((sum, f) => sum + Math.max(0, -f.points), 0) * 10) / 10;
    await tx
      .insertInto('results')
      .values({ id: resultId, drill_id: drillId, rubric_id: rubric.id, rubric: JSON.stringify(rubric), overall: score.overall, level: score.readiness.level, categories: JSON.stringify(score.categories), mistakes: JSON.stringify(mistakes), version, earned_points: earned, lost_points: lost })
      .execute();
    // Each person's part: the points in findings that cite their own commands, as the team debrief credits seats.
    const seats = buildReport(scenario, journal, score, { seed: save.seed }).seats;
    const rows = people.flatMap((p) => {
      if (p.personId === null) return [];
      const seat = seats.find((s) => s.responder === p.responder);
      const sum = (lines: Array<{ category: string; points: number }>) => lines.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.category]: Math.round(((acc[l.category] ?? 0) + l.points) * 10) / 10 }), {});
      return [{ result_id: resultId, person_id: p.personId, responder: p.responder, credited: JSON.stringify(sum(seat?.credits ?? [])), deducted: JSON.stringify(sum(seat?.deductions ?? [])), roles: JSON.stringify(rolesHeld(journal, p.responder)) }];
    });
    if (rows.length > 0) await tx.insertInto('person_results').values(rows).execute();
    return score;
  }
}

/** The journal a run file replays to, under `rubric` (its deadlines follow the policy it is graded by). */
function replayOf(scenario: Scenario, save: SaveFile, rubric: Rubric) {
  return replay(scenario, save.seed, save.commands, save.minute, { rubric, seating: save.seating, difficulty: save.difficulty }).journal();
}
