/**
 * Restoring the drill in storage. Whatever is wrong with a save (corrupt, outdated, an unknown scenario, nested too
 * deep for a reader, a loader that throws), the answer is a problem in words, never an exception: the caller sets
 * the save aside and the player gets the library back. A save that comes back only in part says so.
 */
import type { Run } from '../engine/index';
import type { Catalog } from './catalog';
import { loadStoredSave, Session, type SessionMode } from './session';
import type { RunProgress, StoredRun } from './storage';

export type Restored = { ok: true; session: Session; partial: string | null } | { ok: false; problem: string };

/** The most problems a message lists; a badly broken save can have thousands. */
const PROBLEMS_SHOWN = 3;

export function restoreRun(catalog: Catalog, stored: StoredRun, progress: RunProgress | null, mode: SessionMode): Restored {
  try {
    const scenarioId: unknown = stored.save.scenarioId;
    const entry = catalog.scenarios.find((s) => s.scenario.id === scenarioId);
    if (!entry) return { ok: false, problem: typeof scenarioId === 'string' ? `the scenario "${clip(scenarioId)}" is not installed` : 'it names no scenario' };
    const loaded = loadStoredSave(entry, stored.save, stored.difficulty);
    if (!loaded.ok) {
      const messages = loaded.problems.map((p) => p.message);
      const more = messages.length - PROBLEMS_SHOWN;
      return { ok: false, problem: messages.slice(0, PROBLEMS_SHOWN).join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '') };
    }
    return { ok: true, session: Session.restored(loaded.run, entry, stored, mode), partial: partialRestore(stored, loaded.run, progress) };
  } catch (error) {
    return { ok: false, problem: `it could not be read (${clip(error instanceof Error ? error.message : String(error))})` };
  }
}

/**
 * What did not come back, in words, or null when everything did: fewer commands replayed than the save holds, fewer
 * than the run had sent (its progress record is ahead of the save: the save did not fit), or a journal of another
 * length than the one saved.
 */
export function partialRestore(stored: StoredRun, run: Run, progress: RunProgress | null): string | null {
  const back = run.commands().length;
  const inSave = Math.max(stored.commandCount, Array.isArray(stored.save.commands) ? stored.save.commands.length : 0);
  const sent = progress && progress.runId === stored.runId ? Math.max(progress.commandCount, inSave) : inSave;
  const commands = (n: number) => `${n} command${n === 1 ? '' : 's'}`;
  if (back < inSave) return `Only part of your drill came back: ${back} of the ${commands(inSave)} in its save could be replayed${sent > inSave ? `, and ${sent - inSave} more were never saved` : ''}.`;
  if (back < sent) return `Only part of your drill came back: ${back} of the ${commands(sent)} you sent. The last ${sent - back} ${sent - back === 1 ? 'was' : 'were'} never saved, because the browser's storage was full.`;
  const length = run.journal().length;
  if (stored.journalLength >= 0 && length !== stored.journalLength) {
    return `Your drill came back, but not exactly as it was saved: replaying its ${commands(back)} gave ${length} journal entries where the save recorded ${stored.journalLength}.`;
  }
  return null;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
