/** Reads `?scenario=<id>&seed=<n>` links. A bad link gets a message in words, never a blank page. */
import type { CatalogIndex, IndexEntry } from './catalog';
import { isDifficulty, type Difficulty } from './difficulty';

/**
 * A link's drill, with whether the link chose its seed (without one, each visit is a new drill); or what is wrong
 * with it: `problem` says what, `message` adds what to do on the library page.
 */
export type DeepLink =
  | { kind: 'none' }
  | { kind: 'start'; entry: IndexEntry; seed: string; seedChosen: boolean; difficulty: Difficulty }
  | { kind: 'error'; problem: string; message: string };

export const MAX_SEED = 999_999_999_999;

export function parseSeed(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{1,12}$/.test(trimmed)) return null;
  return String(Number(trimmed));
}

export function readDeepLink(search: string, catalog: CatalogIndex): DeepLink {
  const params = new URLSearchParams(search);
  const id = params.get('scenario');
  const seedText = params.get('seed');
  if (id === null && seedText === null) return { kind: 'none' };
  if (id === null || id.trim() === '') return { kind: 'error', problem: 'The link names no scenario.', message: 'The link names no scenario: pick one from the library below.' };
  const entry = catalog.scenarios.find((s) => s.scenario.id === id);
  if (!entry) {
    const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
    return { kind: 'error', problem: `There is no scenario "${shown}".`, message: `There is no scenario "${shown}". Pick one from the library below.` };
  }
  let seed: string | null = String(1 + Math.floor(Math.random() * MAX_SEED));
  if (seedText !== null) {
    seed = parseSeed(seedText);
    if (seed === null) {
      const problem = `The seed in the link must be a whole number from 0 to ${MAX_SEED.toLocaleString('en')}; it was "${seedText.slice(0, 30)}".`;
      return { kind: 'error', problem, message: `${problem} Choose a seed below.` };
    }
  }
  const difficulty = params.get('difficulty');
  return { kind: 'start', entry, seed, seedChosen: seedText !== null, difficulty: isDifficulty(difficulty) ? difficulty : 'standard' };
}
