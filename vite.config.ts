import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { scenarioCatalog } from './src/web/catalog-plugin';

export default defineConfig(({ mode }) => ({
  base: './',
  // The scenarios are checked at build time; the page loads each one when a drill needs it.
  plugins: [scenarioCatalog(fileURLToPath(new URL('.', import.meta.url)))],
  define: {
    // The test hook on window exists only in test builds (vite build --mode test).
    __FIREDRILL_TEST__: JSON.stringify(mode === 'test'),
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // Phaser's SVG loader expects files or base64 data; Vite would inline small SVGs URL-encoded, so keep them files.
    assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
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
