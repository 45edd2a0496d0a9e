import { responseAssembled } from '../rules';
import { parseStatusUpdate } from '../status-update';
import { defineCommand, PlayerText } from './define';
import type { Zod } from '../lazy-schema';

export const statusUpdate = defineCommand({
  type: 'status-update',
  schema: (z: Zod) => z.strictObject({ type: z.literal('status-update'), text: PlayerText }),
  summary: 'sends a status update to stakeholders, ideally in the module’s template; `Next Update: In N minutes` sets the next deadline',
  fields: '`text`',
  who: ['commander', 'communications'],
  accepted: [{ in: 'active' }],
  check: () => null,
  apply(step, _by, command) {
    const { ctx, now } = step;
    ctx.updates += 1;
    ctx.lastUpdateAt = now;
    const promised = parseStatusUpdate(command.text).nextUpdateMinutes;
    const nextUpdateDueAt = promised !== null && promised > 0 ? now + promised : null;
    step.emit({ type: 'status-update.sent', number: ctx.updates, nextUpdateDueAt });
    step.meetDeadline('next-update');
    if (nextUpdateDueAt !== null) step.setDeadline('next-update', `Status update #${ctx.updates + 1} promised`, nextUpdateDueAt);
    if (responseAssembled(ctx)) step.meetDeadline('response');
  },
  describe: () => 'sent a status update',
  samples: (_scenario, pick) => ({
    type: 'status-update',
    text: `[10:00] [SEV-1] Update #1\nCurrent Status: looking\nImpact: some\nActions: things\nNext Update: In ${pick([10, 15, 30])} minutes`,
  }),
});
