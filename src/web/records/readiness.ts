/**
 * What the manager's view and a person's history show, worked out from recorded results: the readiness matrix
 * (people × practices), the team's weakest practice, who has never practised which severity or role, recommended
 * next drills, and the trend of the last drills. Pure functions over plain values, so they are tested without a
 * browser; every number they give comes from the records, and everything they derive says how (see `DERIVATION`).
 */
import { CATEGORIES, type Category } from '../../engine/policy/rubric';
import { ROLES, SEVERITIES, type Role, type Severity } from '../../engine/index';
import type { CommonMistake } from '../../grading/check';
import type { PersonDrillResult, PersonRef } from '../../records/model';

export const MISTAKES: readonly CommonMistake[] = ['no-clear-commander', 'silent-updates', 'fixing-without-verification', 'postmortem-without-follow-through'];

/** What is known of a scenario: the server's list gives its severity, the build's catalog its topics and roster. */
export interface ScenarioInfo {
  id: string;
  title: string;
  severity: Severity | null;
  topics: readonly string[];
  /** The role the lobby suggests for each roster responder (castOf): the fallback for drills recorded before roles were kept. */
  suggestedRoles: Readonly<Record<string, Role | null>>;
}

/** Said beside the numbers, so nobody reads a derivation as a measurement. */
export const DERIVATION = {
  matrix: 'Each cell is from the person’s latest drill. In a group drill the practice scores and level are the team’s for that drill; the person’s own part is in the drill log’s “Own part” column.',
  mistakes: 'A common mistake is “seen” when the latest drill’s grading took points for it; “not seen” means it cost no points there (it was avoided, or the drill gave no chance to make it).',
  weakest: 'The practice with the lowest average over each person’s latest drill.',
  severity: 'Severities come from each scenario’s true severity (the server’s scenario list), not from what was declared in the drill.',
  role: 'Roles are the ones each person held in the drill, read from its run when it was recorded: every role given to the responder they played (assigned, or taken over in a hand-off), even if it passed to someone else later. Acknowledging the page is not a role. A drill recorded before roles were kept shows the role the group-drill lobby suggests for that responder, marked “suggested”, and counts as that role here.',
  recommend: 'Every drill grades all six practices; a recommendation prefers scenarios the person has not played whose topics stress their weakest practice (lowest average over their last three drills), then a severity they have never practised.',
} as const;

/** Topics that stress a practice more than most scenarios do. Every scenario has a fault to find and fix, so any scenario practises resolution. */
export const TOPIC_PRACTICES: Readonly<Record<Exclude<Category, 'resolution'>, readonly string[]>> = {
  triage: ['triage', 'severity', 'alert-quality', 'monitoring', 'observability', 'red-herrings'],
  command: ['incident-command', 'escalation'],
  communication: ['communication', 'stakeholders', 'status-communication', 'partners'],
  verification: ['verification', 'data-integrity', 'monitoring', 'observability'],
  learning: ['postmortem', 'runbooks', 'alert-quality', 'latent-bugs'],
};

export function stresses(scenario: Pick<ScenarioInfo, 'topics'>, category: Category): boolean {
  if (category === 'resolution') return true;
  return scenario.topics.some((t) => TOPIC_PRACTICES[category].includes(t));
}

/** Oldest first; ties by drill id, so the order never depends on where the rows came from. */
export function chronological(results: readonly PersonDrillResult[]): PersonDrillResult[] {
  return [...results].sort((a, b) => a.playedAt.localeCompare(b.playedAt) || a.drillId.localeCompare(b.drillId));
}

/** Rows from several answers (the team view and each person's records) as one list: one row per person per drill. */
export function mergeResults(...lists: ReadonlyArray<readonly PersonDrillResult[]>): PersonDrillResult[] {
  const byKey = new Map<string, PersonDrillResult>();
  for (const list of lists) {
    for (const row of list) {
      const key = `${row.person.id}\u0000${row.drillId}`;
      const known = byKey.get(key);
      // A re-grade is a newer version of the same row: the newest counts.
      if (!known || row.resultVersion > known.resultVersion) byKey.set(key, row);
    }
  }
  return chronological([...byKey.values()]);
}

export interface MatrixRow {
  person: PersonRef;
  drills: number;
  latest: PersonDrillResult | null;
  categories: Record<Category, number | null>;
  /** Whether the latest drill cost points for the mistake (null: no drill), and in how many drills it did. */
  mistakes: Record<CommonMistake, { latest: boolean | null; count: number }>;
}

