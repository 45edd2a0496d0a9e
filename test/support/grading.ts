import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScript, replay, type Scenario, type ScriptEntry } from '../../src/engine/index';
import { grade, loadRubric, type Rubric, type Score } from '../../src/grading/index';
import { buildReport, type DebriefReport } from '../../src/report/index';
import { ROOT } from './scenarios';

export function defaultRubric(): Rubric {
  const result = loadRubric(readFileSync(join(ROOT, 'scenarios/rubrics/default.json'), 'utf8'), 'scenarios/rubrics/default.json');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

export function script(scenarioId: string, name: string): ScriptEntry[] {
  const file = `test/scripts/${scenarioId}/${name}.json`;
  const result = loadScript(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

export function play(scenario: Scenario, commands: ScriptEntry[], seed = 1, rubric = defaultRubric()): { score: Score; report: DebriefReport; journal: ReturnType<ReturnType<typeof replay>['journal']> } {
  // The run is played under the rubric it is graded by: its deadlines come from the same policy.
  const run = replay(scenario, seed, commands, undefined, { rubric });
  const journal = run.journal();
  const score = grade(scenario, journal, rubric);
  return { score, report: buildReport(scenario, journal, score, { seed: String(seed) }), journal };
}
