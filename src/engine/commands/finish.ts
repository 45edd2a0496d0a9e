import { defineCommand } from './define';
import type { Zod } from '../lazy-schema';

export const finish = defineCommand({
  type: 'finish',
  schema: (z: Zod) => z.strictObject({ type: z.literal('finish') }),
  summary: 'ends the drill and opens the debrief (after the postmortem is saved); finishing while the service still fails brings the incident back',
  fields: '',
  who: ['commander', 'facilitator'],
  // Nobody walks away from an incident that is still failing: finishing brings it back.
  accepted: [
    { in: 'postmortem', guard: 'finishingWhileFailing', target: 'diagnosing', then: 'resurface' },
    { in: 'postmortem', target: 'debriefed' },
  ],
  check: () => null,
  apply(step) {
    // The drill is over: nothing is due any more.
    step.ctx.deadlines = {};
    step.emit({ type: 'drill.finished' });
  },
  describe: () => 'finished the drill',
  samples: () => ({ type: 'finish' }),
  notNow: (phase) => (phase === 'resolved' ? 'save the postmortem first (even a short one): the debrief grades it' : phase === 'paged' || phase === 'debriefed' ? null : 'resolve the incident first'),
});
