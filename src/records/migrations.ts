/**
 * Migrations, run on start on PGlite and PostgreSQL alike. Each is a function of its own, in order, and never
 * changes once released: a new need is a new migration.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const now = sql`now()`;
    await db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createTable('memberships')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'facilitator', 'manager')`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('memberships_pk', ['team_id', 'person_id', 'role'])
      .execute();
    await db.schema.createIndex('memberships_person').on('memberships').column('person_id').execute();
    await db.schema
      .createTable('invitations')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'facilitator', 'manager')`))
      .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('used_at', 'timestamptz')
      .addColumn('used_by', 'text', (c) => c.references('people.id'))
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scenarios')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createTable('drills')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('solo', 'group')`))
      .addColumn('scenario_hash', 'text', (c) => c.notNull().references('scenarios.hash'))
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('difficulty', 'text', (c) => c.notNull())
      .addColumn('run', 'jsonb', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.references('teams.id'))
      .addColumn('code', 'text', (c) => c.unique())
      .addColumn('played_at', 'timestamptz', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema.createIndex('drills_team').on('drills').columns(['team_id', 'played_at']).execute();
    await db.schema
      .createTable('drill_people')
      .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.references('people.id'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('responder', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('drill_people_person').on('drill_people').column('person_id').execute();
    await db.schema.createIndex('drill_people_drill').on('drill_people').column('drill_id').execute();
    await db.schema
      .createTable('results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id').onDelete('cascade'))
      .addColumn('rubric_id', 'text', (c) => c.notNull())
      .addColumn('rubric', 'jsonb', (c) => c.notNull())
      .addColumn('overall', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('categories', 'jsonb', (c) => c.notNull())
      .addColumn('mistakes', 'jsonb', (c) => c.notNull())
      .addColumn('graded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('results_drill_version', ['drill_id', 'version'])
      .execute();
    await db.schema
      .createTable('person_results')
      .addColumn('result_id', 'text', (c) => c.notNull().references('results.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('responder', 'text', (c) => c.notNull())
      .addColumn('credited', 'jsonb', (c) => c.notNull())
      .addColumn('deducted', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('person_results_person').on('person_results').column('person_id').execute();
    await db.schema
      .createTable('action_items')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id').onDelete('cascade'))
      .addColumn('team_id', 'text', (c) => c.references('teams.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'timestamptz')
      .addColumn('closed_by', 'text', (c) => c.references('people.id'))
      .execute();
    await db.schema.createIndex('action_items_team').on('action_items').columns(['team_id', 'closed_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['action_items', 'person_results', 'results', 'drill_people', 'drills', 'scenarios', 'sessions', 'invitations', 'memberships', 'teams', 'people']) await db.schema.dropTable(table).ifExists().execute();
  },
};

/**
 * What the records now keep beside each result: the roles each person actually held in the drill (read from its
 * journal; null for drills recorded before, which fall back to the lobby's suggestion, labelled so), the drill's total
 * points earned and lost (so a person's own part can be read as a share; null before), and, for an uploaded solo run,
 * who uploaded it and a hash of the run, unique together, so the same run uploaded twice is one drill. Columns are
 * added nullable: old rows stay valid as they were.
 */
const keptRolesAndRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('person_results').addColumn('roles', 'jsonb').execute();
    await db.schema.alterTable('results').addColumn('earned_points', 'double precision').addColumn('lost_points', 'double precision').execute();
    await db.schema.alterTable('drills').addColumn('uploaded_by', 'text', (c) => c.references('people.id')).addColumn('run_hash', 'text').execute();
    // Group drills have neither (nulls never collide in a unique index): only uploaded solo runs are kept once.
    await db.schema.createIndex('drills_uploaded_run').on('drills').columns(['uploaded_by', 'run_hash']).unique().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('drills_uploaded_run').ifExists().execute();
    await db.schema.alterTable('drills').dropColumn('run_hash').dropColumn('uploaded_by').execute();
    await db.schema.alterTable('results').dropColumn('lost_points').dropColumn('earned_points').execute();
    await db.schema.alterTable('person_results').dropColumn('roles').execute();
  },
};

/**
 * Who an invitation is for, in the manager's words (a name or an email, at most 80 characters; the API checks it), so
 * several outstanding invitations for the same role can be told apart. Nullable: older invitations and ones made
 * without it stay valid, and are told apart by a short reference from their public id instead.
 */
const invitationLabels: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('invitations').addColumn('label', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('invitations').dropColumn('label').execute();
  },
};

/** Every migration, by a name that sorts in the order they run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-kept-roles-and-runs': keptRolesAndRuns,
  '0003-invitation-labels': invitationLabels,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** `schema`: where the migration bookkeeping lives when the tables are kept in a schema of their own. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`the records database could not be migrated${failed ? ` (at ${failed})` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
