import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { formatMetric } from '../../src/engine/index';
import { watchConsole } from './console';

/**
 * The solo war room's layout at the sizes players use: nothing scrolls but the panels' own content, no text sits on
 * other text or runs out of its box, no word is broken inside a button or a table cell, and the toasts never cover a
 * control. Each size leaves a screenshot per panel in the test's output folder, to be looked at, not only asserted.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const TABS = ['Respond', 'Diagnose', 'Fix', 'Comms', 'Verify', 'Runbook', 'Postmortem'];

/**
 * Everything wrong with the layout as it is on screen now, as sentences (an empty list when it is right). Runs in the
 * page: it measures the top bar, the open panel, the dashboards table and any visible toast.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > doc.clientHeight) problems.push(`the page scrolls vertically (${doc.scrollHeight} > ${doc.clientHeight})`);
    if (doc.scrollWidth > doc.clientWidth) problems.push(`the page scrolls horizontally (${doc.scrollWidth} > ${doc.clientWidth})`);

    const roots = [...document.querySelectorAll<HTMLElement>('.war-room-bar, .tabpanel:not([hidden]), .dashboard-readout, .toast.visible')];
    if (roots.length < 3) problems.push(`expected the top bar, an open panel and the dashboards table, found ${roots.length} of them`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    /** Clipped to nothing for screen readers only (the `.visually-hidden` pattern, by class or by a rule). */
    const screenReaderOnly = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) if (getComputedStyle(at).clip === 'rect(0px, 0px, 0px, 0px)') return true;
      return false;
    };
    /** Seen by a sighted player: rendered, not transparent, not clipped away as screen-reader-only text. */
    const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !el.closest('select, textarea, option') && !screenReaderOnly(el);

    type Box = { left: number; top: number; right: number; bottom: number };
    /** The boxes of an element's clipping ancestors (scrolling or overflow: hidden), measured once per element. */
    const clips = new Map<Element, Box[]>();
    const clipsOf = (el: Element | null): Box[] => {
      if (!el) return [];
      let found = clips.get(el);
      if (!found) {
        const style = getComputedStyle(el);
        found = [...clipsOf(el.parentElement), ...(style.overflowX === 'visible' && style.overflowY === 'visible' ? [] : [el.getBoundingClientRect()])];
        clips.set(el, found);
      }
      return found;
    };
    /** The part of a box not clipped by a scrolling or clipping ancestor (null when none of it shows). */
    const clipped = (box: Box, from: Node): Box | null => {
      let out = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
      for (const r of clipsOf(from.parentElement)) {
        out = { left: Math.max(out.left, r.left), top: Math.max(out.top, r.top), right: Math.min(out.right, r.right), bottom: Math.min(out.bottom, r.bottom) };
        if (out.right - out.left < 1 || out.bottom - out.top < 1) return null;
      }
      return out;
    };

    // Every visible line of text, as boxes: no two texts may overlap.
    const texts: Array<{ box: Box; node: Text }> = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (!node.data.trim() || !node.parentElement || !shown(node.parentElement)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width < 1 || rect.height < 1) continue;
          const box = clipped(rect, node);
          if (box) texts.push({ box, node });
        }
        // No word broken across lines inside a button, a tab or a table cell ("Re/mo/ve", "SE/V1").
        if (node.parentElement.closest('button, th, td, [role="tab"]')) {
          const word = /\S+/g;
          for (let match = word.exec(node.data); match; match = word.exec(node.data)) {
            const wordRange = document.createRange();
            wordRange.setStart(node, match.index);
            wordRange.setEnd(node, match.index + match[0].length);
            const lines = new Set([...wordRange.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) problems.push(`"${match[0]}" is broken across ${lines.size} lines in ${name(node.parentElement)}`);
          }
        }
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        if (a.node === b.node) continue;
        const overlapX = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const overlapY = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        // A pixel of slack: neighbouring glyph boxes on one line may touch.
        if (overlapX > 1 && overlapY > 1) problems.push(`"${a.node.data.trim().slice(0, 30)}" overlaps "${b.node.data.trim().slice(0, 30)}"`);
      }
    }

    // Text on one line must fit its box, unless it is cut with an ellipsis and the whole of it is in a title.
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!shown(el) || !(el instanceof HTMLElement)) continue;
        const style = getComputedStyle(el);
        if (!style.whiteSpace.startsWith('nowrap') && style.whiteSpace !== 'pre' && style.textWrapMode !== 'nowrap') continue;
        if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
        if (style.textOverflow === 'ellipsis' && (el.title === (el.textContent ?? '').trim() || el.closest('[title]'))) continue;
        problems.push(`${name(el)} overflows: ${el.scrollWidth}px of text in ${el.clientWidth}px`);
      }
    }

    // Toasts sit where they never cover a control.
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], [role="tab"], [tabindex="0"]')].filter(shown);
    for (const toast of document.querySelectorAll('.toast.visible')) {
      if (!shown(toast)) continue;
      const t = toast.getBoundingClientRect();
      for (const control of controls) {
        const c = control.getBoundingClientRect();
        if (c.width === 0 || c.height === 0 || control.contains(toast)) continue;
        if (t.left < c.right && c.left < t.right && t.top < c.bottom && c.top < t.bottom) problems.push(`the toast "${toast.textContent?.slice(0, 30)}" covers ${name(control)}`);
      }
    }
    return problems;
  });
}

