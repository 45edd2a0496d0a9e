/** The scenario file a subcommand is given, loaded for a command that needs it valid. */
import { loadScenario, type Scenario } from '../engine/index';
import { readText } from './files';
import type { Io } from './io';
import { printProblems } from './problems';

/** Loads a scenario for a command that needs a valid one; an invalid file prints its problems. */
export function scenarioArgument(file: string, io: Io): Scenario | null {
  const result = loadScenario(readText(file), file);
  if (result.ok) return result.value;
  printProblems(result.problems, io, 'err');
  io.err(`\n${file} is not a valid scenario (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).\n`);
  return null;
}
