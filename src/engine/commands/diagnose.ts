import { actionSamples, checkStartAction, describeStartAction, startAction } from './start-action';
import { defineCommand, Id } from './define';
import type { Zod } from '../lazy-schema';

export const diagnose = defineCommand({
  type: 'diagnose',
  schema: (z: Zod) => z.strictObject({ type: z.literal('diagnose'), action: Id, performer: Id }),
  summary: 'starts a diagnosis step; its finding arrives when it completes',
  fields: '`action`: diagnosis id; `performer`: responder id',
  who: ['commander', 'operations', 'performer'],
  // A fix in flight does not stop further diagnosis running alongside it.
  accepted: [{ in: 'mitigating' }, { in: 'working', target: 'diagnosing' }],
  check: ({ scenario, ctx, command }) => checkStartAction('diagnosis', scenario, ctx, command),
  apply: (step, _by, command) => startAction('diagnosis', step, command),
  describe: describeStartAction,
  samples: (scenario, pick) => ({ type: 'diagnose', ...actionSamples(scenario, pick) }),
});
