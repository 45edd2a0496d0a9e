/**
 * The examples the panels show as hints, from the scenario being played: an example from another scenario (a
 * checkout service in an object storage outage) misleads.
 */
import type { Scenario } from '../../engine/index';

/** The announce field's example: the scenario's own, else a routine change to its first component. */
export function announceExample(scenario: Scenario): string {
  if (scenario.announceExample) return scenario.announceExample;
  const component = scenario.service.components[0]?.name ?? scenario.service.name;
  return `Change: pausing deploys to ${component} while we investigate`;
}
