import type { Postmortem } from '../engine/commands/postmortem';
import { plural, type Check, type Part } from './check';
import type { Facts } from './facts';
import { POSTMORTEM_SECTIONS } from './postmortem-sections';
import { lastByKey } from './search';
import { blameFlags, missingAlertParts } from './text-checks';

export { POSTMORTEM_SECTIONS } from './postmortem-sections';

const lastPostmortem = (facts: Facts) => facts.commands('postmortem').at(-1);

/** Everything the player wrote, for the blameless check. */
function playerTexts(facts: Facts): Array<{ entry: Facts['accepted'][number]; text: string }> {
  return facts.accepted.flatMap((entry) => {
    const c = entry.command;
    if (c.type === 'postmortem') {
      const d = c.document;
      return [{ entry, text: [d.summary, d.impact, d.timeline, d.rootCause, d.wentWell, d.needsImprovement, ...d.actionItems.map((i) => i.action)].join('\n') }];
    }
    if (c.type === 'status-update' || c.type === 'announce' || c.type === 'respond') return [{ entry, text: c.text }];
    return [];
  });
}

export const learningChecks: Record<string, Check> = {
  'postmortem-sections': (facts) => {
    const postmortem = lastPostmortem(facts);
    if (!postmortem) return [{ share: 1, earned: 0, message: 'No postmortem was written: the incident taught nothing that lasts.', evidence: facts.evidence(facts.last) }];
    const doc = postmortem.command.document;
    return POSTMORTEM_SECTIONS.map(([key, title]): Part => {
      const value = doc[key];
      const filled = Array.isArray(value) ? value.length > 0 : value.trim().length > 0;
      const thin = !Array.isArray(value) && filled && value.trim().length < 20;
      return {
        share: 1 / POSTMORTEM_SECTIONS.length,
        earned: filled ? (thin ? 0.5 : 1) : 0,
        message: filled ? (thin ? `The postmortem's ${title} section is too thin to learn from.` : `The postmortem has ${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title} section.`) : `The postmortem has no ${title} section.`,
        evidence: facts.evidence(postmortem),
      };
    });
  },

  'action-items-owned': (facts) => {
    const postmortem = lastPostmortem(facts);
    const items = postmortem?.command.document.actionItems ?? [];
    if (items.length === 0) {
      return [{ share: 1, earned: 0, message: postmortem ? 'The postmortem has no action items, so nothing will change.' : 'Without a postmortem there are no action items, so nothing will change.', evidence: facts.evidence(postmortem ?? facts.last), mistake: 'postmortem-without-follow-through' }];
    }
    const parts = items.map((item, index): Part => {
      const lacking = (['owner', 'priority', 'status'] as const).filter((f) => item[f].trim() === '');
      return {
        share: 1 / items.length,
        // An item nobody owns does not land, whatever else it has: the owner is worth the whole item.
        earned: lacking.includes('owner') ? 0 : 1 - lacking.length / 6,
        message: lacking.length === 0 ? `Action item ${index + 1} ("${item.action}") has an owner, a priority and a status.` : `Action item ${index + 1} ("${item.action}") has no ${lacking.join(', no ')}: items without owners do not land.`,
        evidence: facts.evidence(postmortem),
      };
    });
    if (parts.some((p) => p.earned < 1)) return parts.map((p) => (p.earned < 1 ? { ...p, mistake: 'postmortem-without-follow-through' as const } : p));
    return parts;
  },

  blameless: (facts) => {
    const texts = playerTexts(facts);
    if (texts.length === 0) return null;
    const flagged = texts.flatMap(({ entry, text }) => blameFlags(text, facts.scenario).map((flag) => ({ entry, flag })));
    if (flagged.length === 0) return [{ share: 1, earned: 1, message: `All ${plural(texts.length, 'written message')} kept to blameless wording.`, evidence: facts.evidence(...texts.slice(-3).map((t) => t.entry)) }];
    return flagged.map(({ entry, flag }): Part => ({
      share: 1 / Math.max(3, flagged.length),
      earned: 0,
      message: `Blaming wording "${flag.phrase}": ${flag.suggestion}.`,
      evidence: facts.evidence(entry),
    })).concat(flagged.length < 3 ? [{ share: 1 - flagged.length / 3, earned: 1, message: 'The rest of the writing was blameless.', evidence: facts.evidence(texts[texts.length - 1]!.entry) }] : []);
  },

  'runbook-updated': (facts) => {
    const gap = facts.variant.runbookGap ?? facts.scenario.grading.runbookGap;
    if (!gap) return null;
    const update = facts.commands('update-runbook').find((e) => e.command.text.trim().length >= 20);
    return [{
      share: 1,
      earned: update ? 1 : 0,
      message: update ? 'The runbook was updated where the incident showed a gap.' : `The incident showed a runbook gap that was left open: ${gap}`,
      evidence: facts.evidence(update ?? facts.last),
    }];
  },

  'alert-queue': (facts) => {
    const queue = facts.scenario.alertQueue;
    if (queue.length === 0) return null;
    const lastVerdict = lastByKey(facts.commands('triage-alert'), (e) => e.command.alert);
    return queue.map((alert): Part => {
      const verdict = lastVerdict.get(alert.id);
      const share = 1 / queue.length;
      if (!verdict) return { share, earned: 0, message: `The alert "${alert.title}" was left unsorted.`, evidence: facts.evidence(facts.last) };
      const right = (verdict.command.verdict === 'actionable') === alert.actionable;
      // Noise that is rightly called noise should also be rewritten into something actionable, or removed.
      const missing = !alert.actionable && right && verdict.command.rewrite.trim() !== '' ? missingAlertParts(verdict.command.rewrite) : [];
      const earned = !right ? 0 : missing.length === 0 ? 1 : 1 - missing.length / 8;
      return {
        share,
        earned,
        message: right
          ? `"${alert.title}" was rightly sorted as ${verdict.command.verdict}${missing.length > 0 ? `, but its rewrite lacks ${missing.join(', ')}` : ''}: ${alert.why}`
          : `"${alert.title}" was sorted as ${verdict.command.verdict}, but it is ${alert.actionable ? 'actionable' : 'noise'}: ${alert.why}`,
        evidence: facts.evidence(verdict),
      };
    });
  },

  'alert-judged': (facts) => {
    const truth = facts.scenario.grading.alertQuality;
    if (!truth) return null;
    const rating = facts.commands('rate-alert').at(-1);
    if (!rating) return [{ share: 1, earned: 0, message: 'The alert\'s quality was never judged.', evidence: facts.evidence(facts.page, facts.last) }];
    if (rating.command.quality !== truth) return [{ share: 1, earned: 0, message: `The alert was rated ${rating.command.quality}, but it is ${truth === 'good' ? 'a good alert: specific, with context, a runbook and a dashboard' : 'a bad alert: it lacks the context, runbook or dashboard a responder needs'}.`, evidence: facts.evidence(rating) }];
    if (truth === 'good') return [{ share: 1, earned: 1, message: 'The alert was rightly judged good.', evidence: facts.evidence(rating) }];
    const missing = missingAlertParts(rating.command.rewrite);
    return [
      { share: 0.5, earned: 1, message: 'The alert was rightly judged bad.', evidence: facts.evidence(rating) },
      { share: 0.5, earned: 1 - missing.length / 4, message: missing.length === 0 ? 'The rewritten alert has the good-alert shape: title, context against a threshold, runbook and dashboard.' : `The rewritten alert lacks ${missing.join(', ')}.`, evidence: facts.evidence(rating) },
    ];
  },
};
