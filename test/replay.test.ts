import { describe, expect, it } from 'vitest';
import { createRun, replay, type Scenario } from '../src/engine/index';
import { randomScript } from './support/random-player';
import { loadValid, scenarioFiles } from './support/scenarios';

function playLive(scenario: Scenario, seed: number, script: ReturnType<typeof randomScript>) {
  const run = createRun({ scenario, seed });
  for (const entry of script) {
    run.advanceTo(entry.at);
    run.send(entry.by, entry.command);
  }
  return run;
}

describe('replay', () => {
  for (const file of scenarioFiles()) {
    it(`should reproduce the journal exactly over 200 seeds with random commands (${file})`, () => {
      const scenario = loadValid(file);
      const variants = new Set<string>();
      for (let seed = 1; seed <= 200; seed++) {
        const script = randomScript(scenario, seed);
        const live = playLive(scenario, seed, script);
        const replayed = replay(scenario, seed, live.commands());
        expect(replayed.journal()).toEqual(live.journal());
        expect(replayed.state()).toEqual(live.state());
        variants.add(live.state().context.variant);
      }
      // The seed really does choose among the variants.
      expect(variants.size).toBe(scenario.variants.length);
    });
  }

  it('should give different runs for different seeds and identical runs for the same seed', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const a = createRun({ scenario, seed: 7 });
    const b = createRun({ scenario, seed: 7 });
    a.advanceTo(60);
    b.advanceTo(60);
    expect(a.journal()).toEqual(b.journal());
    const journals = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const run = createRun({ scenario, seed });
      run.advanceTo(60);
      journals.add(JSON.stringify(run.journal()));
    }
    expect(journals.size).toBeGreaterThan(1);
  });

  it('should refuse a script whose commands go back in time', () => {
    const scenario = loadValid('test/fixtures/minimal.json');
    expect(() =>
      replay(scenario, 1, [
        { at: 5, by: 'ada', command: { type: 'acknowledge' } },
        { at: 2, by: 'ada', command: { type: 'resolve' } },
      ]),
    ).toThrow(/command 2: it is at minute 2, before the previous command/);
  });
});
