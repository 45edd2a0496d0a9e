import { findResponder } from '../rules';
import { ROLES } from '../scenario/schema';
import { giveRole, responderReady } from './checks';
import { defineCommand, Id, PlayerText } from './define';
import type { Zod } from '../lazy-schema';

export const handOff = defineCommand({
  type: 'hand-off',
  schema: (z: Zod) => z.strictObject({ type: z.literal('hand-off'), role: z.enum(ROLES), to: Id, notes: PlayerText.default('') }),
  summary: 'hands a held role over to someone else, with hand-off notes',
  fields: '`role`, `to`, `notes`',
  who: ['commander', 'facilitator'],
  accepted: [{ in: 'active' }],
  check({ scenario, ctx, command }) {
    const holder = ctx.roles[command.role];
    if (!holder) return `nobody holds the ${command.role} role yet: assign it instead`;
    if (holder === command.to) return `${findResponder(scenario, holder)?.name ?? holder} already holds the ${command.role} role`;
    return responderReady(scenario, ctx, command.to, false);
  },
  apply: (step, _by, command) => giveRole(step, command.role, command.to, true),
  describe: (command, words) => `handed ${command.role} off to ${words.name(command.to)}`,
  samples: (scenario, pick) => ({ type: 'hand-off', role: 'commander', to: pick([...scenario.roster.responders.map((r) => r.id), 'nobody']), notes: 'over to you' }),
});
