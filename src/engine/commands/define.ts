/**
 * What a command is: one definition per command type, in its own module, holding everything the engine, the docs,
 * the views and the test player need to know about it. `registry.ts` collects them; the machine's transitions, the
 * commands available now, the refusals and `docs/commands.md` all derive from these definitions.
 */
import type { z } from 'zod';
import { lazySchema, type Zod } from '../lazy-schema';
import { MAX_FACILITATOR_TEXT, MAX_ID_CHARS, MAX_PLAYER_TEXT } from '../limits';
import type { RunContext, Step } from '../rules';
import type { Role, Scenario } from '../scenario/schema';
import type { LifecycleState, TransitionGuard } from '../lifecycle/states';
import { withThousands } from '../names';

/**
 * Who may issue a command in a team drill (in solo play the one player holds every seat):
 * - a role: whoever holds it; `commander` is also held by the paged on-call until a commander is named, since the
 *   first responder leads until they hand command over;
 * - `anyone`: any responder in the incident;
 * - `on-call`: the paged primary on-call;
 * - `performer`: the responder the command names to do the work, doing it themselves;
 * - `facilitator`: the drill's facilitator.
 */
export type Issuer = Role | 'anyone' | 'on-call' | 'performer' | 'facilitator';

/** A lifecycle state that accepts the command, where the command takes the incident, and the guard it needs. */
export interface Acceptance {
  in: LifecycleState;
  target?: LifecycleState;
  guard?: TransitionGuard;
  /** A second rule that runs after the command's own (finishing an incident that still fails brings it back). */
  then?: 'resurface';
}

/** What a check can read: never the future, only the state the command arrives in. */
export interface CheckInput<C> {
  scenario: Scenario;
  ctx: RunContext;
  by: string;
  command: C;
  now: number;
}

/** How the timeline names people, actions and askers. */
export interface Words {
  name(id: string | null | undefined): string;
  label(actionId: string): string;
  asker(injectId: string): string | null;
  /** The sender of a message as its `inject.fired` event records it (a roster id, or a custom inject's name). */
  sender(injectId: string, from: string | null): string | null;
}

/** A command's rules, for a payload type `C`. */
export interface CommandRules<C> {
  /** One line for docs/commands.md. */
  summary: string;
  /** Payload fields for docs/commands.md (empty when the command has none). */
  fields: string;
  who: readonly Issuer[];
  accepted: readonly Acceptance[];
  /** Null when the command may be taken now, otherwise why not, in plain words. */
  check(input: CheckInput<C>): string | null;
  /** The command's effect on the world (it has already passed its checks). */
  apply(step: Step, by: string, command: C): void;
  /** The timeline's line for it, after the issuer's name ("acknowledged the page"). */
  describe(command: C, words: Words, by: string): string;
  /**
   * Seen only by the facilitator: the entry, and any refusal of it, never reaches a player's or observer's view,
   * because it would tell them what is scheduled or holds the facilitator's private notes. What it makes happen (a
   * message arriving) is seen as usual.
   */
  hidden?: boolean;
  /** Why the lifecycle refuses it now, when that needs more than the general wording. */
  notNow?(phase: string): string | null;
  /**
   * A plausible or implausible payload, for the random test player. Loosely typed on purpose: samples may name
   * things that do not exist, and the engine checks whatever it is sent.
   */
  samples(scenario: Scenario, pick: <V>(items: readonly V[]) => V): { type: string } & Record<string, unknown>;
}

export interface CommandDefinition<T extends string, S extends z.ZodType<{ type: T }>> extends CommandRules<z.output<S>> {
  type: T;
  /** The payload, `type` included: a strict object, so unknown fields are refused. Built when first used. */
  schema: S;
}

/** A command as its module writes it: the schema is given as a function, so loading the engine builds none. */
export interface CommandSpec<T extends string, S extends z.ZodType<{ type: T }>> extends CommandRules<z.output<S>> {
  type: T;
  schema: (zod: Zod) => S;
}

/** Keeps each definition's types exact (the payload type flows into check, apply and describe). */
export function defineCommand<T extends string, S extends z.ZodType<{ type: T }>>(spec: CommandSpec<T, S>): CommandDefinition<T, S> {
  return { ...spec, schema: lazySchema(spec.schema) };
}

export const Id = lazySchema((z) => z.string().min(1).max(MAX_ID_CHARS, { error: `ids are at most ${MAX_ID_CHARS} characters` }));
export const PlayerText = lazySchema((z) => z.string().max(MAX_PLAYER_TEXT, { error: `is too long (${withThousands(MAX_PLAYER_TEXT)} characters at most)` }));
/** A facilitator's note or message: never blank, at most a paragraph or two. */
export const FacilitatorText = lazySchema((z) =>
  z
    .string()
    .max(MAX_FACILITATOR_TEXT, { error: `is too long (${withThousands(MAX_FACILITATOR_TEXT)} characters at most)` })
    .regex(/\S/, { error: 'must not be blank' }),
);
