/**
 * Explores the states a scenario can reach, to prove it sound: every reachable state can still reach the debrief,
 * and every action, inject and variant can happen.
 *
 * The exploration abstracts what does not matter for those proofs, so that it ends:
 * - moves are the commands that change the world's course: acknowledge, declare the true severity, name the
 *   commander, page someone whose skills are needed, start a ready action (with the first free, skilled performer)
 *   and wait until it completes (and, for a fix, until its effect shows), resolve, save a postmortem, finish, or
 *   wait for the next scheduled event; status updates, answers and checks only close deadlines, so they are left out;
 * - each move starts from a copy of its state (`Run.fork()`), never from a replay of the path to it;
 * - two states are the same when their canonical key is: the phase, what is declared, who is present or on the way,
 *   which actions are done, which injects have fired, the impact, resolution and postmortem flags. Time is not
 *   in the key (it only ever moves forward, and the time limit always ends a drill), so paths reaching the same
 *   situation at different minutes are merged; the shortest and longest path in game minutes are kept.
 */
import type { Command } from './commands/registry';
import { createRun, peekContext, type Run } from './run';
import type { RunContext } from './rules';
import type { Scenario } from './scenario/schema';
import { playerSeat } from './seats';
import { actionViews } from './view';

export interface ExploreOptions {
  seed: string;
  maxStates: number;
}

export interface Exploration {
  seed: string;
  variant: string;
  states: number;
  truncated: boolean;
  /** States from which no explored path reaches the debrief, described in words. */
  deadEnds: string[];
  actionsStarted: Set<string>;
  injectsFired: Set<string>;
  shortestMinutes: number | null;
  longestMinutes: number | null;
  /** The earliest minute any explored path had a fix or mitigation land, or null when none did. */
  fastestMitigationMinutes: number | null;
}

interface Node {
  key: string;
  children: Set<string>;
  debriefAt: number | null;
  /** The state itself while it waits to be expanded (copied from its parent, never replayed). */
  run: Run | null;
}

/**
 * The canonical state: what the proofs care about. Only completed actions that change what can happen next are in
 * it: prerequisites of other actions, triggers of injects, and every resolution action (they change the impact and
 * cannot be repeated). Its string is the key states are merged by; `describeState` words it for people.
 */
interface CanonicalState {
  phase: string;
  acknowledged: boolean;
  severity: string | null;
  commander: boolean;
  /** Responders in the incident or on their way. */
  people: number;
  done: string[];
  impact: string;
  fixed: boolean;
  resolved: boolean;
  postmortem: boolean;
  late: boolean;
}

function canonicalState(run: Run, c: Readonly<RunContext>, relevant: Set<string>): CanonicalState {
  return {
    phase: run.phase(),
    acknowledged: c.acknowledgedAt !== null,
    severity: c.severity,
    commander: c.roles.commander !== undefined,
    people: Object.keys(c.joined).length + Object.keys(c.paged).length,
    done: Object.keys(c.completed).filter((id) => relevant.has(id)).sort(),
    impact: c.impact[c.impact.length - 1]!.level.toFixed(2),
    fixed: c.fixedAt !== null,
    resolved: c.resolvedAt !== null,
    postmortem: c.postmortem !== null,
    late: c.timeLimitReached,
  };
}

const keyOf = (s: CanonicalState) =>
  [s.phase, s.acknowledged, s.severity, s.commander, s.people, s.done.join(','), s.impact, s.fixed, s.resolved, s.postmortem, s.late].join('|');

/** "(phase diagnosing, acknowledged, SEV2, commander named, done: a,b, impact 1.00)" */
export function describeState(s: CanonicalState): string {
  const parts = [
    `phase ${s.phase}`,
    s.acknowledged ? 'acknowledged' : 'not acknowledged',
    s.severity ?? 'no severity',
    s.commander ? 'commander named' : 'no commander',
    s.done.length > 0 ? `done: ${s.done.join(',')}` : 'nothing done',
    `impact ${s.impact}`,
    s.fixed ? 'fixed' : '',
    s.resolved ? 'resolved' : '',
    s.postmortem ? 'postmortem saved' : '',
    s.late ? 'past the time limit' : '',
  ];
  return `(${parts.filter(Boolean).join(', ')})`;
}

