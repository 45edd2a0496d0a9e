import { SEVERITIES, type Severity } from '../engine/scenario/schema';
import { minutes, timeliness, type Check } from './check';
import { prefixLength } from './search';

const level = (s: Severity) => SEVERITIES.indexOf(s);

export const triageChecks: Record<string, Check> = {
  'acknowledge-on-time': (facts, rubric) => {
    const truth = facts.scenario.severity.true;
    const limit = rubric.acknowledgeMinutes[truth];
    const ack = facts.commands('acknowledge')[0];
    if (!ack) return [{ share: 1, earned: 0, message: 'The page was never acknowledged.', evidence: facts.evidence(facts.page, facts.last) }];
    if (limit === null) return [{ share: 1, earned: 1, message: `The page was acknowledged after ${minutes(ack.at)}.`, evidence: facts.evidence(facts.page, ack) }];
    const earned = timeliness(ack.at, limit, rubric.lateMultiple);
    return [{
      share: 1,
      earned,
      message: earned === 1 ? `The page was acknowledged after ${minutes(ack.at)}, within the ${limit}-minute expectation.` : `The page was acknowledged after ${minutes(ack.at)}, later than the ${limit}-minute expectation for ${truth}.`,
      evidence: facts.evidence(facts.page, ack),
    }];
  },

  'severity-correct': (facts) => {
    const first = facts.events('severity.declared')[0];
    const truth = facts.scenario.severity.true;
    if (!first) return [{ share: 1, earned: 0, message: 'No severity was declared, so nobody knew how fast to move.', evidence: facts.evidence(facts.page, facts.last) }];
    const declared = first.event.severity;
    const truthThen = facts.trueSeverityAt(first.at);
    if (facts.acceptable(declared, truthThen)) return [{ share: 1, earned: 1, message: `Declared ${declared}, matching the impact (${truthThen}).`, evidence: facts.evidence(first) }];
    const distance = Math.abs(level(declared) - level(truthThen));
    const over = level(declared) < level(truthThen);
    const earned = distance === 1 ? 0.4 : 0;
    const message = over
      ? `Declared ${declared} for a ${truthThen} incident: over-reaction is a mistake too; it pulls people and urgency the incident does not need.`
      : `Declared ${declared} for a ${truthThen} incident: under-reacting slows the response while the damage grows.`;
    return [{ share: 1, earned, message, evidence: facts.evidence(facts.page, first) }];
  },

  'severity-on-time': (facts, rubric) => {
    // The clock stops at the first declaration that matched the impact: a wrong one does not count as declared.
    const first = facts.events('severity.declared').find((d) => facts.acceptable(d.event.severity, facts.trueSeverityAt(d.at)));
    const truth = facts.scenario.severity.true;
    const limit = rubric.responseMinutes[truth];
    if (!first) return [{ share: 1, earned: 0, message: 'No fitting severity was ever declared.', evidence: facts.evidence(facts.page, facts.events('severity.declared')[0] ?? facts.last) }];
    if (limit === null) return [{ share: 1, earned: 1, message: `Severity declared after ${minutes(first.at)}.`, evidence: facts.evidence(first) }];
    const earned = timeliness(first.at, limit, rubric.lateMultiple);
    return [{
      share: 1,
      earned,
      message: earned === 1 ? `Severity declared after ${minutes(first.at)}, within ${truth}'s ${limit}-minute response time.` : `Severity declared after ${minutes(first.at)}; ${truth} calls for a response within ${limit} minutes.`,
      evidence: facts.evidence(facts.page, first),
    }];
  },

  'redeclared-on-change': (facts, rubric) => {
    const declarations = facts.events('severity.declared');
    const parts = [];
    // Each time the truth changes, or when the first declaration was wrong, the declared severity should follow.
    const moments = facts.events('impact.changed').map((e) => ({ at: e.at, entry: e as typeof e | undefined, truth: e.event.severity }));
    const first = declarations[0];
    if (first && !facts.acceptable(first.event.severity, facts.trueSeverityAt(first.at))) moments.unshift({ at: first.at, entry: undefined, truth: facts.trueSeverityAt(first.at) });
    // Where each severity was declared (positions in `declarations`), to find the first fitting one after a moment
    // by a binary search per severity rather than a scan per moment.
    const positions = new Map<Severity, number[]>();
    declarations.forEach((d, index) => {
      const list = positions.get(d.event.severity);
      if (list) list.push(index);
      else positions.set(d.event.severity, [index]);
    });
    const firstFitting = (from: number, truth: Severity) => {
      let found = declarations.length;
      for (const severity of SEVERITIES) {
        if (!facts.acceptable(severity, truth)) continue;
        const list = positions.get(severity) ?? [];
        const index = list[prefixLength(list, (i) => i < from)];
        if (index !== undefined && index < found) found = index;
      }
      return declarations[found];
    };
    for (const moment of moments) {
      const declaredThen = declarations[prefixLength(declarations, (d) => d.at <= moment.at) - 1]?.event.severity;
      if (declaredThen === undefined || facts.acceptable(declaredThen, moment.truth)) continue;
      const limit = rubric.responseMinutes[moment.truth] ?? 60;
      const fix = firstFitting(prefixLength(declarations, (d) => d.at < moment.at), moment.truth);
      const late = fix ? fix.at - moment.at : facts.end - moment.at;
      // Correcting one's own wrong call earns less the longer the response ran at the wrong urgency.
      const earned = !fix ? 0 : moment.entry ? timeliness(late, limit, rubric.lateMultiple) : Math.max(0, 1 - late / limit);
      parts.push({
        share: 1,
        earned,
        message: fix
          ? `Re-declared ${fix.event.severity} ${minutes(late)} after the impact called for ${moment.truth}.`
          : `The impact called for ${moment.truth}, but the declared ${declaredThen} was never corrected.`,
        evidence: facts.evidence(moment.entry ?? first, fix ?? facts.last),
      });
    }
    if (parts.length === 0) return null;
    return parts.map((p) => ({ ...p, share: 1 / parts.length }));
  },
};
