/**
 * The incident lifecycle as an XState machine: which commands each state accepts and where they lead, built from the
 * command registry. The machine holds no timers: every timer is data in the context (`ctx.timers`), fired in order
 * by the run as time moves, so a run's whole state is a plain value that can be copied, stored and restored
 * (delayed events held inside an actor are lost on restore: statelyai/xstate#5331).
 */
import { assign, setup, type SnapshotFrom, type StateValue } from 'xstate';
import { COMMANDS, REGISTRY, type Command, type CommandOf, type CommandType } from '../commands/registry';
import type { Acceptance } from '../commands/define';
import type { GameEvent, Phase } from '../events';
import {
  changeSeverity,
  completeAction,
  deadlineDue,
  fireInject,
  impactPersists,
  initialContext,
  joinResponder,
  landEffect,
  resurface,
  startRun,
  Step,
  timeLimit,
  type RunContext,
  type RunSetup,
  type TimerEvent,
} from '../rules';
import type { Scenario } from '../scenario/schema';
import { commandAllowed } from './authority';
import { LIFECYCLE_STATES, type LifecycleState } from './states';

/** A player's command as the machine receives it, stamped with its minute and issuer. */
export type CommandEvent = { type: CommandType; by: string; command: Command; at: number };
/** A timer falling due, stamped with its minute and id. */
export type TimerFired = TimerEvent & { timer: string; at: number };
export type MachineEvent = CommandEvent | TimerFired;
export type MachineInput = RunSetup;
/**
 * The machine's context holds the world under one key: XState copies a context key by key on every assign, and the
 * world has dozens of keys, while the rules already make the world's next value themselves.
 */
export interface LifecycleContext {
  world: RunContext;
}


const compiled = new WeakMap<Scenario, IncidentMachine>();
const journals = new WeakMap<IncidentMachine, GameEvent[]>();

/** The machine for a scenario, compiled once and shared by every run of it: the machine reads no clock. */
export function compileScenario(scenario: Scenario): IncidentMachine {
  const cached = compiled.get(scenario);
  if (cached) return cached;
  const emitted: GameEvent[] = [];
  const machine = buildMachine(scenario, emitted);
  compiled.set(scenario, machine);
  journals.set(machine, emitted);
  return machine;
}

export type IncidentMachine = ReturnType<typeof buildMachine>;

/**
 * Where a machine's rules put the events they journal during a step; the stepper empties it after each step.
 * (XState's `emit` inside `enqueueActions` does the same job at four times the cost per step, and the engine steps
 * the machine for every command and timer.)
 */
export function eventsOf(machine: IncidentMachine): GameEvent[] {
  return journals.get(machine)!;
}

/** The transitions a lifecycle state takes on commands, from each command's `accepted` list. */
function commandTransitions(state: LifecycleState) {
  const on: Partial<Record<CommandType, Array<{ guard: 'commandAllowed' | 'finishingWhileFailing'; actions: Array<'applyCommand' | 'resurface'>; target?: string }>>> = {};
  for (const definition of Object.values(COMMANDS)) {
    const accepted: readonly Acceptance[] = definition.accepted;
    for (const acceptance of accepted) {
      if (acceptance.in !== state) continue;
      const transitions = (on[definition.type] ??= []);
      transitions.push({
        guard: acceptance.guard ?? 'commandAllowed',
        actions: acceptance.then ? ['applyCommand', acceptance.then] : ['applyCommand'],
        ...(acceptance.target ? { target: LIFECYCLE_STATES[acceptance.target] } : {}),
      });
    }
  }
  return on;
}

