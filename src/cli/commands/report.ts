/** `firedrill report`: grades a run and prints its blameless debrief as Markdown, HTML or JSON. */
import { shorten } from '../../engine/limits';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadScenario } from '../../engine/index';
import { loadRubric } from '../../engine/policy/rubric';
import { debrief, REPORT_FORMATS, type ReportFormat } from '../../report/index';
import { args, seedArgument } from '../args';
import { DEFAULT_RUBRIC, DEFAULT_RUBRIC_NAME } from '../default-rubric';
import { EXIT, UsageError } from '../exit';
import { readText } from '../files';
import type { Io } from '../io';
import { playScript } from '../play-script';
import { printProblems } from '../problems';

export function report(argv: string[], io: Io): number {
  const { positionals, values } = args(
    argv,
    { seed: { type: 'string' }, script: { type: 'string' }, format: { type: 'string' }, rubric: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } },
    1,
  );
  const format = (values.format ?? 'md') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${shorten(String(values.format))}"`);
  if (!values.script) throw new UsageError('--script is required (a command script, or a run saved from the browser)');
  const seed = values.seed === undefined ? undefined : seedArgument(values.seed);
  const rubricFile = values.rubric ?? DEFAULT_RUBRIC;
  const rubric = loadRubric(readText(rubricFile), values.rubric ?? DEFAULT_RUBRIC_NAME);
  if (!rubric.ok) {
    printProblems(rubric.problems, io, 'err');
    io.err(`\n${rubricFile} is not a valid rubric.\n`);
    return EXIT.invalid;
  }
  const run = playScript(positionals[0]!, seed, values.script, io, undefined, rubric.value);
  if (!run) return EXIT.invalid;
  const text = debrief(run.scenario, run.journal(), rubric.value, format, { seed: run.seed, difficulty: run.difficulty, date: values.date ?? null, catalog: catalogNear(positionals[0]!) });
  if (values.out) {
    try {
      writeFileSync(values.out, text);
    } catch (error) {
      throw new UsageError(`cannot write "${values.out}" (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    io.out(`wrote ${values.out}\n`);
  } else io.out(text);
  return EXIT.ok;
}

/** The valid scenarios beside a scenario file, for "practise next" suggestions. */
function catalogNear(scenarioFile: string): Array<{ id: string; title: string; topics: string[] }> {
  const folder = dirname(scenarioFile);
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const result = loadScenario(readFileSync(join(folder, name), 'utf8'), name);
    return result.ok ? [{ id: result.value.id, title: result.value.title, topics: result.value.topics }] : [];
  });
}
