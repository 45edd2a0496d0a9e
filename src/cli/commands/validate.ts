/** `firedrill validate`: checks scenario files and lists every problem in every file. */
import { loadScenario, type Problem } from '../../engine/index';
import { args } from '../args';
import { EXIT, UsageError } from '../exit';
import { readText } from '../files';
import type { Io } from '../io';
import { libraryProblems } from '../library';
import { printProblems } from '../problems';

export function validate(argv: string[], io: Io): number {
  const { positionals } = args(argv, {}, 'many');
  let problems: Problem[] = [];
  const loaded: Array<{ file: string; id: string }> = [];
  const unreadable: string[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      unreadable.push(error.message);
      continue;
    }
    const result = loadScenario(text, file);
    if (result.ok) loaded.push({ file, id: result.value.id });
    else problems = problems.concat(result.problems);
  }
  const across = libraryProblems(loaded);
  problems = problems.concat(across);
  for (const { file } of loaded) if (!across.some((p) => p.file === file)) io.out(`✓ ${file}\n`);
  // A file that cannot be read is wrong usage, which outranks invalid content: print what was found, then exit 2.
  if (unreadable.length > 0) {
    printProblems(problems, io, 'err');
    for (const message of unreadable) io.err(`firedrill: ${message}\n`);
    return EXIT.usage;
  }
  if (problems.length === 0) return EXIT.ok;
  printProblems(problems, io, 'err');
  const files = new Set(problems.map((p) => p.file)).size;
  io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`);
  return EXIT.invalid;
}
