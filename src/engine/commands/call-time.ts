import { timeLimit } from '../rules';
import { defineCommand } from './define';
import type { Zod } from '../lazy-schema';

/**
 * A tabletop drill runs out of meeting time long before its incident would: the facilitator calls time, which does
 * what the drill's own time limit does. The incident passes to the next shift, the team goes on to the postmortem,
 * and the debrief grades what happened (a facilitator may then finish the drill at once).
 */
export const callTime = defineCommand({
  type: 'call-time',
  schema: (z: Zod) => z.strictObject({ type: z.literal('call-time') }),
  summary: 'calls time, as the drill’s time limit would: the incident passes to the next shift and the team goes on to the postmortem',
  fields: '',
  who: ['facilitator'],
  accepted: [
    { in: 'paged', target: 'postmortem' },
    { in: 'working', target: 'postmortem' },
    { in: 'resolved', target: 'postmortem' },
  ],
  check: () => null,
  apply(step) {
    timeLimit(step);
  },
  describe: () => 'called time on the drill',
  samples: () => ({ type: 'call-time' }),
});
