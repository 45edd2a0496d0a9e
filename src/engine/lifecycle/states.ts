/**
 * The incident lifecycle's states, by name, so command definitions can say where they are accepted and where they
 * lead without depending on the machine itself (which is built from them).
 */

/** Every state node of the lifecycle machine. `active` holds `working` and `closed`. */
export const LIFECYCLE_STATES = {
  paged: '#incident.paged',
  active: '#incident.active',
  working: '#incident.active.working',
  acknowledged: '#incident.active.working.acknowledged',
  triaged: '#incident.active.working.triaged',
  commanded: '#incident.active.working.commanded',
  diagnosing: '#incident.active.working.diagnosing',
  mitigating: '#incident.active.working.mitigating',
  verifying: '#incident.active.working.verifying',
  closed: '#incident.active.closed',
  resolved: '#incident.active.closed.resolved',
  postmortem: '#incident.active.closed.postmortem',
  debriefed: '#incident.debriefed',
} as const;

export type LifecycleState = keyof typeof LIFECYCLE_STATES;

/** Guards a command's transition may name besides the command's own check. */
export type TransitionGuard = 'finishingWhileFailing';
