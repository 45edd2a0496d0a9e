import seedrandom from 'seedrandom';
import { COMMAND_TYPES, REGISTRY, type Scenario, type ScriptEntry } from '../../src/engine/index';

/**
 * A player who clicks about: plausible and implausible commands of every type the registry defines (each
 * definition supplies its own samples), at random moments. Seeded, so every generated script is reproducible.
 */
export function randomScript(scenario: Scenario, seed: number, length = 30): ScriptEntry[] {
  const rng = seedrandom(`player:${seed}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const people = [...scenario.roster.responders.map((r) => r.id), 'nobody'];
  const script: ScriptEntry[] = [];
  let at = 0;
  for (let i = 0; i < length; i++) {
    at += Math.floor(rng() * 6);
    const by = rng() < 0.8 ? scenario.roster.onCall.primary : pick(people);
    const type = pick(COMMAND_TYPES);
    // Samples may be invalid on purpose; the engine refuses those with a reason, and replays the refusal.
    script.push({ at, by, command: REGISTRY[type].samples(scenario, pick) as ScriptEntry['command'] });
  }
  return script;
}
