/**
 * Compiles a scenario into an XState machine. The machine is the incident's lifecycle (which commands are possible
 * when, and the timers of the world); the rules module says what each step does. Every action, guard and delay
 * the generated config names is checked to exist before the machine is built, because XState skips missing
 * implementations silently (statelyai/xstate#4297).
 */
import { enqueueActions, setup, type AnyStateMachine } from 'xstate';
import type { GameEvent, Phase } from './events';
import {
  applyCommand,
  changeSeverity,
  completeAction,
  deadlineDue,
  fireInject,
  impactPersists,
  initialContext,
  joinResponder,
  landEffect,
  resurface,
  RESURFACE_MINUTES,
  checkCommand,
  startRun,
  Step,
  type CommandEvent,
  type InternalEvent,
  type RunContext,
} from './rules';
import type { Scenario } from './scenario/schema';

export type MachineEvent = CommandEvent | InternalEvent;

export interface MachineInput {
  seed: string;
}

export class CompileError extends Error {
  constructor(readonly missing: string[]) {
    super(`the compiled machine names implementations that do not exist: ${missing.join(', ')}`);
    this.name = 'CompileError';
  }
}

type StepFn = (step: Step, event: MachineEvent, params: Record<string, unknown>) => void;
type Moment = (context: RunContext, event: MachineEvent, params: Record<string, unknown>) => number;

/** Commands and the rules' own timers carry their minute. */
const stamped: Moment = (_context, event) => (event as { at: number }).at;

const compiled = new WeakMap<Scenario, AnyStateMachine>();

/**
 * The machine for a scenario, compiled once and shared by every run of it: the machine reads no clock. Each rule
 * learns the minute it acts at from its event (commands and timers are stamped) or, for delayed transitions, from
 * the context that scheduled them.
 */
export function compileScenario(scenario: Scenario): AnyStateMachine {
  const cached = compiled.get(scenario);
  if (cached) return cached;
  const machine = buildMachine(scenario);
  compiled.set(scenario, machine);
  return machine;
}

