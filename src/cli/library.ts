/** Checks across the scenario files `validate` and `check` are given together. */
import { basename, dirname } from 'node:path';
import type { Problem } from '../engine/index';

/**
 * Rules across files: in a scenarios folder the id must be the file's name (the expert script and the browser find
 * a scenario by it), and no two files may share an id.
 */
export function libraryProblems(loaded: Array<{ file: string; id: string }>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { file, id } of loaded) {
    const name = basename(file, '.json');
    if (basename(dirname(file)) === 'scenarios' && name !== id) {
      problems.push({ file, line: 1, column: 1, path: 'id', message: `the id "${id}" must match the file name "${name}" (rename one of them)` });
    }
    const other = seen.get(id);
    if (other) problems.push({ file, line: 1, column: 1, path: 'id', message: `the id "${id}" is already used by ${other}` });
    else seen.set(id, file);
  }
  return problems;
}
