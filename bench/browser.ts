/**
 * Browser measurements for `npm run bench`: loading times beside a bare Phaser scene, frames per second during a
 * live incident at 10×, and JavaScript sizes. Builds both pages with Vite and serves them from this process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { frameBenchmarks } from './frames';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.bench');
/** Cold loads of each page; the machine is shared, so the median of several. */
const RUNS = 9;
/** Our own JavaScript, gzipped, that may load before the first panel is usable. */
const FIRST_LOAD_BUDGET_KIB = 60;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'index.html') : path;
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * When the page made `mark`, in ms from navigation. Read over the DevTools protocol, polling: Playwright's
 * `waitForFunction` first injects its own script into the page, a main-thread task of 15–50 ms that fell inside a
 * drill's loading (whose page fires `load` early) but after the bare scene's first frame (whose `load` waits for
 * Phaser), so it weighed on one side only.
 */
async function markTime(browser: Browser, url: string, mark: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const protocol = await page.context().newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    const expression = `performance.getEntriesByName(${JSON.stringify(mark)})[0]?.startTime ?? null`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { result } = await protocol.send('Runtime.evaluate', { expression, returnByValue: true });
      if (typeof result.value === 'number') return result.value;
    }
    throw new Error(`${url} never marked ${mark}`);
  } finally {
    await page.close();
  }
}

/**
 * The scripts a page requested up to a performance mark, as paths under the page's origin: the resource entries
 * that started before the mark (module preloads count: the browser fetches them for the page), and the page's
 * entry script, which the HTML names.
 */
async function scriptsBefore(browser: Browser, url: string, mark: string): Promise<Set<string>> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requested: Array<{ url: string; at: number }> = [];
  // Playwright's request events, timed on the page's clock when they arrive: a cross-check of the resource entries.
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.url().endsWith('.js')) requested.push({ url: request.url(), at: Date.now() });
  });
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60_000 });
  const seen = (await page.evaluate(`(() => {
    const mark = performance.getEntriesByName(${JSON.stringify(mark)})[0];
    const origin = performance.timeOrigin;
    return {
      markAt: origin + mark.startTime,
      entries: performance.getEntriesByType('resource').filter((e) => e.startTime <= mark.startTime).map((e) => e.name),
    };
  })()`)) as { markAt: number; entries: string[] };
  await page.close();
  const path = (u: string) => new URL(u).pathname.replace(/^\/+/, '');
  const names = new Set(seen.entries.filter((u) => u.endsWith('.js')).map(path));
  // A script Playwright saw requested before the mark but the resource timeline missed (it should not happen).
  for (const r of requested) if (r.at <= seen.markAt) names.add(path(r.url));
  return names;
}

/** Every JavaScript chunk of a build: its file name (under assets/) and gzipped size in bytes. */
function chunks(dir: string): Array<{ name: string; gz: number }> {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((n) => n.endsWith('.js'))
    .map((name) => ({ name, gz: gzipSync(readFileSync(join(assets, name))).length }))
    .sort((a, b) => b.gz - a.gz);
}

function sizes(dir: string): { phaser: number; ours: number } {
  const assets = join(dir, 'assets');
  let phaser = 0;
  let ours = 0;
  for (const name of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const gz = gzipSync(readFileSync(join(assets, name))).length;
    if (name.startsWith('phaser')) phaser += gz;
    else ours += gz;
  }
  return { phaser, ours };
}

export async function browserBenchmarks(): Promise<string[]> {
  const lines: string[] = [];
  const quiet = { logLevel: 'silent' as const };
  await build({ ...quiet, root: ROOT, mode: 'test', build: { outDir: join(OUT, 'app'), emptyOutDir: true } });
  await build({ ...quiet, root: join(ROOT, 'bench', 'bare'), configFile: join(ROOT, 'vite.config.ts'), base: './', build: { outDir: join(OUT, 'bare'), emptyOutDir: true } });
  const app = await serve(join(OUT, 'app'));
  const bare = await serve(join(OUT, 'bare'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const deepLink = `${app.url}/?scenario=checkout-launch&seed=1`;
    const panels: number[] = [];
    const frames: number[] = [];
    const bareFrames: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      panels.push(await markTime(browser, deepLink, 'firedrill:panels-interactive'));
      frames.push(await markTime(browser, deepLink, 'firedrill:first-frame'));
      bareFrames.push(await markTime(browser, bare.url, 'bare:first-frame'));
    }
    const bareFrame = median(bareFrames);
    lines.push(`browser loading (median of ${RUNS} cold loads, ms from navigation; baseline: a bare Phaser 4 scene built by the same Vite)`);
    lines.push(`  first interactive panel:  ${median(panels).toFixed(0).padStart(6)} ms   ratio to bare first frame ${(median(panels) / bareFrame).toFixed(2)}`);
    lines.push(`  first war-room frame:     ${median(frames).toFixed(0).padStart(6)} ms   ratio to bare first frame ${(median(frames) / bareFrame).toFixed(2)}`);
    lines.push(`  bare Phaser first frame:  ${bareFrame.toFixed(0).padStart(6)} ms`);

    lines.push('');
    lines.push(...(await frameBenchmarks(browser, deepLink, bare.url)));
    const ours = sizes(join(OUT, 'app'));
    const base = sizes(join(OUT, 'bare'));
    lines.push('');
    lines.push('JavaScript, gzipped');
    lines.push(`  Phaser:          ${(ours.phaser / 1024).toFixed(1).padStart(7)} KiB`);
    lines.push(`  Firedrill code:  ${(ours.ours / 1024).toFixed(1).padStart(7)} KiB   (engine, grading, report, panels, scenes; ratio to Phaser ${(ours.ours / ours.phaser).toFixed(2)})`);
    lines.push(`  bare page code:  ${(base.ours / 1024).toFixed(1).padStart(7)} KiB   (its own code beside the same Phaser chunk of ${(base.phaser / 1024).toFixed(1)} KiB)`);

    // Which of our chunks the page fetched before its first panel was usable (a fresh drill from a link), in the
    // union over a few loads, so a chunk fetched early only sometimes still counts against the budget.
    const early = new Set<string>();
    for (let i = 0; i < 3; i++) for (const name of await scriptsBefore(browser, deepLink, 'firedrill:panels-interactive')) early.add(name);
    lines.push('');
    lines.push('our JavaScript per chunk, gzipped (first = requested before the first interactive panel, from a drill link)');
    let before = 0;
    for (const chunk of chunks(join(OUT, 'app')).filter((c) => !c.name.startsWith('phaser'))) {
      const first = early.has(`assets/${chunk.name}`);
      if (first) before += chunk.gz;
      lines.push(`  ${first ? 'first' : 'later'}  ${(chunk.gz / 1024).toFixed(1).padStart(7)} KiB  ${chunk.name}`);
    }
    const phaserEarly = [...early].some((name) => name.startsWith('assets/phaser'));
    lines.push(`  before the first panel: ${(before / 1024).toFixed(1)} KiB of our JavaScript (budget ${FIRST_LOAD_BUDGET_KIB} KiB: ${before / 1024 <= FIRST_LOAD_BUDGET_KIB ? 'within' : 'over'}); Phaser ${phaserEarly ? 'was' : 'was not'} requested before it`);
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
  }
  return lines;
}
