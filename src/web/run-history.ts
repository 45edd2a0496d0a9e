/**
 * Past solo runs, kept in this browser's IndexedDB: every finished run with its scenario, date, score, level and the
 * save itself, so a player without an account (or offline) still has a history, and can upload a run to their records
 * later. IndexedDB may be missing (some private modes), refused, or full: every function answers with a reason in
 * words instead of throwing, and the game plays on without it.
 */
import type { SaveFile } from '../engine/index';

export interface PastRun {
  /** The run's id in this browser (the active run's), so keeping the same run twice keeps it once. */
  runId: string;
  scenarioId: string;
  scenarioTitle: string;
  seed: string;
  difficulty: string;
  /** ISO 8601 date-time the debrief was first shown. */
  finishedAt: string;
  score: number;
  level: string;
  save: SaveFile;
  /** Set once the server kept it in the player's records. */
  uploaded: { drillId: string; at: string } | null;
}

export type HistoryResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const DB_NAME = 'firedrill';
const DB_VERSION = 1;
const STORE = 'past-runs';

function describe(error: unknown): string {
  if (error instanceof DOMException) {
    if (error.name === 'QuotaExceededError') return 'the browser has no room left for it';
    if (error.name === 'SecurityError' || error.name === 'InvalidStateError') return 'this browser does not allow this page to keep data';
    return `the browser refused (${error.name})`;
  }
  return error instanceof Error ? error.message : String(error);
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('this browser has no IndexedDB');
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'runId' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading later must not be blocked by this one.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('another tab holds an older version of this browser’s history open'));
  });
  // A failed open is tried again next time (the player may have freed room or left private mode).
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

/** One transaction over the store; resolves when it has committed, with what `use` returned. */
async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<HistoryResult<T | null>> {
  try {
    const db = await open();
    return await new Promise<HistoryResult<T | null>>((resolve) => {
      let value: T | null = null;
      const tx = db.transaction(STORE, mode);
      const request = use(tx.objectStore(STORE));
      if (request) request.onsuccess = () => (value = request.result);
      tx.oncomplete = () => resolve({ ok: true, value });
      tx.onerror = () => resolve({ ok: false, reason: describe(tx.error) });
      tx.onabort = () => resolve({ ok: false, reason: describe(tx.error ?? new Error('the browser gave up writing it')) });
    });
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

export async function keepRun(run: PastRun): Promise<HistoryResult<PastRun>> {
  // Kept once: a debrief shown again (after a reload) finds the run, with whether it was uploaded.
  const found = await findRun(run.runId);
  if (!found.ok) return found;
  if (found.value) return { ok: true, value: found.value };
  const put = await withStore('readwrite', (store) => store.put(run));
  return put.ok ? { ok: true, value: run } : put;
}

export async function findRun(runId: string): Promise<HistoryResult<PastRun | null>> {
  const got = await withStore<PastRun | undefined>('readonly', (store) => store.get(runId));
  return got.ok ? { ok: true, value: got.value ?? null } : got;
}

/** Newest first. */
export async function listRuns(): Promise<HistoryResult<PastRun[]>> {
  const got = await withStore<PastRun[]>('readonly', (store) => store.getAll());
  if (!got.ok) return got;
  const runs = (got.value ?? []).filter(isPastRun);
  return { ok: true, value: runs.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt)) };
}

export async function markUploaded(runId: string, drillId: string, at = new Date()): Promise<HistoryResult<null>> {
  const found = await findRun(runId);
  if (!found.ok) return found;
  if (!found.value) return { ok: false, reason: 'the run is no longer in this browser' };
  const put = await withStore('readwrite', (store) => store.put({ ...found.value!, uploaded: { drillId, at: at.toISOString() } }));
  return put.ok ? { ok: true, value: null } : put;
}

/** Anything read back is checked: another version of the page, or the player, may have left something else there. */
function isPastRun(value: unknown): value is PastRun {
  const run = value as Partial<PastRun> | null;
  return typeof run === 'object' && run !== null && typeof run.runId === 'string' && typeof run.scenarioId === 'string' && typeof run.finishedAt === 'string' && typeof run.score === 'number' && typeof run.level === 'string' && typeof run.save === 'object' && run.save !== null;
}
