/**
 * What the player may know now. The view never reveals the true severity, the variant or the root cause: only
 * what the pager, dashboards, status pages and completed diagnosis steps would show a real responder.
 */
import { hashText } from './hash';
import { defaultRubric } from './policy/default-rubric';
import { policyView, type PolicyView } from './policy/policy';
import type { Rubric } from './policy/rubric';
import { actionLabel, personName } from './names';
import type { JournalEntry, Phase } from './events';
import { PHASE_LABELS } from './events';
import type { Command } from './commands';
import { commandsForPhase, diagnosisFor, impactAt, metricLevelValue, type RunContext } from './rules';
import type { Role, Scenario, Severity, VerificationItem } from './scenario/schema';
import { ROLES, VERIFICATION_ITEMS } from './scenario/schema';

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

export interface RunView {
  now: number;
  /** The team's policy in force (the rubric's severity table, response times and cadence). */
  policy: PolicyView;
  phase: Phase;
  phaseLabel: string;
  page: { title: string; context: string; runbook: string | null; dashboard: string | null; acknowledgedAt: number | null };
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
  /** The command types the current phase accepts. */
  available: Command['type'][];
  findings: Array<{ at: number; action: string; label: string; text: string; log: string[] | null }>;
  deadlines: Array<{ id: string; label: string; dueAt: number; remaining: number }>;
  messages: Array<{ at: number; inject: string; from: string | null; message: string; respondBy: number | null; answered: boolean; answer: string | null }>;
  dashboards: Array<{
    id: string;
    title: string;
    metrics: Array<{ id: string; label: string; unit: string; threshold: number | null; current: number; series: Array<[minute: number, value: number]> }>;
  }>;
  deploys: Array<{ id: string; component: string; version: string; minute: number; description: string }>;
  dependencies: Array<{ id: string; name: string; status: string }>;
  updates: Array<{ at: number; number: number; text: string }>;
  verification: Array<{ item: VerificationItem; checkedAt: number | null; ok: boolean | null }>;
  /** Every verification check made, with what it showed. */
  checks: Array<{ at: number; item: VerificationItem; ok: boolean; detail: string }>;
  timeline: Array<{ seq: number; at: number; text: string }>;
  runbooks: Scenario['runbooks'];
  /** The shift's other alerts, with the player's verdicts so far (never the right answer). */
  alertQueue: Array<{ id: string; title: string; context: string; runbook: string | null; dashboard: string | null; verdict: 'actionable' | 'noise' | null }>;
}

export interface ViewOptions {
  /** The rubric the run is played under (its policy is shown beside the severity choice and in hints). */
  rubric?: Rubric;
  /** Multiplies dashboard noise: expert play makes the signal harder to read. */
  noiseScale?: number;
}

