/**
 * Who may issue a command, and whether it may be taken now: the engine's one authority. The lifecycle machine asks
 * it before any command's transition; views ask it what a seat may do.
 */
import { isPresent, notOnRoster } from '../commands/checks';
import type { Issuer } from '../commands/define';
import { FACILITATOR, REGISTRY, type CommandOf, type CommandType } from '../commands/registry';
import { findResponder, type RunContext } from '../rules';
import type { Role, Scenario } from '../scenario/schema';

/** Null when `by` may issue this kind of command in this run; otherwise why not. Ignores the command's payload. */
export function issuerRefusal(scenario: Scenario, ctx: RunContext, by: string, type: CommandType, performer?: string): string | null {
  const who = REGISTRY[type].who;
  if (by === FACILITATOR) {
    if (ctx.seating === 'solo' || who.includes('facilitator')) return null;
    return `the facilitator does not ${type.replace(/-/g, ' ')} in a team drill: ${describeIssuers(who)} does`;
  }
  const issuer = findResponder(scenario, by);
  if (!issuer) return notOnRoster(scenario, by);
  // What only a facilitator does (injects, private notes) stays theirs even in solo play: a player who could fire or
  // hold injects, or read their refusals, would learn what the scenario holds in store.
  if (who.length === 1 && who[0] === 'facilitator') return `${issuer.name} may not ${type.replace(/-/g, ' ')}: ${describeIssuers(who)} does`;
  if (!isPresent(ctx, by)) return `${issuer.name} has not joined the incident yet`;
  if (ctx.seating === 'solo') return null;
  if (mayIssue(scenario, ctx, by, who, performer)) return null;
  return `${issuer.name} may not ${type.replace(/-/g, ' ')}: ${describeIssuers(who)} does`;
}

function mayIssue(scenario: Scenario, ctx: RunContext, by: string, who: readonly Issuer[], performer: string | undefined): boolean {
  const onCall = scenario.roster.onCall.primary === by;
  return who.some((issuer) => {
    switch (issuer) {
      case 'anyone': return true;
      case 'facilitator': return false;
      case 'on-call': return onCall;
      case 'performer': return performer === by;
      // The paged on-call leads until a commander is named.
      case 'commander': return ctx.roles.commander === by || (ctx.roles.commander === undefined && onCall);
      default: return holds(ctx, by, issuer);
    }
  });
}

const holds = (ctx: RunContext, by: string, role: Role) => ctx.roles[role] === by;

/** "the incident commander or the communications lead": the issuers of a command, in words. */
export function describeIssuers(who: readonly Issuer[]): string {
  const words: Record<Issuer, string> = {
    anyone: 'anyone in the incident',
    'on-call': 'the paged on-call',
    performer: 'the responder doing the work',
    facilitator: 'the facilitator',
    commander: 'the incident commander',
    communications: 'the communications lead',
    operations: 'the operations lead',
    scribe: 'the scribe',
  };
  const parts = who.map((w) => words[w]);
  return parts.length <= 1 ? (parts[0] ?? 'nobody') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** Null when the command may be taken now by `by` (issuer and the command's own check); otherwise why not. */
export function commandAllowed<T extends CommandType>(scenario: Scenario, ctx: RunContext, by: string, command: CommandOf<T>, now: number): string | null {
  const performer = 'performer' in command ? command.performer : undefined;
  return issuerRefusal(scenario, ctx, by, command.type, performer) ?? REGISTRY[command.type].check({ scenario, ctx, by, command, now });
}
