import { defineCommand, Id, PlayerText } from './define';
import type { Zod } from '../lazy-schema';

export const updateRunbook = defineCommand({
  type: 'update-runbook',
  schema: (z: Zod) => z.strictObject({ type: z.literal('update-runbook'), runbook: Id, text: PlayerText }),
  summary: 'records a change to a runbook the incident showed a gap in',
  fields: '`runbook`: runbook id (a new id writes a new runbook); `text`',
  who: ['anyone'],
  accepted: [{ in: 'active' }],
  // An unknown id writes a new runbook: the incident may show that one is missing altogether.
  check: ({ command }) => (command.text.trim() === '' ? 'the runbook change is empty' : null),
  apply: () => {},
  describe: () => 'updated the runbook',
  samples: (scenario, pick) => ({ type: 'update-runbook', runbook: pick([...scenario.runbooks.map((r) => r.id), 'new-runbook']), text: pick(['', 'Check the pool first.']) }),
});
