import { findInject, injectGone, injectStanding, notAnInject } from '../injects';
import { formatMinute } from '../names';
import { injectTimerId } from '../rules';
import { defineCommand, Id } from './define';
import type { Zod } from '../lazy-schema';

export const holdInject = defineCommand({
  type: 'hold-inject',
  schema: (z: Zod) => z.strictObject({ type: z.literal('hold-inject'), inject: Id }),
  summary: 'holds one of the scenario’s injects that has not fired yet, so it does not fire on its own (`fire-inject` still fires it)',
  fields: '`inject`: inject id',
  who: ['facilitator'],
  accepted: [{ in: 'paged' }, { in: 'active' }],
  hidden: true,
  check({ scenario, ctx, command }) {
    const inject = findInject(scenario, command.inject);
    if (!inject) return notAnInject(scenario, command.inject);
    const gone = injectGone(ctx, inject);
    if (gone) return gone;
    const { status, at } = injectStanding(ctx, inject);
    return status === 'held' ? `"${inject.id}" is already held (since ${formatMinute(at!)})` : null;
  },
  apply(step, _by, command) {
    // Its timer, if its time or trigger has come; a trigger still to come finds it held and leaves it be.
    step.cancel(injectTimerId(command.inject));
    step.ctx.held = { ...step.ctx.held, [command.inject]: step.now };
  },
  describe: (command) => `held the inject "${command.inject}"`,
  samples: (scenario, pick) => ({ type: 'hold-inject', inject: pick([...scenario.injects.map((i) => i.id), 'nothing']) }),
});
