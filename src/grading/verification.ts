import { LOGS_SETTLE_MINUTES, RECOVERED_LEVEL } from '../engine/rules';
import { minutes, type Check, type Part } from './check';
import type { Facts } from './facts';
import { firstByKey, lastByKey } from './search';

const firstResolution = (facts: Facts) => facts.events('incident.resolved')[0];

export const verificationChecks: Record<string, Check> = {
  'checklist-before-resolve': (facts) => {
    const items = facts.scenario.grading.verification;
    if (items.length === 0) return null;
    const resolved = firstResolution(facts);
    if (!resolved) return [{ share: 1, earned: 0, message: 'The incident was never resolved, so recovery was never confirmed.', evidence: facts.evidence(facts.last) }];
    const checks = facts.events('verification.checked').filter((e) => e.seq < resolved.seq);
    const lastOk = lastByKey(checks.filter((e) => e.event.ok), (e) => e.event.item);
    const firstFailed = firstByKey(checks.filter((e) => !e.event.ok), (e) => e.event.item);
    const parts = items.map((item): Part => {
      const ok = lastOk.get(item);
      const failed = firstFailed.get(item);
      return {
        share: 1 / items.length,
        earned: ok ? 1 : 0,
        message: ok ? `Checked before resolving: ${ok.event.detail}` : failed ? `"${item.replace(/-/g, ' ')}" did not hold when checked, yet the incident was resolved.` : `"${item.replace(/-/g, ' ')}" was never checked before resolving.`,
        evidence: facts.evidence(ok ?? failed, resolved),
      };
    });
    if (parts.every((p) => p.earned === 0)) return parts.map((p) => ({ ...p, mistake: 'fixing-without-verification' as const }));
    return parts;
  },

  'not-premature': (facts) => {
    const resolved = firstResolution(facts);
    if (!resolved) return [{ share: 1, earned: 0, message: 'The incident was never resolved.', evidence: facts.evidence(facts.last) }];
    if (resolved.event.impact < RECOVERED_LEVEL) return [{ share: 1, earned: 1, message: 'The incident was resolved only after the service had recovered.', evidence: facts.evidence(resolved) }];
    const resurfaced = facts.events('incident.resurfaced')[0];
    return [{
      share: 1,
      earned: 0,
      message: `The incident was resolved while the service was still failing${resurfaced ? ', and it resurfaced' : ''}.`,
      evidence: facts.evidence(resolved, resurfaced),
      mistake: 'fixing-without-verification',
    }];
  },

  'watched-for-regressions': (facts) => {
    const resolved = firstResolution(facts);
    if (!resolved) return [{ share: 1, earned: 0, message: 'The incident was never resolved.', evidence: facts.evidence(facts.last) }];
    const recovered = facts.recoveredBy(resolved.at);
    if (recovered === null) return [{ share: 1, earned: 0, message: 'Nobody watched for regressions: the service had not recovered when the incident was resolved.', evidence: facts.evidence(resolved) }];
    const watched = resolved.at - recovered;
    return [{
      share: 1,
      earned: Math.min(1, watched / LOGS_SETTLE_MINUTES),
      message: watched >= LOGS_SETTLE_MINUTES ? `Recovery was watched for ${minutes(watched)} before resolving.` : `Resolved only ${minutes(watched)} after recovery: watch at least ${LOGS_SETTLE_MINUTES} minutes for regressions.`,
      evidence: facts.evidence(resolved),
    }];
  },
};