const POSTMORTEM: Command = { type: 'postmortem', document: { summary: 'explored', impact: '', timeline: '', rootCause: '', wentWell: '', needsImprovement: '', actionItems: [] } };

/** The moves worth exploring from a state, each as the commands to issue now (then time moves on). */
function moves(scenario: Scenario, run: Run, context: Readonly<RunContext>): Array<{ commands: Command[]; waitFor: string | null }> {
  const player = scenario.roster.onCall.primary;
  const available = new Set(run.available(playerSeat(player)));
  const out: Array<{ commands: Command[]; waitFor: string | null }> = [];
  // Taking charge (acknowledge, declare, name the commander, page whoever brings a missing skill) commutes with
  // everything else, so it is one move rather than every interleaving of its parts.
  const charge: Command[] = [];
  if (available.has('acknowledge')) charge.push({ type: 'acknowledge' });
  else if (context.acknowledgedAt !== null) {
    if (context.severity === null) charge.push({ type: 'declare-severity', severity: scenario.severity.true });
    if (!context.roles.commander) charge.push({ type: 'assign-role', role: 'commander', responder: player });
    const reached = (id: string) => id in context.joined || id in context.paged;
    const presentSkills = new Set(scenario.roster.responders.filter((r) => reached(r.id)).flatMap((r) => r.skills));
    for (const r of scenario.roster.responders.filter((p) => !reached(p.id))) {
      if (r.skills.some((s) => !presentSkills.has(s))) {
        charge.push({ type: 'escalate', to: r.id });
        r.skills.forEach((s) => presentSkills.add(s));
      }
    }
  }
  if (charge.length > 0 && run.phase() !== 'resolved' && run.phase() !== 'postmortem') out.push({ commands: charge, waitFor: null });
  for (const action of actionViews(scenario, context)) {
    if (action.status !== 'ready' || action.eligible.length === 0) continue;
    const type = action.kind === 'diagnosis' ? 'diagnose' : 'apply';
    if (!available.has(type)) continue;
    out.push({ commands: [{ type, action: action.id, performer: action.eligible[0]! }], waitFor: action.id });
  }
  if (available.has('resolve')) out.push({ commands: [{ type: 'resolve' }], waitFor: null });
  // Saving the postmortem again is how a re-resolved incident (it resurfaced after a first postmortem) moves on.
  if (available.has('postmortem') && (context.postmortem === null || run.phase() === 'resolved')) out.push({ commands: [POSTMORTEM], waitFor: null });
  if (available.has('finish')) out.push({ commands: [{ type: 'finish' }], waitFor: null });
  return out;
}

/**
 * Moves time until an action (and a fix's effect) is done, or, for a plain wait, until something in the state's
 * key changes (time alone is not a new state) or the drill's time limit passes. Each step goes to the next timer,
 * so a wait never spins: when nothing is pending, the clock jumps to the limit.
 */
function waitOn(run: Run, actionId: string | null, key: () => string): void {
  const limit = run.scenario.durationMinutes + 1;
  const settled = () => {
    const c = peekContext(run);
    return actionId !== null && actionId in c.completed && !c.timers.some((t) => t.event.type === 'effect.land' && t.event.action === actionId);
  };
  const before = actionId === null ? key() : '';
  while (!run.isOver() && run.now() < limit) {
    if (actionId === null ? key() !== before : settled()) return;
    const next = run.nextEventAt();
    run.advanceTo(next === undefined ? limit : Math.min(Math.max(next, run.now()), limit));
  }
}

