/**
 * Names Phaser and the war room's scenes in the page's HTML as module preloads, so the browser fetches and compiles
 * them while it reads the page, as it would a static import. They are imported on demand (the briefing and the
 * library need neither), and a drill's first war-room frame waited for their download to start only once the page's
 * own script had run. A preload runs nothing: the page still evaluates them only when a drill starts its display.
 */
import type { Plugin } from 'vite';

/** Whether a chunk is the display's: Phaser's own chunk, or the one holding the war room's entry point. */
const isDisplayChunk = (chunk: { name: string; moduleIds: string[] }) => chunk.name === 'phaser' || chunk.moduleIds.some((id) => /[\\/]src[\\/]web[\\/]war-room[\\/]game\.ts$/.test(id));

export function preloadDisplay(): Plugin {
  let base = './';
  return {
    name: 'firedrill-preload-display',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        // The display's chunks and every chunk they import: a chunk left out was fetched only once the display was
        // asked for, and held Phaser's evaluation back by its round trip.
        const wanted = new Set<string>();
        const add = (fileName: string) => {
          const item = bundle[fileName];
          if (!item || item.type !== 'chunk' || wanted.has(fileName)) return;
          wanted.add(fileName);
          item.imports.forEach(add);
        };
        for (const item of Object.values(bundle)) if (item.type === 'chunk' && isDisplayChunk(item)) add(item.fileName);
        const files = [...wanted]
          .map((fileName) => `${base}${fileName}`)
          // A page that imports Phaser statically has its preload already.
          .filter((href) => !html.includes(href));
        return files.map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href }, injectTo: 'head' as const }));
      },
    },
  };
}
