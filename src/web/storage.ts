/**
 * The browser keeps one active run in localStorage: the engine's save file plus how it is being played. A save that
 * cannot be restored is moved aside under its own key, never deleted, so nothing the player did is lost.
 *
 * Two tabs may have the same drill open. Each save carries the run's id and a sequence number that grows with every
 * write, and a tab writes only over the save it last wrote itself: a tab holding an older copy can never overwrite a
 * newer one. Beside the save, a small progress record says how far the run had got; it is written first, so when the
 * save itself no longer fits (storage full), the next restore can tell that what came back is only part of the run.
 */
import type { SaveFile } from '../engine/index';
import { isDifficulty, type Difficulty } from './difficulty';

export const ACTIVE_RUN_KEY = 'firedrill:active-run';
export const PROGRESS_KEY = 'firedrill:active-run:progress';
export const ASIDE_PREFIX = 'firedrill:set-aside:';
export const DRAFT_PREFIX = 'firedrill:draft:';
/** The id given to a save written before saves had ids: its drafts were stored without a run in their key. */
export const LEGACY_RUN_ID = 'legacy';

export interface StoredRun {
  save: SaveFile;
  difficulty: Difficulty;
  /** The calendar date the drill was started, shown in the debrief. */
  startedOn: string;
  /** Fixed when the drill starts: tells one drill from another (and names its drafts). */
  runId: string;
  /** Grows by one with every write of this run. */
  sequence: number;
  /** How many commands the save holds and how long the journal was when it was written: a restore must match both. */
  commandCount: number;
  journalLength: number;
}

/** How far a run had got, written before each save: a save that did not fit leaves this ahead of it. */
export interface RunProgress {
  runId: string;
  scenarioId: string;
  seed: string;
  commandCount: number;
  minute: number;
}

export type StoredRunResult = { kind: 'none' } | { kind: 'found'; stored: StoredRun; text: string } | { kind: 'unreadable'; text: string; reason: string };

/** Why a write did not happen: another tab wrote since (superseded), no room (full), or no storage at all. */
export type WriteProblem = 'superseded' | 'full' | 'unavailable';
export type WriteResult = { ok: true; sequence: number } | { ok: false; problem: WriteProblem };

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A random id; crypto.getRandomValues works where randomUUID does not (pages served over plain http). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Sets a key; says whether the browser kept it, and if not, whether it was for lack of room. */
function put(store: Storage | null, key: string, text: string): { ok: true } | { ok: false; problem: 'full' | 'unavailable' } {
  if (!store) return { ok: false, problem: 'unavailable' };
  try {
    store.setItem(key, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: isQuotaError(error) ? 'full' : 'unavailable' };
  }
}

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

/** Reads a stored run's text. A save from before runs had ids gets the legacy id and sequence 0. */
export function parseStoredRun(text: string): StoredRunResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', text, reason: 'the saved run is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'unreadable', text, reason: 'the saved run has an unknown shape' };
  const save: unknown = Reflect.get(parsed, 'save');
  if (typeof save !== 'object' || save === null || Array.isArray(save)) return { kind: 'unreadable', text, reason: 'the saved run has an unknown shape' };
  const field = (name: string): unknown => Reflect.get(parsed, name);
  const commands: unknown = Reflect.get(save, 'commands');
  const runId = field('runId');
  const difficulty = field('difficulty');
  const startedOn = field('startedOn');
  return {
    kind: 'found',
    text,
    stored: {
      // The engine's loader checks the save itself; here it only needs to be an object.
      save: save as SaveFile,
      difficulty: isDifficulty(difficulty) ? difficulty : 'standard',
      startedOn: typeof startedOn === 'string' ? startedOn : '',
      runId: typeof runId === 'string' && runId !== '' ? runId : LEGACY_RUN_ID,
      sequence: count(field('sequence')) ?? 0,
      commandCount: count(field('commandCount')) ?? (Array.isArray(commands) ? commands.length : 0),
      journalLength: count(field('journalLength')) ?? -1,
    },
  };
}

export function readActiveRun(): StoredRunResult {
  const text = local()?.getItem(ACTIVE_RUN_KEY) ?? null;
  return text === null ? { kind: 'none' } : parseStoredRun(text);
}

/**
 * Writes the active run. `previous` is the sequence of the save this tab last wrote (or restored), or null for a run
 * not yet written: the write is refused when storage holds another run, or this run at another sequence, because
 * then another tab has written since and this tab's copy is older. Storage holding nothing is written over: the
 * player (or the browser) cleared it, and the run in memory is all there is.
 */
