/** `firedrill schema`: prints the JSON Schema of scenario files, or with `--rubric` of rubric files. */
import { z } from 'zod';
import { ScenarioSchema } from '../../engine/index';
import { builtSchema } from '../../engine/lazy-schema';
import { RubricSchema } from '../../engine/policy/rubric';
import { args } from '../args';
import { EXIT } from '../exit';
import type { Io } from '../io';

export function schema(argv: string[], io: Io): number {
  const { values } = args(argv, { rubric: { type: 'boolean' } }, 0);
  io.out(`${JSON.stringify(values.rubric ? rubricJsonSchema() : scenarioJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

/**
 * The JSON Schema editors use to complete and check scenario files. `io: 'input'` keeps defaulted fields optional.
 * The built schema, not its lazy stand-in: the export finds descriptions by the schema object itself.
 */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(builtSchema(ScenarioSchema), { io: 'input', target: 'draft-2020-12' });
}

export function rubricJsonSchema(): unknown {
  return z.toJSONSchema(builtSchema(RubricSchema), { io: 'input', target: 'draft-2020-12' });
}
