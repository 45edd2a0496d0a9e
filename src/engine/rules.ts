/**
 * The game's rules as pure functions of (scenario, context, event, time). The XState machine decides *when* each
 * rule applies (the lifecycle) and owns the timers; these functions decide *what* happens. Keeping them plain
 * makes them readable and lets the same code run in the browser, in Node and on a drill server.
 */
import { FACILITATOR, type Command, type Postmortem } from './commands';
import type { ActionKind, GameEvent } from './events';
import { draw, initialRandomState, pickWeighted, type RandomState } from './random';
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
/** The module's on-call expectation: acknowledge within 15 minutes (SEV1–2). */
export const ACKNOWLEDGE_MINUTES = 15;
/**
 * A deadline is checked half a minute after it falls due, so that anything done at the due minute itself (a
 * scripted command, or a click while the clock shows that minute) counts as on time.
 */
export const DEADLINE_GRACE_MINUTES = 0.5;
/** The module's severity table: response time per severity (SEV4 waits for the next sprint). */
export const RESPONSE_MINUTES: Record<Severity, number | null> = { SEV1: 15, SEV2: 60, SEV3: 240, SEV4: null };

export interface RunContext {
  seed: string;
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
  /** Impact level changes, in order; the level at a time ramps from the previous one. */
  impact: Array<{ at: number; level: number }>;
  mitigated: boolean;
  /** Impact the players' own harmful changes added on top of the scenario's level, until a fix or mitigation. */
  worsened: number;
  fixedAt: number | null;
  dependencies: Record<string, string>;
  /** Timed injects' firing minutes, drawn at the start (absent: skipped in this variant). */
  injectTimes: Record<string, number>;
  changeTimes: number[];
  fired: Record<string, number>;
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

/** Timers the rules start. Each carries the minute it is due, so the rules never need to ask a clock. */
export type InternalEvent =
  | { type: 'action.done'; action: string; at: number }
  | { type: 'effect.land'; action: string; at: number }
  | { type: 'responder.join'; responder: string; at: number }
  | { type: 'inject.fire'; inject: string; at: number }
  | { type: 'deadline.due'; deadline: string; at: number };

type Unstamped<E> = E extends unknown ? Omit<E, 'at'> : never;

/** A player command as the machine receives it, stamped with the minute it was issued. */
export type CommandEvent = { type: Command['type']; by: string; command: Command; at: number };

/** What one rule produces: the next context, what to journal, and timers to start or stop. */
export class Step {
  readonly ctx: RunContext;
  readonly events: GameEvent[] = [];
  readonly schedule: Array<{ event: InternalEvent; delay: number; id: string }> = [];
  readonly cancel: string[] = [];

  constructor(
    context: RunContext,
    readonly scenario: Scenario,
    readonly now: number,
  ) {
    this.ctx = { ...context };
  }

  emit(event: GameEvent): void {
    this.events.push(event);
  }

  later(event: Unstamped<InternalEvent>, at: number, id: string): void {
    this.schedule.push({ event: { ...event, at } as InternalEvent, delay: Math.max(0, at - this.now), id });
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
    this.cancel.push(`deadline:${id}`);
    this.later({ type: 'deadline.due', deadline: id }, dueAt + DEADLINE_GRACE_MINUTES, `deadline:${id}`);
  }

