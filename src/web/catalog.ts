/**
 * The scenarios shipped with the build. Each file is checked when the game is built, with the same loader the CLI
 * uses (see catalog-plugin.ts): the page starts with a small index, the scenarios' titles, summaries and topics, and
 * loads a scenario's content only when a drill needs it. A broken file shows its problems in the library instead of
 * breaking the page.
 */
import { broken, entries, loaders } from 'virtual:firedrill-catalog';
import type { Problem, Scenario } from '../engine/index';
import type { BriefingFacts } from './briefing-facts';

/** What the index holds of a scenario (the library's cards, the links, titles in messages). */
export type ScenarioSummary = Pick<Scenario, 'id' | 'title' | 'summary' | 'difficulty' | 'estimatedMinutes' | 'topics'>;

/** A scenario in the index: what the library shows, and the hash of its content. */
export interface IndexEntry {
  file: string;
  scenario: ScenarioSummary;
  hash: string;
  /** What the drill's briefing shows, so a link shows it before the scenario's content has loaded. */
  briefing: BriefingFacts;
}

/** A scenario with its full content, checked: what a drill plays. */
export interface CatalogEntry {
  file: string;
  scenario: Scenario;
  hash: string;
}

/** The scenario index the page starts with. */
export interface CatalogIndex {
  scenarios: IndexEntry[];
  broken: Array<{ file: string; problems: Problem[] }>;
}

/** The catalog with every scenario's content, for the pages that need all of it (group drills, records). */
export interface Catalog {
  scenarios: CatalogEntry[];
  broken: Array<{ file: string; problems: Problem[] }>;
}

export function loadCatalog(): CatalogIndex {
  return { scenarios: entries, broken };
}

const loading = new Map<string, Promise<CatalogEntry>>();

/** The entry's scenario, loaded once: its chunk is fetched the first time a drill needs it. */
export function loadEntry(entry: IndexEntry): Promise<CatalogEntry> {
  let promise = loading.get(entry.scenario.id);
  if (!promise) {
    const load = loaders[entry.scenario.id];
    promise = load
      ? load().then((module) => ({ file: entry.file, hash: entry.hash, scenario: module.default }))
      : Promise.reject(new Error(`the scenario "${entry.scenario.id}" is not in this build`));
    // A failed load (the network dropped) is tried again next time.
    promise.catch(() => loading.delete(entry.scenario.id));
    loading.set(entry.scenario.id, promise);
  }
  return promise;
}

export async function loadFullCatalog(catalog: CatalogIndex): Promise<Catalog> {
  return { scenarios: await Promise.all(catalog.scenarios.map(loadEntry)), broken: catalog.broken };
}
