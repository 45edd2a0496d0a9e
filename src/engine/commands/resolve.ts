import { impactAt, RESURFACE_MINUTES, roundImpact } from '../rules';
import { defineCommand } from './define';
import type { Zod } from '../lazy-schema';

export const resolve = defineCommand({
  type: 'resolve',
  schema: (z: Zod) => z.strictObject({ type: z.literal('resolve') }),
  summary: 'declares the incident resolved; resolving before recovery makes it resurface ten minutes later',
  fields: '',
  who: ['commander'],
  accepted: [{ in: 'working', target: 'closed' }],
  check: () => null,
  apply(step) {
    const { ctx, now } = step;
    ctx.resolvedAt = now;
    step.emit({ type: 'incident.resolved', impact: roundImpact(impactAt(ctx.impact, now)) });
    // Response and update deadlines belong to an open incident; questions asked still want answers.
    for (const id of Object.keys(ctx.deadlines)) if (!id.startsWith('inject:')) step.meetDeadline(id);
    step.later({ type: 'resurface.check' }, now + RESURFACE_MINUTES, 'resurface');
  },
  describe: () => 'resolved the incident',
  samples: () => ({ type: 'resolve' }),
  notNow: (phase) => (phase === 'resolved' || phase === 'postmortem' ? 'the incident is already resolved' : null),
});
