import seedrandom from 'seedrandom';
import { ROLES, SEVERITIES, VERIFICATION_ITEMS, type CommandInput, type Scenario, type ScriptEntry } from '../../src/engine/index';

/**
 * A player who clicks about: plausible and implausible commands from the whole command set, at random moments.
 * Seeded, so every generated script is reproducible.
 */
export function randomScript(scenario: Scenario, seed: number, length = 30): ScriptEntry[] {
  const rng = seedrandom(`player:${seed}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const people = [...scenario.roster.responders.map((r) => r.id), 'nobody'];
  const actions = [...scenario.diagnosis.map((a) => a.id), ...scenario.resolution.map((a) => a.id), 'no-such-action'];
  const injects = scenario.injects.map((i) => i.id);
  const commands: Array<() => CommandInput> = [
    () => ({ type: 'acknowledge' }),
    () => ({ type: 'declare-severity', severity: pick(SEVERITIES) }),
    () => ({ type: 'assign-role', role: pick(ROLES), responder: pick(people) }),
    () => ({ type: 'hand-off', role: 'commander', to: pick(people), notes: 'over to you' }),
    () => ({ type: 'escalate', to: pick(people) }),
    () => ({ type: 'diagnose', action: pick(actions), performer: pick(people) }),
    () => ({ type: 'apply', action: pick(actions), performer: pick(people) }),
    () => ({ type: 'announce', text: 'Rolling something back' }),
    () => ({ type: 'status-update', text: `[10:00] [SEV-1] Update #1\nCurrent Status: looking\nImpact: some\nActions: things\nNext Update: In ${pick([10, 15, 30])} minutes` }),
    () => ({ type: 'respond', inject: pick(injects.length > 0 ? injects : ['none']), text: 'On it' }),
    () => ({ type: 'verify', item: pick(VERIFICATION_ITEMS) }),
    () => ({ type: 'resolve' }),
    () => ({ type: 'rate-alert', quality: pick(['good', 'bad'] as const) }),
    () => ({ type: 'postmortem', document: { summary: 'It broke', actionItems: [] } }),
    () => ({ type: 'finish' }),
  ];
  const script: ScriptEntry[] = [];
  let at = 0;
  for (let i = 0; i < length; i++) {
    at += Math.floor(rng() * 6);
    const by = rng() < 0.8 ? scenario.roster.onCall.primary : pick(people);
    script.push({ at, by, command: pick(commands)() as ScriptEntry['command'] });
  }
  return script;
}
