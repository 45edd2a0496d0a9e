/** Problems as the command line shows them: one line each, with the file and position they are at. */
import { formatProblem, type Problem } from '../engine/index';
import type { Io } from './io';

/** Writes every problem, one line each, to the chosen stream. */
export function printProblems(problems: Problem[], io: Io, stream: keyof Io): void {
  for (const problem of problems) io[stream](`${formatProblem(problem)}\n`);
}

/** Wrong usage gets one line: the first problem, and how many more there are. */
export function firstProblem(what: string, problems: Problem[]): string {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${what}: ${formatProblem(problems[0]!)}${more}`;
}
