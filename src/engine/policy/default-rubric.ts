/**
 * The rubric a run is played under when none is given: the module's own policy, from the same data file teams copy
 * to write theirs.
 */
import defaultRubricJson from '../../../scenarios/rubrics/default.json' with { type: 'json' };
import { RubricSchema, type Rubric } from './rubric';

export const DEFAULT_RUBRIC_FILE = 'scenarios/rubrics/default.json';

let parsed: Rubric | undefined;

/** The default rubric, checked once (a test keeps the file valid, so this never fails in a release). */
export function defaultRubric(): Rubric {
  parsed ??= RubricSchema.parse(defaultRubricJson);
  return parsed;
}
