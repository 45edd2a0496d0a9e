/**
 * Where each of a scenario's injects stands in a run, for the facilitator who fires or holds injects by hand: the
 * commands check it and the facilitator's view shows it.
 */
import { shorten } from './limits';
import { formatMinute } from './names';
import { injectFor, injectTimerId, type RunContext } from './rules';
import { didYouMean } from './scenario/problems';
import type { Inject, Scenario } from './scenario/schema';

/**
 * - `scheduled`: its timer is set (`at` is when it fires);
 * - `waiting`: it fires some minutes after an action completes, and that action has not;
 * - `held`: the facilitator held it (`at` is when); it fires only if they fire it;
 * - `fired`: it has fired (`at` is when);
 * - `skipped`: it does not happen in this run's variant.
 */
export type InjectStatus = 'scheduled' | 'waiting' | 'held' | 'fired' | 'skipped';

export interface InjectStanding {
  status: InjectStatus;
  at: number | null;
}

export function injectStanding(ctx: RunContext, inject: Inject): InjectStanding {
  const fired = ctx.fired[inject.id];
  if (fired !== undefined) return { status: 'fired', at: fired };
  if (injectFor(inject, ctx.variant).skip) return { status: 'skipped', at: null };
  const held = ctx.held[inject.id];
  if (held !== undefined) return { status: 'held', at: held };
  const timer = ctx.timers.find((t) => t.id === injectTimerId(inject.id));
  return timer ? { status: 'scheduled', at: timer.due } : { status: 'waiting', at: null };
}

export const findInject = (scenario: Scenario, id: string) => scenario.injects.find((i) => i.id === id);

/** `"vp-ask" is not one of this scenario's injects (did you mean "vp-asks-eta"?)`. */
export function notAnInject(scenario: Scenario, id: string): string {
  return `"${shorten(id)}" is not one of this scenario's injects${didYouMean(id, scenario.injects.map((i) => i.id))}`;
}

/** Why a fired or skipped inject cannot be fired or held by hand, or null when it still can. */
export function injectGone(ctx: RunContext, inject: Inject): string | null {
  const { status, at } = injectStanding(ctx, inject);
  if (status === 'fired') return `"${inject.id}" already fired (${formatMinute(at!)})`;
  if (status === 'skipped') return `"${inject.id}" does not happen in this run's variant`;
  return null;
}