export function explore(scenario: Scenario, options: ExploreOptions): Exploration {
  const start = createRun({ scenario, seed: options.seed });
  const variant = peekContext(start).variant;
  const nodes = new Map<string, Node>();
  const states = new Map<string, CanonicalState>();
  const queue: string[] = [];
  const actionsStarted = new Set<string>();
  const injectsFired = new Set<string>();
  // Completed actions that shape the future: prerequisites, inject triggers, and every resolution action.
  const relevant = new Set<string>([...scenario.resolution.map((a) => a.id), ...[...scenario.diagnosis, ...scenario.resolution].flatMap((a) => a.requires), ...scenario.injects.flatMap((i) => (i.after ? [i.after.action] : []))]);
  const stateOf = (run: Run) => canonicalState(run, peekContext(run), relevant);
  let fastestMitigation: number | null = null;
  const visit = (run: Run): string => {
    const c = peekContext(run);
    const mitigatedAt = c.mitigatedAt;
    if (mitigatedAt !== null && (fastestMitigation === null || mitigatedAt < fastestMitigation)) fastestMitigation = mitigatedAt;
    const state = canonicalState(run, c, relevant);
    const key = keyOf(state);
    for (const id of Object.keys(c.completed)) actionsStarted.add(id);
    for (const id of Object.keys(c.inProgress)) actionsStarted.add(id);
    for (const id of Object.keys(c.fired)) injectsFired.add(id);
    const existing = nodes.get(key);
    const debriefAt = run.phase() === 'debriefed' ? run.now() : null;
    if (existing) {
      if (debriefAt !== null && (existing.debriefAt === null || debriefAt < existing.debriefAt)) existing.debriefAt = debriefAt;
      return key;
    }
    nodes.set(key, { key, children: new Set(), debriefAt, run });
    states.set(key, state);
    queue.push(key);
    return key;
  };
  visit(start);
  let truncated = false;
  let longest: number | null = null;
  let shortest: number | null = null;
  const expanded = new Set<string>();

  for (let head = 0; head < queue.length; head++) {
    if (nodes.size > options.maxStates) {
      truncated = true;
      break;
    }
    const node = nodes.get(queue[head]!)!;
    expanded.add(node.key);
    const run = node.run!;
    node.run = null;
    if (run.phase() === 'debriefed') continue;
    const by = scenario.roster.onCall.primary;
    const options_ = [...moves(scenario, run, peekContext(run)), { commands: [] as Command[], waitFor: '__wait__' }];
    for (const [index, move] of options_.entries()) {
      // Every move starts from a copy of the state; the last may use the state's own run.
      const child = index === options_.length - 1 ? run : run.fork();
      for (const command of move.commands) child.send(by, command);
      const keyNow = () => keyOf(stateOf(child));
      if (move.waitFor === '__wait__') waitOn(child, null, keyNow);
      else if (move.waitFor) waitOn(child, move.waitFor, keyNow);
      const key = visit(child);
      if (key !== node.key) node.children.add(key);
      if (child.phase() === 'debriefed') {
        shortest = shortest === null ? child.now() : Math.min(shortest, child.now());
        longest = longest === null ? child.now() : Math.max(longest, child.now());
      }
    }
  }

  // Which states can reach the debrief, following explored moves backwards.
  const parents = new Map<string, string[]>();
  for (const node of nodes.values()) for (const child of node.children) parents.set(child, [...(parents.get(child) ?? []), node.key]);
  const reaches = new Set([...nodes.values()].filter((n) => n.debriefAt !== null || states.get(n.key)!.phase === 'debriefed').map((n) => n.key));
  const frontier = [...reaches];
  while (frontier.length > 0) {
    for (const parent of parents.get(frontier.pop()!) ?? []) {
      if (reaches.has(parent)) continue;
      reaches.add(parent);
      frontier.push(parent);
    }
  }
  const deadEnds = truncated ? [] : [...nodes.values()].filter((n) => expanded.has(n.key) && !reaches.has(n.key)).map((n) => describeState(states.get(n.key)!));
  return { seed: options.seed, variant, states: nodes.size, truncated, deadEnds, actionsStarted, injectsFired, shortestMinutes: shortest, longestMinutes: longest, fastestMitigationMinutes: fastestMitigation };
}

/** A seed that draws each variant, trying seeds in order. */
export function seedsPerVariant(scenario: Scenario, tries = 500): Map<string, string> {
  const found = new Map<string, string>();
  for (let seed = 1; seed <= tries && found.size < scenario.variants.length; seed++) {
    const variant = peekContext(createRun({ scenario, seed })).variant;
    if (!found.has(variant)) found.set(variant, String(seed));
  }
  return found;
}