function buildMachine(scenario: Scenario): AnyStateMachine {
  const resurfaceMinute = (context: RunContext) => (context.resolvedAt ?? 0) + RESURFACE_MINUTES;
  const rule = (fn: StepFn, moment: Moment = stamped) =>
    enqueueActions(({ context, event, enqueue }, params: Record<string, unknown> | undefined) => {
      const step = new Step(context as RunContext, scenario, moment(context as RunContext, event as MachineEvent, params ?? {}));
      fn(step, event as MachineEvent, params ?? {});
      enqueue.assign(step.ctx);
      for (const id of step.cancel) enqueue.cancel(id);
      for (const timer of step.schedule) enqueue.raise(timer.event, { delay: timer.delay, id: timer.id });
      for (const event of step.events) enqueue.emit(event);
    });
  const onCommand: StepFn = (step, event) => {
    const e = event as CommandEvent;
    applyCommand(step, e.by, e.command);
  };

  const implementations = {
    actions: {
      startRun: rule((step) => startRun(step), () => 0),
      applyCommand: rule(onCommand),
      completeAction: rule((step, e) => completeAction(step, (e as Extract<InternalEvent, { type: 'action.done' }>).action)),
      landEffect: rule((step, e) => landEffect(step, (e as Extract<InternalEvent, { type: 'effect.land' }>).action)),
      joinResponder: rule((step, e) => joinResponder(step, (e as Extract<InternalEvent, { type: 'responder.join' }>).responder)),
      fireTriggeredInject: rule((step, e) => fireInject(step, (e as Extract<InternalEvent, { type: 'inject.fire' }>).inject)),
      fireInject: rule((step, _e, params) => fireInject(step, String(params.inject)), (context, _e, params) => context.injectTimes[String(params.inject)]!),
      changeSeverity: rule((step, _e, params) => changeSeverity(step, Number(params.index)), (context, _e, params) => context.changeTimes[Number(params.index)]!),
      deadlineDue: rule((step, e) => deadlineDue(step, (e as Extract<InternalEvent, { type: 'deadline.due' }>).deadline)),
      resurface: rule((step) => resurface(step), (context, event) => ('at' in event ? event.at : resurfaceMinute(context))),
      timeLimit: rule(
        (step) => {
          step.ctx.timeLimitReached = true;
          step.emit({ type: 'drill.time-limit' });
        },
        () => scenario.durationMinutes,
      ),
    },
    guards: {
      commandAllowed: ({ context, event }: { context: RunContext; event: MachineEvent }) =>
        'command' in event && checkCommand(scenario, context, event.by, event.command, event.at) === null,
      severityDeclared: ({ context }: { context: RunContext }) => context.severity !== null,
      commanderAssigned: ({ context }: { context: RunContext }) => context.roles.commander !== undefined,
      // Guards the delayed resurfacing, which falls due a fixed time after the resolution.
      impactPersists: ({ context }: { context: RunContext }) => !context.timeLimitReached && impactPersists(context, resurfaceMinute(context)),
      finishingWhileFailing: ({ context, event }: { context: RunContext; event: MachineEvent }) =>
        'command' in event && checkCommand(scenario, context, event.by, event.command, event.at) === null && !context.timeLimitReached && impactPersists(context, event.at),
      // The time limit sends an unfinished incident to the postmortem; a resolved one is left where it is.
      stillResponding: ({ context }: { context: RunContext }) => context.resolvedAt === null,
      injectScheduled: ({ context }: { context: RunContext }, params: { inject: string }) => params.inject in context.injectTimes,
    },
    delays: {
      drillEnds: () => scenario.durationMinutes,
      resurfaceAfter: () => RESURFACE_MINUTES,
      ...Object.fromEntries(
        scenario.injects.map((inject) => [`inject:${inject.id}`, ({ context }: { context: RunContext }) => context.injectTimes[inject.id] ?? scenario.durationMinutes]),
      ),
      ...Object.fromEntries(scenario.severity.changes.map((_, index) => [`change:${index}`, ({ context }: { context: RunContext }) => context.changeTimes[index]!])),
    },
  };

  const command = (target?: string) => ({ guard: 'commandAllowed', actions: 'applyCommand', ...(target ? { target } : {}) });

  const rootAfter: Record<string, unknown> = {
    drillEnds: [
      { guard: 'stillResponding', target: '.active.closed.postmortem', actions: 'timeLimit' },
    ],
  };
  for (const inject of scenario.injects) {
    if (inject.after === undefined) {
      rootAfter[`inject:${inject.id}`] = {
        guard: { type: 'injectScheduled', params: { inject: inject.id } },
        actions: { type: 'fireInject', params: { inject: inject.id } },
      };
    }
  }
  scenario.severity.changes.forEach((_, index) => {
    rootAfter[`change:${index}`] = { actions: { type: 'changeSeverity', params: { index } } };
  });

  const config = {
    id: 'incident',
    context: ({ input }: { input: MachineInput }) => initialContext(scenario, input.seed),
    entry: 'startRun',
    after: rootAfter,
    on: {
      'action.done': { actions: 'completeAction' },
      'effect.land': { actions: 'landEffect' },
      'responder.join': { actions: 'joinResponder' },
      'inject.fire': { actions: 'fireTriggeredInject' },
      'deadline.due': { actions: 'deadlineDue' },
    },
    initial: 'paged',
    states: {
      paged: {
        on: { acknowledge: command('active') },
      },
      active: {
        initial: 'working',
        on: {
          'declare-severity': command(),
          'assign-role': command(),
          'hand-off': command(),
          escalate: command(),
          announce: command(),
          'status-update': command(),
          respond: command(),
          'rate-alert': command(),
          'update-runbook': command(),
          'triage-alert': command(),
        },
        states: {
          working: {
            initial: 'acknowledged',
            on: {
              diagnose: command('.diagnosing'),
              apply: command('.mitigating'),
              verify: command('.verifying'),
              resolve: command('#incident.active.closed'),
            },
            states: {
              acknowledged: { always: { guard: 'severityDeclared', target: 'triaged' } },
              triaged: { always: { guard: 'commanderAssigned', target: 'commanded' } },
              commanded: {},
              diagnosing: {},
              // A fix is in flight: further diagnosis runs alongside it.
              mitigating: { on: { diagnose: command() } },
              verifying: {},
            },
          },
          closed: {
            initial: 'resolved',
            after: { resurfaceAfter: { guard: 'impactPersists', target: 'working.diagnosing', actions: 'resurface' } },
            states: {
              resolved: { on: { postmortem: command('postmortem') } },
              postmortem: {
                on: {
                  postmortem: command(),
                  // Nobody walks away from an incident that is still failing: finishing brings it back.
                  finish: [
                    { guard: 'finishingWhileFailing', target: '#incident.active.working.diagnosing', actions: ['applyCommand', 'resurface'] },
                    command('#incident.debriefed'),
                  ],
                },
              },
            },
          },
        },
      },
      debriefed: { type: 'final' },
    },
  };

  const guards = implementations.guards;

  const missing = missingImplementations(config, { actions: implementations.actions, guards, delays: implementations.delays });
  if (missing.length > 0) throw new CompileError(missing);

  return setup({
    types: {} as { context: RunContext; events: MachineEvent; input: MachineInput; emitted: GameEvent },
    actions: implementations.actions as never,
    guards: guards as never,
    delays: implementations.delays as never,
  }).createMachine(config as never) as unknown as AnyStateMachine;
}

