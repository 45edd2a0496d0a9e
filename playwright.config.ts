import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (or CHROMIUM_PATH); Playwright never downloads a browser here. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** FIREDRILL_TEST_PORT lets two checkouts on one machine run their browser tests side by side. */
const PORT = Number(process.env.FIREDRILL_TEST_PORT || 4180);
if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) throw new Error(`FIREDRILL_TEST_PORT must be a port number, not "${process.env.FIREDRILL_TEST_PORT}"`);

/**
 * Where the test server keeps the drills the tests host: never the project's data/ folder. Emptied when the server
 * starts (one port runs one test server at a time), so no drill from an earlier run is brought back.
 */
const DATA = join(tmpdir(), `firedrill-e2e-${PORT}`);

export default defineConfig({
  testDir: 'test/browser',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // The game's own server, as `npm start` runs it, serving the test build (which has the test hook): solo play and
  // group drills are tested against what players use.
  webServer: {
    command: `node -e "fs.rmSync(process.argv[1], { recursive: true, force: true })" ${JSON.stringify(DATA)} && npx vite build --mode test && node bin/run-ts.js src/server/main.ts`,
    // The records test's tiny LRS listens on loopback, which the xAPI export refuses unless allow-listed.
    env: { PORT: String(PORT), HOST: '127.0.0.1', FIREDRILL_DATA: DATA, FIREDRILL_XAPI_ALLOW_HOSTS: '127.0.0.1' },
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
