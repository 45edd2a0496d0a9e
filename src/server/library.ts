/** The scenarios a facilitator may host, read once from the library folder when the server starts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadScenario, type Scenario } from '../engine/index';

export interface ScenarioLibrary {
  get(id: string): Scenario | undefined;
  list(): Array<{ id: string; title: string; severity: string }>;
  /** The library as the debrief's "practise next" reads it. */
  catalog(): Array<{ id: string; title: string; topics: string[] }>;
}

export function loadLibrary(folder: string): ScenarioLibrary {
  const scenarios = new Map<string, Scenario>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const result = loadScenario(readFileSync(join(folder, file), 'utf8'), join(folder, file));
    // The library is checked by `npm run scenarios:check`; a broken file here is reported and left out, not fatal.
    if (!result.ok) {
      console.error(`Left out of the drill library:\n${result.problems.map(formatProblem).join('\n')}`);
      continue;
    }
    scenarios.set(result.value.id, result.value);
  }
  return {
    get: (id) => scenarios.get(id),
    list: () => [...scenarios.values()].map((s) => ({ id: s.id, title: s.title, severity: s.severity.true })),
    catalog: () => [...scenarios.values()].map((s) => ({ id: s.id, title: s.title, topics: s.topics })),
  };
}