/** One row per person (in the order given), from their latest drill; people with no drill get an empty row. */
export function buildMatrix(people: readonly PersonRef[], results: readonly PersonDrillResult[]): MatrixRow[] {
  const ordered = chronological(results);
  return people.map((person) => {
    const theirs = ordered.filter((r) => r.person.id === person.id);
    const latest = theirs.at(-1) ?? null;
    const categories = Object.fromEntries(CATEGORIES.map((c) => [c, latest ? (latest.categories[c] ?? null) : null])) as Record<Category, number | null>;
    const mistakes = Object.fromEntries(MISTAKES.map((m) => [m, { latest: latest ? latest.mistakes.includes(m) : null, count: theirs.filter((r) => r.mistakes.includes(m)).length }])) as MatrixRow['mistakes'];
    return { person, drills: theirs.length, latest, categories, mistakes };
  });
}

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const round = (n: number) => Math.round(n);

export interface Weakest {
  /** Every practice tied at the lowest average (as shown, rounded to a whole point), in CATEGORIES order. */
  categories: Category[];
  /** Rounded to a whole point. */
  average: number;
  /** How many people's latest drills the average is over (that of the first practice named). */
  people: number;
}

/** The practices whose rounded value is the lowest: all of them when tied, since naming one would hide the others. */
function lowest<T extends { category: Category; value: number }>(entries: readonly T[]): { tied: T[]; average: number } | null {
  if (entries.length === 0) return null;
  const average = round(Math.min(...entries.map((e) => e.value)));
  return { tied: entries.filter((e) => round(e.value) === average), average };
}

/** The practice(s) with the lowest average over the rows' latest drills: every practice tied at it is named. */
export function weakestPractice(rows: readonly MatrixRow[]): Weakest | null {
  const entries = CATEGORIES.flatMap((category) => {
    const values = rows.flatMap((r) => (r.categories[category] === null ? [] : [r.categories[category]!]));
    const value = mean(values);
    return value === null ? [] : [{ category, value, people: values.length }];
  });
  const found = lowest(entries);
  return found ? { categories: found.tied.map((e) => e.category), average: found.average, people: found.tied[0]!.people } : null;
}

/** The same, over averages already made (the team aggregate a member is given). */
export function weakestOfAverages(categories: Readonly<Record<Category, number | null>>): { categories: Category[]; average: number } | null {
  const entries = CATEGORIES.flatMap((category) => {
    const value = categories[category];
    return value === null || value === undefined ? [] : [{ category, value }];
  });
  const found = lowest(entries);
  return found ? { categories: found.tied.map((e) => e.category), average: found.average } : null;
}

/**
 * A mistake's matrix cell in words. The column is about the latest drill; the history says in how many of the
 * person's drills it was seen, so "not in the latest" and "seen before" are never run together as "Not seen (in 1 of 2)".
 */
export function mistakeCellWords(cell: { latest: boolean | null; count: number }, drills: number): string {
  if (cell.latest === null) return 'no drill';
  const drillWords = `${drills} ${drills === 1 ? 'drill' : 'drills'}`;
  if (cell.latest) return drills > 1 ? `Seen · in ${cell.count} of ${drillWords}` : 'Seen';
  if (drills <= 1) return 'Not seen';
  return cell.count === 0 ? `Not seen in any of ${drillWords}` : `Not in latest · seen in ${cell.count} of ${drillWords}`;
}

export interface PracticeGaps {
  person: PersonRef;
  severities: { practised: Severity[]; never: Severity[] };
  roles: { practised: Role[]; never: Role[] };
  /** Drills whose scenario (or responder) is not known here, so they could not count towards either. */
  unknownScenario: number;
  unknownRole: number;
}

/**
 * Severities and roles each person has never practised. Only severities some scenario in `scenarios` has are
 * counted as gaps (one cannot practise a severity no scenario has); every role of the incident process is. Roles are
 * those held in each drill (see DERIVATION.role).
 */
export function practiceGaps(people: readonly PersonRef[], results: readonly PersonDrillResult[], scenarios: ReadonlyMap<string, ScenarioInfo>): PracticeGaps[] {
  const available = SEVERITIES.filter((s) => [...scenarios.values()].some((info) => info.severity === s));
  return people.map((person) => {
    const theirs = results.filter((r) => r.person.id === person.id);
    const severities = new Set<Severity>();
    const roles = new Set<Role>();
    let unknownScenario = 0;
    let unknownRole = 0;
    for (const result of theirs) {
      const info = scenarios.get(result.scenarioId);
      if (info?.severity) severities.add(info.severity);
      else unknownScenario++;
      // The roles held, as recorded; an older record's suggested role, from the server or else the scenario here.
      const suggested = info?.suggestedRoles[result.responder];
      const held = result.rolesSource === 'drill' ? result.roles : result.roles.length > 0 ? result.roles : suggested ? [suggested] : null;
      if (held) for (const role of held) roles.add(role);
      else unknownRole++;
    }
    return {
      person,
      severities: { practised: SEVERITIES.filter((s) => severities.has(s)), never: available.filter((s) => !severities.has(s)) },
      roles: { practised: ROLES.filter((r) => roles.has(r)), never: ROLES.filter((r) => !roles.has(r)) },
      unknownScenario,
      unknownRole,
    };
  });
}

