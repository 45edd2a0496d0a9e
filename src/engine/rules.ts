/**
 * The world's rules as pure functions of (scenario, context, event, time): what happens when time brings an action's
 * end, an inject or a deadline. Commands' own rules live with each command (src/engine/commands/). The XState
 * machine decides *when* each rule applies (the lifecycle); timers are data in the context, fired in order by the
 * run. Keeping them plain lets the same code run in the browser, in Node and on a drill server.
 */
import type { Postmortem } from './commands/postmortem';
import type { ActionKind, GameEvent } from './events';
import type { Rubric } from './policy/rubric';
import { DIFFICULTY_NOISE, type Difficulty } from './difficulty';
import { formatMetric } from './names';
import { draw, drawMany, initialRandomState, pickWeighted, type RandomState } from './random';
import type { Diagnosis, Effect, Inject, Resolution, Role, Scenario, Severity, Span, VerificationItem } from './scenario/schema';
import { parseStatusUpdate } from './status-update';

/** Impact level under which the service counts as recovered. */
export const RECOVERED_LEVEL = 0.1;
/** Minutes a change of impact takes to show fully on the dashboards. */
export const RAMP_MINUTES = 3;
/** Minutes the logs must stay clean after recovery before they count as stabilized. */
export const LOGS_SETTLE_MINUTES = 5;
/** Minutes after a premature resolution before the incident resurfaces. */
export const RESURFACE_MINUTES = 10;
/**
 * A deadline is checked half a minute after it falls due, so that anything done at the due minute itself (a
 * scripted command, or a click while the clock shows that minute) counts as on time.
 */
export const DEADLINE_GRACE_MINUTES = 0.5;

/**
 * How the run seats its people. Solo: one player holds every team seat, so any responder in the incident may issue
 * any command. Team: each command's issuer must hold a role that may issue it (see each command's `who`).
 */
export type Seating = 'solo' | 'team';

/** Something the world will do at a minute: an action ending, an inject, a deadline. Plain data, kept in order. */
export type TimerEvent =
  | { type: 'action.done'; action: string }
  | { type: 'effect.land'; action: string }
  | { type: 'responder.join'; responder: string }
  | { type: 'inject.fire'; inject: string }
  | { type: 'severity.change'; index: number }
  | { type: 'deadline.due'; deadline: string }
  | { type: 'resurface.check' }
  | { type: 'drill.end' };

export interface Timer {
  id: string;
  due: number;
  /** Scheduling order: timers due at the same minute fire in the order they were set. */
  order: number;
  event: TimerEvent;
}

/** Impact level changes, in order; the level at a time ramps from the previous one. */
export type ImpactHistory = Array<{ at: number; level: number }>;

export interface RunContext {
  seed: string;
  /** The team's policy in force, from the rubric the run is played under. */
  rubric: Rubric;
  seating: Seating;
  difficulty: Difficulty;
  /** Pending timers, sorted by due minute then order. */
  timers: Timer[];
  timerOrder: number;
  variant: string;
  rng: RandomState;
  acknowledgedAt: number | null;
  severity: Severity | null;
  trueSeverity: Severity;
  roles: Partial<Record<Role, string>>;
  /** Responder → minute they joined. */
  joined: Record<string, number>;
  /** Responder → minute they will join, for those paged and on their way. */
  paged: Record<string, number>;
  /** Responder → the action they are doing. */
  busy: Record<string, string>;
  /** Action → who does it and when it completes. */
  inProgress: Record<string, { performer: string; until: number; kind: ActionKind }>;
  completed: Record<string, { at: number; performer: string }>;
  impact: ImpactHistory;
  mitigated: boolean;
  /** When a fix or mitigation first landed. */
  mitigatedAt: number | null;
  /** Impact the players' own harmful changes added on top of the scenario's level, until a fix or mitigation. */
  worsened: number;
  fixedAt: number | null;
  dependencies: Record<string, string>;
  /** Timed injects' firing minutes, drawn at the start (absent: skipped in this variant). */
  injectTimes: Record<string, number>;
  changeTimes: number[];
  /** Inject (a scenario's or a facilitator's custom one) → minute it fired. */
  fired: Record<string, number>;
  /** Scenario injects the facilitator held → minute held: they do not fire on their own. */
  held: Record<string, number>;
  /** Custom injects the facilitator has sent so far: their ids are numbered from it. */
  customInjects: number;
  /** Injects waiting for an answer. */
  open: Record<string, true>;
  deadlines: Record<string, { label: string; dueAt: number }>;
  updates: number;
  lastUpdateAt: number | null;
  verification: Partial<Record<VerificationItem, { at: number; ok: boolean }>>;
  resolvedAt: number | null;
  timeLimitReached: boolean;
  postmortem: Postmortem | null;
}

