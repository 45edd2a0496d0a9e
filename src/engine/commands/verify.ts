import { verificationTruth } from '../rules';
import { VERIFICATION_ITEMS } from '../scenario/schema';
import { defineCommand } from './define';
import type { Zod } from '../lazy-schema';

export const verify = defineCommand({
  type: 'verify',
  schema: (z: Zod) => z.strictObject({ type: z.literal('verify'), item: z.enum(VERIFICATION_ITEMS) }),
  summary: 'checks one item of the resolution checklist; the result is journaled',
  fields: '`item`: `fix-deployed`, `metrics-normal`, `logs-stable`, `stakeholders-notified`',
  who: ['commander', 'operations'],
  accepted: [{ in: 'working', target: 'verifying' }],
  check: () => null,
  apply(step, _by, command) {
    const result = verificationTruth(step, command.item);
    step.ctx.verification = { ...step.ctx.verification, [command.item]: { at: step.now, ok: result.ok } };
    step.emit({ type: 'verification.checked', item: command.item, ok: result.ok, detail: result.detail });
  },
  describe: (command) => `checked: ${command.item.replace(/-/g, ' ')}`,
  samples: (_scenario, pick) => ({ type: 'verify', item: pick(VERIFICATION_ITEMS) }),
});
