/**
 * What each seat may know. A player's or observer's view holds only what the pager, dashboards, status pages and
 * completed diagnosis steps would show a real responder: never the variant, the true severity, the root cause, an
 * unrevealed finding, what is scheduled or the facilitator's notes and hidden commands. The facilitator's view adds
 * that truth.
 *
 * The view is split by what it derives from: `SharedView` from the journal (rebuilt when the journal grows) and
 * `LiveView` from the clock (dashboards, countdowns), so nothing is rebuilt on every tick that did not change.
 */
import type { Words } from './commands/define';
import { TEAM } from './commands/observe';
import type { CommandType } from './commands/registry';
import { PHASE_LABELS, type JournalEntry, type Phase } from './events';
import { hashText } from './hash';
import { policyView, type PolicyView } from './policy/policy';
import { injectStanding, type InjectStatus } from './injects';
import { diagnosisFor, impactAt, injectFor, metricLevelValue, type RunContext } from './rules';
import type { Role, Scenario, Severity, VerificationItem } from './scenario/schema';
import { ROLES, VERIFICATION_ITEMS } from './scenario/schema';
import type { Seat } from './seats';
import { describeJournal, wordsFor, type TimelineLine } from './timeline';
import { actionLabel } from './names';

export type { Seat } from './seats';

/** Minutes of history each dashboard graph shows. */
export const GRAPH_WINDOW_MINUTES = 30;

export interface ActionView {
  id: string;
  label: string;
  kind: 'diagnosis' | 'resolution';
  minutes: string;
  skills: string[];
  status: 'blocked' | 'ready' | 'running' | 'done';
  /** For blocked actions: what must be done first. */
  needs: string[];
  performer: string | null;
  until: number | null;
  /** Responders present, free and skilled enough to do it now. */
  eligible: string[];
}

/** What every seat sees alike, derived from the journal. */
export interface SharedView {
  /** The minute of the journal's last entry: the view is rebuilt only when the journal grows. */
  asOf: number;
  phase: Phase;
  phaseLabel: string;
  /** The team's policy in force (the rubric's severity table, response times and cadence). */
  policy: PolicyView;
  /** The page: what it says, who it was sent to (the primary on-call: every seat knows), and when it was acknowledged. */
  page: { title: string; context: string; runbook: string | null; dashboard: string | null; to: string; acknowledgedAt: number | null };
  severity: Severity | null;
  roles: Record<Role, string | null>;
  responders: Array<{
    id: string;
    name: string;
    title: string;
    skills: string[];
    status: 'present' | 'on-the-way' | 'not-paged';
    joinsAt: number | null;
    busyWith: string | null;
    roles: Role[];
  }>;
  stakeholders: Array<{ id: string; name: string; title: string }>;
  actions: ActionView[];
  /** What completed diagnosis steps showed; `hint` (what it suggests doing) only on Guided difficulty. */
  findings: Array<{ at: number; action: string; label: string; text: string; hint: string | null; log: string[] | null }>;
  /** Open deadlines; `LiveView.deadlines` adds the time remaining. */
  deadlines: Array<{ id: string; label: string; dueAt: number }>;
  messages: Array<{ at: number; inject: string; from: string | null; message: string; respondBy: number | null; answered: boolean; answer: string | null }>;
  /** The dashboards' layout; their values move with the clock (`LiveView.dashboards`). */
  /**
   * Each metric with its threshold and the side of it that is the alarm: `above` for what rises in an incident (an
   * error rate), `below` for what falls (a success rate), read from the scenario's baseline and incident values.
   */
  dashboards: Array<{ id: string; title: string; metrics: Array<{ id: string; label: string; unit: string; threshold: number | null; alarm: 'above' | 'below' }> }>;
  dependencies: Array<{ id: string; name: string; status: string }>;
  updates: Array<{ at: number; number: number; text: string }>;
  verification: Array<{ item: VerificationItem; checkedAt: number | null; ok: boolean | null }>;
  /** Every verification check made, with what it showed. */
  checks: Array<{ at: number; item: VerificationItem; ok: boolean; detail: string }>;
  timeline: TimelineLine[];
  runbooks: Scenario['runbooks'];
  /** The shift's other alerts, with the verdicts so far (never the right answer). */
  alertQueue: Array<{ id: string; title: string; context: string; runbook: string | null; dashboard: string | null; verdict: 'actionable' | 'noise' | null }>;
}

