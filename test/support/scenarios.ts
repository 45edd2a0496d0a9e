import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadScenario, type Scenario } from '../../src/engine/index';

export const ROOT = join(import.meta.dirname, '..', '..');

export function scenarioFiles(): string[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join('scenarios', f));
}

/** Loads a scenario that must be valid, failing loudly with its problems otherwise. */
export function loadValid(relativePath: string): Scenario {
  const result = loadScenario(readFileSync(join(ROOT, relativePath), 'utf8'), relativePath);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}
