declare const __FIREDRILL_TEST__: boolean;

/** The scenario index and loaders, made when the game is built (src/web/catalog-plugin.ts). */
declare module 'virtual:firedrill-catalog' {
  export const entries: Array<{ file: string; hash: string; scenario: Pick<import('../engine/index').Scenario, 'id' | 'title' | 'summary' | 'difficulty' | 'estimatedMinutes' | 'topics'>; briefing: import('./briefing-facts').BriefingFacts }>;
  export const broken: Array<{ file: string; problems: import('../engine/index').Problem[] }>;
  export const loaders: Record<string, (() => Promise<{ default: import('../engine/index').Scenario }>) | undefined>;
}