/** A person's weakest practice: the lowest average over their last `window` drills. */
export function personalWeakest(results: readonly PersonDrillResult[], window = 3): { category: Category; average: number } | null {
  const recent = chronological(results).slice(-window);
  let weakest: { category: Category; average: number } | null = null;
  for (const category of CATEGORIES) {
    const average = mean(recent.map((r) => r.categories[category]).filter((v): v is number => typeof v === 'number'));
    if (average === null) continue;
    if (!weakest || average < weakest.average) weakest = { category, average };
  }
  return weakest ? { category: weakest.category, average: round(weakest.average) } : null;
}

export interface Recommendation {
  scenarioId: string;
  title: string;
  /** Why, in words the view shows as they are (the caller puts practice labels in). */
  reasons: Array<{ kind: 'stresses-weakest'; category: Category; average: number } | { kind: 'new-severity'; severity: Severity } | { kind: 'not-played' } | { kind: 'replay'; category: Category; score: number } | { kind: 'first-drill' }>;
}

/**
 * Up to `count` scenarios for a person's next drills. Not played yet comes first; among those, one whose topics
 * stress their weakest practice scores 2 and a severity they have never practised 1; ties go by scenario id. When
 * they have played everything, the scenario where they scored lowest in their weakest practice, to play again with a
 * new seed. With no drills at all, the easiest scenarios first.
 */
export function recommend(results: readonly PersonDrillResult[], scenarios: readonly ScenarioInfo[], difficultyOf: (id: string) => number = () => 0, count = 2): Recommendation[] {
  if (scenarios.length === 0) return [];
  const played = new Set(results.map((r) => r.scenarioId));
  if (results.length === 0) {
    return [...scenarios]
      .sort((a, b) => difficultyOf(a.id) - difficultyOf(b.id) || a.id.localeCompare(b.id))
      .slice(0, count)
      .map((s) => ({ scenarioId: s.id, title: s.title, reasons: [{ kind: 'first-drill' as const }] }));
  }
  const weakest = personalWeakest(results);
  const severities = new Set(results.flatMap((r) => scenarios.find((s) => s.id === r.scenarioId)?.severity ?? []));
  const fresh = scenarios.filter((s) => !played.has(s.id));
  if (fresh.length > 0) {
    const scored = fresh.map((s) => {
      const reasons: Recommendation['reasons'] = [];
      let points = 0;
      if (weakest && stresses(s, weakest.category)) {
        // Every scenario practises resolution: said, but it sets no scenario above another.
        if (weakest.category !== 'resolution') points += 2;
        reasons.push({ kind: 'stresses-weakest', category: weakest.category, average: weakest.average });
      }
      if (s.severity && !severities.has(s.severity)) {
        points += 1;
        reasons.push({ kind: 'new-severity', severity: s.severity });
      }
      if (reasons.length === 0) reasons.push({ kind: 'not-played' });
      return { s, points, reasons };
    });
    scored.sort((a, b) => b.points - a.points || a.s.id.localeCompare(b.s.id));
    return scored.slice(0, count).map(({ s, reasons }) => ({ scenarioId: s.id, title: s.title, reasons }));
  }
  if (!weakest) return [];
  const lowest = new Map<string, number>();
  for (const r of results) {
    const value = r.categories[weakest.category];
    if (typeof value === 'number') lowest.set(r.scenarioId, Math.min(lowest.get(r.scenarioId) ?? Infinity, value));
  }
  return [...lowest.entries()]
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
    .slice(0, count)
    .flatMap(([id, score]) => {
      const s = scenarios.find((info) => info.id === id);
      return s ? [{ scenarioId: id, title: s.title, reasons: [{ kind: 'replay' as const, category: weakest.category, score }] }] : [];
    });
}

export interface Trend {
  /** The last drills, oldest first. */
  drills: Array<{ drillId: string; playedAt: string; scenarioTitle: string }>;
  /** Each person's overall score in each of those drills; null where they did not play it. */
  series: Array<{ person: PersonRef; scores: Array<number | null> }>;
}

/** The last `last` drills any of `people` played, with each person's score in each. */
export function trend(people: readonly PersonRef[], results: readonly PersonDrillResult[], last = 8): Trend {
  const ids = new Set(people.map((p) => p.id));
  const ordered = chronological(results.filter((r) => ids.has(r.person.id)));
  const drills: Trend['drills'] = [];
  for (const r of ordered) if (!drills.some((d) => d.drillId === r.drillId)) drills.push({ drillId: r.drillId, playedAt: r.playedAt, scenarioTitle: r.scenarioTitle });
  const shown = drills.slice(-last);
  const series = people
    .map((person) => ({ person, scores: shown.map((d) => ordered.find((r) => r.drillId === d.drillId && r.person.id === person.id)?.overall ?? null) }))
    .filter((s) => s.scores.some((v) => v !== null));
  return { drills: shown, series };
}
