/**
 * The scenarios shipped with the build, checked when the build runs (by the same loader the CLI uses) instead of in
 * the browser: the page gets a small index of the scenarios (what the library and the links need) and each
 * scenario's checked content as a chunk of its own, loaded when a drill needs it. A broken file's problems are
 * checked here too and shipped in the index, so the library still lists them instead of breaking the build or the
 * page. The validator (zod, the JSON reader) thus stays out of the page's first load.
 */
import '../engine/with-zod';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../engine/scenario/load';
import type { Scenario } from '../engine/scenario/schema';
import { briefingFacts } from './briefing-facts';

export const CATALOG_MODULE = 'virtual:firedrill-catalog';
const SCENARIO_MODULE = 'virtual:firedrill-scenario/';

/** The fields of a scenario the index carries: the library's cards, the links, and the titles in messages (and beside them, what a drill's briefing shows: see briefing-facts.ts). */
export const SUMMARY_FIELDS = ['id', 'title', 'summary', 'difficulty', 'estimatedMinutes', 'topics'] as const satisfies ReadonlyArray<keyof Scenario>;

export function scenarioCatalog(root: string): Plugin {
  const dir = join(root, 'scenarios');
  const files = () =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort((a, b) => a.localeCompare(b));
  const check = (name: string) => loadScenario(readFileSync(join(dir, name), 'utf8'), `scenarios/${name}`);
  return {
    name: 'firedrill-scenario-catalog',
    resolveId(id) {
      return id === CATALOG_MODULE || id.startsWith(SCENARIO_MODULE) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${CATALOG_MODULE}`) {
        const entries: unknown[] = [];
        const broken: unknown[] = [];
        const loaders: string[] = [];
        for (const name of files()) {
          this.addWatchFile(join(dir, name));
          const result = check(name);
          const file = `scenarios/${name}`;
          if (!result.ok) {
            broken.push({ file, problems: result.problems });
            continue;
          }
          const summary = Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, result.value[field]]));
          entries.push({ file, hash: result.hash, scenario: summary, briefing: briefingFacts(result.value) });
          loaders.push(`${JSON.stringify(result.value.id)}: () => import(${JSON.stringify(SCENARIO_MODULE + name.replace(/\.json$/, ''))})`);
        }
        return [
          `export const entries = JSON.parse(${JSON.stringify(JSON.stringify(entries))});`,
          `export const broken = JSON.parse(${JSON.stringify(JSON.stringify(broken))});`,
          `export const loaders = {\n  ${loaders.join(',\n  ')}\n};`,
        ].join('\n');
      }
      if (id.startsWith(`\0${SCENARIO_MODULE}`)) {
        // Named without its .json, which would send it to Vite's JSON plugin.
        const name = `${id.slice(`\0${SCENARIO_MODULE}`.length)}.json`;
        this.addWatchFile(join(dir, name));
        const result = check(name);
        // The index lists only the files that passed, so only those are ever asked for.
        if (!result.ok) throw new Error(`scenarios/${name} has problems and is not in the catalog`);
        // JSON.parse of a string is quicker for the browser than the same data as a literal, and exactly as checked.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.value))});`;
      }
      return null;
    },
  };
}