/** The facilitator's extra knowledge: the hidden truth and what the world has scheduled. */
export interface TruthView {
  variant: { id: string; title: string; rootCause: string; rightFix: string };
  trueSeverity: Severity;
  /** Findings each diagnosis step would reveal in this variant, revealed or not. */
  findings: Array<{ action: string; label: string; text: string; redHerring: boolean; revealed: boolean }>;
  /** What the world will do next, in order. */
  scheduled: Array<{ at: number; what: string }>;
  /**
   * The scenario's injects and where each stands, for firing or holding them by hand (`at`: when it is due, was
   * held or fired; `after`: for one waiting on an action, which action and how long after it).
   */
  injects: Array<{ id: string; kind: string; from: string | null; message: string; status: InjectStatus; at: number | null; after: string | null }>;
  /** The facilitator's private notes (`observe`), in the order written; `about` is a responder id or `team`. */
  observations: Array<{ seq: number; at: number; about: string; name: string; text: string }>;
  /** The path an expert takes through this variant, step by step, as the module teaches it and the rubric sizes it. */
  expertPath: string[];
}

export interface SeatView extends SharedView {
  seat: Seat;
  /** The command types this seat may issue now (the engine still checks each command it receives). */
  available: CommandType[];
  /** Only in the facilitator's view. */
  truth?: TruthView;
}

export interface LiveView {
  now: number;
  dashboards: Array<{ id: string; metrics: Array<{ id: string; current: number; series: Array<[minute: number, value: number]> }> }>;
  deadlines: Array<{ id: string; label: string; dueAt: number; remaining: number }>;
  deploys: Array<{ id: string; component: string; version: string; minute: number; description: string }>;
}

export interface LiveViewOptions {
  /** Multiplies dashboard noise: expert play makes the signal harder to read. */
  noiseScale?: number;
}

