import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';

/**
 * The war room canvas at the common screen sizes: at busy moments of a drill (responders paged and joining, roles,
 * deadlines, alerts) no two texts overlap and every text stays inside its card. The canvas is read through the test
 * hook, which reports each text object's box and each card's box in page pixels.
 */

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
/** Checkout is the reference drill; the storage outage has the longest page title and dashboard names, and the holiday return more responders than the card has places. */
const SCENARIOS = ['checkout-launch', 's3-playbook-typo', 'slack-holiday-return'];

type Box = { left: number; top: number; width: number; height: number };
type CanvasText = Box & { key: string; card: string; text: string };
type CanvasCard = Box & { card: string; overlay?: boolean };

/** Half a CSS pixel: boxes converted from game pixels land on fractions, and touching is not overlapping. */
const SLACK = 0.5;

const overlap = (a: Box, b: Box) => a.left + a.width - SLACK > b.left && b.left + b.width - SLACK > a.left && a.top + a.height - SLACK > b.top && b.top + b.height - SLACK > a.top;
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - SLACK && inner.top >= outer.top - SLACK && inner.left + inner.width <= outer.left + outer.width + SLACK && inner.top + inner.height <= outer.top + outer.height + SLACK;

/**
 * The canvas once it shows what the run shows now: the scene redraws what the clock moves at most every 50 ms, so
 * the read waits a little longer than that, then two animation frames (one to update, one to draw).
 */
async function canvas(page: Page): Promise<{ texts: CanvasText[]; cards: CanvasCard[] }> {
  await page.waitForTimeout(120);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => ({ texts: window.__firedrill!.canvasTexts(), cards: window.__firedrill!.canvasCards() }));
}

/** Everything wrong with the canvas's layout now, as readable lines (none when it is right). */
function problems({ texts, cards }: { texts: CanvasText[]; cards: CanvasCard[] }): string[] {
  const found: string[] = [];
  const byCard = new Map(cards.map((c) => [c.card, c]));
  for (const text of texts) {
    const card = byCard.get(text.card);
    if (!card) found.push(`"${text.text}" (${text.key}) belongs to no card`);
    else if (!inside(text, card)) found.push(`"${text.text}" (${text.key}) leaves its card ${text.card}: ${JSON.stringify(text)} in ${JSON.stringify(card)}`);
  }
  // An overlay (an arriving message's card) is opaque and drawn over the other cards for a few seconds: what it covers
  // is hidden, not overlapped. Its texts are still checked against each other and must stay inside it.
  const onTop = (text: CanvasText) => byCard.get(text.card)?.overlay === true;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (onTop(texts[i]!) !== onTop(texts[j]!)) continue;
      if (overlap(texts[i]!, texts[j]!)) found.push(`"${texts[i]!.text}" (${texts[i]!.key}) overlaps "${texts[j]!.text}" (${texts[j]!.key})`);
    }
  }
  return found;
}

/** Acknowledges, declares, names a commander and pages every responder, as a busy first minutes would. */
async function busyStart(page: Page): Promise<void> {
  await page.evaluate(() => {
    const session = window.__firedrill!.session()!;
    const me = session.player;
    session.send(me, { type: 'acknowledge' });
    session.send(me, { type: 'declare-severity', severity: 'SEV1' });
    for (const r of session.view().responders) if (r.status === 'not-paged') session.send(me, { type: 'escalate', to: r.id });
    const others = session.view().responders.filter((r) => r.id !== me);
    session.send(me, { type: 'assign-role', role: 'commander', responder: me });
    session.send(me, { type: 'assign-role', role: 'scribe', responder: me });
    if (others[0]) session.send(me, { type: 'assign-role', role: 'communications', responder: others[0].id });
  });
}

for (const scenario of SCENARIOS) {
  for (const viewport of VIEWPORTS) {
    test(`the war room canvas of ${scenario} at ${viewport.width}×${viewport.height}: no text overlaps another or leaves its card`, async ({ page }) => {
      test.setTimeout(90_000);
      const errors = watchConsole(page);
      await page.setViewportSize(viewport);
      await page.goto(`/?scenario=${scenario}&seed=1`);
      await page.getByRole('button', { name: 'Take the page' }).click();
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(page.locator('.stage-loading')).toBeHidden({ timeout: 30_000 });

      // Before anything is done: the page waiting, the first deadlines counting down.
      const moments = [await canvas(page)];
      await busyStart(page);
      // Paged responders on their way ("joins T+…"), roles badged, deadlines set by the declaration.
      moments.push(await canvas(page));
      for (let i = 0; i < 4; i++) {
        await page.getByRole('button', { name: 'Skip to next event' }).click();
        moments.push(await canvas(page));
      }

      for (const [i, moment] of moments.entries()) {
        // A canvas with nothing on it would pass every check below: it must show its cards and plenty of text.
        expect(moment.cards.map((c) => c.card)).toEqual(expect.arrayContaining(['header', 'pager', 'deadlines', 'responders', 'chart0', 'ribbon']));
        expect(moment.texts.length, `texts at moment ${i}`).toBeGreaterThan(25);
        expect(problems(moment), `layout problems at moment ${i}`).toEqual([]);
      }

      // The busy moment shows what it should: responders joining (a figure's countdown) and deadlines with countdowns.
      const busy = moments[1]!.texts;
      expect(busy.some((t) => t.card === 'responders' && /^person:.+:caption$/.test(t.key.split('/')[1]!) && /^in (\d+m \d\ds|\d+h \d\dm)$/.test(t.text))).toBe(true);
      expect(busy.filter((t) => t.card === 'deadlines' && /:time$/.test(t.key)).length).toBeGreaterThan(0);

      // Every chart is readable: its unit in the title, a value axis, a time axis in game minutes, the threshold named.
      const last = moments.at(-1)!;
      const charts = last.cards.filter((c) => c.card.startsWith('chart')).map((c) => c.card);
      const shown = charts.filter((card) => last.texts.some((t) => t.card === card));
      expect(shown.length).toBeGreaterThan(0);
      for (const card of shown) {
        const texts = last.texts.filter((t) => t.card === card);
        expect(texts.find((t) => t.key === `${card}/title`)?.text, `${card} title`).toMatch(/\((%|count|[^)]+)\)$/);
        expect(texts.filter((t) => t.key.startsWith(`${card}/axis:value`)).length, `${card} value ticks`).toBeGreaterThanOrEqual(2);
        expect(texts.filter((t) => t.key.startsWith(`${card}/axis:time`)).every((t) => /^T[+−]\d\d:\d\d$/.test(t.text))).toBe(true);
        expect(texts.filter((t) => t.key.startsWith(`${card}/axis:time`)).length, `${card} time ticks`).toBeGreaterThanOrEqual(2);
      }
      const thresholds = last.texts.filter((t) => t.key.endsWith('/threshold'));
      expect(thresholds.length).toBeGreaterThan(0);
      for (const t of thresholds) expect(t.text).toMatch(/^threshold \d/);
      expect(errors).toEqual([]);
    });
  }
}
