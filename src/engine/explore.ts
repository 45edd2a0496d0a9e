/**
 * Explores the states a scenario can reach, to prove it sound: every reachable state can still reach the debrief,
 * and every action, inject and variant can happen.
 *
 * The exploration abstracts what does not matter for those proofs, so that it ends:
 * - moves are the commands that change the world's course: acknowledge, declare the true severity, name the
 *   commander, page someone whose skills are needed, start a ready action (with the first free, skilled performer)
 *   and wait until it completes (and, for a fix, until its effect shows), resolve, save a postmortem, finish, or
 *   wait for the next scheduled event; status updates, answers and checks only close deadlines, so they are left out;
 * - two states are the same when their canonical key is: the phase, what is declared, who is present or on the way,
 *   which actions are done, which injects have fired, the impact, resolution and postmortem flags. Time is not
 *   in the key (it only ever moves forward, and the time limit always ends a drill), so paths reaching the same
 *   situation at different minutes are merged; the shortest and longest path in game minutes are kept.
 */
import type { Command } from './commands';
import { createRun, replay, type Run } from './run';
import type { ScriptEntry } from './commands';
import type { Scenario } from './scenario/schema';

export interface ExploreOptions {
  seed: string;
  maxStates: number;
}

export interface Exploration {
  seed: string;
  variant: string;
  states: number;
  truncated: boolean;
  /** Keys of explored states from which no explored path reaches the debrief. */
  deadEnds: string[];
  actionsStarted: Set<string>;
  injectsFired: Set<string>;
  shortestMinutes: number | null;
  longestMinutes: number | null;
}

interface Node {
  commands: ScriptEntry[];
  minute: number;
  key: string;
  children: Set<string>;
  debriefAt: number | null;
  /** The run itself while the state waits to be expanded, so it need not be replayed again. */
  run: Run | null;
}

/**
 * The canonical key. Only completed actions that change what can happen next are in it: prerequisites of other
 * actions, triggers of injects, and every resolution action (they change the impact and cannot be repeated).
 */
function canonicalKey(run: Run, relevant: Set<string>): string {
  const c = run.context();
  return [
    run.phase(),
    c.acknowledgedAt === null ? '-' : 'ack',
    c.severity ?? '-',
    c.roles.commander ? 'ic' : '-',
    Object.keys(c.joined).length + Object.keys(c.paged).length,
    Object.keys(c.completed).filter((id) => relevant.has(id)).sort().join(','),
    c.impact[c.impact.length - 1]!.level.toFixed(2),
    c.fixedAt === null ? '-' : 'fixed',
    c.resolvedAt === null ? '-' : 'resolved',
    c.postmortem === null ? '-' : 'pm',
    c.timeLimitReached ? 'late' : '-',
  ].join('|');
}

const POSTMORTEM: Command = { type: 'postmortem', document: { summary: 'explored', impact: '', timeline: '', rootCause: '', wentWell: '', needsImprovement: '', actionItems: [] } };