export function buildSharedView(scenario: Scenario, ctx: RunContext, journal: readonly JournalEntry[], phase: Phase): SharedView {
  const words = wordsFor(scenario);
  const present = (id: string) => id in ctx.joined;
  const label = (id: string) => actionLabel(scenario, id);

  const actions = actionViews(scenario, ctx);

  const findings: SharedView['findings'] = [];
  const messages: SharedView['messages'] = [];
  const updates: SharedView['updates'] = [];
  const checks: SharedView['checks'] = [];
  const verdicts = new Map<string, 'actionable' | 'noise'>();
  const refused = new Set<number>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') refused.add(entry.event.commandSeq);
  for (const entry of journal) {
    if (entry.kind === 'command') {
      if (refused.has(entry.seq)) continue;
      const command = entry.command;
      if (command.type === 'status-update') updates.push({ at: entry.at, number: updates.length + 1, text: command.text });
      if (command.type === 'triage-alert') verdicts.set(command.alert, command.verdict);
      if (command.type === 'respond') {
        const message = messages.find((m) => m.inject === command.inject);
        if (message) message.answer = command.text;
      }
      continue;
    }
    const e = entry.event;
    if (e.type === 'action.completed' && e.kind === 'diagnosis') {
      const action = scenario.diagnosis.find((d) => d.id === e.action);
      const result = action ? diagnosisFor(action, ctx.variant) : undefined;
      const log = result?.log ? scenario.service.logs.find((l) => l.id === result.log) : undefined;
      const hint = ctx.difficulty === 'guided' ? (result?.hint ?? null) : null;
      findings.push({ at: entry.at, action: e.action, label: label(e.action), text: e.finding ?? '', hint, log: log ? (log.byVariant?.[ctx.variant]?.lines ?? log.lines) : null });
    }
    if (e.type === 'inject.fired') messages.push({ at: entry.at, inject: e.inject, from: words.sender(e.inject, e.from), message: e.message, respondBy: e.respondBy, answered: false, answer: null });
    if (e.type === 'verification.checked') checks.push({ at: entry.at, item: e.item, ok: e.ok, detail: e.detail });
    if (e.type === 'inject.answered') {
      const message = messages.find((m) => m.inject === e.inject);
      if (message) message.answered = true;
    }
  }

  return {
    asOf: journal.length > 0 ? journal[journal.length - 1]!.at : 0,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    policy: policyView(ctx.rubric),
    page: { ...scenario.page, to: scenario.roster.onCall.primary, acknowledgedAt: ctx.acknowledgedAt },
    severity: ctx.severity,
    roles: Object.fromEntries(ROLES.map((role) => [role, ctx.roles[role] ?? null])) as Record<Role, string | null>,
    responders: scenario.roster.responders.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      skills: r.skills,
      status: present(r.id) ? 'present' : r.id in ctx.paged ? 'on-the-way' : 'not-paged',
      joinsAt: ctx.paged[r.id] ?? null,
      busyWith: ctx.busy[r.id] ?? null,
      roles: ROLES.filter((role) => ctx.roles[role] === r.id),
    })),
    stakeholders: scenario.roster.stakeholders,
    actions,
    findings,
    deadlines: Object.entries(ctx.deadlines)
      .map(([id, d]) => ({ id, label: d.label, dueAt: d.dueAt }))
      .sort((a, b) => a.dueAt - b.dueAt),
    messages,
    dashboards: scenario.service.dashboards.map((d) => ({ id: d.id, title: d.title, metrics: d.metrics.map((m) => ({ id: m.id, label: m.label, unit: m.unit, threshold: m.threshold ?? null, alarm: alarmSide(m) })) })),
    dependencies: scenario.service.dependencies.map((d) => ({ id: d.id, name: d.name, status: ctx.dependencies[d.id] ?? d.status })),
    updates,
    verification: VERIFICATION_ITEMS.filter((item) => scenario.grading.verification.includes(item)).map((item) => ({
      item,
      checkedAt: ctx.verification[item]?.at ?? null,
      ok: ctx.verification[item]?.ok ?? null,
    })),
    checks,
    timeline: describeJournal(journal, scenario),
    runbooks: scenario.runbooks,
    alertQueue: scenario.alertQueue.map((a) => ({ id: a.id, title: a.title, context: a.context, runbook: a.runbook, dashboard: a.dashboard, verdict: verdicts.get(a.id) ?? null })),
  };
}

/** Every diagnosis and resolution action, with what it needs and who could do it now. */
export function actionViews(scenario: Scenario, ctx: RunContext): ActionView[] {
  const present = (id: string) => id in ctx.joined;
  const label = (id: string) => actionLabel(scenario, id);
  return [
    ...scenario.diagnosis.map((a) => ({ a, kind: 'diagnosis' as const })),
    ...scenario.resolution.map((a) => ({ a, kind: 'resolution' as const })),
  ].map(({ a, kind }) => {
    const running = ctx.inProgress[a.id];
    const done = ctx.completed[a.id];
    const needs = a.requires.filter((id) => !(id in ctx.completed)).map(label);
    const eligible = scenario.roster.responders
      .filter((r) => present(r.id) && !ctx.busy[r.id] && (a.skills.length === 0 || a.skills.some((s) => r.skills.includes(s))))
      .map((r) => r.id);
    return {
      id: a.id,
      label: a.label,
      kind,
      minutes: typeof a.minutes === 'number' ? `${a.minutes}` : `${a.minutes.min}–${a.minutes.max}`,
      skills: a.skills,
      status: done ? 'done' : running ? 'running' : needs.length > 0 ? 'blocked' : 'ready',
      needs,
      performer: running?.performer ?? done?.performer ?? null,
      until: running?.until ?? null,
      eligible,
    };
  });
}

