/**
 * How fast game time runs against real time, wherever a clock drives a run: the browser's solo session and the
 * drill server pace the same game the same way.
 */

/** At 1×, one game minute takes ten real seconds: a one-hour incident plays in about ten minutes. */
export const REAL_MS_PER_GAME_MINUTE = 10_000;
export const SPEEDS = [1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

export const isSpeed = (value: unknown): value is Speed => SPEEDS.includes(value as Speed);