/** What one rule produces: the next context (timers included) and what to journal. */
export class Step {
  readonly ctx: RunContext;
  readonly events: GameEvent[] = [];

  constructor(
    context: RunContext,
    readonly scenario: Scenario,
    readonly now: number,
  ) {
    this.ctx = { ...context };
  }

  get rubric(): Rubric {
    return this.ctx.rubric;
  }

  emit(event: GameEvent): void {
    this.events.push(event);
  }

  /** Sets timer `id` to fire `event` at minute `at`, replacing a pending timer of the same id. */
  later(event: TimerEvent, at: number, id: string): void {
    const order = this.ctx.timerOrder;
    this.ctx.timerOrder = order + 1;
    const timer: Timer = { id, due: Math.max(at, this.now), order, event };
    const timers = this.ctx.timers.filter((t) => t.id !== id);
    let index = timers.length;
    while (index > 0 && timers[index - 1]!.due > timer.due) index--;
    timers.splice(index, 0, timer);
    this.ctx.timers = timers;
  }

  cancel(id: string): void {
    if (this.ctx.timers.some((t) => t.id === id)) this.ctx.timers = this.ctx.timers.filter((t) => t.id !== id);
  }

  random(): number {
    const [value, next] = draw(this.ctx.rng);
    this.ctx.rng = next;
    return value;
  }

  span(span: Span): number {
    if (typeof span === 'number') return span;
    return Math.round(span.min + this.random() * (span.max - span.min));
  }

  setDeadline(id: string, label: string, dueAt: number): void {
    this.ctx.deadlines = { ...this.ctx.deadlines, [id]: { label, dueAt } };
    this.emit({ type: 'deadline.set', deadline: id, label, dueAt });
    this.later({ type: 'deadline.due', deadline: id }, dueAt + DEADLINE_GRACE_MINUTES, `deadline:${id}`);
  }

  meetDeadline(id: string): void {
    if (!(id in this.ctx.deadlines)) return;
    const { [id]: _met, ...rest } = this.ctx.deadlines;
    this.ctx.deadlines = rest;
    this.emit({ type: 'deadline.met', deadline: id });
    this.cancel(`deadline:${id}`);
  }

  /** Drops every open deadline silently: the drill is over. */
  clearDeadlines(): void {
    for (const id of Object.keys(this.ctx.deadlines)) this.cancel(`deadline:${id}`);
    this.ctx.deadlines = {};
  }

