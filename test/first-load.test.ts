/**
 * What a drill link runs before its briefing is on screen: the page's entry chunk and every chunk it imports
 * statically (the browser fetches all of them before running any), then the scenario's own chunk. The validator
 * (zod, the JSON reader), the lifecycle machine (xstate), the engine's rules and the war room must not be among them:
 * they load behind the briefing (see src/web/main.ts). Checked on a real build, as the bench measures it.
 */
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Modules that would make the first load heavy, by where they live. */
const HEAVY = [
  /node_modules[\\/]zod[\\/]/,
  /node_modules[\\/]xstate[\\/]/,
  /node_modules[\\/]jsonc-parser[\\/]/,
  /node_modules[\\/]phaser[\\/]/,
  /node_modules[\\/]lit-html[\\/]/,
  /src[\\/]engine[\\/](rules|run|view|lifecycle[\\/]|commands[\\/]|scenario[\\/](schema|load))/,
  /src[\\/]web[\\/](session|war-room-screen|debrief-screen|library|restore)\.ts$/,
  /src[\\/]web[\\/](war-room|panels|group|records)[\\/]/,
];

let chunks: Rolldown.OutputChunk[] = [];
let html = '';

beforeAll(async () => {
  const output = (await build({ root: ROOT, mode: 'test', logLevel: 'silent', build: { write: false } })) as Rolldown.RolldownOutput;
  chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const page = output.output.find((item) => item.fileName === 'index.html');
  html = page?.type === 'asset' ? String(page.source) : '';
}, 120_000);

/** The entry chunk and what it imports statically, to the end. */
function firstChunks(): Rolldown.OutputChunk[] {
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  return withImports(entry);
}

/** A chunk and what it imports statically, to the end. */
function withImports(start: Rolldown.OutputChunk): Rolldown.OutputChunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) visit(imported);
    }
  };
  visit(start);
  return [...seen.values()];
}

const heavyIn = (list: Rolldown.OutputChunk[]) => list.flatMap((chunk) => chunk.moduleIds.filter((id) => HEAVY.some((pattern) => pattern.test(id))).map((id) => `${chunk.fileName}: ${id}`));

describe('the first load from a drill link', () => {
  it('runs no validator, no lifecycle machine, no engine rules and no war room before the briefing', () => {
    const first = firstChunks();
    expect(first.flatMap((chunk) => chunk.moduleIds).some((id) => id.endsWith('src/web/main.ts'))).toBe(true);
    expect(heavyIn(first)).toEqual([]);
  });

  it('names the display and every chunk it imports as module preloads in the page, so none waits for the display to be asked for', () => {
    const display = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith('src/web/war-room/game.ts')));
    if (!display) throw new Error('the build has no war room display chunk');
    const entry = chunks.find((chunk) => chunk.isEntry)!;
    const needed = withImports(display).filter((chunk) => chunk !== entry);
    expect(needed.length).toBeGreaterThan(2);
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\.\/([^"]+)"/g)].map((match) => match[1]);
    for (const chunk of needed) expect(preloaded).toContain(chunk.fileName);
  });

  it('loads a scenario as data alone: its chunk imports nothing', () => {
    const scenario = chunks.find((chunk) => chunk.moduleIds.some((id) => id.includes('virtual:firedrill-scenario/checkout-launch')));
    expect(scenario?.imports).toEqual([]);
    expect(scenario?.moduleIds.every((id) => id.includes('virtual:firedrill-scenario/'))).toBe(true);
  });

  it('starts the war room display beside the briefing without the validator, the machine or the rules', () => {
    // A new drill requests the display (Phaser and the room's scenes) with its scenario: whatever the display imports
    // statically comes with it, before the briefing, so it must stay clear of the engine's heavy part.
    const display = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith('src/web/war-room/game.ts')));
    if (!display) throw new Error('the build has no war room display chunk');
    const heavy = heavyIn(withImports(display)).filter((line) => !/node_modules[\\/]phaser[\\/]|src[\\/]web[\\/]war-room[\\/]/.test(line));
    expect(heavy).toEqual([]);
  });

  it('starts a new drill without zod: the drill part runs the engine, zod comes later with the panels', () => {
    // Zod was nearly half of the drill part, which the war room's first frame waits for (see src/engine/lazy-schema.ts).
    const part = (file: string) => chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(file)));
    const drill = part('src/web/drill-part.ts');
    const panels = part('src/web/panels-part.ts');
    if (!drill || !panels) throw new Error('the build has no drill part or no panels part');
    const ids = (list: Rolldown.OutputChunk[]) => list.flatMap((chunk) => chunk.moduleIds);
    expect(ids(withImports(drill)).some((id) => id.includes('src/engine/rules.ts'))).toBe(true);
    expect(ids(withImports(drill)).filter((id) => /node_modules[\\/]zod[\\/]/.test(id))).toEqual([]);
    // The page asks for zod itself, in a chunk of its own, beside the panels.
    const entry = chunks.find((chunk) => chunk.isEntry)!;
    const zod = chunks.filter((chunk) => chunk.moduleIds.some((id) => /node_modules[\\/]zod[\\/]/.test(id)));
    expect(zod.some((chunk) => entry.dynamicImports.includes(chunk.fileName))).toBe(true);
  });

  it('keeps the engine and the war room in the build, for the drill and panels parts loaded behind the briefing', () => {
    // The check above would pass on a build that lost them: this one says the patterns still find what they look for.
    expect(heavyIn(chunks).some((line) => /node_modules[\\/]zod[\\/]/.test(line))).toBe(true);
    expect(heavyIn(chunks).some((line) => /node_modules[\\/]xstate[\\/]/.test(line))).toBe(true);
    expect(heavyIn(chunks).some((line) => /src[\\/]web[\\/]war-room-screen\.ts/.test(line))).toBe(true);
  });
});
