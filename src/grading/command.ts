import { minutes, plural, type Check, type Part } from './check';
import { namesChange } from './change-names';
import { firstByKey } from './search';

export const commandChecks: Record<string, Check> = {
  'commander-before-diagnosis': (facts) => {
    const commander = facts.events('role.assigned').find((e) => e.event.role === 'commander');
    const firstWork = facts.events('action.started')[0];
    if (!commander) {
      return [{
        share: 1,
        earned: 0,
        message: firstWork ? 'No incident commander was ever named: work happened, but nobody coordinated it.' : 'No incident commander was ever named.',
        evidence: facts.evidence(facts.page, firstWork, facts.last),
        mistake: 'no-clear-commander',
      }];
    }
    if (firstWork && firstWork.seq < commander.seq) {
      return [{
        share: 1,
        earned: 0.4,
        message: `Diagnosis began ${minutes(commander.at - firstWork.at)} before anyone was named incident commander.`,
        evidence: facts.evidence(firstWork, commander),
        mistake: 'no-clear-commander',
      }];
    }
    return [{ share: 1, earned: 1, message: `${facts.name(commander.event.responder)} was named incident commander before any work began.`, evidence: facts.evidence(commander, firstWork) }];
  },

  'commander-delegates': (facts, rubric) => {
    const work = facts.events('action.started');
    // A response the rubric sizes as one person (no roles expected besides the commander) has nobody to delegate to,
    // and without a commander there is nobody to judge here (the missing commander is graded on its own).
    const hadCommander = facts.events('role.assigned').some((e) => e.event.role === 'commander');
    if (work.length === 0 || !hadCommander || rubric.rolesExpected[facts.worstSeverityBy(facts.end)].length === 0) return null;
    const personal = work.filter((e) => facts.holderAt('commander', e.at, e.seq) === e.event.performer);
    if (personal.length === 0) return [{ share: 1, earned: 1, message: `The commander delegated all ${plural(work.length, 'action')} and stayed on coordination.`, evidence: facts.evidence(work[0], work[work.length - 1]) }];
    return [{
      share: 1,
      earned: Math.max(0, 1 - personal.length / 2),
      message: `The incident commander personally did ${plural(personal.length, 'action')} (${personal.map((e) => facts.label(e.event.action)).join(', ')}): commanders coordinate and delegate rather than debug or change systems.`,
      evidence: facts.evidenceOf(personal),
    }];
  },

  'roles-assigned': (facts, rubric) => {
    // The roles the worst severity the incident reached calls for: an escalation brings its own needs.
    const severity = facts.worstSeverityBy(facts.end);
    const expected = rubric.rolesExpected[severity];
    if (expected.length === 0) return null;
    const assigned = facts.events('role.assigned');
    return expected.map((role): Part => {
      const entry = assigned.find((e) => e.event.role === role);
      return {
        share: 1 / expected.length,
        earned: entry ? 1 : 0,
        message: entry ? `${role} role given to ${facts.name(entry.event.responder)}.` : `Nobody was given the ${role} role, which a ${severity} response needs.`,
        evidence: facts.evidence(entry ?? facts.last),
      };
    });
  },

  'escalation-follows-chain': (facts, rubric) => {
    const chain = facts.scenario.roster.escalation;
    const pages = facts.commands('escalate').filter((e) => chain.includes(e.command.to));
    if (chain.length === 0 || pages.length === 0) return null;
    // A small incident (no roles expected besides the commander) needs at most the first step of the chain.
    const worst = facts.worstSeverityBy(facts.end);
    const small = rubric.rolesExpected[worst].length === 0;
    const beyond = pages.filter((p) => chain.indexOf(p.command.to) > 0);
    if (small && beyond.length > 0) {
      return [{ share: 1, earned: 0, message: `Over-escalation: a ${worst} does not need ${beyond.map((p) => facts.name(p.command.to)).join(' or ')} paged; it spends people the incident does not need.`, evidence: facts.evidenceOf(beyond) }];
    }
    // A page skips the chain when someone earlier in it had not been paged before it.
    const firstPaged = firstByKey(pages, (p) => p.command.to);
    const skipped = pages.filter((page) => {
      const rank = chain.indexOf(page.command.to);
      return chain.slice(0, rank).some((earlier) => (firstPaged.get(earlier)?.seq ?? Infinity) >= page.seq);
    });
    if (skipped.length === 0) return [{ share: 1, earned: 1, message: `Escalation followed the chain (${pages.map((p) => facts.name(p.command.to)).join(', then ')}).`, evidence: facts.evidenceOf(pages) }];
    return [{
      share: 1,
      earned: 0,
      message: `Escalation skipped the chain: ${skipped.map((p) => facts.name(p.command.to)).join(', ')} was paged before ${chain.slice(0, chain.indexOf(skipped[0]!.command.to)).map((id) => facts.name(id)).join(' and ')}.`,
      evidence: facts.evidenceOf(skipped),
    }];
  },

  'changes-announced': (facts) => {
    const changes = facts.commands('apply');
    if (changes.length === 0) return null;
    // Each change looks only at the commands since the change before it, so one pass over the accepted commands
    // serves every change.
    let next = 0;
    const found = changes.map((change, index) => {
      const since = index === 0 ? -1 : changes[index - 1]!.seq;
      // An announcement counts when it names the change it announces, not just any message before it.
      let announcement: (typeof facts.accepted)[number] | undefined;
      for (; next < facts.accepted.length && facts.accepted[next]!.seq < change.seq; next++) {
        const e = facts.accepted[next]!;
        if (announcement === undefined && e.seq > since && (e.command.type === 'announce' || e.command.type === 'status-update') && namesChange(facts.scenario, change.command.action, e.command.text)) announcement = e;
      }
      return { change, announcement, label: facts.label(change.command.action) };
    });
    // Every change is to be announced, however many others were: each unannounced one costs a fixed part of the
    // check rather than a fraction that more changes would dilute.
    const silent = found.filter((f) => f.announcement === undefined);
    const told = found.filter((f) => f.announcement !== undefined);
    const lostEach = silent.length === 0 ? 0 : told.length === 0 ? 1 / silent.length : Math.min(UNANNOUNCED_COST, 1 / silent.length);
    const kept = Math.max(0, 1 - lostEach * silent.length);
    return [
      ...silent.map((f): Part => ({ share: lostEach, earned: 0, message: `"${f.label}" was made without announcing it first.`, evidence: facts.evidence(f.change) })),
      ...(kept === 0 ? [] : told).map((f): Part => ({ share: kept / told.length, earned: 1, message: `"${f.label}" was announced before it was made.`, evidence: facts.evidence(f.announcement, f.change) })),
    ].sort((a, b) => a.evidence[a.evidence.length - 1]!.seq - b.evidence[b.evidence.length - 1]!.seq);
  },
};

/** The share of `changes-announced` one unannounced change costs: two in three (10 of the default rubric's 15). */
const UNANNOUNCED_COST = 2 / 3;
