import { lazySchema, type Zod } from '../lazy-schema';
import { MAX_RESPOND_MINUTES, MAX_SENDER_NAME_CHARS } from '../limits';
import { deliverInject, type Step } from '../rules';
import { defineCommand, FacilitatorText } from './define';
import { withThousands } from '../names';

/** What a custom inject stands for, as the comms panel and the journal's `inject.fired` `kind` name it. */
export const CUSTOM_INJECT_KINDS = ['executive', 'support', 'alert', 'customer', 'other'] as const;

const SenderName = lazySchema((z) =>
  z
    .string()
    .max(MAX_SENDER_NAME_CHARS, { error: `is too long (${MAX_SENDER_NAME_CHARS} characters at most)` })
    .regex(/\S/, { error: 'must not be blank' }),
);

export const customInject = defineCommand({
  type: 'custom-inject',
  schema: (z: Zod) => z.strictObject({
    type: z.literal('custom-inject'),
    kind: z.enum(CUSTOM_INJECT_KINDS),
    from: SenderName,
    message: FacilitatorText,
    respondBy: z.number().min(1).max(MAX_RESPOND_MINUTES).optional(),
  }),
  summary: 'sends the team a message the scenario does not have, from whoever the facilitator names; with `respondBy` it needs an answer (`respond`) within that many minutes',
  fields: `\`kind\`: ${CUSTOM_INJECT_KINDS.map((k) => `\`${k}\``).join(', ')}; \`from\`: a name (${MAX_SENDER_NAME_CHARS} characters at most); \`message\`; \`respondBy\` (optional): minutes, 1 to ${withThousands(MAX_RESPOND_MINUTES)}`,
  who: ['facilitator'],
  accepted: [{ in: 'paged' }, { in: 'active' }],
  hidden: true,
  check: () => null,
  apply(step, _by, command) {
    deliverInject(step, { inject: nextCustomInjectId(step), kind: command.kind, from: command.from, sender: command.from, message: command.message, respondWithin: command.respondBy });
  },
  describe: (command) => `sent a message as ${command.from}`,
  samples: (_scenario, pick) => ({
    type: 'custom-inject',
    kind: pick(CUSTOM_INJECT_KINDS),
    from: pick(['Lena Park (VP of Product)', 'A customer on social media']),
    message: 'Is checkout down? What do I tell the board?',
    ...(pick([true, false]) ? { respondBy: pick([5, 15]) } : {}),
  }),
});

/**
 * `custom-1`, `custom-2`…: numbered in the order sent, so a replay numbers them alike; a number whose id the
 * scenario already gives one of its own injects is passed over, so `respond` always names one message.
 */
function nextCustomInjectId(step: Step): string {
  let number = step.ctx.customInjects + 1;
  while (step.scenario.injects.some((i) => i.id === `custom-${number}`)) number++;
  step.ctx.customInjects = number;
  return `custom-${number}`;
}
