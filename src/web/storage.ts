/**
 * The browser keeps one active run in localStorage: the engine's save file plus how it is being played. A save that
 * cannot be restored is moved aside under its own key, never deleted, so nothing the player did is lost.
 */
import type { SaveFile } from '../engine/index';
import { isDifficulty, type Difficulty } from './difficulty';

export const ACTIVE_RUN_KEY = 'firedrill:active-run';
const ACTIVE = ACTIVE_RUN_KEY;
const ASIDE_PREFIX = 'firedrill:set-aside:';
const DRAFT_PREFIX = 'firedrill:draft:';

export interface StoredRun {
  save: SaveFile;
  difficulty: Difficulty;
  /** The calendar date the drill was started, shown in the debrief. */
  startedOn: string;
}

export type StoredRunResult = { kind: 'none' } | { kind: 'found'; stored: StoredRun; text: string } | { kind: 'unreadable'; text: string; reason: string };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readActiveRun(): StoredRunResult {
  const text = storage()?.getItem(ACTIVE) ?? null;
  if (text === null) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', text, reason: 'the saved run is not valid JSON' };
  }
  const candidate = parsed as Partial<StoredRun> | null;
  if (!candidate || typeof candidate !== 'object' || typeof candidate.save !== 'object' || candidate.save === null) {
    return { kind: 'unreadable', text, reason: 'the saved run has an unknown shape' };
  }
  return {
    kind: 'found',
    text,
    stored: {
      save: candidate.save as SaveFile,
      difficulty: isDifficulty(candidate.difficulty) ? candidate.difficulty : 'standard',
      startedOn: typeof candidate.startedOn === 'string' ? candidate.startedOn : '',
    },
  };
}

/** Returns false when the browser refuses to store (private mode, quota): the caller tells the player. */
export function writeActiveRun(run: StoredRun): boolean {
  try {
    storage()?.setItem(ACTIVE, JSON.stringify(run));
    return storage() !== null;
  } catch {
    return false;
  }
}

export function clearActiveRun(): void {
  storage()?.removeItem(ACTIVE);
}

/** Moves an unusable save aside and returns the key it now lives under. */
export function setAside(text: string, stamp: string): string {
  const key = `${ASIDE_PREFIX}${stamp}`;
  try {
    storage()?.setItem(key, text);
  } catch {
    // Out of space: keeping the active slot free matters more than the copy.
  }
  clearActiveRun();
  return key;
}

/** Drafts of text the player is writing (status updates, postmortem), kept across reloads until sent. */
export function readDraft(name: string): string | null {
  return storage()?.getItem(DRAFT_PREFIX + name) ?? null;
}

export function writeDraft(name: string, text: string): void {
  try {
    storage()?.setItem(DRAFT_PREFIX + name, text);
  } catch {
    // A draft that cannot be kept is still in the text box.
  }
}

export function clearDrafts(): void {
  const store = storage();
  if (!store) return;
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (key?.startsWith(DRAFT_PREFIX)) store.removeItem(key);
  }
}
