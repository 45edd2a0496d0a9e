/**
 * The debrief report as plain data, built from scenario + journal + score. Markdown, HTML and JSON are renderings of
 * this one model, so they always say the same thing. Nothing here reads a clock: the same journal gives the same
 * report, byte for byte.
 */
import { TEAM } from '../engine/commands/observe';
import { FACILITATOR } from '../engine/commands/registry';
import type { Postmortem } from '../engine/commands/postmortem';
import type { Difficulty } from '../engine/difficulty';
import type { JournalEntry } from '../engine/events';
import { metricLevelValue, RAMP_MINUTES, RECOVERED_LEVEL } from '../engine/rules';
import { describeJournal } from '../engine/timeline';
import type { Scenario, Severity } from '../engine/scenario/schema';
import { MISTAKE_LABELS, type CommonMistake } from '../grading/check';
import { Facts, formatMinute, type Evidence } from '../grading/facts';
import { firstByKey, groupByKey, prefixLength } from '../grading/search';
import type { Finding, Score } from '../grading/grade';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../engine/policy/rubric';

export const REPORT_FORMAT_VERSION = 1;

export interface ReportOptions {
  seed: string;
  /** How the drill was presented: a Guided score is not read like an Expert one. */
  difficulty?: Difficulty;
  /** The calendar date of the drill, when the caller knows it (a browser save records it; a script does not). */
  date?: string | null;
  /** The other scenarios installed, to recommend what to practise next. */
  catalog?: Array<{ id: string; title: string; topics: string[] }>;
  /** In a group drill, who played each responder (display names by responder id), from the drill's seats. */
  people?: Readonly<Record<string, string>>;
}

/** What one seat did in the drill, and the findings that cite it: a team debrief credits the seat that acted. */
export interface SeatReport {
  responder: string;
  name: string;
  /** The display name of the person who played this seat, when known. */
  person: string | null;
  did: Array<{ seq: number; at: number; time: string; text: string }>;
  credits: Array<{ category: Category; points: number; message: string }>;
  deductions: Array<{ category: Category; points: number; message: string }>;
}

export interface DebriefReport {
  formatVersion: number;
  scenario: { id: string; title: string; seed: string; difficulty: Difficulty };
  summary: {
    date: string | null;
    startedAt: string;
    endedAt: string;
    durationMinutes: number;
    outcome: string;
    severityDeclared: Severity | null;
    severityTrue: Severity;
    owner: string;
  };
  impact: { description: string; affectedMinutes: number; beforePage: number; metrics: Array<{ label: string; unit: string; normal: number; worst: number }> };
  timeline: Array<{ seq: number; at: number; time: string; text: string }>;
  rootCause: { cause: string; contributingFactors: string[]; playerAnalysis: string | null };
  wentWell: string[];
  needsImprovement: string[];
  actionItems: Array<{ action: string; owner: string; priority: string; status: string; source: 'postmortem' | 'suggested' }>;
  postmortem: Postmortem | null;
  /** What the player told stakeholders, in their words. */
  updates: Array<{ at: number; time: string; text: string }>;
  /** The facilitator's notes (`observe`), in the order written: `about` names a responder or the team. */
  observations: Array<{ at: number; time: string; about: string; text: string }>;
  /** Each seat that issued commands, in the order they first acted. */
  seats: SeatReport[];
  score: {
    overall: number;
    readiness: { level: string; meaning: string; cappedBecause: string | null };
    categories: Record<Category, number>;
    rubric: string;
    findings: Finding[];
  };
  mistakes: Array<{ mistake: CommonMistake; label: string; messages: string[]; evidence: Evidence[] }>;
  practiseNext: Array<{ id: string; title: string; reason: string }>;
  chart: {
    end: number;
    /** One point a minute for a drill up to PER_MINUTE_CHART_LIMIT minutes; for a longer one, the curve's corners. */
    impact: Array<[minute: number, level: number]>;
    deadlines: Array<{ label: string; setAt: number; dueAt: number; endedAt: number; missed: boolean }>;
    updates: number[];
    actions: Array<{ label: string; from: number; to: number; kind: 'diagnosis' | 'resolution' }>;
    milestones: Array<{ at: number; label: string }>;
  };
}

const PRACTICE_TOPICS: Record<Category, string[]> = {
  triage: ['triage', 'severity'],
  command: ['incident-command', 'escalation', 'roles'],
  communication: ['communication', 'stakeholders'],
  resolution: ['diagnosis', 'runbooks', 'deploys', 'dependencies'],
  verification: ['verification', 'monitoring'],
  learning: ['postmortem', 'runbooks', 'alert-quality'],
};