export function writeActiveRun(run: Omit<StoredRun, 'sequence'>, previous: number | null): WriteResult {
  const store = local();
  if (!store) return { ok: false, problem: 'unavailable' };
  if (previous !== null) {
    const current = store.getItem(ACTIVE_RUN_KEY);
    if (current !== null) {
      const found = parseStoredRun(current);
      if (found.kind !== 'found' || found.stored.runId !== run.runId || found.stored.sequence !== previous) return { ok: false, problem: 'superseded' };
    }
  }
  const sequence = (previous ?? 0) + 1;
  writeProgress({ runId: run.runId, scenarioId: run.save.scenarioId, seed: run.save.seed, commandCount: run.commandCount, minute: run.save.minute });
  const written = put(store, ACTIVE_RUN_KEY, JSON.stringify({ ...run, sequence }));
  return written.ok ? { ok: true, sequence } : written;
}

/**
 * The progress record goes to localStorage and, when that is full too, to this tab's sessionStorage (a quota of its
 * own, kept across reloads of the tab), so a reload right after the storage filled up still knows what was lost.
 */
function writeProgress(progress: RunProgress): void {
  const text = JSON.stringify(progress);
  if (put(local(), PROGRESS_KEY, text).ok) {
    session()?.removeItem(PROGRESS_KEY);
    return;
  }
  put(session(), PROGRESS_KEY, text);
}

function parseProgress(text: string | null): RunProgress | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const field = (name: string): unknown => Reflect.get(parsed, name);
    const runId = field('runId');
    const scenarioId = field('scenarioId');
    const seed = field('seed');
    const commandCount = count(field('commandCount'));
    const minute = field('minute');
    if (typeof runId !== 'string' || typeof scenarioId !== 'string' || typeof seed !== 'string' || commandCount === null) return null;
    return { runId, scenarioId, seed, commandCount, minute: typeof minute === 'number' && Number.isFinite(minute) ? minute : 0 };
  } catch {
    return null;
  }
}

/** The furthest progress recorded, from either storage: for the given run, or for any run when none is stored. */
export function readProgress(runId: string | null): RunProgress | null {
  const found = [parseProgress(local()?.getItem(PROGRESS_KEY) ?? null), parseProgress(session()?.getItem(PROGRESS_KEY) ?? null)].filter((p): p is RunProgress => p !== null && (runId === null || p.runId === runId));
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.commandCount > a.commandCount ? b : a));
}

export function clearProgress(): void {
  local()?.removeItem(PROGRESS_KEY);
  session()?.removeItem(PROGRESS_KEY);
}

/** Forgets the active run (abandoned or finished with): its save and its progress. */
export function clearActiveRun(): void {
  local()?.removeItem(ACTIVE_RUN_KEY);
  clearProgress();
}

/** Copies a save aside under a key of its own; returns the key, or null when the browser had no room for the copy. */
export function copyAside(text: string, stamp: string = String(Date.now())): string | null {
  const key = `${ASIDE_PREFIX}${stamp}`;
  return put(local(), key, text).ok ? key : null;
}

/** Moves an unusable save aside (the active slot is freed either way) and returns its key, or null if it did not fit. */
export function setAside(text: string, stamp: string = String(Date.now())): string | null {
  const key = copyAside(text, stamp);
  clearActiveRun();
  return key;
}

/** Where a draft lives: under the run it belongs to (a save from before run ids kept its drafts without one). */
function draftKey(runId: string, name: string): string {
  return runId === LEGACY_RUN_ID ? `${DRAFT_PREFIX}${name}` : `${DRAFT_PREFIX}${runId}:${name}`;
}

/** A draft of what the player is writing or choosing in a run, or null when there is none. */
export function readDraft(runId: string, name: string): string | null {
  return local()?.getItem(draftKey(runId, name)) ?? null;
}

/** Keeps a draft ('' removes it); says whether the browser kept it. */
export function writeDraft(runId: string, name: string, text: string): boolean {
  const store = local();
  if (!store) return false;
  if (text === '') {
    store.removeItem(draftKey(runId, name));
    return true;
  }
  return put(store, draftKey(runId, name), text).ok;
}

/** Drafts of a group drill live under this run id prefix: they belong to that drill, not to the solo run. */
export const GROUP_DRAFT_RUN = 'group:';

/** The run id a group drill participant's drafts are kept under. */
export function groupDraftRun(code: string, participantId: string): string {
  return `${GROUP_DRAFT_RUN}${code}:${participantId}`;
}

/** Forgets the solo run's drafts; a group drill's are left to that drill (starting solo play must not lose them). */
export function clearDrafts(): void {
  removeDraftsUnder(DRAFT_PREFIX, `${DRAFT_PREFIX}${GROUP_DRAFT_RUN}`);
}

/** Forgets every draft kept for a group drill, once it is over. */
export function clearGroupDrafts(code: string): void {
  removeDraftsUnder(`${DRAFT_PREFIX}${GROUP_DRAFT_RUN}${code}:`, null);
}

function removeDraftsUnder(prefix: string, except: string | null): void {
  const store = local();
  if (!store) return;
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (key?.startsWith(prefix) && (except === null || !key.startsWith(except))) store.removeItem(key);
  }
}
