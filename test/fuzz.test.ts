import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { replay } from '../src/engine/index';
import { script } from './support/grading';
import { loadValid, ROOT, scenarioFiles } from './support/scenarios';

/**
 * Seeded mutations of every library scenario, its expert script and a save of it, fed to the CLI in-process. Every
 * run must end with exit 0, 1 or 2 (never an exception: that is exit 3), and every problem it prints must carry a
 * position. Bounded: a fixed number of mutations, each a small document.
 */
const temp = mkdtempSync(join(tmpdir(), 'firedrill-fuzz-'));
type Mutation = (text: string, rng: () => number) => string;

const pickIndex = (rng: () => number, n: number) => Math.floor(rng() * n);
const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, rng) => t.slice(0, pickIndex(rng, t.length)),
  'insert junk': (t, rng) => {
    const at = pickIndex(rng, t.length);
    const junk = ['{', '}', '[', ']', ',', ':', '"', '\\', 'NaN', 'Infinity', '-', '1e999', '\u0000', '\u001b[2J', '\r', 'null', '/* */', '\ufeff'];
    return t.slice(0, at) + junk[pickIndex(rng, junk.length)]! + t.slice(at);
  },
  'delete a span': (t, rng) => {
    const at = pickIndex(rng, t.length);
    return t.slice(0, at) + t.slice(at + 1 + pickIndex(rng, 40));
  },
  'deep nesting': (t, rng) => {
    const at = t.indexOf(':', pickIndex(rng, t.length));
    if (at < 0) return t;
    const depth = 50 + pickIndex(rng, 3_000);
    return `${t.slice(0, at + 1)}${'['.repeat(depth)}${']'.repeat(depth)}${t.slice(t.indexOf(',', at) < 0 ? t.length : t.indexOf(',', at))}`;
  },
  'odd number': (t, rng) => {
    const numbers = [...t.matchAll(/-?\d+(\.\d+)?/g)];
    const target = numbers[pickIndex(rng, numbers.length)];
    if (!target) return t;
    const odd = ['1e308', '-1e308', '0', '-1', '0.0001', '99999999999999999999', '1e-320', '4.5'][pickIndex(rng, 8)]!;
    return t.slice(0, target.index) + odd + t.slice(target.index! + target[0].length);
  },
  'odd string': (t, rng) => {
    const strings = [...t.matchAll(/"([a-z0-9-]{2,})"/g)];
    const target = strings[pickIndex(rng, strings.length)];
    if (!target) return t;
    const odd = [`"${'x'.repeat(100_000)}"`, '""', '"\\u0000"', '"Ω-id"', '"\\ud800"', '123', 'true', '{}', '[]'][pickIndex(rng, 9)]!;
    return t.slice(0, target.index) + odd + t.slice(target.index! + target[0].length);
  },
  'line endings': (t) => t.replace(/\n/g, '\r'),
  'drop a field': (t, rng) => {
    const fields = [...t.matchAll(/"[a-zA-Z]+":\s*("[^"]*"|-?\d+(\.\d+)?|true|false|null)\s*,?/g)];
    const target = fields[pickIndex(rng, fields.length)];
    return target ? t.slice(0, target.index) + t.slice(target.index! + target[0].length) : t;
  },
};

interface Tally {
  tried: number;
  crashed: string[];
  unpositioned: string[];
}

async function run(argv: string[], tally: Tally, label: string): Promise<void> {
  tally.tried++;
  let err = '';
  let code: number;
  try {
    code = await main(argv, { out: () => {}, err: (text) => void (err += text) });
  } catch (error) {
    tally.crashed.push(`${label}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    return;
  }
  if (![0, 1, 2].includes(code)) tally.crashed.push(`${label}: exit ${code}`);
  // Problems in a data file are "file:line:col path: message"; wrong usage is one "firedrill: …" line that quotes
  // the first problem with its position when there is one.
  for (const line of err.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('firedrill: warning'))) {
    const positioned = /(^|: )[^\s:]+\.json:\d+:\d+ /.test(line);
    // Lines that are not about a place in a file: a summary, or wrong usage of the command itself.
    const summary = /^\d+ problems? in \d+ files?|is not a valid/.test(line);
    const usage = /^firedrill: (--|cannot|unexpected|give|expected|unknown command)/.test(line);
    if (!positioned && !summary && !usage) tally.unpositioned.push(`${label}: ${line.slice(0, 200)}`);
  }
}

describe('fuzzing the loaders through the CLI', () => {
  it('should end every mutated scenario, script and save with exit 0, 1 or 2 and a positioned message', async () => {
    const tally: Tally = { tried: 0, crashed: [], unpositioned: [] };
    const names = Object.keys(MUTATIONS);
    for (const [fileIndex, file] of scenarioFiles().entries()) {
      const rng = seedrandom(`fuzz:${file}`);
      const scenarioText = readFileSync(join(ROOT, file), 'utf8');
      const scenario = loadValid(file);
      const scriptText = JSON.stringify(script(scenario.id, 'expert'), null, 2);
      const saveText = JSON.stringify(replay(scenario, 1, script(scenario.id, 'expert')).save(), null, 2);
      for (let i = 0; i < 12; i++) {
        const name = names[(i + fileIndex) % names.length]!;
        const mutated = join(temp, `${scenario.id}.json`);
        writeFileSync(mutated, MUTATIONS[name]!(scenarioText, rng));
        await run(['validate', mutated], tally, `${file} ${name}`);
      }
      for (let i = 0; i < 6; i++) {
        const name = names[(i * 3 + fileIndex) % names.length]!;
        const scriptFile = join(temp, `${scenario.id}-script.json`);
        writeFileSync(scriptFile, MUTATIONS[name]!(scriptText, rng));
        await run(['play', file, '--seed', '1', '--script', scriptFile], tally, `${file} script ${name}`);
        const saveFile = join(temp, `${scenario.id}-save.json`);
        writeFileSync(saveFile, MUTATIONS[name]!(saveText, rng));
        await run(['report', file, '--script', saveFile, '--format', 'json'], tally, `${file} save ${name}`);
      }
    }
    console.log(`fuzz: ${tally.tried} inputs tried, ${tally.crashed.length} crashed, ${tally.unpositioned.length} without a position, 0 hung (each finished)`);
    expect(tally.crashed).toEqual([]);
    expect(tally.unpositioned).toEqual([]);
    expect(tally.tried).toBeGreaterThanOrEqual(300);
  }, 240_000);
});
