/**
 * A finished solo run, kept: in this browser's past runs (IndexedDB) always, and in the player's records on the
 * server when they are signed in. The debrief says what happened to it in one polite sentence; nothing here can stop
 * the debrief from showing (every failure is a sentence too).
 */
import type { SaveFile } from '../../engine/index';
import { findRun, keepRun, markUploaded, type PastRun } from '../run-history';
import { me, uploadSoloRun } from './api';

export interface FinishedRun {
  runId: string;
  scenarioId: string;
  scenarioTitle: string;
  seed: string;
  difficulty: string;
  score: number;
  level: string;
  save: SaveFile;
}

/** Uploads one kept run to the signed-in person's records and marks it uploaded here. Returns a sentence. */
export async function uploadPastRun(run: Pick<PastRun, 'runId' | 'save'>): Promise<{ ok: boolean; text: string }> {
  const uploaded = await uploadSoloRun(run.save);
  if (!uploaded.ok) return { ok: false, text: `Not kept in your records: ${uploaded.reason}.` };
  const marked = await markUploaded(run.runId, uploaded.value.drillId);
  // The server has it either way; only this browser's note of it is missing, so a second upload stays possible.
  return { ok: true, text: marked.ok ? 'Kept in your records.' : `Kept in your records (this browser could not note that: ${marked.reason}).` };
}

export async function keepFinishedRun(run: FinishedRun, say: (text: string) => void): Promise<void> {
  const kept = await keepRun({ ...run, finishedAt: new Date().toISOString(), uploaded: null });
  const local = kept.ok ? 'Kept in this browser’s past runs.' : `This browser could not keep it in its past runs: ${kept.reason}. Download the run to keep it.`;
  if (kept.ok && kept.value.uploaded) {
    say('Kept in your records.');
    return;
  }
  const signedIn = await me();
  if (!signedIn.ok) {
    if (signedIn.noServer) say(local);
    else if (signedIn.status === 401) say(`${local} Sign in (create a team, or open an invitation link) to keep runs in your records.`);
    else say(`${local} Your records could not be reached: ${signedIn.reason}.`);
    return;
  }
  // Without a local copy, a reload would upload it again: asked once more right before, in case another tab did.
  const again = kept.ok ? await findRun(run.runId) : null;
  if (again?.ok && again.value?.uploaded) {
    say('Kept in your records.');
    return;
  }
  const uploaded = await uploadSoloRun(run.save);
  if (!uploaded.ok) {
    say(`Not kept in your records: ${uploaded.reason}. ${local}`);
    return;
  }
  if (kept.ok) await markUploaded(run.runId, uploaded.value.drillId);
  say(kept.ok ? 'Kept in your records, and in this browser’s past runs.' : `Kept in your records. ${local}`);
}
