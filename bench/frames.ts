/**
 * Frame rate and frame times of the war room during a live incident at 10×, beside a bare Phaser scene measured in
 * the same run, in the same browser. The machine is shared and has no GPU (software WebGL), so absolute numbers move
 * from run to run; the ratio to the bare scene is what compares across changes.
 */
import type { Browser, Page } from '@playwright/test';

const SECONDS = 10;
/** War room and bare scene take turns this many times; each side keeps its best round (the least disturbed one). */
const ROUNDS = 2;

export interface FrameSample {
  /** Frames per second, counted by the page's requestAnimationFrame. */
  fps: number;
  /** The 95th percentile of the time between two animation frames, in ms. */
  p95: number;
  /** Phaser's own running average of frames per second (0 when the page has none to report). */
  phaserFps: number;
}

/** Counts animation frames for `seconds` and keeps every gap between them. */
export async function sampleFrames(page: Page, seconds = SECONDS): Promise<FrameSample> {
  // Sent as source text: functions compiled by tsx carry helpers the page does not have.
  const result = (await page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let previous = 0;
    let start = 0;
    const step = (now) => {
      if (start === 0) start = now;
      else deltas.push(now - previous);
      previous = now;
      if (now - start < ${seconds * 1000}) requestAnimationFrame(step);
      else resolve({ deltas, elapsed: now - start, phaser: window.__firedrill ? window.__firedrill.fps() : 0 });
    };
    requestAnimationFrame(step);
  })`)) as { deltas: number[]; elapsed: number; phaser: number };
  const sorted = [...result.deltas].sort((a, b) => a - b);
  const p95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  return { fps: (result.deltas.length * 1000) / result.elapsed, p95, phaserFps: result.phaser };
}

/** The war room of a deep-linked drill, the page taken and the clock at 10×. */
async function warRoom(browser: Browser, deepLink: string): Promise<{ sample: FrameSample; minute: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(deepLink);
    await page.getByRole('button', { name: 'Take the page' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('firedrill:first-frame').length > 0, undefined, { timeout: 60_000 });
    await page.keyboard.press('0');
    const sample = await sampleFrames(page);
    const minute = await page.evaluate(() => window.__firedrill!.session()!.run.now());
    return { sample, minute };
  } finally {
    await page.close();
  }
}

async function bareScene(browser: Browser, url: string): Promise<FrameSample> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bare:first-frame').length > 0, undefined, { timeout: 60_000 });
    return await sampleFrames(page);
  } finally {
    await page.close();
  }
}

const best = (samples: FrameSample[]) => samples.reduce((a, b) => (b.fps > a.fps ? b : a));

export async function frameBenchmarks(browser: Browser, deepLink: string, bareUrl: string): Promise<string[]> {
  const ours: FrameSample[] = [];
  const bare: FrameSample[] = [];
  let minute = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const measured = await warRoom(browser, deepLink);
    ours.push(measured.sample);
    minute = measured.minute;
    bare.push(await bareScene(browser, bareUrl));
  }
  const w = best(ours);
  const b = best(bare);
  const row = (name: string, a: string, c: string, ratio: number) => `  ${name.padEnd(26)}${a.padStart(10)}${c.padStart(14)}${ratio.toFixed(2).padStart(9)}`;
  return [
    `live incident at 10× for ${SECONDS} s (game clock reached minute ${minute.toFixed(1)}), beside a bare Phaser scene in the same browser; software WebGL, no GPU here; best of ${ROUNDS} rounds taken in turn`,
    `  ${''.padEnd(26)}${'war room'.padStart(10)}${'bare Phaser'.padStart(14)}${'ratio'.padStart(9)}`,
    row('frames per second (rAF)', w.fps.toFixed(1), b.fps.toFixed(1), w.fps / b.fps),
    row('p95 frame time (rAF)', `${w.p95.toFixed(1)} ms`, `${b.p95.toFixed(1)} ms`, w.p95 / b.p95),
    `  (Phaser's own average for the war room: ${w.phaserFps.toFixed(1)} fps)`,
  ];
}
