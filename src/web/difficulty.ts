/** How a drill is presented. Difficulty changes what the player is shown, never the rules or the grading. */
export const DIFFICULTIES = ['guided', 'standard', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface DifficultySettings {
  label: string;
  description: string;
  hints: boolean;
  runbookOpen: boolean;
  noiseScale: number;
}

export const DIFFICULTY_SETTINGS: Record<Difficulty, DifficultySettings> = {
  guided: { label: 'Guided', description: 'Hints at every step, the runbook open beside the diagnosis steps.', hints: true, runbookOpen: true, noiseScale: 1 },
  standard: { label: 'Standard', description: 'No hand-holding, clean dashboards.', hints: false, runbookOpen: false, noiseScale: 1 },
  expert: { label: 'Expert', description: 'No hints, noisier dashboards: read the signal yourself.', hints: false, runbookOpen: false, noiseScale: 2.5 },
};

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);
}
