import { dueWords, minutes, timeliness, plural, type Check, type Part } from './check';
import { firstByKey } from './search';

export const resolutionChecks: Record<string, Check> = {
  'runbook-first-checks': (facts) => {
    const keys = facts.variant.keyDiagnosis;
    const firstChange = facts.commands('apply')[0];
    const firstDone = firstByKey(facts.events('action.completed'), (e) => e.event.action);
    const firstStarted = firstByKey(facts.events('action.started'), (e) => e.event.action);
    return keys.map((id): Part => {
      const done = firstDone.get(id);
      const started = firstStarted.get(id);
      // Early means its result was in hand before the first change, not merely that it had begun.
      const early = done !== undefined && (!firstChange || done.seq < firstChange.seq);
      return {
        share: 1 / keys.length,
        earned: done ? (early ? 1 : 0.6) : 0,
        message: done
          ? early
            ? `"${facts.label(id)}" was checked before any change was made.`
            : `"${facts.label(id)}" finished only after changes had begun.`
          : started
            ? `"${facts.label(id)}", a key check here, was started but never finished.`
            : `"${facts.label(id)}", a key check here, was never done.`,
        evidence: facts.evidence(...[started, done ?? facts.last].filter((e, i, all) => e && all.indexOf(e) === i)),
      };
    });
  },

  'red-herrings': (facts) => {
    const diagnoses = facts.events('action.completed').filter((e) => e.event.kind === 'diagnosis');
    if (diagnoses.length === 0) return null;
    const herrings = diagnoses.filter((e) => e.event.redHerring);
    if (herrings.length === 0) return [{ share: 1, earned: 1, message: `No time was lost to red herrings (${plural(diagnoses.length, 'diagnosis step')}).`, evidence: facts.evidenceOf(diagnoses) }];
    const firstStarted = firstByKey(facts.events('action.started'), (e) => e.event.action);
    const lost = herrings.reduce((sum, e) => {
      const start = firstStarted.get(e.event.action);
      return sum + (start ? e.at - start.at : 0);
    }, 0);
    return [{
      share: 1,
      earned: Math.max(0, 1 - herrings.length / 3),
      message: `${minutes(lost)} went to red herrings (${herrings.map((e) => facts.label(e.event.action)).join(', ')}).`,
      evidence: facts.evidenceOf(herrings),
    }];
  },

  'right-fix': (facts) => {
    const right = facts.variant.rightFix;
    const landed = facts.events('effect.landed').find((e) => e.event.action === right);
    const wrong = facts.events('effect.landed').filter((e) => e.event.action !== right && (e.event.effect === 'none' || e.event.effect === 'worsens'));
    const parts: Part[] = [{
      share: 0.7,
      earned: landed ? 1 : 0,
      message: landed ? `The right fix, "${facts.label(right)}", was applied.` : `The cause was never fixed: "${facts.label(right)}" would have fixed it.`,
      evidence: facts.evidence(landed ?? facts.last),
    }];
    if (wrong.length === 0) {
      parts.push({ share: 0.3, earned: 1, message: 'No change was made that did nothing or made things worse.', evidence: facts.evidence(landed ?? facts.last) });
      return parts;
    }
    // Each change without evidence behind it is its own lesson, worse when it made the impact grow.
    const weights = wrong.map((e) => (e.event.effect === 'worsens' ? 2 : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const lost = Math.min(1, total / 3);
    wrong.forEach((e, i) => {
      parts.push({
        share: 0.3 * lost * (weights[i]! / total),
        earned: 0,
        message: `"${facts.label(e.event.action)}" ${e.event.effect === 'worsens' ? 'made things worse: the impact grew' : 'changed nothing'}: a change to a live system without evidence that it would help.`,
        evidence: facts.evidence(e),
      });
    });
    if (lost < 1) parts.push({ share: 0.3 * (1 - lost), earned: 1, message: 'The other changes were backed by evidence.', evidence: facts.evidence(landed ?? facts.last) });
    return parts;
  },

  'time-to-mitigate': (facts, rubric) => {
    const from = facts.page?.at ?? 0;
    const landed = facts.events('effect.landed').find((e) => e.event.effect === 'fixes' || e.event.effect === 'mitigates');
    if (!landed) return [{ share: 1, earned: 0, message: 'The impact was never mitigated.', evidence: facts.evidence(facts.page, facts.last) }];
    const took = landed.at - from;
    // What this scenario makes possible when its author says so (firedrill check refuses a target no run can meet,
    // and one the rubric's target would make unreachable must be stated); otherwise the rubric's target for the
    // severity in force, which an escalation shortens from the moment it takes force.
    const own = facts.scenario.grading.mitigateWithinMinutes;
    const due = own === undefined ? facts.dueUnder(from, rubric.mitigateMinutes) : null;
    const target = own ?? (due === null ? null : due.at - from);
    const words = own !== undefined ? `this scenario's ${own}-minute target` : due ? dueWords(due, from, 'target') : '';
    const earned = target === null ? 1 : timeliness(took, target, rubric.lateMultiple);
    return [{
      share: 1,
      earned,
      message: target === null ? `Impact mitigated ${minutes(took)} after the page.` : `Impact mitigated ${minutes(took)} after the page, ${took <= target ? 'within' : 'beyond'} ${words}.`,
      evidence: facts.evidence(facts.page, landed),
    }];
  },
};
