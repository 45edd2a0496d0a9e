/**
 * What the loaders accept, stated once. Input beyond a limit is refused with one positioned message before any
 * recursive walk, so no file, save or network message can exhaust the stack, the memory or the clock.
 * docs/authoring.md and docs/commands.md quote these numbers.
 */
import { withThousands } from './names';

/** How deep objects and lists may nest in any document (scenarios need about 8). */
export const MAX_NESTING = 64;

/** Largest scenario or rubric file, in characters. */
export const MAX_SCENARIO_CHARS = 4_000_000;

/** Largest command script or save file, in characters (a 100,000-command drill fits). */
export const MAX_RUN_CHARS = 64_000_000;

/** Most commands in one script or save. */
export const MAX_COMMANDS = 100_000;

/** Longest id (a responder, an action, a scenario). */
export const MAX_ID_CHARS = 200;

/** Longest piece of player text (an update, an answer, a postmortem field). */
export const MAX_PLAYER_TEXT = 20_000;

/** Longest note or message a facilitator writes (an observation, a custom inject's message): a paragraph or two. */
export const MAX_FACILITATOR_TEXT = 2_000;

/** Longest name a facilitator gives the sender of a custom inject ("Lena Park, VP of Product"). */
export const MAX_SENDER_NAME_CHARS = 80;

/** The longest answer time a custom inject may ask for: a day, as a scenario inject's `respondWithin`. */
export const MAX_RESPOND_MINUTES = 1_440;

/** The latest game minute a command, a save or `--until` may name: about 69 days, far past any drill's end. */
export const MAX_MINUTE = 100_000;

/** A status update's promise further out than this (a week) sets no deadline: nobody keeps a clock that long. */
export const MAX_PROMISE_MINUTES = 10_080;

/** How much of an offending value a message quotes. */
export const QUOTE_CHARS = 60;

/** "a very long id…" : a value as a message quotes it, never in full when it is long. */
export function shorten(value: string, max = QUOTE_CHARS): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${withThousands(value.length)} characters)`;
}
