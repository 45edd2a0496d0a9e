import { defineCommand } from './define';
import type { Zod } from '../lazy-schema';

export const acknowledge = defineCommand({
  type: 'acknowledge',
  schema: (z: Zod) => z.strictObject({ type: z.literal('acknowledge') }),
  summary: 'acknowledges the page (within the rubric’s acknowledgement time for the incident’s severity)',
  fields: '',
  who: ['on-call', 'commander'],
  accepted: [{ in: 'paged', target: 'active' }],
  check: () => null,
  apply(step, by) {
    step.ctx.acknowledgedAt = step.now;
    step.emit({ type: 'page.acknowledged', by });
    step.meetDeadline('acknowledge');
  },
  describe: () => 'acknowledged the page',
  samples: () => ({ type: 'acknowledge' }),
  notNow: (phase) => (phase === 'debriefed' ? null : 'the page has already been acknowledged'),
});
