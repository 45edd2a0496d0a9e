import type { z } from 'zod';
import { ScriptSchema } from './commands/registry';
import { lazySchema } from './lazy-schema';
import { MAX_ID_CHARS, MAX_MINUTE, MAX_RUN_CHARS, shorten } from './limits';
import { defaultRubric } from './policy/default-rubric';
import { RubricSchema } from './policy/rubric';
import { DIFFICULTIES, type Difficulty } from './difficulty';
import { replay, SAVE_FORMAT_VERSION, ScriptError, type Run, type SaveFile } from './run';
import { readJsonDocument, schemaProblems } from './scenario/document';
import { sortProblems } from './scenario/load';
import type { Problem } from './scenario/problems';
import type { Scenario } from './scenario/schema';

const SaveSchema = lazySchema((z) =>
  z.strictObject({
    formatVersion: z.number().int(),
    scenarioId: z.string().min(1).max(MAX_ID_CHARS),
    scenarioHash: z.string().min(1).max(MAX_ID_CHARS),
    seed: z.union([z.string().min(1).max(MAX_ID_CHARS), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]).transform(String),
    commands: ScriptSchema,
    minute: z.number().min(0).max(MAX_MINUTE).optional(),
    // Absent in format 1, whose runs were all solo under the default rubric.
    seating: z.enum(['solo', 'team']).default('solo'),
    // Absent in format 1; browser saves of format 1 kept it beside the save, and the caller may pass it on.
    difficulty: z.enum(DIFFICULTIES).optional(),
    rubric: RubricSchema.optional(),
  }),
);

/** Formats this Firedrill reads: 1 (before runs carried their rubric and seating) and the current one. */
const READABLE_FORMATS = [1, SAVE_FORMAT_VERSION];

export type LoadedSave = { ok: true; run: Run; save: SaveFile } | { ok: false; problems: Problem[]; reason: 'corrupt' | 'outdated' | 'unknown-scenario' };

/**
 * Loads a save by replaying it, so pending deadlines and timers come back exactly as they were. A save made with a
 * different version of the scenario or of the format is refused with a clear reason rather than replayed wrongly.
 */
export function loadSave(text: string, file: string, findScenario: (id: string) => { scenario: Scenario; hash: string } | undefined, fallbackDifficulty: Difficulty = 'standard'): LoadedSave {
  const doc = readJsonDocument(file, text, MAX_RUN_CHARS);
  const at = (message: string, path = '(top level)'): Problem => ({ file, line: 1, column: 1, path, message });
  if (doc.syntaxProblems.length > 0 || !doc.root) return { ok: false, reason: 'corrupt', problems: doc.syntaxProblems };
  const parsed = SaveSchema.safeParse(doc.value);
  if (!parsed.success) return { ok: false, reason: 'corrupt', problems: sortProblems(schemaProblems(doc, SaveSchema, parsed.error.issues)) };
  const save = parsed.data;
  if (!READABLE_FORMATS.includes(save.formatVersion)) {
    return { ok: false, reason: 'outdated', problems: [at(`this save uses format version ${save.formatVersion}; this Firedrill reads versions ${READABLE_FORMATS.join(" and ")}`, 'formatVersion')] };
  }
  const found = findScenario(save.scenarioId);
  if (!found) return { ok: false, reason: 'unknown-scenario', problems: [at(`no scenario "${shorten(save.scenarioId)}" is installed`, 'scenarioId')] };
  if (found.hash !== save.scenarioHash) {
    return { ok: false, reason: 'outdated', problems: [at(`this save was made with another version of "${save.scenarioId}"; replaying it could give a different run`, 'scenarioHash')] };
  }
  try {
    // The scenario was found by this very hash: the run need not compute it again for its saves.
    const run = replay(found.scenario, save.seed, save.commands, save.minute, { rubric: save.rubric ?? defaultRubric(), seating: save.seating, difficulty: save.difficulty ?? fallbackDifficulty, scenarioHash: found.hash });
    return { ok: true, run, save: run.save() };
  } catch (error) {
    if (error instanceof ScriptError) return { ok: false, reason: 'corrupt', problems: [at(error.message, `commands[${error.index}]`)] };
    throw error;
  }
}