  setImpact(level: number): void {
    this.ctx.impact = [...this.ctx.impact, { at: this.now, level }];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the scenario for this run's variant

export const findDiagnosis = (s: Scenario, id: string) => s.diagnosis.find((a) => a.id === id);
export const findResolution = (s: Scenario, id: string) => s.resolution.find((a) => a.id === id);
export const findAction = (s: Scenario, id: string): Diagnosis | Resolution | undefined => findDiagnosis(s, id) ?? findResolution(s, id);
export const findResponder = (s: Scenario, id: string) => s.roster.responders.find((r) => r.id === id);

export function diagnosisFor(action: Diagnosis, variant: string) {
  const o = action.byVariant?.[variant];
  return { finding: o?.finding ?? action.finding, hint: o?.hint ?? action.hint ?? null, redHerring: o?.redHerring ?? action.redHerring, log: o?.log ?? action.log };
}

export function effectFor(action: Resolution, variant: string): Effect {
  return action.byVariant?.[variant]?.effect ?? action.effect;
}

export function injectFor(inject: Inject, variant: string) {
  const o = inject.byVariant?.[variant];
  return { at: o?.at ?? inject.at, message: o?.message ?? inject.message, skip: o?.skip ?? false };
}

/** The impact level at a moment, ramping linearly from one level to the next. */
export function impactAt(history: ImpactHistory, minute: number): number {
  let level = 0;
  for (let i = 0; i < history.length; i++) {
    const change = history[i]!;
    if (change.at > minute) break;
    const from = i === 0 ? 0 : history[i - 1]!.level;
    const progress = Math.min(1, (minute - change.at) / RAMP_MINUTES);
    level = from + (change.level - from) * progress;
  }
  return level;
}

// ---------------------------------------------------------------------------------------------------------------
// Starting a run

export interface RunSetup {
  seed: string;
  rubric: Rubric;
  seating: Seating;
  difficulty: Difficulty;
}

/** The variant, then timed injects' and severity changes' minutes, drawn from the seed in that order. */
function startingDraws(scenario: Scenario, next: () => number): { variant: string; injectTimes: Record<string, number>; changeTimes: number[] } {
  const variant = scenario.variants[pickWeighted(scenario.variants.map((v) => v.weight), next())]!.id;
  const drawSpan = (span: Span) => (typeof span === 'number' ? span : Math.round(span.min + next() * (span.max - span.min)));
  const injectTimes: Record<string, number> = {};
  for (const inject of scenario.injects) {
    const resolved = injectFor(inject, variant);
    if (!resolved.skip && resolved.at !== undefined && inject.after === undefined) injectTimes[inject.id] = drawSpan(resolved.at);
  }
  const changeTimes = scenario.severity.changes.map((c) => drawSpan(c.at));
  return { variant, injectTimes, changeTimes };
}

export function initialContext(scenario: Scenario, { seed, rubric, seating, difficulty }: RunSetup): RunContext {
  // Every draw at the start comes from one generator; its state after them is the run's.
  const [{ variant, injectTimes, changeTimes }, rng] = drawMany(initialRandomState(seed), (next) => startingDraws(scenario, next));
  const joined: Record<string, number> = { [scenario.roster.onCall.primary]: 0 };
  for (const r of scenario.roster.responders) if (r.present) joined[r.id] = 0;
  const dependencies: Record<string, string> = {};
  for (const d of scenario.service.dependencies) dependencies[d.id] = d.byVariant?.[variant]?.status ?? d.status;
  return {
    seed,
    rubric,
    seating,
    difficulty,
    timers: [],
    timerOrder: 0,
    variant,
    rng,
    acknowledgedAt: null,
    severity: null,
    trueSeverity: scenario.severity.true,
    roles: {},
    joined,
    paged: {},
    busy: {},
    inProgress: {},
    completed: {},
    impact: [{ at: scenario.impact.onset, level: 1 }],
    mitigated: false,
    mitigatedAt: null,
    worsened: 0,
    fixedAt: null,
    dependencies,
    injectTimes,
    changeTimes,
    fired: {},
    held: {},
    customInjects: 0,
    open: {},
    deadlines: {},
    updates: 0,
    lastUpdateAt: null,
    verification: {},
    resolvedAt: null,
    timeLimitReached: false,
    postmortem: null,
  };
}

/**
 * The page fires. Its urgency follows the rubric's acknowledgement time for the incident's severity, as a real
 * pager's urgency follows the alert's; the world's own timers (injects, severity changes, the drill's end) are set.
 */
export function startRun(step: Step): void {
  const { scenario, ctx } = step;
  step.emit({ type: 'run.started', variant: ctx.variant });
  step.emit({ type: 'page.fired', title: scenario.page.title, context: scenario.page.context });
  const acknowledge = ctx.rubric.acknowledgeMinutes[scenario.severity.true];
  if (acknowledge !== null) step.setDeadline('acknowledge', 'Acknowledge the page', step.now + acknowledge);
  step.later({ type: 'drill.end' }, scenario.durationMinutes, 'drill-end');
  for (const [inject, at] of Object.entries(ctx.injectTimes)) step.later({ type: 'inject.fire', inject }, at, injectTimerId(inject));
  ctx.changeTimes.forEach((at, index) => step.later({ type: 'severity.change', index }, at, `change:${index}`));
}

/** The response the severity calls for is assembled once a commander is named and a first update has gone out. */
export const responseAssembled = (ctx: RunContext) => ctx.roles.commander !== undefined && ctx.updates > 0;

export function verificationTruth(step: Step, item: VerificationItem): { ok: boolean; detail: string } {
  const { ctx, scenario, now } = step;
  const level = impactAt(ctx.impact, now);
  const recovered = level < RECOVERED_LEVEL;
  const keyMetric = scenario.page.dashboard
    ? scenario.service.dashboards.find((d) => d.id === scenario.page.dashboard)?.metrics[0]
    : scenario.service.dashboards[0]?.metrics[0];
  switch (item) {
    case 'fix-deployed': {
      const landed = Object.keys(ctx.completed).filter((id) => {
        const action = findResolution(scenario, id);
        return action !== undefined && ['fixes', 'mitigates'].includes(effectFor(action, ctx.variant).kind);
      });
      if (ctx.fixedAt !== null) return { ok: true, detail: `The fix is in place (${labels(scenario, landed)}).` };
      if (landed.length > 0) return { ok: false, detail: `Only a mitigation is in place (${labels(scenario, landed)}); the cause is not fixed.` };
      const done = Object.keys(ctx.completed).filter((id) => findResolution(scenario, id) !== undefined);
      if (done.length > 0) return { ok: false, detail: `${labels(scenario, done)} completed, but the errors continue: no change so far has fixed the problem.` };
      return { ok: false, detail: 'No fix or rollback has completed.' };
    }
    case 'metrics-normal': {
      const describe = keyMetric ? `${keyMetric.label} is ${formatMetric(metricLevelValue(keyMetric, ctx.variant, level), keyMetric.unit)}` : 'The key metrics';
      return recovered
        ? { ok: true, detail: `${describe}, back to normal.` }
        : { ok: false, detail: `${describe}, still far from normal.` };
    }
    case 'logs-stable': {
      const since = recoveredSince(ctx.impact, now);
      const quiet = since === null ? 0 : Math.floor(now - since);
      if (since !== null && now - since >= LOGS_SETTLE_MINUTES) return { ok: true, detail: `Error logs have been quiet for ${quiet} minutes.` };
      if (since !== null) return { ok: false, detail: `Errors stopped only ${quiet < 1 ? 'moments' : `${quiet} minute${quiet === 1 ? '' : 's'}`} ago; wait for the logs to settle.` };
      return { ok: false, detail: 'Logs still show errors.' };
    }
    case 'stakeholders-notified': {
      const since = recoveredSince(ctx.impact, now);
      return since !== null && ctx.lastUpdateAt !== null && ctx.lastUpdateAt >= since
        ? { ok: true, detail: 'Stakeholders have had an update since recovery.' }
        : { ok: false, detail: since === null ? 'The service has not recovered yet.' : 'No status update has gone out since recovery.' };
    }
  }
}

/** The minute impact last fell below the recovered level and stayed there, or null if it is not recovered now. */
export function recoveredSince(impact: ImpactHistory, now: number): number | null {
  if (impactAt(impact, now) >= RECOVERED_LEVEL) return null;
  for (let i = impact.length - 1; i >= 0; i--) {
    const change = impact[i]!;
    if (change.at > now) continue;
    if (change.level < RECOVERED_LEVEL) {
      const previous = i > 0 ? impact[i - 1]!.level : 0;
      if (previous < RECOVERED_LEVEL) continue;
      // The ramp crosses the recovered level part-way.
      const fraction = (previous - RECOVERED_LEVEL) / (previous - change.level);
      return change.at + fraction * RAMP_MINUTES;
    }
    return null;
  }
  return null;
}

function labels(scenario: Scenario, ids: string[]): string {
  return ids.map((id) => findAction(scenario, id)?.label ?? id).join(', ');
}

export function metricLevelValue(metric: { baseline: number; incident: number; byVariant?: Record<string, { incident: number }> | undefined }, variant: string, level: number): number {
  const incident = metric.byVariant?.[variant]?.incident ?? metric.incident;
  return metric.baseline + (incident - metric.baseline) * level;
}

export const roundImpact = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------------------------
// The world moving on

export function completeAction(step: Step, actionId: string): void {
  const { ctx, scenario, now } = step;
  const running = ctx.inProgress[actionId];
  if (!running) return;
  const { [actionId]: _done, ...inProgress } = ctx.inProgress;
  ctx.inProgress = inProgress;
  const { [running.performer]: _free, ...busy } = ctx.busy;
  ctx.busy = busy;
  ctx.completed = { ...ctx.completed, [actionId]: { at: now, performer: running.performer } };
  if (running.kind === 'diagnosis') {
    const result = diagnosisFor(findDiagnosis(scenario, actionId)!, ctx.variant);
    step.emit({ type: 'action.completed', action: actionId, kind: 'diagnosis', performer: running.performer, finding: result.finding, redHerring: result.redHerring });
  } else {
    const effect = effectFor(findResolution(scenario, actionId)!, ctx.variant);
    step.emit({ type: 'action.completed', action: actionId, kind: 'resolution', performer: running.performer });
    step.later({ type: 'effect.land', action: actionId }, now + effect.after, `effect:${actionId}`);
  }
  for (const inject of scenario.injects) {
    // One the facilitator already fired or held by hand is not set off again by its trigger.
    if (inject.after?.action === actionId && !injectFor(inject, ctx.variant).skip && !(inject.id in ctx.fired) && !(inject.id in ctx.held)) {
      step.later({ type: 'inject.fire', inject: inject.id }, now + inject.after.delay, injectTimerId(inject.id));
    }
  }
}

export function landEffect(step: Step, actionId: string): void {
  const { ctx, scenario, now } = step;
  const effect = effectFor(findResolution(scenario, actionId)!, ctx.variant);
  const current = ctx.impact[ctx.impact.length - 1]!.level;
  let level = current;
  switch (effect.kind) {
    case 'fixes':
      level = 0;
      ctx.mitigated = true;
      ctx.mitigatedAt ??= now;
      ctx.worsened = 0;
      ctx.fixedAt = now;
      break;
    case 'mitigates':
      level = Math.min(current, effect.level ?? 0.25);
      ctx.mitigated = true;
      ctx.mitigatedAt ??= now;
      ctx.worsened = 0;
      break;
    case 'worsens': {
      const added = effect.level ?? 0.5;
      ctx.worsened += added;
      level = current + added;
      break;
    }
    case 'none':
      break;
  }
  if (level !== current) step.setImpact(level);
  step.emit({ type: 'effect.landed', action: actionId, effect: effect.kind, impact: roundImpact(level) });
}

export function timeLimit(step: Step): void {
  step.ctx.timeLimitReached = true;
  // The incident has passed to the next shift: nobody on this one can meet its deadlines any more, so they close
  // rather than count down (and fall due as misses) while the team writes the postmortem.
  step.clearDeadlines();
  // Messages still to come would reach the next shift, not this team.
  for (const timer of step.ctx.timers) if (timer.id.startsWith(injectTimerId(''))) step.cancel(timer.id);
  step.emit({ type: 'drill.time-limit' });
}

export function changeSeverity(step: Step, index: number): void {
  const change = step.scenario.severity.changes[index];
  if (!change || (change.unlessMitigated && step.ctx.mitigated)) return;
  step.ctx.trueSeverity = change.to;
  const level = change.impact + step.ctx.worsened;
  step.setImpact(level);
  step.emit({ type: 'impact.changed', impact: level, severity: change.to, reason: change.reason });
}

/** The timer that fires a scenario inject on its own. */
export const injectTimerId = (injectId: string) => `inject:${injectId}`;

/** A message the team receives: a scenario's inject or a facilitator's custom one. */
export interface Delivery {
  inject: string;
  kind: string;
  /** As the journal records it: a roster id for a scenario's inject, the name as written for a custom one. */
  from: string | null;
  /** Who the answer deadline names. */
  sender: string;
  message: string;
  respondWithin: number | undefined;
}

/** Journals a message arriving; one that asks for an answer waits for it, with a deadline. */
export function deliverInject(step: Step, delivery: Delivery): void {
  const { ctx, now } = step;
  ctx.fired = { ...ctx.fired, [delivery.inject]: now };
  const respondBy = delivery.respondWithin !== undefined ? now + delivery.respondWithin : null;
  step.emit({ type: 'inject.fired', inject: delivery.inject, kind: delivery.kind, from: delivery.from, message: delivery.message, respondBy });
  if (respondBy !== null) {
    ctx.open = { ...ctx.open, [delivery.inject]: true };
    step.setDeadline(`inject:${delivery.inject}`, `Answer ${delivery.sender}`, respondBy);
  }
}

export function fireInject(step: Step, injectId: string): void {
  const { ctx, scenario } = step;
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject || injectId in ctx.fired) return;
  const { message } = injectFor(inject, ctx.variant);
  const sender = inject.from ? scenario.roster.stakeholders.find((s) => s.id === inject.from)?.name ?? inject.from : 'someone';
  deliverInject(step, { inject: injectId, kind: inject.kind, from: inject.from ?? null, sender, message, respondWithin: inject.respondWithin });
  if (inject.impact !== undefined && ctx.fixedAt === null) {
    const level = inject.impact + ctx.worsened;
    step.setImpact(level);
    step.emit({ type: 'impact.changed', impact: level, severity: ctx.trueSeverity, reason: message });
  }
  if (inject.dependency) {
    ctx.dependencies = { ...ctx.dependencies, [inject.dependency.id]: inject.dependency.status };
    step.emit({ type: 'dependency.changed', dependency: inject.dependency.id, status: inject.dependency.status });
  }
}

export function joinResponder(step: Step, responderId: string): void {
  const { ctx } = step;
  if (!(responderId in ctx.paged)) return;
  const { [responderId]: _arrived, ...paged } = ctx.paged;
  ctx.paged = paged;
  ctx.joined = { ...ctx.joined, [responderId]: step.now };
  step.emit({ type: 'responder.joined', responder: responderId });
}

export function deadlineDue(step: Step, id: string): void {
  const deadline = step.ctx.deadlines[id];
  if (!deadline) return;
  const { [id]: _missed, ...rest } = step.ctx.deadlines;
  step.ctx.deadlines = rest;
  step.emit({ type: 'deadline.missed', deadline: id, label: deadline.label });
}

export function resurface(step: Step): void {
  step.ctx.resolvedAt = null;
  step.cancel('resurface');
  step.emit({ type: 'incident.resurfaced', reason: 'Errors are climbing again: the incident was resolved before recovery was verified.' });
}

export const impactPersists = (ctx: RunContext, now: number) => impactAt(ctx.impact, now) >= RECOVERED_LEVEL;
