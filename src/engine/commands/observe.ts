import { shorten } from '../limits';
import { findResponder } from '../rules';
import { didYouMean } from '../scenario/problems';
import { defineCommand, FacilitatorText, Id } from './define';
import type { Zod } from '../lazy-schema';

/** What an observation is about when it is about everyone. */
export const TEAM = 'team';

export const observe = defineCommand({
  type: 'observe',
  schema: (z: Zod) => z.strictObject({ type: z.literal('observe'), about: Id, text: FacilitatorText }),
  summary: 'writes a private evaluator’s note, timed by the game clock; only the facilitator sees it during the drill, the debrief report lists it, grading ignores it',
  fields: '`about`: responder id or `team`; `text`',
  who: ['facilitator'],
  accepted: [{ in: 'paged' }, { in: 'active' }],
  hidden: true,
  check({ scenario, command }) {
    if (command.about === TEAM || findResponder(scenario, command.about)) return null;
    return `"${shorten(command.about)}" is neither "${TEAM}" nor on this incident's roster${didYouMean(command.about, [TEAM, ...scenario.roster.responders.map((r) => r.id)])}`;
  },
  // The note is the journaled command itself: nothing in the world changes.
  apply: () => {},
  describe: (command, words) => `noted about ${command.about === TEAM ? 'the team' : words.name(command.about)}: ${command.text}`,
  samples: (scenario, pick) => ({ type: 'observe', about: pick([TEAM, ...scenario.roster.responders.map((r) => r.id), 'nobody']), text: 'Asked for the ETA before anyone had looked at the logs.' }),
});
