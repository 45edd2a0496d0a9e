import { describe, expect, it } from 'vitest';
import { compileScenario, createRun, missingImplementations } from '../src/engine/index';
import { loadValid, scenarioFiles } from './support/scenarios';

describe('scenario compiler', () => {
  it('should compile every shipped scenario with all names implemented', () => {
    for (const file of scenarioFiles()) {
      const machine = compileScenario(loadValid(file));
      expect(machine.id).toBe('incident');
    }
  });

  it('should name every missing action, guard and delay', () => {
    const config = {
      entry: ['known', 'lost-entry'],
      after: { 'lost-delay': { actions: 'known' }, 500: { actions: 'known' } },
      on: { go: { guard: 'lost-guard', actions: [{ type: 'lost-action', params: {} }] } },
      states: { child: { always: { guard: { type: 'lost-child-guard' }, target: 'other' } }, other: {} },
    };
    const missing = missingImplementations(config, { actions: { known: 1 }, guards: {}, delays: {} });
    expect(missing).toEqual(['action "lost-action"', 'action "lost-entry"', 'delay "lost-delay"', 'guard "lost-child-guard"', 'guard "lost-guard"']);
  });

  it('should find nothing missing when everything is implemented', () => {
    const config = { entry: 'a', on: { x: { guard: 'g', actions: 'a' } }, after: { d: { actions: 'a' } } };
    expect(missingImplementations(config, { actions: { a: 1 }, guards: { g: 1 }, delays: { d: 1 } })).toEqual([]);
  });

  it('should compile injects and impact changes into named delays that fire at their minutes', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const run = createRun({ scenario, seed: 3 });
    run.advanceTo(40);
    const fired = run.journal().flatMap((e) => (e.kind === 'event' && e.event.type === 'inject.fired' ? [[e.at, e.event.inject]] : []));
    expect(fired.map(([, id]) => id)).toEqual(['second-alert', 'vp-asks-eta', 'support-surge']);
    expect(fired[0]![0]).toBe(6);
    expect(fired[2]![0]).toBe(18);
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'impact.changed')).toBe(true);
  });
});

describe('compiled machine', () => {
  it('should be compiled once per scenario and shared by its runs, which stay independent', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    expect(compileScenario(scenario)).toBe(compileScenario(scenario));
    const a = createRun({ scenario, seed: 1 });
    const b = createRun({ scenario, seed: 1 });
    a.send('alex', { type: 'acknowledge' });
    a.advanceTo(20);
    b.advanceTo(5);
    expect(b.phase()).toBe('paged');
    expect(a.phase()).toBe('acknowledged');
    b.send('alex', { type: 'acknowledge' });
    b.advanceTo(20);
    expect(b.journal().filter((e) => e.kind === 'event').length).toBe(a.journal().filter((e) => e.kind === 'event').length);
  });
});
