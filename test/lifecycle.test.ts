import { describe, expect, it } from 'vitest';
import { compileScenario, createRun, replay, restoreRun, type Run } from '../src/engine/index';
import { script } from './support/grading';
import { randomScript } from './support/random-player';
import { loadValid, scenarioFiles } from './support/scenarios';

const checkout = loadValid('scenarios/checkout-launch.json');
const injectsFired = (run: Run) => run.journal().flatMap((e) => (e.kind === 'event' && e.event.type === 'inject.fired' ? [[e.at, e.event.inject] as const] : []));

describe('the lifecycle machine', () => {
  it('should compile every shipped scenario once and share it between runs, which stay independent', () => {
    for (const file of scenarioFiles()) {
      const scenario = loadValid(file);
      expect(compileScenario(scenario)).toBe(compileScenario(scenario));
      expect(compileScenario(scenario).id).toBe('incident');
    }
    const a = createRun({ scenario: checkout, seed: 1 });
    const b = createRun({ scenario: checkout, seed: 1 });
    a.send('alex', { type: 'acknowledge' });
    a.advanceTo(20);
    b.advanceTo(5);
    expect(b.phase()).toBe('paged');
    expect(a.phase()).toBe('acknowledged');
  });

  it('should fire injects and impact changes, kept as timers in the run’s state, at their minutes', () => {
    const run = createRun({ scenario: checkout, seed: 3 });
    expect(run.state().context.timers.some((t) => t.event.type === 'inject.fire')).toBe(true);
    run.advanceTo(40);
    expect(injectsFired(run).map(([, id]) => id)).toEqual(['second-alert', 'vp-asks-eta', 'support-surge']);
    expect(injectsFired(run)[0]![0]).toBe(6);
    expect(injectsFired(run)[2]![0]).toBe(18);
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'impact.changed')).toBe(true);
  });

  it('should fire a timer that falls due at the current minute', () => {
    const run = createRun({ scenario: checkout, seed: 3 });
    run.advanceTo(6);
    expect(injectsFired(run).map(([at]) => at)).toEqual([6]);
    const next = run.nextEventAt()!;
    run.advanceToNextEvent();
    expect(run.now()).toBe(next);
    expect(run.nextEventAt()).toBeGreaterThan(next);
  });
});

describe('a run’s state is a plain value', () => {
  it('should survive JSON and resume exactly where the original goes on', () => {
    for (const file of scenarioFiles()) {
      const scenario = loadValid(file);
      const commands = randomScript(scenario, 7, 40);
      const half = Math.floor(commands.length / 2);
      const original = replay(scenario, 7, commands.slice(0, half));
      const copy = restoreRun(scenario, JSON.parse(JSON.stringify(original.state())));
      expect(copy.state()).toEqual(original.state());
      for (const run of [original, copy]) {
        for (const entry of commands.slice(half)) {
          run.advanceTo(entry.at);
          run.send(entry.by, entry.command);
        }
        run.advanceTo(scenario.durationMinutes + 5);
      }
      expect(copy.journal()).toEqual(original.journal());
      expect(copy.state()).toEqual(original.state());
    }
  });

  it('should fork into an independent copy without replaying', () => {
    const run = replay(checkout, 1, script('checkout-launch', 'expert').slice(0, 6));
    const fork = run.fork();
    const before = run.journal().length;
    fork.advanceTo(60);
    fork.send('alex', { type: 'resolve' });
    expect(run.journal().length).toBe(before);
    expect(fork.journal().length).toBeGreaterThan(before);
    expect(fork.journal().slice(0, before)).toEqual(run.journal());
  });
});

describe('implementations are checked by the compiler', () => {
  it('should refuse, at typecheck, a machine that names an action it does not implement', async () => {
    const { setup } = await import('xstate');
    const machine = setup({ actions: { known: () => {} } }).createMachine({
      // @ts-expect-error -- "lost" is not an implemented action: `npm run typecheck` fails if this ever compiles.
      entry: 'lost',
      on: { go: { actions: 'known' } },
    });
    expect(machine.id).toBe('(machine)');
  });
});