async function shoot(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  const path = testInfo.outputPath(`${label}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(label, { path, contentType: 'image/png' });
}

/** The dashboards as the run has them now, formatted in Node with the engine's own formatter. */
async function expectedMetrics(page: Page): Promise<Array<{ label: string; value: string; threshold: string; state: string }>> {
  const raw = await page.evaluate(() => {
    const session = window.__firedrill!.session()!;
    const values = new Map(session.live().dashboards.flatMap((d) => d.metrics.map((m) => [`${d.id}/${m.id}`, m.current] as const)));
    return session.view().dashboards.flatMap((d) => d.metrics.map((m) => ({ ...m, dashboard: d.title, current: values.get(`${d.id}/${m.id}`)! })));
  });
  return raw.map((m) => ({
    label: `${m.dashboard}: ${m.label}`,
    value: formatMetric(m.current, m.unit),
    threshold: m.threshold === null ? 'none' : formatMetric(m.threshold, m.unit),
    state: m.threshold === null ? 'no threshold' : m.current > m.threshold ? 'above threshold' : 'below threshold',
  }));
}

for (const size of SIZES) {
  test(`the solo war room fits ${size.width}×${size.height}: only the panels scroll, nothing overlaps, toasts cover no control`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const errors = watchConsole(page);
    await page.setViewportSize(size);
    await page.goto('/?scenario=checkout-launch&seed=1');
    await page.getByRole('button', { name: 'Take the page' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.locator('.stage-loading')).toBeHidden({ timeout: 30_000 });

    // Some play first, so the panels hold what they hold mid-incident (messages, deadlines, an acknowledged page).
    await page.getByRole('tab', { name: 'Respond' }).click();
    await page.getByRole('button', { name: 'Acknowledge the page' }).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Skip to next event' }).click();

    for (const tab of TABS) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      expect.soft(await layoutProblems(page), `${tab} panel at ${size.width}×${size.height}`).toEqual([]);
      await shoot(page, testInfo, `${size.width}x${size.height}-${tab.toLowerCase()}`);
    }

    // The accessible copy of the dashboards: every metric, with the value the canvas draws and its state.
    const table = page.getByRole('table', { name: /Dashboards/ });
    await expect(table).toBeVisible();
    const expected = await expectedMetrics(page);
    expect(expected.length).toBeGreaterThan(0);
    await expect(table.locator('tbody tr')).toHaveCount(expected.length);
    for (const [i, metric] of expected.entries()) {
      await expect(table.locator('tbody tr').nth(i)).toHaveText(new RegExp(`${escape(metric.label)}\\s*${escape(metric.value)}\\s*${escape(metric.threshold)}\\s*${escape(metric.state)}`, 'i'));
    }
    await expect(page.locator('#metric-announcer')).toHaveAttribute('aria-live', 'polite');

    // Both toasts at once: a confirmation (skipping) and a refusal (acknowledging a page already acknowledged).
    await page.getByRole('tab', { name: 'Respond' }).click();
    await page.getByRole('button', { name: 'Skip to next event' }).click();
    await page.getByRole('tab', { name: 'Respond' }).focus();
    await page.keyboard.press('a');
    await expect(page.locator('.toast.visible')).toHaveCount(2);
    await expect(page.getByRole('alert').filter({ hasText: 'Not possible' })).toHaveCount(1);
    expect.soft(await layoutProblems(page), `toasts at ${size.width}×${size.height}`).toEqual([]);
    await shoot(page, testInfo, `${size.width}x${size.height}-toasts`);

    // The postmortem's action items (inputs and Remove buttons in a table) open once the time limit passes.
    await page.evaluate(() => {
      const session = window.__firedrill!.session()!;
      for (let i = 0; i < 300 && !session.view().available.includes('postmortem'); i++) session.skipToNextEvent();
    });
    await page.getByRole('tab', { name: 'Postmortem' }).click();
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await expect(page.getByRole('button', { name: 'Remove action item 2' })).toBeVisible();
    // The toasts from the skipped time fade first: this part measures the postmortem panel itself.
    await expect(page.locator('.toast.visible')).toHaveCount(0, { timeout: 10_000 });
    expect.soft(await layoutProblems(page), `postmortem form at ${size.width}×${size.height}`).toEqual([]);
    await shoot(page, testInfo, `${size.width}x${size.height}-postmortem-form`);
    expect(errors).toEqual([]);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
