/**
 * Grades a run: reads only the scenario and the journal, runs every check the rubric weights, and returns scores
 * with findings. Every point given or taken is a finding that cites the journal entries behind it.
 */
import type { JournalEntry } from '../engine/events';
import type { Scenario } from '../engine/scenario/schema';
import type { Check, CommonMistake } from './check';
import { commandChecks } from './command';
import { communicationChecks } from './communication';
import { Facts, type Evidence } from './facts';
import { learningChecks } from './learning';
import { resolutionChecks } from './resolution';
import { CATEGORIES, CHECKS, type Category, type Rubric } from './rubric';
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
  readiness: { level: string; meaning: string };
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
  const level = rubric.readiness.find((r) => overall >= r.min) ?? rubric.readiness[rubric.readiness.length - 1]!;
  return { overall, categories, readiness: { level: level.level, meaning: level.meaning }, findings, rubric: rubric.id };
}
