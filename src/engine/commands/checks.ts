/** Checks several commands share: is a responder on the roster, in the incident, free. */
import { findAction, findResponder, type RunContext } from '../rules';
import type { Scenario } from '../scenario/schema';

export const isPresent = (ctx: RunContext, id: string) => id in ctx.joined;

/** Null when `id` is in the incident (and, when `free`, not busy); otherwise why not. */
export function responderReady(scenario: Scenario, ctx: RunContext, id: string, free: boolean): string | null {
  const r = findResponder(scenario, id);
  if (!r) return `"${id}" is not on this incident's roster`;
  if (!isPresent(ctx, id)) return id in ctx.paged ? `${r.name} is on the way (joins at minute ${ctx.paged[id]})` : `${r.name} has not been paged: escalate to them first`;
  const busyWith = ctx.busy[id];
  if (free && busyWith) return `${r.name} is busy with "${findAction(scenario, busyWith)?.label ?? busyWith}"`;
  return null;
}