function buildMachine(scenario: Scenario, emitted: GameEvent[]) {
  /** Runs one rule on a copy of the context: returns the next context and collects what the rule journals. */
  const apply = ({ world }: LifecycleContext, event: MachineEvent | undefined, now: number, rule: (step: Step) => void): LifecycleContext => {
    const step = new Step(world, scenario, now);
    // A timer's own event removes it from the pending list, whichever rule handles it.
    if (event && 'timer' in event) step.cancel(event.timer);
    rule(step);
    emitted.push(...step.events);
    return { world: step.ctx };
  };
  const allowed = ({ world }: LifecycleContext, event: MachineEvent) => 'command' in event && commandAllowed(scenario, world, event.by, event.command, event.at) === null;

  return setup({
    types: {} as { context: LifecycleContext; events: MachineEvent; input: MachineInput },
    actions: {
      startRun: assign(({ context }) => apply(context, undefined, 0, startRun)),
      applyCommand: assign(({ context, event }) => ('command' in event ? apply(context, event, event.at, (step) => applyCommand(step, event.by, event.command)) : context)),
      resurface: assign(({ context, event }) => apply(context, event, event.at, resurface)),
      timeLimit: assign(({ context, event }) => apply(context, event, event.at, timeLimit)),
      /** Fires a timer whose event no state acts on now: it is simply spent. */
      dropTimer: assign(({ context, event }) => apply(context, event, event.at, () => {})),
      worldMoves: assign(({ context, event }) => {
        if (!('timer' in event)) return context;
        return apply(context, event, event.at, (step) => {
          switch (event.type) {
            case 'action.done': return completeAction(step, event.action);
            case 'effect.land': return landEffect(step, event.action);
            case 'responder.join': return joinResponder(step, event.responder);
            case 'inject.fire': return fireInject(step, event.inject);
            case 'severity.change': return changeSeverity(step, event.index);
            case 'deadline.due': return deadlineDue(step, event.deadline);
            case 'resurface.check':
            case 'drill.end':
              return;
          }
        });
      }),
    },
    guards: {
      commandAllowed: ({ context, event }) => allowed(context, event),
      severityDeclared: ({ context }) => context.world.severity !== null,
      commanderAssigned: ({ context }) => context.world.roles.commander !== undefined,
      // A premature resolution resurfaces if the service still fails when the check falls due.
      impactPersists: ({ context: { world }, event }) => !world.timeLimitReached && impactPersists(world, event.at),
      finishingWhileFailing: ({ context, event }) => allowed(context, event) && !context.world.timeLimitReached && impactPersists(context.world, event.at),
      // The time limit sends an unfinished incident to the postmortem; a resolved one is left where it is.
      stillResponding: ({ context }) => context.world.resolvedAt === null,
    },
  }).createMachine({
    id: 'incident',
    context: ({ input }) => ({ world: initialContext(scenario, input) }),
    entry: 'startRun',
    on: {
      'action.done': { actions: 'worldMoves' },
      'effect.land': { actions: 'worldMoves' },
      'responder.join': { actions: 'worldMoves' },
      'inject.fire': { actions: 'worldMoves' },
      'severity.change': { actions: 'worldMoves' },
      'deadline.due': { actions: 'worldMoves' },
      'resurface.check': { actions: 'dropTimer' },
      'drill.end': [{ guard: 'stillResponding', target: '#incident.active.closed.postmortem', actions: 'timeLimit' }, { actions: 'dropTimer' }],
    },
    initial: 'paged',
    states: {
      paged: { on: commandTransitions('paged') },
      active: {
        initial: 'working',
        on: commandTransitions('active'),
        states: {
          working: {
            initial: 'acknowledged',
            on: commandTransitions('working'),
            states: {
              acknowledged: { always: { guard: 'severityDeclared', target: 'triaged' }, on: commandTransitions('acknowledged') },
              triaged: { always: { guard: 'commanderAssigned', target: 'commanded' }, on: commandTransitions('triaged') },
              commanded: { on: commandTransitions('commanded') },
              diagnosing: { on: commandTransitions('diagnosing') },
              mitigating: { on: commandTransitions('mitigating') },
              verifying: { on: commandTransitions('verifying') },
            },
          },
          closed: {
            initial: 'resolved',
            on: {
              ...commandTransitions('closed'),
              'resurface.check': { guard: 'impactPersists', target: '#incident.active.working.diagnosing', actions: 'resurface' },
            },
            states: {
              resolved: { on: commandTransitions('resolved') },
              postmortem: { on: commandTransitions('postmortem') },
            },
          },
        },
      },
      debriefed: { type: 'final' },
    },
  });
}

/** Applies a checked command through its own definition. */
function applyCommand<T extends CommandType>(step: Step, by: string, command: CommandOf<T>): void {
  REGISTRY[command.type].apply(step, by, command);
}

const acceptedByPhase = new WeakMap<IncidentMachine, Map<Phase, ReadonlySet<string>>>();

/** The events the lifecycle has transitions for in a snapshot's state (guards aside), cached per phase. */
export function acceptedEvents(machine: IncidentMachine, snapshot: SnapshotFrom<IncidentMachine>): ReadonlySet<string> {
  let byPhase = acceptedByPhase.get(machine);
  if (!byPhase) acceptedByPhase.set(machine, (byPhase = new Map()));
  const phase = phaseOf(snapshot.value);
  let accepted = byPhase.get(phase);
  if (!accepted) byPhase.set(phase, (accepted = new Set(snapshot._nodes.flatMap((node) => node.ownEvents))));
  return accepted;
}

/** The lifecycle phase a machine state value stands for. */
export function phaseOf(value: StateValue): Phase {
  if (typeof value === 'string') return value === 'active' ? 'acknowledged' : (value as Phase);
  const active = value.active;
  if (typeof active === 'object' && active !== null) {
    const { working, closed } = active;
    if (typeof working === 'string') return working as Phase;
    if (typeof closed === 'string') return closed as Phase;
  }
  return 'paged';
}
