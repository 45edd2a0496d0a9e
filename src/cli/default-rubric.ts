/** The rubric a run is graded by when none is given: the team's shipped policy. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Found from this file rather than the working folder, so the command works from anywhere. */
export const DEFAULT_RUBRIC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios', 'rubrics', 'default.json');

/** How problems in the default rubric name it: the same short path whichever folder the command runs from. */
export const DEFAULT_RUBRIC_NAME = 'scenarios/rubrics/default.json';
