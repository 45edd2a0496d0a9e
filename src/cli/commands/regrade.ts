/**
 * `firedrill regrade`: grades recorded drills again under a rubric. Runs are immutable: each re-grade is a new result
 * beside the old ones (its version says which), and the team's views show the newest.
 */
import { shorten } from '../../engine/limits';
import { loadRubric } from '../../engine/policy/rubric';
import { openDatabase } from '../../records/database';
import { Records, RecordsError } from '../../records/records';
import { args } from '../args';
import { EXIT, UsageError } from '../exit';
import { readText } from '../files';
import type { Io } from '../io';
import { printProblems } from '../problems';

export async function regrade(argv: string[], io: Io): Promise<number> {
  if (!argv.includes('--all') && !argv.some((a) => !a.startsWith('--'))) throw new UsageError('name the drills to re-grade by id, or pass --all');
  const { positionals, values } = args(argv, { rubric: { type: 'string' }, data: { type: 'string' }, all: { type: 'boolean' } }, argv.includes('--all') ? 0 : 'many');
  if (!values.rubric) throw new UsageError('--rubric is required: the rubric file to grade under');
  const rubric = loadRubric(readText(values.rubric), values.rubric);
  if (!rubric.ok) {
    printProblems(rubric.problems, io, 'err');
    io.err(`\n${values.rubric} is not a valid rubric.\n`);
    return EXIT.invalid;
  }
  const url = process.env.DATABASE_URL;
  const dataFolder = values.data ?? `${process.env.FIREDRILL_DATA ?? 'data'}/records`;
  io.err(url ? 'Opening the records (PostgreSQL)…\n' : `Opening the records (PGlite in ${dataFolder})…\n`);
  const database = await openDatabase(url ? { url, ...(process.env.DATABASE_SCHEMA ? { schema: process.env.DATABASE_SCHEMA } : {}) } : { dataFolder });
  try {
    const records = new Records(database.db);
    const ids = values.all ? (await database.db.selectFrom('drills').select('id').orderBy('played_at').execute()).map((d) => d.id) : positionals;
    let failed = 0;
    for (const [index, id] of ids.entries()) {
      try {
        const result = await records.regrade(id, rubric.value);
        io.out(`${id}: ${result.overall}/100, ${result.level} (result version ${result.version}, rubric "${rubric.value.id}")${ids.length > 1 ? ` [${index + 1}/${ids.length}]` : ''}\n`);
      } catch (error) {
        if (!(error instanceof RecordsError)) throw error;
        failed++;
        io.err(`${shorten(id)}: ${error.message}\n`);
      }
    }
    if (ids.length === 0) io.out('No drills are recorded yet.\n');
    return failed > 0 ? EXIT.invalid : EXIT.ok;
  } finally {
    await database.close();
  }
}