/** Lists every action, guard and delay name a machine config references that has no implementation. */
export function missingImplementations(
  config: unknown,
  implementations: { actions: Record<string, unknown>; guards: Record<string, unknown>; delays: Record<string, unknown> },
): string[] {
  const missing = new Set<string>();
  const need = (kind: 'actions' | 'guards' | 'delays', ref: unknown) => {
    const name = typeof ref === 'string' ? ref : typeof ref === 'object' && ref !== null && 'type' in ref ? String((ref as { type: unknown }).type) : undefined;
    if (name !== undefined && !(name in implementations[kind])) missing.add(`${kind.slice(0, -1)} "${name}"`);
  };
  const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const transition = (t: unknown) => {
    if (typeof t !== 'object' || t === null) return;
    const tr = t as { guard?: unknown; actions?: unknown };
    need('guards', tr.guard);
    for (const a of list(tr.actions)) need('actions', a);
  };
  const node = (n: unknown) => {
    if (typeof n !== 'object' || n === null) return;
    const s = n as Record<string, unknown>;
    for (const a of [...list(s.entry), ...list(s.exit)]) need('actions', a);
    for (const transitions of Object.values((s.on as Record<string, unknown>) ?? {})) list(transitions).forEach(transition);
    list(s.always).forEach(transition);
    for (const [delay, transitions] of Object.entries((s.after as Record<string, unknown>) ?? {})) {
      if (!/^\d+$/.test(delay)) need('delays', delay);
      list(transitions).forEach(transition);
    }
    for (const child of Object.values((s.states as Record<string, unknown>) ?? {})) node(child);
  };
  node(config);
  return [...missing].sort();
}

/** The lifecycle phase a machine state value stands for. */
export function phaseOf(value: unknown): Phase {
  if (typeof value === 'string') return value as Phase;
  const active = (value as { active?: unknown }).active;
  if (typeof active === 'object' && active !== null) {
    const { working, closed } = active as { working?: Phase; closed?: Phase };
    if (working) return working;
    if (closed) return closed;
  }
  return 'paged';
}
