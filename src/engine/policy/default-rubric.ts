/**
 * The rubric a run is played under when none is given: the module's own policy, from the same data file teams copy
 * to write theirs.
 */
import defaultRubricJson from '../../../scenarios/rubrics/default.json' with { type: 'json' };
import type { Rubric } from './rubric';

export const DEFAULT_RUBRIC_FILE = 'scenarios/rubrics/default.json';

/**
 * The default rubric as the file states it, not parsed here: parsing built the rubric's schema and walked the file on
 * every new drill, on the path to the war room's first frame. `test/default-rubric.test.ts` proves the file valid and
 * complete (parsing it adds no default), and freezing it keeps one mistaken write from changing every later run.
 */
const rubric: Rubric = deepFreeze(defaultRubricJson as unknown as Rubric);

export function defaultRubric(): Rubric {
  return rubric;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
