import { defineCommand, PlayerText } from './define';
import type { Zod } from '../lazy-schema';

export const announce = defineCommand({
  type: 'announce',
  schema: (z: Zod) => z.strictObject({ type: z.literal('announce'), text: PlayerText }),
  summary: 'says something in the incident channel (announce changes before making them)',
  fields: '`text`',
  who: ['anyone'],
  accepted: [{ in: 'active' }],
  check: () => null,
  // Journaled as a command and graded from the journal: nothing in the world changes.
  apply: () => {},
  describe: (command) => `announced: ${command.text}`,
  samples: () => ({ type: 'announce', text: 'Rolling something back' }),
});
