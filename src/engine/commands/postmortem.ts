import type { z } from 'zod';
import { lazySchema, type Zod } from '../lazy-schema';
import { defineCommand, PlayerText } from './define';

export const ActionItemSchema = lazySchema((z) =>
  z.strictObject({
    action: PlayerText,
    owner: PlayerText.default(''),
    priority: PlayerText.default(''),
    status: PlayerText.default(''),
  }),
);

export const PostmortemSchema = lazySchema((z) =>
  z.strictObject({
    summary: PlayerText.default(''),
    impact: PlayerText.default(''),
    timeline: PlayerText.default(''),
    rootCause: PlayerText.default(''),
    wentWell: PlayerText.default(''),
    needsImprovement: PlayerText.default(''),
    actionItems: z.array(ActionItemSchema).max(100).default([]),
  }),
);
export type Postmortem = z.output<typeof PostmortemSchema>;

export const postmortem = defineCommand({
  type: 'postmortem',
  schema: (z: Zod) => z.strictObject({ type: z.literal('postmortem'), document: PostmortemSchema }),
  summary: 'saves the postmortem (after resolution; saving again replaces it)',
  fields: '`document`: `summary`, `impact`, `timeline`, `rootCause`, `wentWell`, `needsImprovement`, `actionItems` (a list of `{ action, owner, priority, status }`)',
  who: ['commander', 'scribe'],
  accepted: [{ in: 'resolved', target: 'postmortem' }, { in: 'postmortem' }],
  check: () => null,
  apply(step, _by, command) {
    step.ctx.postmortem = command.document;
    step.emit({ type: 'postmortem.saved' });
  },
  describe: () => 'saved the postmortem',
  samples: () => ({ type: 'postmortem', document: { summary: 'It broke', actionItems: [] } }),
  notNow: (phase) => (phase === 'paged' || phase === 'debriefed' ? null : 'resolve the incident first'),
});
