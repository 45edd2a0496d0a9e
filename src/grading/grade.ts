/**
 * Grades a run: reads only the scenario and the journal, runs every check the rubric weights, and returns scores
 * with findings. Every point given or taken is a finding that cites the journal entries behind it.
 */
import type { JournalEntry } from '../engine/events';
import type { Scenario } from '../engine/scenario/schema';
import { MISTAKE_LABELS, type Check, type CommonMistake } from './check';
import { commandChecks } from './command';
import { communicationChecks } from './communication';
import { Facts, type Evidence } from './facts';
import { learningChecks } from './learning';
import { resolutionChecks } from './resolution';
import { CATEGORIES, CHECKS, type Category, type Rubric } from '../engine/policy/rubric';
import { triageChecks } from './triage';
import { verificationChecks } from './verification';

export interface Finding {
  category: Category;
  check: string;
  /** Positive: credit given; negative: points taken. Rounded to one decimal. */
  points: number;
  message: string;
  evidence: Evidence[];
  mistake?: CommonMistake;
}

export interface Score {
  overall: number;
  categories: Record<Category, number>;
  readiness: { level: string; meaning: string; cappedBecause: string | null };
  findings: Finding[];
  rubric: string;
}

const GRADERS: Record<Category, Record<string, Check>> = {
  triage: triageChecks,
  command: commandChecks,
  communication: communicationChecks,
  resolution: resolutionChecks,
  verification: verificationChecks,
  learning: learningChecks,
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Checks whose shortfall keeps a run from the top readiness level, in the words the debrief uses. */
const CAPPING_CHECKS: Partial<Record<string, string>> = {
  'severity-correct': 'a wrong severity',
  blameless: 'blaming language',
  'commander-delegates': 'a commander doing hands-on work instead of delegating',
  'changes-announced': 'a change made without announcing it',
  'acknowledge-on-time': 'a late acknowledgement',
  'severity-on-time': 'a late severity declaration',
  'first-update-on-time': 'a late first update',
  'time-to-mitigate': 'mitigation beyond the target',
};

function capReason(finding: Finding): string[] {
  if (finding.mistake) return [MISTAKE_LABELS[finding.mistake].toLowerCase()];
  const reason = CAPPING_CHECKS[finding.check];
  return reason ? [reason] : [];
}

export function grade(scenario: Scenario, journal: readonly JournalEntry[], rubric: Rubric): Score {
  const facts = new Facts(scenario, journal);
  const findings: Finding[] = [];
  const categories = {} as Record<Category, number>;
  for (const category of CATEGORIES) {
    let earned = 0;
    let possible = 0;
    for (const check of CHECKS[category]) {
      const points = (rubric.points[category] as Record<string, number>)[check] ?? 0;
      if (points === 0) continue;
      const parts = GRADERS[category][check]!(facts, rubric);
      if (parts === null) continue;
      possible += points;
      for (const part of parts) {
        const worth = part.share * points;
        earned += worth * part.earned;
        const value = part.earned >= 1 ? worth : -(worth * (1 - part.earned));
        findings.push({ category, check, points: round1(value), message: part.message, evidence: part.evidence, ...(part.mistake ? { mistake: part.mistake } : {}) });
      }
    }
    categories[category] = possible === 0 ? 100 : Math.round((100 * earned) / possible);
  }
  const totalWeight = CATEGORIES.reduce((sum, c) => sum + rubric.weights[c], 0);
  const overall = totalWeight === 0 ? 0 : Math.round(CATEGORIES.reduce((sum, c) => sum + categories[c] * rubric.weights[c], 0) / totalWeight);
  let level = rubric.readiness.find((r) => overall >= r.min) ?? rubric.readiness[rubric.readiness.length - 1]!;
  // The top level means readiness, not a high average: it needs every part of leading an incident well. What falls
  // short caps the level at the rubric's cap, and the debrief says why.
  const reasons = [...new Set(findings.filter((f) => f.points < 0).flatMap((f) => capReason(f)))];
  const capIndex = rubric.readiness.findIndex((r) => r.level === rubric.mistakeCap);
  let cappedBecause: string | null = null;
  if (reasons.length > 0 && capIndex > rubric.readiness.indexOf(level)) {
    level = rubric.readiness[capIndex]!;
    cappedBecause = `capped at "${level.level}" because the run shows ${reasons.join(', ')}`;
  }
  return { overall, categories, readiness: { level: level.level, meaning: level.meaning, cappedBecause }, findings, rubric: rubric.id };
}