export function buildView(scenario: Scenario, ctx: RunContext, journal: readonly JournalEntry[], phase: Phase, now: number, options: ViewOptions = {}): RunView {
  const noiseScale = options.noiseScale ?? 1;
  const name = (id: string | null | undefined) => personName(scenario, id);
  const present = (id: string) => id in ctx.joined;
  const label = (id: string) => actionLabel(scenario, id);

  const actions: ActionView[] = [
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

  const findings: RunView['findings'] = [];
  const messages: RunView['messages'] = [];
  const updates: RunView['updates'] = [];
  const checks: RunView['checks'] = [];
  const refused = new Set<number>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') refused.add(entry.event.commandSeq);
  let updateNumber = 0;
  for (const entry of journal) {
    if (entry.kind === 'command') {
      if (entry.command.type === 'status-update' && !refused.has(entry.seq)) {
        updates.push({ at: entry.at, number: ++updateNumber, text: entry.command.text });
      }
      if (entry.command.type === 'respond' && !refused.has(entry.seq)) {
        const command = entry.command;
        const message = messages.find((m) => m.inject === command.inject);
        if (message) message.answer = command.text;
      }
      continue;
    }
    const e = entry.event;
    if (e.type === 'action.completed' && e.kind === 'diagnosis') {
      const action = scenario.diagnosis.find((d) => d.id === e.action);
      const logId = action ? diagnosisFor(action, ctx.variant).log : undefined;
      const log = logId ? scenario.service.logs.find((l) => l.id === logId) : undefined;
      findings.push({ at: entry.at, action: e.action, label: label(e.action), text: e.finding ?? '', log: log ? (log.byVariant?.[ctx.variant]?.lines ?? log.lines) : null });
    }
    if (e.type === 'inject.fired') {
      messages.push({ at: entry.at, inject: e.inject, from: name(e.from), message: e.message, respondBy: e.respondBy, answered: false, answer: null });
    }
    if (e.type === 'verification.checked') checks.push({ at: entry.at, item: e.item, ok: e.ok, detail: e.detail });
    if (e.type === 'inject.answered') {
      const message = messages.find((m) => m.inject === e.inject);
      if (message) message.answered = true;
    }
  }

  const roles = Object.fromEntries(ROLES.map((role) => [role, ctx.roles[role] ?? null])) as Record<Role, string | null>;
  return {
    now,
    policy: policyView(options.rubric ?? defaultRubric()),
    phase,
    phaseLabel: PHASE_LABELS[phase],
    page: { ...scenario.page, acknowledgedAt: ctx.acknowledgedAt },
    severity: ctx.severity,
    roles,
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
    available: [...commandsForPhase(phase)],
    findings,
    deadlines: Object.entries(ctx.deadlines)
      .map(([id, d]) => ({ id, label: d.label, dueAt: d.dueAt, remaining: d.dueAt - now }))
      .sort((a, b) => a.dueAt - b.dueAt),
    messages,
    dashboards: scenario.service.dashboards.map((d) => ({
      id: d.id,
      title: d.title,
      metrics: d.metrics.map((m) => {
        const series: Array<[number, number]> = [];
        for (let minute = Math.ceil(now) - GRAPH_WINDOW_MINUTES; minute <= now; minute++) {
          series.push([minute, metricValue(ctx, m, minute, noiseScale)]);
        }
        return { id: m.id, label: m.label, unit: m.unit, threshold: m.threshold ?? null, current: metricValue(ctx, m, now, noiseScale), series };
      }),
    })),
    deploys: scenario.service.deploys
      .map((d) => ({ id: d.id, component: d.component, version: d.version, minute: d.byVariant?.[ctx.variant]?.minute ?? d.minute, description: d.byVariant?.[ctx.variant]?.description ?? d.description }))
      .filter((d) => d.minute <= now),
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
    alertQueue: scenario.alertQueue.map((a) => {
      const last = [...journal].reverse().find((e) => e.kind === 'command' && e.command.type === 'triage-alert' && e.command.alert === a.id && !refused.has(e.seq));
      return { id: a.id, title: a.title, context: a.context, runbook: a.runbook, dashboard: a.dashboard, verdict: last && last.kind === 'command' && last.command.type === 'triage-alert' ? last.command.verdict : null };
    }),
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
 * The journal as lines of words, for timelines. A command that was not possible is shown as an attempt, with the
 * reason, rather than as something that happened.
 */
export function describeJournal(journal: readonly JournalEntry[], scenario: Scenario): Array<{ seq: number; at: number; text: string }> {
  const name = (id: string | null) => personName(scenario, id);
  const label = (id: string) => actionLabel(scenario, id);
  const asker = (inject: string) => {
    const from = scenario.injects.find((i) => i.id === inject)?.from;
    return from ? name(from) : null;
  };
  const reasons = new Map<number, string>();
  for (const entry of journal) if (entry.kind === 'event' && entry.event.type === 'command.rejected') reasons.set(entry.event.commandSeq, entry.event.reason);
  return journal.flatMap((entry) => {
    if (entry.kind === 'event' && entry.event.type === 'command.rejected') return [];
    const text = describeEntry(entry, name, label, asker);
    if (!text) return [];
    const reason = reasons.get(entry.seq);
    return [{ seq: entry.seq, at: entry.at, text: reason === undefined ? text : `✗ Refused: ${text} (${reason})` }];
  });
}

/** One line of the timeline, in words; null for bookkeeping entries the player need not see. */
export function describeEntry(entry: JournalEntry, name: (id: string | null) => string | null, label: (id: string) => string, asker: (inject: string) => string | null = () => null): string | null {
  if (entry.kind === 'command') {
    const c = entry.command;
    const who = name(entry.by) ?? entry.by;
    switch (c.type) {
      case 'acknowledge': return `${who} acknowledged the page`;
      case 'declare-severity': return `${who} declared ${c.severity}`;
      case 'assign-role': return `${who} assigned ${c.role} to ${name(c.responder)}`;
      case 'hand-off': return `${who} handed ${c.role} off to ${name(c.to)}`;
      case 'escalate': return `${who} paged ${name(c.to)}`;
      case 'diagnose':
      case 'apply':
        return c.performer === entry.by ? `${who} began to ${lowerFirst(label(c.action))}` : `${who} asked ${name(c.performer)} to ${lowerFirst(label(c.action))}`;
      case 'announce': return `${who} announced: ${c.text}`;
      case 'status-update': return `${who} sent a status update`;
      case 'respond': return `${who} answered ${asker(c.inject) ?? 'a message'}`;
      case 'verify': return `${who} checked: ${c.item.replace(/-/g, ' ')}`;
      case 'resolve': return `${who} resolved the incident`;
      case 'rate-alert': return `${who} rated the alert ${c.quality}`;
      case 'update-runbook': return `${who} updated the runbook`;
      case 'triage-alert': return `${who} sorted an alert as ${c.verdict}`;
      case 'postmortem': return `${who} saved the postmortem`;
      case 'finish': return `${who} finished the drill`;
    }
  }
  const e = entry.event;
  switch (e.type) {
    case 'page.fired': return `Page: ${e.title}`;
    case 'command.rejected': return `Not possible: ${e.reason}`;
    case 'responder.joined': return `${name(e.responder)} joined`;
    case 'action.completed': return e.kind === 'diagnosis' ? `Finding (${label(e.action)}): ${e.finding}` : `${label(e.action)} completed`;
    case 'effect.landed':
      if (e.effect === 'none') return `${label(e.action)}: no visible change`;
      return e.effect === 'worsens' ? `${label(e.action)}: things got worse` : `${label(e.action)} took effect: the impact is easing`;
    case 'impact.changed': return `Impact changed: ${e.reason}`;
    case 'dependency.changed': return `Status page: ${e.dependency} is now ${e.status}`;
    case 'inject.fired': return `${e.from ? `${name(e.from)}: ` : ''}${e.message}`;
    case 'deadline.missed': return `Missed: ${e.label}`;
    case 'verification.checked': return `${e.ok ? '✓' : '✗'} ${e.detail}`;
    case 'incident.resurfaced': return e.reason;
    case 'drill.time-limit': return 'Time is up: the incident passes to the next shift';
    default: return null;
  }
}

/** "Check recent deploys" → "check recent deploys", but "iOS Safari" stays as written after the first letter. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