export function buildReport(scenario: Scenario, journal: readonly JournalEntry[], score: Score, options: ReportOptions): DebriefReport {
  const facts = new Facts(scenario, journal);
  const start = facts.page?.at ?? 0;
  const resolvedEntries = facts.events('incident.resolved');
  const lastResolved = resolvedEntries.at(-1);
  const stayedResolved = lastResolved && !facts.events('incident.resurfaced').some((r) => r.seq > lastResolved.seq);
  const end = stayedResolved ? lastResolved.at : facts.end;
  const declared = facts.events('severity.declared').at(-1)?.event.severity ?? null;
  const commander = facts.events('role.assigned').filter((e) => e.event.role === 'commander').at(-1);
  const postmortem = facts.commands('postmortem').at(-1)?.command.document ?? null;

  const visible = new Set(journal.filter((e) => isTimelineWorthy(e)).map((e) => e.seq));
  const timeline = describeJournal(journal, scenario).filter((t) => visible.has(t.seq)).map((t) => ({ ...t, time: formatMinute(t.at) }));

  const credits = score.findings.filter((f) => f.points > 0);
  const deductions = score.findings.filter((f) => f.points < 0).sort((a, b) => a.points - b.points);

  // Sets beside the lists keep the de-duplication linear when a mistake recurs thousands of times.
  const mistakes = new Map<CommonMistake, { messages: string[]; evidence: Evidence[]; said: Set<string>; cited: Set<number> }>();
  for (const f of score.findings) {
    if (!f.mistake || f.points >= 0) continue;
    const m = mistakes.get(f.mistake) ?? { messages: [], evidence: [], said: new Set<string>(), cited: new Set<number>() };
    if (!m.said.has(f.message)) {
      m.said.add(f.message);
      m.messages.push(f.message);
    }
    for (const e of f.evidence) {
      if (m.cited.has(e.seq)) continue;
      m.cited.add(e.seq);
      m.evidence.push(e);
    }
    mistakes.set(f.mistake, m);
  }

  const history = facts.impactHistory();
  const chartFrom = Math.min(0, Math.floor(start));
  const chartTo = Math.ceil(facts.end);
  const impactPoints = chartTo - chartFrom <= PER_MINUTE_CHART_LIMIT ? impactEachMinute(facts, chartFrom, chartTo) : impactCorners(facts, chartFrom, chartTo);
  const affectedMinutes = facts.countMinutes(0, chartTo, (level) => round2(level) >= RECOVERED_LEVEL) + Math.max(0, -scenario.impact.onset);

  // Deadlines reuse their ids ("next-update" for every promise), so misses and meets are filed by id and searched.
  const missedById = groupByKey(facts.events('deadline.missed'), (m) => m.event.deadline);
  const metById = groupByKey(facts.events('deadline.met'), (m) => m.event.deadline);
  const deadlines = facts.events('deadline.set').map((d) => {
    const misses = missedById.get(d.event.deadline) ?? [];
    const missAt = misses[prefixLength(misses, (m) => m.at < d.event.dueAt)]?.at;
    const missed = missAt !== undefined && missAt <= d.event.dueAt + 1;
    // A deadline met early ends where it was met, not where it would have fallen due.
    const meets = metById.get(d.event.deadline) ?? [];
    const met = meets[prefixLength(meets, (m) => m.seq <= d.seq)];
    return { label: d.event.label, setAt: d.at, dueAt: d.event.dueAt, endedAt: missed ? d.event.dueAt : Math.min(d.event.dueAt, met?.at ?? d.event.dueAt), missed };
  });

  const firstDone = firstByKey(facts.events('action.completed'), (c) => c.event.action);
  const actions = facts.events('action.started').map((s) => {
    const done = firstDone.get(s.event.action);
    return { label: facts.label(s.event.action), from: s.at, to: done?.at ?? facts.end, kind: s.event.kind };
  });

  const milestones: Array<{ at: number; label: string }> = [];
  const push = (entry: JournalEntry | undefined, label: string) => entry && milestones.push({ at: entry.at, label });
  push(facts.page, 'Page');
  push(facts.commands('acknowledge')[0], 'Acknowledged');
  push(facts.events('severity.declared')[0], 'Severity');
  push(facts.events('role.assigned').find((e) => e.event.role === 'commander'), 'Commander');
  push(facts.events('effect.landed').find((e) => e.event.effect === 'fixes' || e.event.effect === 'mitigates'), 'Mitigated');
  push(resolvedEntries[0], 'Resolved');

  const worstLevel = history.reduce((worst, h) => Math.max(worst, h.level), -Infinity);
  const metrics = scenario.service.dashboards.flatMap((d) => d.metrics).slice(0, 4).map((m) => ({
    label: m.label,
    unit: m.unit,
    normal: m.baseline,
    worst: Math.max(0, round2(metricLevelValue(m, facts.variant.id, worstLevel))),
  }));

  return {
    formatVersion: REPORT_FORMAT_VERSION,
    scenario: { id: scenario.id, title: scenario.title, seed: options.seed, difficulty: options.difficulty ?? 'standard' },
    summary: {
      date: options.date ?? null,
      startedAt: formatMinute(start),
      endedAt: formatMinute(end),
      // Counted between the minutes the span shows (formatMinute reads whole minutes), so the two always agree:
      // "36 minutes (T+00:00 to T+00:36)", never 37 for a resolve at T+00:36.6.
      durationMinutes: wholeMinute(end) - wholeMinute(start),
      outcome: stayedResolved ? 'Resolved' : facts.events('drill.time-limit').length > 0 ? 'Not resolved: the time limit passed it to the next shift' : 'Not resolved when the drill ended',
      severityDeclared: declared,
      severityTrue: facts.trueSeverityAt(facts.end),
      owner: commander ? `${facts.name(commander.event.responder)} (incident commander)` : 'No incident commander was named',
    },
    impact: { description: scenario.impact.description, affectedMinutes, beforePage: Math.max(0, -scenario.impact.onset), metrics },
    timeline,
    rootCause: { cause: facts.variant.rootCause, contributingFactors: facts.variant.contributingFactors, playerAnalysis: postmortem?.rootCause.trim() || null },
    wentWell: dedupe(credits.sort((a, b) => b.points - a.points).map((f) => f.message)).slice(0, 8),
    needsImprovement: dedupe(deductions.map((f) => f.message)),
    actionItems: actionItems(postmortem, deductions),
    postmortem,
    updates: facts.updates().map((u) => ({ at: u.entry.at, time: formatMinute(u.entry.at), text: u.entry.command.text })),
    observations: facts.commands('observe').map((o) => ({ at: o.at, time: formatMinute(o.at), about: o.command.about === TEAM ? 'The team' : facts.name(o.command.about), text: o.command.text })),
    seats: seatReports(facts, journal, scenario, score, options.people ?? {}),
    score: { overall: score.overall, readiness: score.readiness, categories: score.categories, rubric: score.rubric, findings: score.findings },
    mistakes: [...mistakes].map(([mistake, m]) => ({ mistake, label: MISTAKE_LABELS[mistake], messages: m.messages, evidence: m.evidence.sort((a, b) => a.seq - b.seq) })),
    practiseNext: practiseNext(scenario, score, options.catalog ?? []),
    chart: { end: Math.ceil(Math.max(facts.end, start + 10)), impact: impactPoints, deadlines, updates: facts.updates().map((u) => u.entry.at), actions, milestones },
  };
}

