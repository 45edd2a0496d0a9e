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
const RUNS = 5;
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

async function markTime(browser: Browser, url: string, mark: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  const at = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, { timeout: 60_000 });
  const value = Number(await at.jsonValue());
  await page.close();
  return value;
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
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
  }
  return lines;
}
