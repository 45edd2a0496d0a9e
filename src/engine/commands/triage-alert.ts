import { defineCommand, Id, PlayerText } from './define';
import { shorten } from '../limits';
import { didYouMean } from '../scenario/problems';
import type { Zod } from '../lazy-schema';

export const triageAlert = defineCommand({
  type: 'triage-alert',
  schema: (z: Zod) => z.strictObject({ type: z.literal('triage-alert'), alert: Id, verdict: z.enum(['actionable', 'noise']), rewrite: PlayerText.default('') }),
  summary: 'sorts one of the shift’s other alerts, optionally rewriting it in the good-alert shape (the last verdict counts)',
  fields: '`alert`: an id from the scenario’s alert queue; `verdict`: `actionable` or `noise`; `rewrite`',
  who: ['anyone'],
  accepted: [{ in: 'active' }],
  check: ({ scenario, command }) =>
    scenario.alertQueue.some((a) => a.id === command.alert) ? null : `there is no alert "${shorten(command.alert)}" in the queue${didYouMean(command.alert, scenario.alertQueue.map((a) => a.id))}`,
  apply: () => {},
  describe: (command) => `sorted an alert as ${command.verdict}`,
  samples: (scenario, pick) => ({ type: 'triage-alert', alert: pick([...scenario.alertQueue.map((a) => a.id), 'no-such-alert']), verdict: pick(['actionable', 'noise'] as const) }),
});