/**
 * Groups the commands by the responder who issued them (the facilitator's are theirs, not a seat's), and gives each
 * seat the findings whose evidence cites one of its commands: the seat that acted is the one credited or charged.
 */
function seatReports(facts: Facts, journal: readonly JournalEntry[], scenario: Scenario, score: Score, people: Readonly<Record<string, string>>): SeatReport[] {
  const words = describeJournal(journal, scenario);
  const textOf = new Map(words.map((w) => [w.seq, w.text]));
  const seats = new Map<string, SeatReport>();
  const issuerOf = new Map<number, string>();
  for (const entry of journal) {
    if (entry.kind !== 'command' || entry.by === FACILITATOR) continue;
    issuerOf.set(entry.seq, entry.by);
    let seat = seats.get(entry.by);
    if (!seat) {
      seat = { responder: entry.by, name: facts.name(entry.by), person: people[entry.by] ?? null, did: [], credits: [], deductions: [] };
      seats.set(entry.by, seat);
    }
    const text = textOf.get(entry.seq);
    if (text !== undefined) seat.did.push({ seq: entry.seq, at: entry.at, time: formatMinute(entry.at), text });
  }
  for (const finding of score.findings) {
    const cited = new Set(finding.evidence.map((e) => issuerOf.get(e.seq)).filter((by): by is string => by !== undefined));
    for (const by of cited) {
      const line = { category: finding.category, points: finding.points, message: finding.message };
      if (finding.points > 0) seats.get(by)!.credits.push(line);
      else if (finding.points < 0) seats.get(by)!.deductions.push(line);
    }
  }
  return [...seats.values()];
}

