/** What several commands share: is a responder on the roster, in the incident, free; giving someone a role. */
import { findAction, findResponder, responseAssembled, type RunContext, type Step } from '../rules';
import type { Role } from '../scenario/schema';
import { shorten } from '../limits';
import { didYouMean } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';

export const isPresent = (ctx: RunContext, id: string) => id in ctx.joined;

/** Null when `id` is in the incident (and, when `free`, not busy); otherwise why not. */
export function responderReady(scenario: Scenario, ctx: RunContext, id: string, free: boolean): string | null {
  const r = findResponder(scenario, id);
  if (!r) return notOnRoster(scenario, id);
  if (!isPresent(ctx, id)) return id in ctx.paged ? `${r.name} is on the way (joins at minute ${ctx.paged[id]})` : `${r.name} has not been paged: escalate to them first`;
  const busyWith = ctx.busy[id];
  if (free && busyWith) return `${r.name} is busy with "${findAction(scenario, busyWith)?.label ?? busyWith}"`;
  return null;
}

/** Gives `role` to `responder` (by assignment or hand-off); naming a commander may complete the response. */
export function giveRole(step: Step, role: Role, responder: string, handOff: boolean): void {
  const { ctx } = step;
  const previous = ctx.roles[role] ?? null;
  ctx.roles = { ...ctx.roles, [role]: responder };
  step.emit({ type: 'role.assigned', role, responder, previous, handOff });
  if (responseAssembled(ctx)) step.meetDeadline('response');
}

/** `"bbo" is not on this incident's roster (did you mean "bob"?)`: an unknown id, quoted short, with a guess. */
export function notOnRoster(scenario: Scenario, id: string): string {
  return `"${shorten(id)}" is not on this incident's roster${didYouMean(id, scenario.roster.responders.map((r) => r.id))}`;
}
