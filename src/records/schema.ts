/**
 * The records' tables as Kysely sees them. People, teams and who may see what; every drill as an immutable record
 * (the scenario's content by hash, seed, difficulty, rubric, the whole run); graded results beside it (a re-grade
 * under a new rubric is a new result, never an edit); and the action items its postmortem promised.
 */
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../engine/index';

/** JSON stored as jsonb: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type TeamRole = 'member' | 'facilitator' | 'manager';
export const TEAM_ROLES: readonly TeamRole[] = ['member', 'facilitator', 'manager'];

export interface PeopleTable {
  id: string;
  display_name: string;
  /** The identity a trusted SSO proxy asserts (e.g. an email), when the server runs behind one. */
  external_id: string | null;
  created_at: CreatedAt;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  team_id: string;
  person_id: string;
  role: TeamRole;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  /** sha256 of the single-use token in the invitation link. */
  token_hash: string;
  team_id: string;
  role: TeamRole;
  created_by: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
  used_by: string | null;
  /** Who the invitation is for, in the manager's words (migration 0003); null when not given. */
  label: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie's value. */
  token_hash: string;
  person_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface ScenariosTable {
  /** The scenario's content hash: an old run always re-grades against the content it was played with. */
  hash: string;
  scenario_id: string;
  title: string;
  content: Json<unknown>;
  created_at: CreatedAt;
}

export interface DrillsTable {
  id: string;
  kind: 'solo' | 'group';
  scenario_hash: string;
  scenario_id: string;
  seed: string;
  difficulty: string;
  /** The run file (format 2 save): rubric, seating and every command with who issued it. */
  run: Json<unknown>;
  team_id: string | null;
  /** The join code of a group drill: recording one twice is refused. */
  code: string | null;
  played_at: Date;
  recorded_at: CreatedAt;
  /** An uploaded solo run: who uploaded it, and the hash of the run (scenario hash, seed, difficulty, commands). */
  uploaded_by: ColumnType<string | null, string | null | undefined, never>;
  run_hash: ColumnType<string | null, string | null | undefined, never>;
}

export interface DrillPeopleTable {
  drill_id: string;
  person_id: string | null;
  display_name: string;
  /** The roster responder this person played. */
  responder: string;
}

export interface ResultsTable {
  id: string;
  drill_id: string;
  rubric_id: string;
  rubric: Json<unknown>;
  overall: number;
  level: string;
  categories: Json<Record<string, number>>;
  mistakes: Json<string[]>;
  graded_at: CreatedAt;
  /** 1 for the grade made when the drill was recorded, then 2, 3… for each re-grade. */
  version: number;
  /** The points every finding of the grade gave and took, in total (null for results graded before these were kept). */
  earned_points: ColumnType<number | null, number | null | undefined, never>;
  lost_points: ColumnType<number | null, number | null | undefined, never>;
}

export interface PersonResultsTable {
  result_id: string;
  person_id: string;
  responder: string;
  /** Points given and taken in findings that cite this person's commands, per category. */
  credited: Json<Record<string, number>>;
  deducted: Json<Record<string, number>>;
  /** The incident roles the person's responder held in the drill, from its journal (null: recorded before these were kept). */
  roles: ColumnType<Role[] | null, string | null | undefined, never>;
}

export interface ActionItemsTable {
  id: Generated<number>;
  drill_id: string;
  team_id: string | null;
  position: number;
  action: string;
  owner: string;
  priority: string;
  status: string;
  closed_at: Date | null;
  closed_by: string | null;
}

export interface Database {
  people: PeopleTable;
  teams: TeamsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  scenarios: ScenariosTable;
  drills: DrillsTable;
  drill_people: DrillPeopleTable;
  results: ResultsTable;
  person_results: PersonResultsTable;
  action_items: ActionItemsTable;
}
