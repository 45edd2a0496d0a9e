import { SEVERITIES, type Severity } from '../engine/scenario/schema';
import { dueWords, minutes, timeliness, type Check } from './check';
import type { EventEntry, Facts } from './facts';
import { prefixLength } from './search';

const level = (s: Severity) => SEVERITIES.indexOf(s);

/**
 * The first minute at or after `from` when the declared severity fits the true one, following declarations and
 * impact changes together, and what made it fit: a new declaration, or the impact growing into the call.
 */
function firstFit(facts: Facts, from: EventEntry<'severity.declared'>): { at: number; by: 'declaration' | 'impact'; entry: EventEntry<'severity.declared'> | EventEntry<'impact.changed'> } | null {
  const declarations = facts.events('severity.declared');
  const changes = facts.events('impact.changed');
  let d = prefixLength(declarations, (e) => e.seq <= from.seq);
  let c = prefixLength(changes, (e) => e.seq <= from.seq);
  let declared = from.event.severity;
  let truth = facts.trueSeverityAt(from.at);
  while (d < declarations.length || c < changes.length) {
    const nextDeclaration = declarations[d];
    const nextChange = changes[c];
    if (nextDeclaration && (!nextChange || nextDeclaration.seq < nextChange.seq)) {
      declared = nextDeclaration.event.severity;
      d++;
      if (facts.acceptable(declared, truth)) return { at: nextDeclaration.at, by: 'declaration', entry: nextDeclaration };
    } else if (nextChange) {
      truth = nextChange.event.severity;
      c++;
      if (facts.acceptable(declared, truth)) return { at: nextChange.at, by: 'impact', entry: nextChange };
    }
  }
  return null;
}

