import { findInject, injectGone, notAnInject } from '../injects';
import { fireInject as fire, injectTimerId } from '../rules';
import { defineCommand, Id } from './define';
import type { Zod } from '../lazy-schema';

export const fireInject = defineCommand({
  type: 'fire-inject',
  schema: (z: Zod) => z.strictObject({ type: z.literal('fire-inject'), inject: Id }),
  summary: 'fires one of the scenario’s injects now, as if its time had come (whether it was due later, waiting for its trigger or held); it never fires a second time',
  fields: '`inject`: inject id',
  who: ['facilitator'],
  // Injects belong to a live incident: from the page until the drill is finished.
  accepted: [{ in: 'paged' }, { in: 'active' }],
  hidden: true,
  check({ scenario, ctx, command }) {
    const inject = findInject(scenario, command.inject);
    return inject ? injectGone(ctx, inject) : notAnInject(scenario, command.inject);
  },
  apply(step, _by, command) {
    step.cancel(injectTimerId(command.inject));
    const { [command.inject]: _released, ...held } = step.ctx.held;
    step.ctx.held = held;
    fire(step, command.inject);
  },
  describe: (command) => `fired the inject "${command.inject}"`,
  samples: (scenario, pick) => ({ type: 'fire-inject', inject: pick([...scenario.injects.map((i) => i.id), 'nothing']) }),
});
