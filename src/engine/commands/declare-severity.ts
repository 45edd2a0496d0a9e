import { SEVERITIES } from '../scenario/schema';
import { responseAssembled } from '../rules';
import { defineCommand } from './define';
import type { Zod } from '../lazy-schema';

export const declareSeverity = defineCommand({
  type: 'declare-severity',
  schema: (z: Zod) => z.strictObject({ type: z.literal('declare-severity'), severity: z.enum(SEVERITIES) }),
  summary: 'declares or re-declares the severity; the rubric’s response time for it starts a deadline',
  fields: '`severity`: `SEV1`…`SEV4`',
  who: ['commander'],
  accepted: [{ in: 'active' }],
  check: () => null,
  apply(step, _by, command) {
    const { ctx, now } = step;
    const previous = ctx.severity;
    ctx.severity = command.severity;
    step.emit({ type: 'severity.declared', severity: command.severity, previous });
    const response = step.rubric.responseMinutes[command.severity];
    if (response === null) step.meetDeadline('response');
    else if (!responseAssembled(ctx)) step.setDeadline('response', `${command.severity} response: commander named and first update sent`, Math.max(now, response));
  },
  describe: (command) => `declared ${command.severity}`,
  samples: (_scenario, pick) => ({ type: 'declare-severity', severity: pick(SEVERITIES) }),
});
