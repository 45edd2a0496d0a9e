import { effectFor, findResolution } from '../engine/rules';
import { minutes, plural, type Check, type Part } from './check';

export const resolutionChecks: Record<string, Check> = {
  'runbook-first-checks': (facts) => {
    const keys = facts.variant.keyDiagnosis;
    const firstChange = facts.commands('apply')[0];
    return keys.map((id): Part => {
      const done = facts.events('action.completed').find((e) => e.event.action === id);
      const started = facts.events('action.started').find((e) => e.event.action === id);
      const early = started !== undefined && (!firstChange || started.seq < firstChange.seq);
      return {
        share: 1 / keys.length,
        earned: done ? (early ? 1 : 0.6) : 0,
        message: done ? (early ? `"${facts.label(id)}" was checked before any change was made.` : `"${facts.label(id)}" was checked only after changes had begun.`) : `"${facts.label(id)}", a key check here, was never done.`,
        evidence: facts.evidence(started, done ?? facts.last),
      };
    });
  },

  'red-herrings': (facts) => {
    const diagnoses = facts.events('action.completed').filter((e) => e.event.kind === 'diagnosis');
    if (diagnoses.length === 0) return null;
    const herrings = diagnoses.filter((e) => e.event.redHerring);
    if (herrings.length === 0) return [{ share: 1, earned: 1, message: `No time was lost to red herrings (${plural(diagnoses.length, 'diagnosis step')}).`, evidence: facts.evidence(...diagnoses) }];
    const lost = herrings.reduce((sum, e) => {
      const start = facts.events('action.started').find((s) => s.event.action === e.event.action);
      return sum + (start ? e.at - start.at : 0);
    }, 0);
    return [{
      share: 1,
      earned: Math.max(0, 1 - herrings.length / 3),
      message: `${minutes(lost)} went to red herrings (${herrings.map((e) => facts.label(e.event.action)).join(', ')}).`,
      evidence: facts.evidence(...herrings),
    }];
  },

  'right-fix': (facts) => {
    const right = facts.variant.rightFix;
    const landed = facts.events('effect.landed').find((e) => e.event.action === right);
    const wrong = facts.events('effect.landed').filter((e) => e.event.action !== right && (e.event.effect === 'none' || e.event.effect === 'worsens'));
    const penalty = wrong.reduce((sum, e) => sum + (e.event.effect === 'worsens' ? 0.4 : 0.2), 0);
    const parts: Part[] = [{
      share: 1,
      earned: landed ? Math.max(0, 1 - penalty) : 0,
      message: landed ? `The right fix, "${facts.label(right)}", was applied.` : `The cause was never fixed: "${facts.label(right)}" would have fixed it.`,
      evidence: facts.evidence(landed ?? facts.last),
    }];
    for (const e of wrong) {
      const action = findResolution(facts.scenario, e.event.action);
      const effect = action ? effectFor(action, facts.variant.id).kind : e.event.effect;
      parts.push({ share: 0, earned: 0, message: `"${facts.label(e.event.action)}" ${effect === 'worsens' ? 'made things worse' : 'changed nothing'}: a change without evidence behind it.`, evidence: facts.evidence(e) });
    }
    return parts;
  },

  'time-to-mitigate': (facts, rubric) => {
    const target = rubric.mitigateMinutes[facts.scenario.severity.true];
    const landed = facts.events('effect.landed').find((e) => e.event.effect === 'fixes' || e.event.effect === 'mitigates');
    if (!landed) return [{ share: 1, earned: 0, message: 'The impact was never mitigated.', evidence: facts.evidence(facts.page, facts.last) }];
    const took = landed.at - (facts.page?.at ?? 0);
    const earned = target === null || took <= target ? 1 : Math.max(0, 1 - (0.5 * (took - target)) / target);
    return [{
      share: 1,
      earned,
      message: target === null || took <= target ? `Impact mitigated ${minutes(took)} after the page.` : `Impact mitigated ${minutes(took)} after the page, beyond the ${target}-minute target.`,
      evidence: facts.evidence(facts.page, landed),
    }];
  },
};
