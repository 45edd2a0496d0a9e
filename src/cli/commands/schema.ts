/** `firedrill schema`: prints the JSON Schema of scenario files, or with `--rubric` of rubric files. */
import { z } from 'zod';
import { ScenarioSchema } from '../../engine/index';
import { RubricSchema } from '../../engine/policy/rubric';
import { args } from '../args';
import { EXIT } from '../exit';
import type { Io } from '../io';

export function schema(argv: string[], io: Io): number {
  const { values } = args(argv, { rubric: { type: 'boolean' } }, 0);
  io.out(`${JSON.stringify(values.rubric ? rubricJsonSchema() : scenarioJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

/** The JSON Schema editors use to complete and check scenario files. `io: 'input'` keeps defaulted fields optional. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
}

export function rubricJsonSchema(): unknown {
  return z.toJSONSchema(RubricSchema, { io: 'input', target: 'draft-2020-12' });
}
