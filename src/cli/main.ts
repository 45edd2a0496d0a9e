/**
 * The `firedrill` command line: check, play and draw scenarios headless. Bad input of any kind gets one clear line
 * (or, for scenario files, every problem with its position), never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import {
  formatProblem,
  loadScenario,
  loadScript,
  replay,
  scenarioGraph,
  ScenarioSchema,
  ScriptError,
  type Problem,
  type Run,
  type Scenario,
} from '../engine/index';
import { describeEntry } from '../engine/view';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 success, 1 the input is invalid (validation failed), 2 the command was used wrongly. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

const USAGE = `Usage: firedrill <command> [options]

Commands:
  validate <files...>                      check scenario files; exit 1 with every problem when any is invalid
  play <scenario> --seed N --script FILE   play a command script headless and print the timeline and final state
       [--until MINUTE] [--json]
  graph <scenario>                         print a Mermaid diagram of the scenario's flow
  schema                                   print the scenario JSON Schema

Run "firedrill help" for this text.`;

class UsageError extends Error {}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest, io);
      case 'play':
        return play(rest, io);
      case 'graph':
        return graph(rest, io);
      case 'schema':
        args(rest, {}, 0);
        io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return EXIT.ok;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}" (commands: validate, play, graph, schema)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`firedrill: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, positionals: number | 'many') {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option '(.*)'$/, 'unknown option "$1"');
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
  if (positionals === 'many' ? parsed.positionals.length === 0 : parsed.positionals.length !== positionals) {
    throw new UsageError(positionals === 0 ? `unexpected argument "${parsed.positionals[0]}"` : positionals === 'many' ? 'give at least one file' : `expected ${positionals} file${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
  }
  return parsed;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot find "${file}"` : code === 'EISDIR' ? `"${file}" is a folder, not a file` : `cannot read "${file}" (${code ?? 'unknown error'})`);
  }
}

function validate(argv: string[], io: Io): number {
  const { positionals } = args(argv, {}, 'many');
  let problems: Problem[] = [];
  for (const file of positionals) {
    const result = loadScenario(readText(file), file);
    if (result.ok) io.out(`✓ ${file}\n`);
    else problems = problems.concat(result.problems);
  }
  if (problems.length === 0) return EXIT.ok;
  for (const problem of problems) io.err(`${formatProblem(problem)}\n`);
  const files = new Set(problems.map((p) => p.file)).size;
  io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`);
  return EXIT.invalid;
}

/** Loads a scenario for a command that needs a valid one; an invalid file prints its problems. */
function scenarioArgument(file: string, io: Io): Scenario | null {
  const result = loadScenario(readText(file), file);
  if (result.ok) return result.value;
  for (const problem of result.problems) io.err(`${formatProblem(problem)}\n`);
  io.err(`\n${file} is not a valid scenario (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).\n`);
  return null;
}

export function seedArgument(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--seed is required (a whole number, e.g. --seed 1)');
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`--seed must be a whole number, got "${value}"`);
  return value;
}

/** Plays a script against a scenario, for `play` and (later) `report`. */
export function playScript(scenarioFile: string, seed: string, scriptFile: string, io: Io, until?: number): Run | null {
  const scenario = scenarioArgument(scenarioFile, io);
  if (!scenario) return null;
  const script = loadScript(readText(scriptFile), scriptFile);
  if (!script.ok) {
    const [first] = script.problems;
    const more = script.problems.length > 1 ? ` (and ${script.problems.length - 1} more)` : '';
    throw new UsageError(`bad script: ${formatProblem(first!)}${more}`);
  }
  try {
    const last = script.value[script.value.length - 1]?.at ?? 0;
    return replay(scenario, seed, script.value, Math.max(last, until ?? 0));
  } catch (error) {
    if (error instanceof ScriptError) throw new UsageError(`bad script ${scriptFile}: ${error.message}`);
    throw error;
  }
}

function play(argv: string[], io: Io): number {
  const { positionals, values } = args(argv, { seed: { type: 'string' }, script: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean' } }, 1);
  const seed = seedArgument(values.seed);
  if (!values.script) throw new UsageError('--script is required (a JSON list of { "at", "by", "command" })');
  let until: number | undefined;
  if (values.until !== undefined) {
    until = Number(values.until);
    if (!Number.isFinite(until) || until < 0) throw new UsageError(`--until must be a minute (a number from 0), got "${values.until}"`);
  }
  const run = playScript(positionals[0]!, seed, values.script, io, until);
  if (!run) return EXIT.invalid;
  const view = run.view();
  const context = run.context();
  if (values.json) {
    io.out(`${JSON.stringify({ scenario: run.scenario.id, seed, variant: context.variant, minute: run.now(), phase: run.phase(), severity: view.severity, roles: view.roles, deadlines: view.deadlines, journal: run.journal() }, null, 2)}\n`);
    return EXIT.ok;
  }
  const name = (id: string | null) => (id ? (run.scenario.roster.responders.find((r) => r.id === id)?.name ?? run.scenario.roster.stakeholders.find((s) => s.id === id)?.name ?? id) : null);
  const label = (id: string) => [...run.scenario.diagnosis, ...run.scenario.resolution].find((a) => a.id === id)?.label ?? id;
  io.out(`${run.scenario.title} — seed ${seed}, variant "${context.variant}"\n\nTimeline\n`);
  for (const entry of run.journal()) {
    const text = describeEntry(entry, name, label);
    if (text) io.out(`  ${formatMinute(entry.at)}  ${text}\n`);
  }
  io.out(`\nFinal state at ${formatMinute(run.now())}\n`);
  io.out(`  phase:     ${view.phaseLabel}\n`);
  io.out(`  severity:  ${view.severity ?? 'not declared'} (true: ${context.trueSeverity})\n`);
  const roles = Object.entries(view.roles).filter(([, id]) => id).map(([role, id]) => `${role} ${name(id)}`);
  io.out(`  roles:     ${roles.length > 0 ? roles.join(', ') : 'none assigned'}\n`);
  io.out(`  findings:  ${view.findings.length}, updates sent: ${view.updates.length}\n`);
  const open = view.deadlines.map((d) => `${d.label} (due ${formatMinute(d.dueAt)})`);
  io.out(`  deadlines: ${open.length > 0 ? open.join('; ') : 'none open'}\n`);
  return EXIT.ok;
}

function graph(argv: string[], io: Io): number {
  const { positionals } = args(argv, {}, 1);
  const scenario = scenarioArgument(positionals[0]!, io);
  if (!scenario) return EXIT.invalid;
  io.out(scenarioGraph(scenario));
  return EXIT.ok;
}

export function formatMinute(minute: number): string {
  const whole = Math.floor(minute);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return `T+${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The JSON Schema editors use to complete and check scenario files. `io: 'input'` keeps defaulted fields optional. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
}
