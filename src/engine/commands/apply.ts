import { actionSamples, checkStartAction, describeStartAction, startAction } from './start-action';
import { defineCommand, Id } from './define';
import type { Zod } from '../lazy-schema';

export const apply = defineCommand({
  type: 'apply',
  schema: (z: Zod) => z.strictObject({ type: z.literal('apply'), action: Id, performer: Id }),
  summary: 'starts a resolution action; its effect shows after it completes',
  fields: '`action`: resolution id; `performer`',
  who: ['commander', 'operations', 'performer'],
  accepted: [{ in: 'working', target: 'mitigating' }],
  check: ({ scenario, ctx, command }) => checkStartAction('resolution', scenario, ctx, command),
  apply: (step, _by, command) => startAction('resolution', step, command),
  describe: describeStartAction,
  samples: (scenario, pick) => ({ type: 'apply', ...actionSamples(scenario, pick) }),
});
