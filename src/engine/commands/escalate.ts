import { findResponder } from '../rules';
import { isPresent, notOnRoster } from './checks';
import { defineCommand, Id } from './define';
import type { Zod } from '../lazy-schema';

export const escalate = defineCommand({
  type: 'escalate',
  schema: (z: Zod) => z.strictObject({ type: z.literal('escalate'), to: Id }),
  summary: 'pages someone (escalation chain, secondary on-call, specialist team); they join after their `joinMinutes`',
  fields: '`to`: responder id',
  who: ['commander', 'operations', 'facilitator'],
  accepted: [{ in: 'active' }],
  check({ scenario, ctx, command }) {
    const r = findResponder(scenario, command.to);
    if (!r) return notOnRoster(scenario, command.to);
    if (isPresent(ctx, command.to)) return `${r.name} is already in the incident`;
    if (command.to in ctx.paged) return `${r.name} has already been paged`;
    return null;
  },
  apply(step, _by, command) {
    const responder = findResponder(step.scenario, command.to)!;
    const joinsAt = step.now + responder.joinMinutes;
    step.ctx.paged = { ...step.ctx.paged, [responder.id]: joinsAt };
    step.emit({ type: 'responder.paged', responder: responder.id, joinsAt });
    step.later({ type: 'responder.join', responder: responder.id }, joinsAt, `join:${responder.id}`);
  },
  describe: (command, words) => `paged ${words.name(command.to)}`,
  samples: (scenario, pick) => ({ type: 'escalate', to: pick([...scenario.roster.responders.map((r) => r.id), 'nobody']) }),
});
