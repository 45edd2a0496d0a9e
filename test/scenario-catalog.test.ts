/**
 * The page's scenario catalog is checked when the game is built (src/web/catalog-plugin.ts): the index must name
 * exactly the scenarios the loader accepts, each scenario's chunk must hold exactly what the loader returns (so the
 * game plays what the CLI checks, and a save's hash still matches), and a broken file must keep its problems.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/engine/index';
import { CATALOG_MODULE, scenarioCatalog } from '../src/web/catalog-plugin';

const ROOT = join(import.meta.dirname, '..');

/** Runs the plugin's hooks as Vite would, and evaluates the module text it returns. */
function pluginModules(root: string) {
  const plugin = scenarioCatalog(root) as Plugin & { resolveId(id: string): string | null; load(this: unknown, id: string): string | null };
  const context = { addWatchFile: () => undefined };
  const load = (id: string) => {
    const resolved = plugin.resolveId(id);
    if (resolved === null) throw new Error(`${id} not resolved`);
    return plugin.load.call(context, resolved);
  };
  return { load };
}

/** The index module's exports: its data parsed, its loaders' import targets read from the text. */
function readIndex(code: string) {
  const entries = JSON.parse(JSON.parse(/export const entries = JSON\.parse\((".*")\);/.exec(code)![1]!)) as Array<{ file: string; hash: string; scenario: Record<string, unknown> }>;
  const broken = JSON.parse(JSON.parse(/export const broken = JSON\.parse\((".*")\);/.exec(code)![1]!)) as Array<{ file: string; problems: Array<{ message: string }> }>;
  const loaders = [...code.matchAll(/"([^"]+)": \(\) => import\("([^"]+)"\)/g)].map((m) => ({ id: m[1]!, module: m[2]! }));
  return { entries, broken, loaders };
}

describe('the scenario catalog made at build time', () => {
  it('indexes every scenario the loader accepts, and each chunk holds exactly the loaded scenario', () => {
    const { load } = pluginModules(ROOT);
    const index = readIndex(load(CATALOG_MODULE)!);
    const names = readdirSync(join(ROOT, 'scenarios')).filter((n) => n.endsWith('.json'));
    expect(index.entries.length + index.broken.length).toBe(names.length);
    expect(index.broken).toEqual([]);
    for (const entry of index.entries) {
      const loaded = loadScenario(readFileSync(join(ROOT, entry.file), 'utf8'), entry.file);
      if (!loaded.ok) throw new Error(`${entry.file} should load`);
      expect(entry.hash).toBe(loaded.hash);
      expect(entry.scenario).toEqual({ id: loaded.value.id, title: loaded.value.title, summary: loaded.value.summary, difficulty: loaded.value.difficulty, estimatedMinutes: loaded.value.estimatedMinutes, topics: loaded.value.topics });
      const loader = index.loaders.find((l) => l.id === loaded.value.id)!;
      const chunk = load(loader.module)!;
      const content: unknown = JSON.parse(JSON.parse(/^export default JSON\.parse\((".*")\);$/.exec(chunk)![1]!));
      expect(content).toStrictEqual(loaded.value);
    }
  });

  it('ships a broken file with the same problems the loader finds, and leaves it out of the index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firedrill-catalog-'));
    const scenarios = join(dir, 'scenarios');
    // A copy of one good scenario and one broken file.
    mkdirSync(scenarios);
    copyFileSync(join(ROOT, 'scenarios', 'checkout-launch.json'), join(scenarios, 'checkout-launch.json'));
    const bad = '{ "formatVersion": 1, "id": "broken-one" ';
    writeFileSync(join(scenarios, 'broken-one.json'), bad);
    const { load } = pluginModules(dir);
    const index = readIndex(load(CATALOG_MODULE)!);
    expect(index.entries.map((e) => e.scenario.id)).toEqual(['checkout-launch']);
    const expected = loadScenario(bad, 'scenarios/broken-one.json');
    if (expected.ok) throw new Error('the broken file should not load');
    expect(index.broken).toEqual([{ file: 'scenarios/broken-one.json', problems: JSON.parse(JSON.stringify(expected.problems)) }]);
    expect(index.broken[0]!.problems.length).toBeGreaterThan(0);
    expect(index.loaders.map((l) => l.id)).toEqual(['checkout-launch']);
  });
});
