import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { scenarioCatalog } from './src/web/catalog-plugin';
import { preloadDisplay } from './src/web/display-preload-plugin';

export default defineConfig(({ mode }) => ({
  base: './',
  // The scenarios are checked at build time; the page loads each one when a drill needs it.
  // Phaser and the war room's scenes are fetched while the page loads (see display-preload-plugin.ts).
  plugins: [scenarioCatalog(fileURLToPath(new URL('.', import.meta.url))), preloadDisplay()],
  define: {
    // The test hook on window exists only in test builds (vite build --mode test).
    __FIREDRILL_TEST__: JSON.stringify(mode === 'test'),
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: keep it in its own chunk so our code's changes do not bust its cache.
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
}));
