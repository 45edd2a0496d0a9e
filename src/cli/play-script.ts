/** Rebuilds a run from the files `play` and `report` are given: a scenario, and a command script or a save. */
import { loadScript, replay, ScriptError, type Rubric, type Run, type Scenario } from '../engine/index';
import { loadSave } from '../engine/save';
import { scenarioHash } from '../engine/scenario/load';
import { UsageError } from './exit';
import { readText } from './files';
import type { Io } from './io';
import { firstProblem } from './problems';
import { scenarioArgument } from './scenario-file';

/**
 * Plays a script (a list of commands) or a save file (an object with "commands", as the browser saves runs) against
 * a scenario, for `play` and `report`. A save brings its own seed and the rubric it was played under; `--seed`, when
 * given, must agree with it. A script is played under `rubric` (the default rubric when none is given), so the
 * deadlines in its journal are the ones that rubric sets.
 */
export function playScript(scenarioFile: string, seed: string | undefined, scriptFile: string, io: Io, until?: number, rubric?: Rubric): Run | null {
  const scenario = scenarioArgument(scenarioFile, io);
  if (!scenario) return null;
  const text = readText(scriptFile);
  if (/^\s*\{/.test(text)) return playSave(scenario, seed, scriptFile, text, until);
  if (seed === undefined) throw new UsageError('--seed is required (a whole number, e.g. --seed 1)');
  const script = loadScript(text, scriptFile);
  if (!script.ok) throw new UsageError(firstProblem('bad script', script.problems));
  const roster = new Set([...scenario.roster.responders.map((r) => r.id), 'facilitator']);
  const strangers = new Set(script.value.filter((e) => !roster.has(e.by)).map((e) => e.by));
  if (strangers.size > 0) {
    io.err(`firedrill: warning: ${[...strangers].map((s) => `"${s}"`).join(', ')} ${strangers.size === 1 ? 'is' : 'are'} not on the roster of "${scenario.id}": is ${scriptFile} written for another scenario?\n`);
  }
  // --until stops the run at that minute: later commands are not played.
  const commands = until === undefined ? script.value : script.value.filter((e) => e.at <= until);
  try {
    const last = commands[commands.length - 1]?.at ?? 0;
    return replay(scenario, seed, commands, until ?? last, rubric ? { rubric } : {});
  } catch (error) {
    if (error instanceof ScriptError) throw new UsageError(`bad script ${scriptFile}: ${error.message}`);
    throw error;
  }
}

function playSave(scenario: Scenario, seed: string | undefined, file: string, text: string, until?: number): Run {
  const loaded = loadSave(text, file, (id) => (id === scenario.id ? { scenario, hash: scenarioHash(scenario) } : undefined));
  if (!loaded.ok) throw new UsageError(firstProblem('bad save', loaded.problems));
  if (seed !== undefined && seed !== loaded.save.seed) throw new UsageError(`--seed ${seed} does not match the save's seed ${loaded.save.seed}`);
  if (until !== undefined) loaded.run.advanceTo(until);
  return loaded.run;
}
