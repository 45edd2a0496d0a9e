import type { ActorOptions, AnyActorLogic } from 'xstate';

/** XState's clock interface (not exported by name from xstate). */
export type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

/**
 * Game time in minutes. Unlike XState's SimulatedClock, advancing across a long span fires every due timer in
 * order of its due time (ties by scheduling order), one at a time, with `now` set to that timer's due time, so
 * timers scheduled while firing (repeating deadlines, chained delays) fire too if they fall inside the span.
 */
export class GameClock implements XStateClock {
  private current: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = this.nextId++;
    const due = this.current + Math.max(0, timeout);
    // Keep the list sorted by (due, id) so firing order is deterministic.
    let index = this.timers.length;
    while (index > 0 && this.timers[index - 1]!.due > due) index--;
    this.timers.splice(index, 0, { id, due, fn: fn as () => void });
    return id;
  }

  clearTimeout(id: unknown): void {
    const index = this.timers.findIndex((t) => t.id === id);
    if (index >= 0) this.timers.splice(index, 1);
  }

  /** When the next timer is due, or undefined when none is pending. */
  nextDue(): number | undefined {
    return this.timers[0]?.due;
  }

  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward to `minute`, firing every timer due on the way, in order. */
  advanceTo(minute: number): void {
    if (minute < this.current) throw new RangeError(`cannot move the clock back from ${this.current} to ${minute}`);
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > minute) break;
      this.timers.shift();
      this.current = next.due;
      next.fn();
    }
    this.current = minute;
  }
}