/** The moves worth exploring from a state, each as the commands to issue now (then time moves on). */
function moves(scenario: Scenario, run: Run): Array<{ commands: Command[]; waitFor: string | null }> {
  const view = run.view();
  const available = new Set(view.available);
  const out: Array<{ commands: Command[]; waitFor: string | null }> = [];
  const context = run.context();
  // Taking charge (acknowledge, declare, name the commander, page whoever brings a missing skill) commutes with
  // everything else, so it is one move rather than every interleaving of its parts.
  const charge: Command[] = [];
  if (available.has('acknowledge')) charge.push({ type: 'acknowledge' });
  else if (context.acknowledgedAt !== null) {
    if (context.severity === null) charge.push({ type: 'declare-severity', severity: scenario.severity.true });
    if (!context.roles.commander) charge.push({ type: 'assign-role', role: 'commander', responder: scenario.roster.onCall.primary });
    const presentSkills = new Set(view.responders.filter((r) => r.status !== 'not-paged').flatMap((r) => r.skills));
    for (const r of view.responders.filter((p) => p.status === 'not-paged')) {
      if (r.skills.some((s) => !presentSkills.has(s))) {
        charge.push({ type: 'escalate', to: r.id });
        r.skills.forEach((s) => presentSkills.add(s));
      }
    }
  }
  if (charge.length > 0 && run.phase() !== 'resolved' && run.phase() !== 'postmortem') out.push({ commands: charge, waitFor: null });
  for (const action of view.actions) {
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

/** Plays a path from the start: the same commands at the same minutes always give the same state. */
function materialize(scenario: Scenario, seed: string, commands: ScriptEntry[], minute: number): Run {
  return commands.length === 0 ? advanced(createRun({ scenario, seed }), minute) : replay(scenario, seed, commands, minute);
}

function advanced(run: Run, minute: number): Run {
  run.advanceTo(minute);
  return run;
}

/**
 * Moves time until an action (and a fix's effect) is done, or, for a plain wait, until something in the state's
 * key changes (time alone is not a new state) or the drill's time limit passes.
 */
function waitOn(run: Run, actionId: string | null, key: () => string): void {
  const limit = run.scenario.durationMinutes + 1;
  if (actionId === null) {
    const before = key();
    while (!run.isOver() && run.now() < limit && key() === before) run.advanceToNextEvent(60);
    return;
  }
  const effectPending = () => run.journal().some((e) => e.kind === 'event' && e.event.type === 'action.completed' && e.event.action === actionId) && !run.journal().some((e) => e.kind === 'event' && e.event.type === 'effect.landed' && e.event.action === actionId);
  const isResolution = run.scenario.resolution.some((a) => a.id === actionId);
  while (!run.isOver() && run.now() < limit) {
    const done = actionId in run.context().completed;
    if (done && !(isResolution && effectPending())) return;
    run.advanceToNextEvent(60);
  }
}

export function explore(scenario: Scenario, options: ExploreOptions): Exploration {
  const start = createRun({ scenario, seed: options.seed });
  const variant = start.context().variant;
  const nodes = new Map<string, Node>();
  const queue: string[] = [];
  const actionsStarted = new Set<string>();
  const injectsFired = new Set<string>();
  // Completed actions that shape the future: prerequisites, inject triggers, and every resolution action.
  const relevant = new Set<string>([...scenario.resolution.map((a) => a.id), ...[...scenario.diagnosis, ...scenario.resolution].flatMap((a) => a.requires), ...scenario.injects.flatMap((i) => (i.after ? [i.after.action] : []))]);
  const visit = (run: Run, commands: ScriptEntry[]): string => {
    const key = canonicalKey(run, relevant);
    for (const id of Object.keys(run.context().completed)) actionsStarted.add(id);
    for (const id of Object.keys(run.context().inProgress)) actionsStarted.add(id);
    for (const id of Object.keys(run.context().fired)) injectsFired.add(id);
    const existing = nodes.get(key);
    const debriefAt = run.phase() === 'debriefed' ? run.now() : null;
    if (existing) {
      if (debriefAt !== null && (existing.debriefAt === null || debriefAt < existing.debriefAt)) existing.debriefAt = debriefAt;
      return key;
    }
    nodes.set(key, { commands, minute: run.now(), key, children: new Set(), debriefAt, run });
    queue.push(key);
    return key;
  };
  visit(start, []);
  let truncated = false;
  let longest: number | null = null;
  let shortest: number | null = null;

  while (queue.length > 0) {
    if (nodes.size > options.maxStates) {
      truncated = true;
      break;
    }
    const node = nodes.get(queue.shift()!)!;
    const run = node.run ?? materialize(scenario, options.seed, node.commands, node.minute);
    node.run = null;
    if (run.phase() === 'debriefed') continue;
    const by = scenario.roster.onCall.primary;
    const options_ = [...moves(scenario, run).map((m) => m), { commands: [] as Command[], waitFor: '__wait__' }];
    for (const [index, move] of options_.entries()) {
      // Every move but the last starts from a fresh copy of the state; the last may use the state's own run.
      const child = index === options_.length - 1 ? run : materialize(scenario, options.seed, node.commands, node.minute);
      const issued: ScriptEntry[] = move.commands.map((command) => ({ at: child.now(), by, command }));
      for (const entry of issued) child.send(entry.by, entry.command);
      const keyOf = () => canonicalKey(child, relevant);
      if (move.waitFor === '__wait__') waitOn(child, null, keyOf);
      else if (move.waitFor) waitOn(child, move.waitFor, keyOf);
      const key = visit(child, [...node.commands, ...issued]);
      if (key !== node.key) node.children.add(key);
      if (child.phase() === 'debriefed') {
        shortest = shortest === null ? child.now() : Math.min(shortest, child.now());
        longest = longest === null ? child.now() : Math.max(longest, child.now());
      }
    }
  }

  // Which states can reach the debrief, following explored moves backwards.
  const reaches = new Set([...nodes.values()].filter((n) => n.debriefAt !== null || n.key.startsWith('debriefed|')).map((n) => n.key));
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes.values()) {
      if (reaches.has(node.key)) continue;
      if ([...node.children].some((c) => reaches.has(c))) {
        reaches.add(node.key);
        changed = true;
      }
    }
  }
  const expanded = (n: Node) => !queue.includes(n.key);
  const deadEnds = truncated ? [] : [...nodes.values()].filter((n) => expanded(n) && !reaches.has(n.key)).map((n) => n.key);
  return { seed: options.seed, variant, states: nodes.size, truncated, deadEnds, actionsStarted, injectsFired, shortestMinutes: shortest, longestMinutes: longest };
}

/** A seed that draws each variant, trying seeds in order. */
export function seedsPerVariant(scenario: Scenario, tries = 500): Map<string, string> {
  const found = new Map<string, string>();
  for (let seed = 1; seed <= tries && found.size < scenario.variants.length; seed++) {
    const variant = createRun({ scenario, seed }).context().variant;
    if (!found.has(variant)) found.set(variant, String(seed));
  }
  return found;
}