/** A seat's view: the shared view, what the seat may do now, and for the facilitator the truth. */
export function buildSeatView(shared: SharedView, scenario: Scenario, ctx: RunContext, journal: readonly JournalEntry[], seat: Seat, available: CommandType[]): SeatView {
  // The facilitator's timeline has their own hidden lines too (held and fired injects, notes); everyone else's not.
  return seat.kind === 'facilitator' ? { ...shared, seat, available, timeline: describeJournal(journal, scenario, 'facilitator'), truth: buildTruth(scenario, ctx, journal) } : { ...shared, seat, available };
}

function buildTruth(scenario: Scenario, ctx: RunContext, journal: readonly JournalEntry[]): TruthView {
  const variant = scenario.variants.find((v) => v.id === ctx.variant)!;
  const words = wordsFor(scenario);
  const scheduled = ctx.timers.flatMap((timer) => {
    const e = timer.event;
    const at = timer.due;
    switch (e.type) {
      case 'inject.fire': return [{ at, what: `Inject: ${e.inject}` }];
      case 'severity.change': {
        const change = scenario.severity.changes[e.index];
        return change ? [{ at, what: `Severity becomes ${change.to}${change.unlessMitigated ? ' unless mitigated' : ''}: ${change.reason}` }] : [];
      }
      case 'action.done': return [{ at, what: `${words.label(e.action)} completes` }];
      case 'effect.land': return [{ at, what: `${words.label(e.action)} takes effect` }];
      case 'responder.join': return [{ at, what: `${words.name(e.responder)} joins` }];
      case 'deadline.due': return [{ at, what: `Deadline falls due: ${ctx.deadlines[e.deadline]?.label ?? e.deadline}` }];
      case 'resurface.check': return [{ at, what: 'The incident resurfaces unless it has recovered' }];
      case 'drill.end': return [{ at, what: 'The drill’s time limit' }];
    }
  });
  return {
    variant: { id: variant.id, title: variant.title, rootCause: variant.rootCause, rightFix: words.label(variant.rightFix) },
    trueSeverity: ctx.trueSeverity,
    findings: scenario.diagnosis.map((d) => {
      const result = diagnosisFor(d, ctx.variant);
      return { action: d.id, label: d.label, text: result.finding, redHerring: result.redHerring, revealed: d.id in ctx.completed };
    }),
    scheduled,
    injects: scenario.injects.map((inject) => {
      const { status, at } = injectStanding(ctx, inject);
      const after = status === 'waiting' && inject.after ? `${inject.after.delay} min after ${words.label(inject.after.action)}` : null;
      return { id: inject.id, kind: inject.kind, from: words.sender(inject.id, inject.from ?? null), message: injectFor(inject, ctx.variant).message, status, at, after };
    }),
    observations: observationsIn(journal, words),
    expertPath: expertPath(scenario, ctx, variant, words),
  };
}

/**
 * What a good run does in this variant, for the facilitator to judge against: derived from the scenario (its key
 * checks and right fix for the variant drawn) and the rubric in force (the roles the severity calls for), in the
 * module's order. It is a yardstick, not the only way through.
 */
function expertPath(scenario: Scenario, ctx: RunContext, variant: Scenario['variants'][number], words: Words): string[] {
  const roles = ctx.rubric.rolesExpected[ctx.trueSeverity];
  const checks = scenario.grading.verification;
  const alsoFitting = scenario.severity.acceptable.filter((s) => s !== ctx.trueSeverity);
  return [
    `Acknowledge the page and declare ${ctx.trueSeverity}${alsoFitting.length > 0 ? ` (or ${alsoFitting.join(', ')})` : ''}`,
    `Name an incident commander before any work starts${roles.length > 0 ? `, then give the ${roles.join(', ')} role${roles.length === 1 ? '' : 's'}` : ''}`,
    'Send a first status update in the template, and keep the promised cadence',
    `Check first: ${variant.keyDiagnosis.map((id) => words.label(id)).join('; ')}`,
    `Announce, then apply: ${words.label(variant.rightFix)}`,
    ...(checks.length > 0 ? [`Verify before resolving: ${checks.join(', ')}`] : []),
    'Resolve, tell stakeholders of the recovery, and write a blameless postmortem with owned action items',
  ];
}

