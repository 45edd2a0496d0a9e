import { defineCommand, Id, PlayerText } from './define';
import { shorten } from '../limits';
import { didYouMean } from '../scenario/problems';
import type { Zod } from '../lazy-schema';

export const respond = defineCommand({
  type: 'respond',
  schema: (z: Zod) => z.strictObject({ type: z.literal('respond'), inject: Id, text: PlayerText }),
  summary: 'answers a message that needs a response (an executive asking for an ETA, support asking what to say)',
  fields: '`inject`: inject id; `text`',
  who: ['commander', 'communications'],
  accepted: [{ in: 'active' }],
  check({ ctx, command }) {
    // Scenario injects and the facilitator's custom ones alike, once they have arrived.
    if (!(command.inject in ctx.fired)) return `there is no message "${shorten(command.inject)}" to answer${didYouMean(command.inject, Object.keys(ctx.open))}`;
    if (!(command.inject in ctx.open)) return `"${command.inject}" does not need an answer, or has one already`;
    return null;
  },
  apply(step, by, command) {
    const { [command.inject]: _answered, ...open } = step.ctx.open;
    step.ctx.open = open;
    step.emit({ type: 'inject.answered', inject: command.inject, by });
    step.meetDeadline(`inject:${command.inject}`);
  },
  describe: (command, words) => `answered ${words.asker(command.inject) ?? 'a message'}`,
  samples: (scenario, pick) => ({ type: 'respond', inject: pick([...scenario.injects.map((i) => i.id), 'custom-1']), text: 'On it' }),
});