  meetDeadline(id: string): void {
    if (!(id in this.ctx.deadlines)) return;
    const { [id]: _met, ...rest } = this.ctx.deadlines;
    this.ctx.deadlines = rest;
    this.emit({ type: 'deadline.met', deadline: id });
    this.cancel.push(`deadline:${id}`);
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
  return { finding: o?.finding ?? action.finding, redHerring: o?.redHerring ?? action.redHerring, log: o?.log ?? action.log };
}

export function effectFor(action: Resolution, variant: string): Effect {
  return action.byVariant?.[variant]?.effect ?? action.effect;
}

export function injectFor(inject: Inject, variant: string) {
  const o = inject.byVariant?.[variant];
  return { at: o?.at ?? inject.at, message: o?.message ?? inject.message, skip: o?.skip ?? false };
}

/** The impact level at a moment, ramping linearly from one level to the next. */
export function impactAt(history: RunContext['impact'], minute: number): number {
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

export function initialContext(scenario: Scenario, seed: string): RunContext {
  let rng = initialRandomState(seed);
  const next = () => {
    const [value, state] = draw(rng);
    rng = state;
    return value;
  };
  const variant = scenario.variants[pickWeighted(scenario.variants.map((v) => v.weight), next())]!.id;
  const drawSpan = (span: Span) => (typeof span === 'number' ? span : Math.round(span.min + next() * (span.max - span.min)));
  const injectTimes: Record<string, number> = {};
  for (const inject of scenario.injects) {
    const resolved = injectFor(inject, variant);
    if (!resolved.skip && resolved.at !== undefined && inject.after === undefined) injectTimes[inject.id] = drawSpan(resolved.at);
  }
  const changeTimes = scenario.severity.changes.map((c) => drawSpan(c.at));
  const joined: Record<string, number> = { [scenario.roster.onCall.primary]: 0 };
  for (const r of scenario.roster.responders) if (r.present) joined[r.id] = 0;
  const dependencies: Record<string, string> = {};
  for (const d of scenario.service.dependencies) dependencies[d.id] = d.byVariant?.[variant]?.status ?? d.status;
  return {
    seed,
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
    worsened: 0,
    fixedAt: null,
    dependencies,
    injectTimes,
    changeTimes,
    fired: {},
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

export function startRun(step: Step): void {
  const { scenario } = step;
  step.emit({ type: 'run.started', variant: step.ctx.variant });
  step.emit({ type: 'page.fired', title: scenario.page.title, context: scenario.page.context });
  step.setDeadline('acknowledge', 'Acknowledge the page', step.now + ACKNOWLEDGE_MINUTES);
}

// ---------------------------------------------------------------------------------------------------------------
// Checking a command: null when allowed, otherwise the reason in plain words

const isPresent = (ctx: RunContext, id: string) => id in ctx.joined;

export function checkCommand(scenario: Scenario, ctx: RunContext, by: string, command: Command, now: number): string | null {
  if (by !== FACILITATOR) {
    const issuer = findResponder(scenario, by);
    if (!issuer) return `"${by}" is not on this incident's roster`;
    if (!isPresent(ctx, by)) return `${issuer.name} has not joined the incident yet`;
  }
  const responderReady = (id: string, what: string): string | null => {
    const r = findResponder(scenario, id);
    if (!r) return `"${id}" is not on this incident's roster`;
    if (!isPresent(ctx, id)) return id in ctx.paged ? `${r.name} is on the way (joins at minute ${ctx.paged[id]})` : `${r.name} has not been paged: escalate to them first`;
    if (what && ctx.busy[id]) return `${r.name} is busy with "${findAction(scenario, ctx.busy[id]!)?.label ?? ctx.busy[id]}"`;
    return null;
  };
  switch (command.type) {
    case 'declare-severity':
    case 'announce':
    case 'status-update':
    case 'acknowledge':
    case 'verify':
    case 'resolve':
    case 'finish':
    case 'postmortem':
      return null;
    case 'rate-alert':
      return null;
    case 'assign-role':
      return responderReady(command.responder, '');
    case 'hand-off': {
      const holder = ctx.roles[command.role];
      if (!holder) return `nobody holds the ${command.role} role yet: assign it instead`;
      if (holder === command.to) return `${findResponder(scenario, holder)?.name ?? holder} already holds the ${command.role} role`;
      return responderReady(command.to, '');
    }
    case 'escalate': {
      const r = findResponder(scenario, command.to);
      if (!r) return `"${command.to}" is not on this incident's roster`;
      if (isPresent(ctx, command.to)) return `${r.name} is already in the incident`;
      if (command.to in ctx.paged) return `${r.name} has already been paged`;
      return null;
    }
    case 'diagnose':
    case 'apply': {
      const action = command.type === 'diagnose' ? findDiagnosis(scenario, command.action) : findResolution(scenario, command.action);
      if (!action) return `there is no ${command.type === 'diagnose' ? 'diagnosis step' : 'resolution action'} "${command.action}"`;
      if (command.action in ctx.inProgress) return `"${action.label}" is already under way`;
      if (command.action in ctx.completed) return `"${action.label}" has already been done`;
      const missing = action.requires.filter((id) => !(id in ctx.completed));
      if (missing.length > 0) {
        return `"${action.label}" needs ${missing.map((id) => `"${findAction(scenario, id)?.label ?? id}"`).join(' and ')} first`;
      }
      const notReady = responderReady(command.performer, 'perform');
      if (notReady) return notReady;
      const performer = findResponder(scenario, command.performer)!;
      if (action.skills.length > 0 && !action.skills.some((s) => performer.skills.includes(s))) {
        return `${performer.name} lacks the skills for "${action.label}" (needs ${action.skills.join(' or ')})`;
      }
      return null;
    }
    case 'respond': {
      const inject = scenario.injects.find((i) => i.id === command.inject);
      if (!inject || !(command.inject in ctx.fired)) return `there is no message "${command.inject}" to answer`;
      if (!(command.inject in ctx.open)) return `"${command.inject}" does not need an answer, or has one already`;
      return null;
    }
    case 'triage-alert':
      return scenario.alertQueue.some((a) => a.id === command.alert) ? null : `there is no alert "${command.alert}" in the queue`;
    case 'update-runbook':
      // An unknown id writes a new runbook: the incident may show that one is missing altogether.
      return command.text.trim() === '' ? 'the runbook change is empty' : null;
  }
}

const ANYTIME: Command['type'][] = ['declare-severity', 'assign-role', 'hand-off', 'escalate', 'announce', 'status-update', 'respond', 'rate-alert', 'update-runbook', 'triage-alert'];

/**
 * The commands each phase accepts, mirroring the machine's transitions, so panels can offer only what is possible
 * (the engine still checks every command it receives).
 */
export function commandsForPhase(phase: string): ReadonlySet<Command['type']> {
  switch (phase) {
    case 'paged':
      return new Set(['acknowledge']);
    case 'acknowledged':
    case 'triaged':
    case 'commanded':
    case 'diagnosing':
    case 'mitigating':
    case 'verifying':
      return new Set([...ANYTIME, 'diagnose', 'apply', 'verify', 'resolve']);
    case 'resolved':
      return new Set([...ANYTIME, 'postmortem']);
    case 'postmortem':
      return new Set([...ANYTIME, 'postmortem', 'finish']);
    default:
      return new Set();
  }
}

/** Why a command cannot be taken in the current phase (the machine has no transition for it there). */
export function phaseReason(phase: string, command: Command, ctx: RunContext): string {
  if (phase === 'debriefed') return 'the drill is over';
  if (phase === 'paged') return command.type === 'acknowledge' ? 'the page cannot be acknowledged now' : 'acknowledge the page first';
  if (ctx.timeLimitReached && ctx.resolvedAt === null) {
    return command.type === 'postmortem' || command.type === 'finish' ? 'save the postmortem first' : 'the time limit has passed: the incident went to the next shift; write the postmortem';
  }
  if (command.type === 'acknowledge') return 'the page has already been acknowledged';
  if (phase === 'resolved' && command.type === 'finish') return 'save the postmortem first (even a short one): the debrief grades it';
  if (phase === 'resolved' || phase === 'postmortem') {
    if (command.type === 'resolve') return 'the incident is already resolved';
    return `the incident is resolved: "${command.type}" is no longer possible`;
  }
  if (command.type === 'postmortem' || command.type === 'finish') return 'resolve the incident first';
  return `"${command.type}" is not possible while ${phase}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Applying commands (already checked)

export function applyCommand(step: Step, by: string, command: Command): void {
  const { ctx, scenario, now } = step;
  switch (command.type) {
    case 'acknowledge':
      ctx.acknowledgedAt = now;
      step.emit({ type: 'page.acknowledged', by });
      step.meetDeadline('acknowledge');
      return;
    case 'declare-severity': {
      const previous = ctx.severity;
      ctx.severity = command.severity;
      step.emit({ type: 'severity.declared', severity: command.severity, previous });
      const response = RESPONSE_MINUTES[command.severity];
      if (response === null) step.meetDeadline('response');
      else if (!responseAssembled(ctx)) step.setDeadline('response', `${command.severity} response: commander named and first update sent`, Math.max(now, response));
      return;
    }
    case 'assign-role':
    case 'hand-off': {
      const responder = command.type === 'assign-role' ? command.responder : command.to;
      const previous = ctx.roles[command.role] ?? null;
      ctx.roles = { ...ctx.roles, [command.role]: responder };
      step.emit({ type: 'role.assigned', role: command.role, responder, previous, handOff: command.type === 'hand-off' });
      if (responseAssembled(ctx)) step.meetDeadline('response');
      return;
    }
    case 'escalate': {
      const responder = findResponder(scenario, command.to)!;
      const joinsAt = now + responder.joinMinutes;
      ctx.paged = { ...ctx.paged, [responder.id]: joinsAt };
      step.emit({ type: 'responder.paged', responder: responder.id, joinsAt });
      step.later({ type: 'responder.join', responder: responder.id }, joinsAt, `join:${responder.id}`);
      return;
    }
    case 'diagnose':
    case 'apply': {
      const action = findAction(scenario, command.action)!;
      const kind: ActionKind = command.type === 'diagnose' ? 'diagnosis' : 'resolution';
      const until = now + step.span(action.minutes);
      ctx.inProgress = { ...ctx.inProgress, [action.id]: { performer: command.performer, until, kind } };
      ctx.busy = { ...ctx.busy, [command.performer]: action.id };
      step.emit({ type: 'action.started', action: action.id, kind, performer: command.performer, until });
      step.later({ type: 'action.done', action: action.id }, until, `action:${action.id}`);
      return;
    }
    case 'status-update': {
      ctx.updates += 1;
      ctx.lastUpdateAt = now;
      const promised = parseStatusUpdate(command.text).nextUpdateMinutes;
      const nextUpdateDueAt = promised !== null && promised > 0 ? now + promised : null;
      step.emit({ type: 'status-update.sent', number: ctx.updates, nextUpdateDueAt });
      step.meetDeadline('next-update');
      if (nextUpdateDueAt !== null) step.setDeadline('next-update', `Status update #${ctx.updates + 1} promised`, nextUpdateDueAt);
      if (responseAssembled(ctx)) step.meetDeadline('response');
      return;
    }
    case 'respond': {
      const { [command.inject]: _answered, ...open } = ctx.open;
      ctx.open = open;
      step.emit({ type: 'inject.answered', inject: command.inject, by });
      step.meetDeadline(`inject:${command.inject}`);
      return;
    }
    case 'verify': {
      const result = verificationTruth(step, command.item);
      ctx.verification = { ...ctx.verification, [command.item]: { at: now, ok: result.ok } };
      step.emit({ type: 'verification.checked', item: command.item, ok: result.ok, detail: result.detail });
      return;
    }
    case 'resolve':
      ctx.resolvedAt = now;
      step.emit({ type: 'incident.resolved', impact: round(impactAt(ctx.impact, now)) });
      // Response and update deadlines belong to an open incident; questions asked still want answers.
      for (const id of Object.keys(ctx.deadlines)) if (!id.startsWith('inject:')) step.meetDeadline(id);
      return;
    case 'postmortem':
      ctx.postmortem = command.document;
      step.emit({ type: 'postmortem.saved' });
      return;
    case 'finish':
      // The drill is over: nothing is due any more.
      ctx.deadlines = {};
      step.emit({ type: 'drill.finished' });
      return;
    case 'announce':
    case 'rate-alert':
    case 'triage-alert':
    case 'update-runbook':
      // Journaled as commands; graded from the journal. Nothing in the world changes.
      return;
  }
}

const responseAssembled = (ctx: RunContext) => ctx.roles.commander !== undefined && ctx.updates > 0;

function verificationTruth(step: Step, item: VerificationItem): { ok: boolean; detail: string } {
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
      const describe = keyMetric ? `${keyMetric.label} is ${formatValue(metricLevelValue(keyMetric, ctx.variant, level), keyMetric.unit)}` : 'The key metrics';
      return recovered
        ? { ok: true, detail: `${describe}, back to normal.` }
        : { ok: false, detail: `${describe}, still far from normal.` };
    }
    case 'logs-stable': {
      const since = recoveredSince(ctx, now);
      const quiet = since === null ? 0 : Math.floor(now - since);
      if (since !== null && now - since >= LOGS_SETTLE_MINUTES) return { ok: true, detail: `Error logs have been quiet for ${quiet} minutes.` };
      if (since !== null) return { ok: false, detail: `Errors stopped only ${quiet < 1 ? 'moments' : `${quiet} minute${quiet === 1 ? '' : 's'}`} ago; wait for the logs to settle.` };
      return { ok: false, detail: 'Logs still show errors.' };
    }
    case 'stakeholders-notified': {
      const since = recoveredSince(ctx, now);
      return since !== null && ctx.lastUpdateAt !== null && ctx.lastUpdateAt >= since
        ? { ok: true, detail: 'Stakeholders have had an update since recovery.' }
        : { ok: false, detail: since === null ? 'The service has not recovered yet.' : 'No status update has gone out since recovery.' };
    }
  }
}

/** The minute impact last fell below the recovered level and stayed there, or null if it is not recovered now. */
export function recoveredSince(ctx: RunContext, now: number): number | null {
  if (impactAt(ctx.impact, now) >= RECOVERED_LEVEL) return null;
  for (let i = ctx.impact.length - 1; i >= 0; i--) {
    const change = ctx.impact[i]!;
    if (change.at > now) continue;
    if (change.level < RECOVERED_LEVEL) {
      const previous = i > 0 ? ctx.impact[i - 1]!.level : 0;
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

export function formatValue(value: number, unit: string): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
}

const round = (n: number) => Math.round(n * 100) / 100;

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
    if (inject.after?.action === actionId && !injectFor(inject, ctx.variant).skip) {
      step.later({ type: 'inject.fire', inject: inject.id }, now + inject.after.delay, `inject:${inject.id}`);
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
      ctx.worsened = 0;
      ctx.fixedAt = now;
      break;
    case 'mitigates':
      level = Math.min(current, effect.level ?? 0.25);
      ctx.mitigated = true;
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
  step.emit({ type: 'effect.landed', action: actionId, effect: effect.kind, impact: round(level) });
}

export function changeSeverity(step: Step, index: number): void {
  const change = step.scenario.severity.changes[index];
  if (!change || (change.unlessMitigated && step.ctx.mitigated)) return;
  step.ctx.trueSeverity = change.to;
  const level = change.impact + step.ctx.worsened;
  step.setImpact(level);
  step.emit({ type: 'impact.changed', impact: level, severity: change.to, reason: change.reason });
}

export function fireInject(step: Step, injectId: string): void {
  const { ctx, scenario, now } = step;
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject || injectId in ctx.fired) return;
  const { message } = injectFor(inject, ctx.variant);
  ctx.fired = { ...ctx.fired, [injectId]: now };
  const respondBy = inject.respondWithin !== undefined ? now + inject.respondWithin : null;
  step.emit({ type: 'inject.fired', inject: injectId, kind: inject.kind, from: inject.from ?? null, message, respondBy });
  if (respondBy !== null) {
    ctx.open = { ...ctx.open, [injectId]: true };
    const from = inject.from ? scenario.roster.stakeholders.find((s) => s.id === inject.from)?.name ?? inject.from : 'someone';
    step.setDeadline(`inject:${injectId}`, `Answer ${from}`, respondBy);
  }
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
  step.emit({ type: 'incident.resurfaced', reason: 'Errors are climbing again: the incident was resolved before recovery was verified.' });
}

export const impactPersists = (ctx: RunContext, now: number) => impactAt(ctx.impact, now) >= RECOVERED_LEVEL;
