import { ROLES } from '../scenario/schema';
import { giveRole, responderReady } from './checks';
import { defineCommand, Id } from './define';
import type { Zod } from '../lazy-schema';

export const assignRole = defineCommand({
  type: 'assign-role',
  schema: (z: Zod) => z.strictObject({ type: z.literal('assign-role'), role: z.enum(ROLES), responder: Id }),
  summary: 'gives a role to someone in the incident',
  fields: '`role`: `commander`, `communications`, `operations`, `scribe`; `responder`',
  who: ['commander', 'facilitator'],
  accepted: [{ in: 'active' }],
  check: ({ scenario, ctx, command }) => responderReady(scenario, ctx, command.responder, false),
  apply: (step, _by, command) => giveRole(step, command.role, command.responder, false),
  describe: (command, words) => `assigned ${command.role} to ${words.name(command.responder)}`,
  samples: (scenario, pick) => ({ type: 'assign-role', role: pick(ROLES), responder: pick([...scenario.roster.responders.map((r) => r.id), 'nobody']) }),
});
