import { describe, expect, it } from 'vitest';
import { createRun, FACILITATOR_SEAT, OBSERVER_SEAT, playerSeat, replay, type Scenario, type SeatView } from '../src/engine/index';
import { diagnosisFor } from '../src/engine/rules';
import { script } from './support/grading';
import { loadValid, scenarioFiles } from './support/scenarios';

/** Every key and every string value anywhere in a view. */
function walk(value: unknown, keys: Set<string>, strings: Set<string>): void {
  if (typeof value === 'string') strings.add(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walk(v, keys, strings);
    }
  }
}

/** Asserts a player's or observer's view holds none of the hidden truth of the run at this moment, nor the facilitator's notes. */
function expectNoTruth(scenario: Scenario, view: SeatView, variantId: string, completed: ReadonlySet<string>, notes: readonly string[]): void {
  const keys = new Set<string>();
  const strings = new Set<string>();
  walk(view, keys, strings);
  for (const hidden of ['truth', 'variant', 'trueSeverity', 'rootCause', 'rng', 'timers', 'injectTimes', 'observations', 'held']) expect(keys.has(hidden), `key "${hidden}"`).toBe(false);
  // Variant ids are ordinary words; they must not appear as a value, unless the scenario shows the same word publicly.
  const publicText = JSON.stringify({ ...scenario, variants: [], grading: null, diagnosis: scenario.diagnosis.map((d) => d.label) });
  if (!publicText.includes(`"${variantId}"`)) expect(strings.has(variantId), `variant id "${variantId}"`).toBe(false);
  const text = [...strings].join('\n');
  for (const note of notes) expect(text, "a facilitator's note").not.toContain(note);
  const variant = scenario.variants.find((v) => v.id === variantId)!;
  expect(text).not.toContain(variant.rootCause);
  for (const action of scenario.diagnosis) {
    if (completed.has(action.id)) continue;
    const finding = diagnosisFor(action, variantId).finding;
    if (finding.length >= 12) expect(text, `unrevealed finding of "${action.id}"`).not.toContain(finding);
  }
}

describe('seats and views', () => {
  for (const file of scenarioFiles()) {
    it(`should never put the variant, the true severity, an unrevealed finding or a facilitator's note in a player or observer view (${file}, every step of the expert run)`, () => {
      const scenario = loadValid(file);
      const commands = script(scenario.id, 'expert');
      const run = createRun({ scenario, seed: 1 });
      const player = playerSeat(scenario.roster.onCall.primary);
      const notes: string[] = [];
      let checked = 0;
      for (const [index, entry] of commands.entries()) {
        run.advanceTo(entry.at);
        run.send(entry.by, entry.command);
        // The facilitator notes something after every command (until the drill is finished, when notes are refused).
        const note = `Private note ${index}: ${entry.by} hesitated`;
        if (run.send('facilitator', { type: 'observe', about: entry.by, text: note }).ok) notes.push(note);
        const truth = run.view(FACILITATOR_SEAT).truth!;
        expect(truth.observations.map((o) => o.text)).toEqual(notes);
        const completed = new Set(truth.findings.filter((f) => f.revealed).map((f) => f.action));
        for (const seat of [player, OBSERVER_SEAT, playerSeat(entry.by)]) {
          expectNoTruth(scenario, run.view(seat), truth.variant.id, completed, notes);
          checked++;
        }
      }
      expect(checked).toBe(commands.length * 3);
      expect(notes.length).toBe(commands.length - 1);
      expect(run.phase()).toBe('debriefed');
    });
  }

  it('should give the facilitator the truth and what is scheduled', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const run = createRun({ scenario, seed: 1 });
    const view = run.view(FACILITATOR_SEAT);
    expect(view.truth?.trueSeverity).toBe(scenario.severity.true);
    expect(scenario.variants.map((v) => v.id)).toContain(view.truth?.variant.id);
    expect(view.truth?.scheduled.some((s) => s.what.startsWith('Inject:'))).toBe(true);
    expect(view.truth?.findings.every((f) => !f.revealed)).toBe(true);
  });

  it('should let an observer do nothing, and show a player only the commands their seat may issue', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const solo = replay(scenario, 1, script(scenario.id, 'expert').slice(0, 3));
    expect(solo.view(OBSERVER_SEAT).available).toEqual([]);
    expect(solo.view(playerSeat('alex')).available).toContain('status-update');
    const team = createRun({ scenario, seed: 1, seating: 'team' });
    team.send('alex', { type: 'acknowledge' });
    team.send('alex', { type: 'assign-role', role: 'commander', responder: 'alex' });
    // Sam is present but holds no role yet: a status update is the commander's or the communications lead's.
    expect(team.view(playerSeat('sam')).available).not.toContain('status-update');
    expect(team.view(playerSeat('sam')).available).toContain('announce');
    expect(team.view(playerSeat('alex')).available).toContain('status-update');
  });

  it('should move the live view with the clock and rebuild the graphs only when a game minute passes', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const run = createRun({ scenario, seed: 1 });
    run.advanceTo(10.2);
    const a = run.live(playerSeat('alex'));
    run.advanceTo(10.7);
    const b = run.live(playerSeat('alex'));
    expect(b.now).toBe(10.7);
    expect(b.dashboards[0]!.metrics[0]!.series).toBe(a.dashboards[0]!.metrics[0]!.series);
    run.advanceTo(11.1);
    const c = run.live(playerSeat('alex'));
    expect(c.dashboards[0]!.metrics[0]!.series).not.toBe(a.dashboards[0]!.metrics[0]!.series);
    expect(c.dashboards[0]!.metrics[0]!.series.at(-1)![0]).toBe(11);
  });

  it('should build each seat’s view once per journal change', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const run = createRun({ scenario, seed: 1 });
    const first = run.view(playerSeat('alex'));
    expect(run.view(playerSeat('alex'))).toBe(first);
    run.advanceTo(0.5);
    expect(run.view(playerSeat('alex'))).toBe(first);
    run.send('alex', { type: 'acknowledge' });
    expect(run.view(playerSeat('alex'))).not.toBe(first);
  });
});
