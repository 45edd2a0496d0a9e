import seedrandom from 'seedrandom';

/** The generator's full state: plain data, so it lives inside the run and replays exactly. */
export type RandomState = seedrandom.State.Arc4;

export function initialRandomState(seed: number | string): RandomState {
  return seedrandom(String(seed), { state: true }).state();
}

/** Draws a number in [0, 1) and returns it with the generator's next state; the input state is left untouched. */
export function draw(state: RandomState): [value: number, next: RandomState] {
  const rng = seedrandom('', { state });
  const value = rng();
  return [value, rng.state()];
}

/** Picks an index with probability proportional to its weight. */
export function pickWeighted(weights: readonly number[], value: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let remaining = value * total;
  for (let i = 0; i < weights.length; i++) {
    remaining -= weights[i]!;
    if (remaining < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Draws as many numbers as `use` asks for from one generator, returning its result and the generator's state after:
 * the same numbers as drawing one at a time, without rebuilding the generator for each.
 */
export function drawMany<T>(state: RandomState, use: (next: () => number) => T): [result: T, next: RandomState] {
  const rng = seedrandom('', { state });
  const result = use(() => rng());
  return [result, rng.state()];
}
