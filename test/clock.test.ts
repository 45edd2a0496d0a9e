import { assign, createActor, setup, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { GameClock } from '../src/engine/index';

describe('game clock', () => {
  it('should fire three overlapping deadlines in order across one large advance', () => {
    const clock = new GameClock();
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => fired.push(['update', clock.now()]), 30);
    clock.setTimeout(() => fired.push(['acknowledge', clock.now()]), 15);
    clock.setTimeout(() => fired.push(['eta', clock.now()]), 22);
    clock.advanceTo(120);
    expect(fired).toEqual([['acknowledge', 15], ['eta', 22], ['update', 30]]);
    expect(clock.now()).toBe(120);
  });

  it('should fire timers scheduled while firing when they fall inside the advance', () => {
    const clock = new GameClock();
    const ticks: number[] = [];
    const tick = () => {
      ticks.push(clock.now());
      clock.setTimeout(tick, 10);
    };
    clock.setTimeout(tick, 10);
    clock.advanceTo(45);
    expect(ticks).toEqual([10, 20, 30, 40]);
  });

  it('should keep scheduling order for timers due at the same minute, and honour clearTimeout', () => {
    const clock = new GameClock();
    const order: string[] = [];
    clock.setTimeout(() => order.push('a'), 5);
    const b = clock.setTimeout(() => order.push('b'), 5);
    clock.setTimeout(() => order.push('c'), 5);
    clock.clearTimeout(b);
    clock.advanceTo(5);
    expect(order).toEqual(['a', 'c']);
  });

  it('should refuse to go back in time', () => {
    const clock = new GameClock(10);
    expect(() => clock.advanceTo(5)).toThrow(RangeError);
  });

  it('should fire a repeating XState "after" every time across one large advance, unlike SimulatedClock', () => {
    const machine = setup({ types: {} as { context: { count: number } } }).createMachine({
      context: { count: 0 },
      initial: 'waiting',
      states: { waiting: { after: { 10: { target: 'waiting', reenter: true, actions: assign({ count: ({ context }) => context.count + 1 }) } } } },
    });
    const game = new GameClock();
    const gameActor = createActor(machine, { clock: game }).start();
    game.advanceTo(55);
    expect(gameActor.getSnapshot().context.count).toBe(5);

    const simulated = new SimulatedClock();
    const simulatedActor = createActor(machine, { clock: simulated }).start();
    simulated.increment(55);
    // statelyai/xstate: one big increment fires the repeating timer only once.
    expect(simulatedActor.getSnapshot().context.count).toBeLessThan(5);
  });
});
