/**
 * How a drill is presented: Guided adds hints (what a finding suggests doing next); Standard and Expert show only
 * what was observed, and Expert makes the dashboards noisier. The rules and the grading are the same for all three;
 * the run records which was played so a score is read with it.
 *
 * A module of its own, importing nothing: the page's first load (links, the briefing) reads the difficulties without
 * loading the rules, the schema or the lifecycle machine.
 */
export const DIFFICULTIES = ['guided', 'standard', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
/** How much noise each difficulty adds to the dashboards: expert play makes the signal harder to read. */
export const DIFFICULTY_NOISE: Record<Difficulty, number> = { guided: 1, standard: 1, expert: 2.5 };