export const triageChecks: Record<string, Check> = {
  'acknowledge-on-time': (facts, rubric) => {
    const from = facts.page?.at ?? 0;
    const ack = facts.commands('acknowledge')[0];
    if (!ack) return [{ share: 1, earned: 0, message: 'The page was never acknowledged.', evidence: facts.evidence(facts.page, facts.last) }];
    const took = ack.at - from;
    const due = facts.dueUnder(from, rubric.acknowledgeMinutes);
    if (due === null) return [{ share: 1, earned: 1, message: `The page was acknowledged after ${minutes(took)}.`, evidence: facts.evidence(facts.page, ack) }];
    const earned = timeliness(took, due.at - from, rubric.lateMultiple);
    return [{
      share: 1,
      earned,
      message: earned === 1
        ? `The page was acknowledged after ${minutes(took)}, within ${dueWords(due, from, 'expectation')}.`
        : `The page was acknowledged after ${minutes(took)}, beyond ${dueWords(due, from, 'expectation')}.`,
      evidence: facts.evidence(facts.page, ack),
    }];
  },

  // The severity call is judged once, here: whether the first call fitted the impact and, if not, how soon the
  // declared severity came to fit it. Its timing is judged by `severity-on-time`, escalations by
  // `redeclared-on-change`, so one wrong call costs once.
  'severity-correct': (facts, rubric) => {
    const first = facts.events('severity.declared')[0];
    if (!first) return [{ share: 1, earned: 0, message: 'No severity was declared, so nobody knew how fast to move.', evidence: facts.evidence(facts.page, facts.last) }];
    const declared = first.event.severity;
    const truthThen = facts.trueSeverityAt(first.at);
    if (facts.acceptable(declared, truthThen)) return [{ share: 1, earned: 1, message: `Declared ${declared}, matching the impact (${truthThen}).`, evidence: facts.evidence(first) }];
    const over = level(declared) < level(truthThen);
    const call = over
      ? `Declared ${declared} for a ${truthThen} incident: over-reaction pulls people and urgency the incident does not need`
      : `Declared ${declared} for a ${truthThen} incident: under-reaction slows the response while the damage grows`;
    // A call one level off is closer to right than one further off; either way, what matters most is how long the
    // response ran at the wrong urgency.
    const floor = Math.abs(level(declared) - level(truthThen)) === 1 ? 0.25 : 0;
    const fit = firstFit(facts, first);
    if (fit === null) return [{ share: 1, earned: floor, message: `${call}, and the declared severity never came to match the impact.`, evidence: facts.evidence(first, facts.last) }];
    const wrongFor = fit.at - first.at;
    const limit = rubric.responseMinutes[facts.trueSeverityAt(fit.at)] ?? rubric.responseMinutes[truthThen] ?? 60;
    const earned = Math.max(floor, 0.75 * timeliness(wrongFor, limit, rubric.lateMultiple));
    const after = fit.by === 'declaration'
      ? `; it was corrected to ${(fit.entry as EventEntry<'severity.declared'>).event.severity} ${minutes(wrongFor)} later`
      : `; the impact grew to ${(fit.entry as EventEntry<'impact.changed'>).event.severity} ${minutes(wrongFor)} later, so the call was early rather than wrong from then on`;
    return [{ share: 1, earned, message: `${call}${after}.`, evidence: facts.evidence(first, fit.entry) }];
  },

  'severity-on-time': (facts, rubric) => {
    // The clock stops at the first declaration: whether it fitted is `severity-correct`'s to judge, once. A run that
    // never declared is told so there too.
    const first = facts.events('severity.declared')[0];
    if (!first) return null;
    const from = facts.page?.at ?? 0;
    const took = first.at - from;
    const due = facts.dueUnder(from, rubric.responseMinutes);
    if (due === null) return [{ share: 1, earned: 1, message: `Severity declared after ${minutes(took)}.`, evidence: facts.evidence(facts.page, first) }];
    const earned = timeliness(took, due.at - from, rubric.lateMultiple);
    return [{
      share: 1,
      earned,
      message: earned === 1 ? `Severity declared after ${minutes(took)}, within ${dueWords(due, from, 'response time')}.` : `Severity declared after ${minutes(took)}, beyond ${dueWords(due, from, 'response time')}.`,
      evidence: facts.evidence(facts.page, first),
    }];
  },

  'redeclared-on-change': (facts, rubric) => {
    const declarations = facts.events('severity.declared');
    const changes = facts.events('impact.changed');
    const first = declarations[0];
    if (!first || changes.length === 0) return null;
    const parts = [];
    for (const [index, change] of changes.entries()) {
      const truth = change.event.severity;
      const truthBefore = index === 0 ? facts.scenario.severity.true : changes[index - 1]!.event.severity;
      const before = prefixLength(declarations, (d) => d.seq < change.seq);
      // Before any declaration there is nothing to re-declare: the first call is judged against the impact then.
      if (before === 0) continue;
      const declaredThen = declarations[before - 1]!;
      if (facts.acceptable(declaredThen.event.severity, truth)) continue;
      // A first call that was already wrong and never touched since is one mistake, judged by `severity-correct`.
      if (declaredThen === first && !facts.acceptable(first.event.severity, facts.trueSeverityAt(first.at))) continue;
      const later = declarations.slice(before);
      const fix = later.find((d) => facts.acceptable(d.event.severity, facts.trueSeverityAt(d.at)) && d.at >= change.at);
      const limit = rubric.responseMinutes[truth] ?? 60;
      const late = (fix ? fix.at : facts.end) - change.at;
      const grew = level(truth) < level(truthBefore) ? 'grew' : level(truth) > level(truthBefore) ? 'eased' : 'changed';
      const tried = later.filter((d) => d !== fix && (!fix || d.seq < fix.seq)).map((d) => d.event.severity);
      parts.push({
        share: 1,
        earned: fix ? timeliness(late, limit, rubric.lateMultiple) : 0,
        message: fix
          ? `The impact ${grew} to ${truth}; ${fix.event.severity} was declared ${minutes(late)} later.`
          : tried.length > 0
            ? `The impact ${grew} to ${truth}, but the later ${tried.length === 1 ? 'declaration' : 'declarations'} (${[...new Set(tried)].join(', ')}) still did not match it.`
            : `The impact ${grew} to ${truth}, but the declared ${declaredThen.event.severity} was never changed to match it.`,
        evidence: facts.evidence(change, fix ?? later[later.length - 1] ?? facts.last),
      });
    }
    if (parts.length === 0) return null;
    return parts.map((p) => ({ ...p, share: 1 / parts.length }));
  },
};
