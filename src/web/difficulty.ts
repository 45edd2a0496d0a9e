/** How a drill is presented. Difficulty changes what the player is shown, never the rules or the grading. */
import { DIFFICULTIES, DIFFICULTY_NOISE, type Difficulty } from '../engine/difficulty';

export { DIFFICULTIES, type Difficulty };

export interface DifficultySettings {
  label: string;
  description: string;
  hints: boolean;
  noiseScale: number;
}

export const DIFFICULTY_SETTINGS: Record<Difficulty, DifficultySettings> = {
  // The runbook beside the diagnosis steps comes with `hints` (see the Diagnose panel): there is no setting of its own.
  guided: { label: 'Guided', description: 'Hints in the Respond, Diagnose, Fix and Verify panels, and the runbook the page links (when it links one) open beside the diagnosis steps.', hints: true, noiseScale: DIFFICULTY_NOISE.guided },
  standard: { label: 'Standard', description: 'No hand-holding, clean dashboards.', hints: false, noiseScale: DIFFICULTY_NOISE.standard },
  expert: { label: 'Expert', description: 'No hints, noisier dashboards: read the signal yourself.', hints: false, noiseScale: DIFFICULTY_NOISE.expert },
};

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);
}
