import { defineCommand, PlayerText } from './define';
import type { Zod } from '../lazy-schema';

export const rateAlert = defineCommand({
  type: 'rate-alert',
  schema: (z: Zod) => z.strictObject({ type: z.literal('rate-alert'), quality: z.enum(['good', 'bad']), rewrite: PlayerText.default('') }),
  summary: 'judges the page’s alert quality, optionally rewriting it in the good-alert shape',
  fields: '`quality`: `good` or `bad`; `rewrite`',
  who: ['anyone'],
  accepted: [{ in: 'active' }],
  check: () => null,
  apply: () => {},
  describe: (command) => `rated the alert ${command.quality}`,
  samples: (_scenario, pick) => ({ type: 'rate-alert', quality: pick(['good', 'bad'] as const) }),
});