/**
 * Drills up to this many minutes long chart the impact at every minute. A longer journal (a run left open, or a
 * command at minute 1e12) would make that walk unbounded, so its chart has only the curve's corners instead.
 */
export const PER_MINUTE_CHART_LIMIT = 24 * 60;

function impactEachMinute(facts: Facts, from: number, to: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  // Bounded by PER_MINUTE_CHART_LIMIT: the caller sends longer spans to impactCorners.
  for (let minute = from; minute <= to; minute++) points.push([minute, round2(facts.impactAt(minute))]);
  return points;
}

/**
 * The impact curve by its corners: where each change begins and where its ramp ends, plus both ends of the chart.
 * Between corners the level moves in a straight line, so these points draw the same curve as one per minute.
 */
function impactCorners(facts: Facts, from: number, to: number): Array<[number, number]> {
  const minutes = [from, to];
  for (const change of facts.impactHistory()) {
    for (const minute of [change.at, change.at + RAMP_MINUTES]) if (minute > from && minute < to) minutes.push(minute);
  }
  minutes.sort((a, b) => a - b);
  const points: Array<[number, number]> = [];
  for (const minute of minutes) if (points.at(-1)?.[0] !== minute) points.push([minute, round2(facts.impactAt(minute))]);
  return points;
}

function isTimelineWorthy(entry: JournalEntry): boolean {
  if (entry.kind === 'command') return true;
  // Commands already say what the player did; these events only repeat them or are bookkeeping.
  return !['deadline.set', 'deadline.met', 'status-update.sent', 'phase.changed', 'action.started', 'run.started', 'severity.declared', 'role.assigned', 'page.acknowledged', 'responder.paged', 'incident.resolved', 'inject.answered', 'postmortem.saved', 'drill.finished'].includes(entry.event.type);
}

function actionItems(postmortem: Postmortem | null, deductions: Finding[]): DebriefReport['actionItems'] {
  const written = (postmortem?.actionItems ?? []).map((i) => ({ action: i.action, owner: i.owner, priority: i.priority, status: i.status, source: 'postmortem' as const }));
  if (written.length > 0) return written;
  // Nothing written: suggest items from the biggest gaps, owned by roles rather than people.
  return deductions.slice(0, 3).map((f) => ({ action: `Address: ${f.message}`, owner: 'Incident process owner', priority: 'P2', status: 'Suggested', source: 'suggested' as const }));
}

function practiseNext(scenario: Scenario, score: Score, catalog: NonNullable<ReportOptions['catalog']>): DebriefReport['practiseNext'] {
  const weakest = [...CATEGORIES].filter((c) => score.categories[c] < 85).sort((a, b) => score.categories[a] - score.categories[b]);
  const picks: DebriefReport['practiseNext'] = [];
  for (const category of weakest) {
    const match = catalog.find((s) => s.id !== scenario.id && !picks.some((p) => p.id === s.id) && s.topics.some((t) => PRACTICE_TOPICS[category].includes(t)));
    if (match) picks.push({ id: match.id, title: match.title, reason: `practises ${CATEGORY_LABELS[category].toLowerCase()} (you scored ${score.categories[category]})` });
  }
  if (weakest.length > 0 && picks.length < 3) {
    picks.push({ id: scenario.id, title: scenario.title, reason: `replay with another seed: a different root cause, the same practice (${weakest.slice(0, 2).map((c) => CATEGORY_LABELS[c].toLowerCase()).join(', ')})` });
  }
  if (picks.length === 0) {
    const harder = catalog.find((s) => s.id !== scenario.id);
    if (harder) picks.push({ id: harder.id, title: harder.title, reason: 'keep your edge on a different incident' });
  }
  return picks.slice(0, 3);
}

const dedupe = (items: string[]) => [...new Set(items)];
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The whole minute formatMinute shows for a game minute. */
function wholeMinute(minute: number): number {
  return Math.max(0, Math.floor(minute));
}
