import type { Due, Evidence, Facts } from './facts';
import type { Rubric } from '../engine/policy/rubric';

/** The module's common mistakes, named in findings so the debrief can point at them. */
export type CommonMistake = 'no-clear-commander' | 'silent-updates' | 'fixing-without-verification' | 'postmortem-without-follow-through';

export const MISTAKE_LABELS: Record<CommonMistake, string> = {
  'no-clear-commander': 'No clear incident commander',
  'silent-updates': 'Silent incident updates',
  'fixing-without-verification': 'Fixing without verification',
  'postmortem-without-follow-through': 'Postmortems without follow-through',
};

/**
 * One graded part of a check: `share` of the check's points, of which the player earned `earned` (0 to 1).
 * Every part cites the journal entries it rests on.
 */
export interface Part {
  share: number;
  earned: number;
  message: string;
  evidence: Evidence[];
  mistake?: CommonMistake;
}

/** A check returns its parts, or null when it does not apply to this scenario or run. */
export type Check = (facts: Facts, rubric: Rubric) => Part[] | null;

export const clamp01 = (n: number) => Math.max(0, Math.min(1, n));

/** Full credit up to `target` minutes, falling evenly to none at `multiple` times the target (the rubric's). */
export function timeliness(minutes: number, target: number, multiple: number): number {
  if (minutes <= target) return 1;
  return clamp01(1 - (minutes - target) / (target * (multiple - 1)));
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const minutes = (n: number) => (n < 1 ? 'less than a minute' : plural(Math.round(n * 10) / 10, 'minute'));

/**
 * The expectation behind a due time, in words: "SEV1's 15-minute response time", or, when an escalation set it,
 * "SEV1's 15-minute response time from its escalation at minute 12".
 */
export function dueWords(due: Due, from: number, expectation: string): string {
  const limit = Math.round((due.at - due.since) * 10) / 10;
  const words = `${due.severity}'s ${limit}-minute ${expectation}`;
  return due.since > from ? `${words} from its escalation at minute ${Math.round(due.since * 10) / 10}` : words;
}
