import { DEADLINE_GRACE_MINUTES } from '../engine/rules';
import { dueWords, minutes, plural, timeliness, type Check, type Part } from './check';
import { firstByKey } from './search';
import type { Facts } from './facts';
import { reviewParsedUpdate, UPDATE_FIELD_LABELS, UPDATE_FIELDS } from './text-checks';

/** The minute the incident stopped needing updates: its last resolution, or the end of the drill. */
function closedAt(facts: Facts): number {
  const resolved = facts.events('incident.resolved');
  const resurfaced = facts.events('incident.resurfaced');
  const last = resolved[resolved.length - 1];
  if (last && !resurfaced.some((r) => r.seq > last.seq)) return last.at;
  return facts.end;
}

const silent = (facts: Facts): Part[] => [{
  share: 1,
  earned: 0,
  message: 'No status update was sent: stakeholders were left to invent their own story.',
  evidence: facts.evidence(facts.page, facts.last),
  mistake: 'silent-updates',
}];

export const communicationChecks: Record<string, Check> = {
  'first-update-on-time': (facts, rubric) => {
    const first = facts.updates()[0];
    if (!first) return silent(facts);
    const from = facts.page?.at ?? 0;
    const took = first.entry.at - from;
    const due = facts.dueUnder(from, rubric.responseMinutes);
    if (due === null || first.entry.at <= due.at + DEADLINE_GRACE_MINUTES) {
      return [{ share: 1, earned: 1, message: `The first status update went out after ${minutes(took)}.`, evidence: facts.evidence(facts.page, first.entry) }];
    }
    return [{ share: 1, earned: timeliness(took, due.at - from, rubric.lateMultiple), message: `The first status update took ${minutes(took)}, beyond ${dueWords(due, from, 'response time')}.`, evidence: facts.evidence(facts.page, first.entry) }];
  },

  'cadence-kept': (facts, rubric) => {
    const updates = facts.updates();
    if (updates.length === 0) return silent(facts);
    const closed = closedAt(facts);
    const parts: Part[] = [];
    updates.forEach((update, index) => {
      const at = update.entry.at;
      const promised = update.parsed.nextUpdateMinutes;
      // The next update is due by the sooner of what this one promised and the cadence of the severity in force,
      // which an escalation shortens from the moment it takes force.
      const cadence = facts.dueUnder(at, rubric.updateCadenceMinutes);
      const byPromise = promised === null ? Infinity : at + promised;
      const due = Math.min(byPromise, cadence?.at ?? Infinity);
      if (!Number.isFinite(due) || due >= closed) return;
      const next = updates[index + 1];
      const kept = next !== undefined && next.entry.at <= due + DEADLINE_GRACE_MINUTES;
      const gap = next ? next.entry.at - at : null;
      const what = byPromise <= (cadence?.at ?? Infinity)
        ? `promised the next update in ${minutes(promised!)}`
        : promised === null
          ? `named no time for the next update, so ${dueWords(cadence!, at, 'cadence')} applied`
          : `promised the next update in ${minutes(promised)}, longer than ${dueWords(cadence!, at, 'cadence')}`;
      const outcome = kept
        ? 'and the next came on time'
        : next
          ? `but the next came ${minutes(gap!)} after it, ${minutes(next.entry.at - due)} past due`
          : 'but no further update came';
      parts.push({
        share: 1,
        // A late update still tells stakeholders something; how much it is worth falls with how late it came.
        earned: kept ? 1 : next ? 0.5 * timeliness(next.entry.at - at, due - at, rubric.lateMultiple) : 0,
        message: kept ? `Update #${index + 1} ${what}, ${outcome}.` : `Update #${index + 1} ${what}, ${outcome}: silent updates erode trust.`,
        evidence: facts.evidence(update.entry, next?.entry ?? facts.last),
        ...(kept ? {} : { mistake: 'silent-updates' as const }),
      });
    });
    if (parts.length === 0) return [{ share: 1, earned: 1, message: `${plural(updates.length, 'status update')} kept stakeholders informed until the incident closed.`, evidence: facts.evidenceOf(updates.map((u) => u.entry)) }];
    return parts.map((p) => ({ ...p, share: 1 / parts.length }));
  },

  'template-fields': (facts) => {
    const updates = facts.updates();
    if (updates.length === 0) return silent(facts);
    return updates.map((update, index): Part => {
      const review = reviewParsedUpdate(update.parsed, index + 1);
      const lost = review.missing.length + review.vague.length * 0.5 + (review.misnumbered === null ? 0 : 0.5);
      const names = (fields: readonly string[]) => fields.map((f) => UPDATE_FIELD_LABELS[f as keyof typeof UPDATE_FIELD_LABELS]).join(', ');
      const numbering = review.misnumbered === null ? '' : `numbered #${review.misnumbered}${review.misnumbered < index + 1 ? ", a number already used" : ''} where #${index + 1} was due`;
      const problems = [review.missing.length > 0 ? `missing ${names(review.missing)}` : '', review.vague.length > 0 ? `vague ${names(review.vague)}` : '', numbering].filter(Boolean).join('; ');
      return {
        share: 1 / updates.length,
        earned: Math.max(0, 1 - lost / UPDATE_FIELDS.length),
        message: problems ? `Update #${index + 1}: ${problems}.` : `Update #${index + 1} has every template field, with explicit impact.`,
        evidence: facts.evidence(update.entry),
      };
    });
  },

  'stakeholders-answered': (facts, rubric) => {
    const asked = facts.events('inject.fired').filter((e) => e.event.respondBy !== null);
    if (asked.length === 0) return null;
    const firstAnswer = firstByKey(facts.commands('respond'), (r) => r.command.inject);
    return asked.map((inject): Part => {
      const answer = firstAnswer.get(inject.event.inject);
      const due = inject.event.respondBy! + DEADLINE_GRACE_MINUTES;
      // A facilitator's custom inject names its sender as written, not by a roster id.
      const from = facts.sender(inject.event.inject, inject.event.from) ?? 'A stakeholder';
      return {
        share: 1 / asked.length,
        // A late answer is worth less the longer the stakeholder waited past the time they asked for.
        earned: answer ? (answer.at <= due ? 1 : 0.75 * timeliness(answer.at - inject.at, due - inject.at, rubric.lateMultiple)) : 0,
        message: answer ? (answer.at <= due ? `${from}'s question was answered after ${minutes(answer.at - inject.at)}.` : `${from}'s question was answered late (${minutes(answer.at - inject.at)}).`) : `${from}'s question ("${inject.event.message}") was never answered.`,
        evidence: facts.evidence(inject, answer ?? facts.last),
      };
    });
  },

  'recovery-notified': (facts) => {
    const recovered = facts.recoveredBy(facts.end);
    if (recovered === null) return null;
    // Telling of recovery means saying so, not merely sending any message afterwards.
    const told = facts.updates().find((u) => u.entry.at >= recovered && /recover|resolved|restored|back to normal|fixed|mitigated|healthy|working again|succeeding again|no (?:more )?(?:errors|failures)/i.test(u.entry.command.text));
    const resolved = facts.events('incident.resolved').find((r) => r.at >= recovered);
    return [{
      share: 1,
      earned: told ? 1 : 0,
      message: told ? `Stakeholders were told of the recovery ${minutes(told.entry.at - recovered)} after it.` : 'Stakeholders were never told the service had recovered.',
      evidence: facts.evidence(told?.entry ?? resolved ?? facts.last),
      ...(told ? {} : { mistake: 'silent-updates' as const }),
    }];
  },
};
