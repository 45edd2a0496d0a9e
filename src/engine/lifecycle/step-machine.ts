/**
 * Steps the lifecycle machine as a pure function: (snapshot, event) → (snapshot, journal events). No actor runs:
 * the run keeps the snapshot as data, so copying, storing and restoring a run needs no replay.
 */
import { createActor, type SnapshotFrom, type StateValue } from 'xstate';
import type { GameEvent } from '../events';
import type { RunContext } from '../rules';
import { eventsOf, type IncidentMachine, type MachineEvent, type MachineInput } from './machine';

export type LifecycleSnapshot = SnapshotFrom<IncidentMachine>;

interface Stepper {
  scope: Parameters<IncidentMachine['transition']>[2];
  /** What the machine's rules journal during a step. */
  emitted: GameEvent[];
}

const steppers = new WeakMap<IncidentMachine, Stepper>();

/**
 * One inert actor scope per machine, reused for every step: XState's own `transition()` builds a fresh actor (and
 * its initial state) on every call, which would cost more than the step itself.
 */
function stepperFor(machine: IncidentMachine, input: MachineInput): Stepper {
  const cached = steppers.get(machine);
  if (cached) return cached;
  const emitted = eventsOf(machine);
  const self = createActor(machine, { input });
  const scope: Stepper['scope'] = {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: (fn) => fn(),
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => action.exec?.(action.info, action.params),
  };
  const stepper = { scope, emitted };
  steppers.set(machine, stepper);
  return stepper;
}

export interface Stepped {
  snapshot: LifecycleSnapshot;
  events: GameEvent[];
  /** False when no transition took the event (the snapshot is unchanged). */
  taken: boolean;
}

export function initialStep(machine: IncidentMachine, input: MachineInput): Stepped {
  const stepper = stepperFor(machine, input);
  stepper.emitted.length = 0;
  const snapshot = machine.getInitialSnapshot(stepper.scope, input);
  return { snapshot, events: stepper.emitted.splice(0), taken: true };
}

export function step(machine: IncidentMachine, snapshot: LifecycleSnapshot, event: MachineEvent, input: MachineInput): Stepped {
  const stepper = stepperFor(machine, input);
  stepper.emitted.length = 0;
  const next = machine.transition(snapshot, event, stepper.scope);
  return { snapshot: next, events: stepper.emitted.splice(0), taken: next !== snapshot };
}

/** A snapshot rebuilt from its plain parts. */
export function restoreSnapshot(machine: IncidentMachine, value: StateValue, context: RunContext): LifecycleSnapshot {
  return machine.resolveState({ value, context: { world: context } });
}
