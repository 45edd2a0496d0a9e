/**
 * The scenarios shipped with the build. Each file is bundled as text and checked with the same loader the CLI
 * uses, so a broken file shows its problems instead of breaking the page.
 */
import { loadScenario, type Problem, type Scenario } from '../engine/index';

const files = import.meta.glob('../../scenarios/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface CatalogEntry {
  file: string;
  scenario: Scenario;
  hash: string;
}

export interface Catalog {
  scenarios: CatalogEntry[];
  broken: Array<{ file: string; problems: Problem[] }>;
}

export function loadCatalog(): Catalog {
  const catalog: Catalog = { scenarios: [], broken: [] };
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.replace(/^(\.\.\/)+/, '');
    const result = loadScenario(text, file);
    if (result.ok) catalog.scenarios.push({ file, scenario: result.value, hash: result.hash });
    else catalog.broken.push({ file, problems: result.problems });
  }
  return catalog;
}