/** The accepted `observe` commands of a journal. */
function observationsIn(journal: readonly JournalEntry[], words: Words): TruthView['observations'] {
  const refused = new Set<number>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') refused.add(entry.event.commandSeq);
  return journal.flatMap((entry) => {
    if (entry.kind !== 'command' || entry.command.type !== 'observe' || refused.has(entry.seq)) return [];
    const { about, text } = entry.command;
    return [{ seq: entry.seq, at: entry.at, about, name: about === TEAM ? 'the team' : words.name(about), text }];
  });
}

/** Each dashboard metric's last GRAPH_WINDOW_MINUTES whole minutes: they change once a game minute, not every frame. */
export type DashboardSeries = Map<string, Array<[minute: number, value: number]>>;

export function dashboardSeries(scenario: Scenario, ctx: RunContext, now: number, noiseScale: number): DashboardSeries {
  const series: DashboardSeries = new Map();
  for (const d of scenario.service.dashboards) {
    for (const m of d.metrics) {
      const points: Array<[number, number]> = [];
      for (let minute = Math.floor(now) - GRAPH_WINDOW_MINUTES; minute <= Math.floor(now); minute++) points.push([minute, metricValue(ctx, m, minute, noiseScale)]);
      series.set(`${d.id}/${m.id}`, points);
    }
  }
  return series;
}

export function buildLiveView(scenario: Scenario, ctx: RunContext, now: number, series: DashboardSeries, options: LiveViewOptions = {}): LiveView {
  const noiseScale = options.noiseScale ?? 1;
  return {
    now,
    dashboards: scenario.service.dashboards.map((d) => ({
      id: d.id,
      metrics: d.metrics.map((m) => ({ id: m.id, current: metricValue(ctx, m, now, noiseScale), series: series.get(`${d.id}/${m.id}`) ?? [] })),
    })),
    deadlines: Object.entries(ctx.deadlines)
      .map(([id, d]) => ({ id, label: d.label, dueAt: d.dueAt, remaining: d.dueAt - now }))
      .sort((a, b) => a.dueAt - b.dueAt),
    deploys: scenario.service.deploys
      .map((d) => ({ id: d.id, component: d.component, version: d.version, minute: d.byVariant?.[ctx.variant]?.minute ?? d.minute, description: d.byVariant?.[ctx.variant]?.description ?? d.description }))
      .filter((d) => d.minute <= now),
  };
}

/**
 * A metric's value at a minute: its baseline, moved toward its incident value by the impact level, plus noise that
 * depends only on the seed, metric and minute, so the same run always draws the same graph.
 */
export function metricValue(ctx: RunContext, metric: Scenario['service']['dashboards'][number]['metrics'][number], minute: number, noiseScale = 1): number {
  const level = impactAt(ctx.impact, minute);
  const value = metricLevelValue(metric, ctx.variant, level);
  const noise = metric.noise === 0 ? 0 : noiseScale * metric.noise * (noiseUnit(`${ctx.seed}:${metric.id}:${Math.floor(minute)}`) * 2 - 1);
  return Math.max(0, Math.round((value + noise) * 100) / 100);
}

function noiseUnit(key: string): number {
  return parseInt(hashText(key).slice(0, 8), 16) / 0xffffffff;
}

/**
 * The side of its threshold where a metric alarms: the side its incident value lies on, from its healthy baseline.
 * Read from the scenario's own incident value, never a variant's, so a player's view says nothing of the variant.
 */
function alarmSide(metric: { baseline: number; incident: number }): 'above' | 'below' {
  return metric.incident < metric.baseline ? 'below' : 'above';
}
