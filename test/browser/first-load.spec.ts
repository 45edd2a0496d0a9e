import { expect, test, type Page, type Route } from '@playwright/test';
import { watchConsole } from './console';

/** The drill part's chunk (src/web/drill-part.ts): the engine and the session load with it. */
const PLAY_CHUNK = /\/assets\/drill-part-[\w-]+\.js$/;

/** Holds the drill part back until `release` is called, so the page is seen as it is before the war room is there. */
async function holdPlayPart(page: Page): Promise<{ held: Promise<void>; release: () => void }> {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen = () => undefined as void;
  const held = new Promise<void>((resolve) => (seen = resolve));
  await page.route(PLAY_CHUNK, async (route: Route) => {
    seen();
    await released;
    await route.continue();
  });
  return { held, release };
}

test('from a drill link the briefing comes first, focused, and "Take the page" clicked at once starts the clock when the war room is there', async ({ page }) => {
  const errors = watchConsole(page);
  const play = await holdPlayPart(page);
  await page.goto('/?scenario=checkout-launch&seed=5');
  await play.held;
  // The briefing is up and has focus, with the war room still to come.
  const title = page.locator('#briefing-title');
  await expect(title).toBeFocused();
  await expect(title).toHaveText('Checkout down during the launch');
  await expect(page.getByRole('tab')).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('firedrill:panels-interactive').length)).toBe(1);
  // Nothing is in storage yet: the drill starts when it can be played.
  expect(await page.evaluate(() => localStorage.getItem('firedrill:active-run'))).toBeNull();

  await page.getByRole('button', { name: 'Take the page' }).click();
  const waiting = page.locator('.briefing button');
  await expect(waiting).toHaveText('Opening the war room…');
  await expect(waiting).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.briefing')).toBeVisible();
  expect(await page.evaluate(() => window.__firedrill!.session())).toBeNull();

  play.release();
  // The click counts as made once the war room is there: the briefing goes, the clock runs, the panels have focus.
  await expect(page.locator('.briefing')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('tab', { selected: true })).toBeFocused();
  expect(await page.evaluate(() => window.__firedrill!.session()!.paused)).toBe(false);
  await expect.poll(() => page.evaluate(() => window.__firedrill!.session()!.run.now())).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem('firedrill:active-run'))).not.toBeNull();
  expect(errors).toEqual([]);
});

test('the war room fills the page around the briefing without moving it: focus stays on its title', async ({ page }) => {
  const errors = watchConsole(page);
  const play = await holdPlayPart(page);
  await page.goto('/?scenario=checkout-launch&seed=6');
  await play.held;
  const briefing = page.locator('.briefing');
  await expect(page.locator('#briefing-title')).toBeFocused();
  const before = await briefing.boundingBox();
  // The very element the war room keeps: marked now, found again after it is there.
  await page.evaluate(() => document.querySelector('.briefing')!.setAttribute('data-seen', 'before the war room'));
  play.release();
  await expect(page.getByRole('tab', { name: /Respond/ })).toBeVisible();
  await expect(page.locator('#briefing-title')).toBeFocused();
  await expect(briefing).toHaveAttribute('data-seen', 'before the war room');
  expect(await briefing.boundingBox()).toEqual(before);
  // Waiting behind the briefing, as ever: the clock starts when the player takes the page.
  expect(await page.evaluate(() => window.__firedrill!.session()!.paused)).toBe(true);
  await page.getByRole('button', { name: 'Take the page' }).click();
  await expect(briefing).toBeHidden();
  expect(await page.evaluate(() => window.__firedrill!.session()!.paused)).toBe(false);
  expect(errors).toEqual([]);
});

test('when the war room cannot load, the briefing says so and offers a reload; the drill in storage is left as it was', async ({ page }) => {
  await page.goto('/?scenario=filters-broken&seed=4');
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.route(PLAY_CHUNK, (route) => route.abort());
  await page.goto('/?scenario=checkout-launch&seed=8');
  const question = page.getByRole('alertdialog', { name: 'You have a drill in progress' });
  // Read once the first page has gone (it saves as it leaves).
  const saved = await page.evaluate(() => localStorage.getItem('firedrill:active-run'));
  expect(saved).toContain('filters-broken');
  await question.getByRole('button', { name: 'Start the new drill' }).click();
  await expect(page.locator('#briefing-title')).toHaveText('Checkout down during the launch');
  await expect(page.getByRole('alert').filter({ hasText: 'The war room could not be loaded' })).toContainText('reload the page to try again');
  // In the player's words: not the browser's message naming a script's address.
  await expect(page.getByRole('alert')).toContainText('the network may have dropped');
  await expect(page.getByRole('alert')).not.toContainText('/assets/');
  const button = page.locator('.briefing button');
  await expect(button).toHaveText('Reload the page');
  await expect(button).not.toHaveAttribute('aria-busy', 'true');
  expect(await page.evaluate(() => localStorage.getItem('firedrill:active-run'))).toBe(saved);
  // The link is still in the address bar: with the network back, a reload asks again, the drill in progress kept.
  await page.unroute(PLAY_CHUNK);
  await button.click();
  await expect(question).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('firedrill:active-run'))).toBe(saved);
});

/** The war room display's chunk (src/web/war-room/game.ts, with Phaser beside it). */
const DISPLAY_CHUNK = /\/assets\/game-[\w-]+\.js$/;

test('a new drill draws its display before building its panels', async ({ page }) => {
  // Display first: when the first canvas frame is marked, no tab exists yet (counted at the mark itself).
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'firedrill:first-frame') (window as unknown as { tabsAtFirstFrame: number }).tabsAtFirstFrame = document.querySelectorAll('[role="tab"]').length;
      return mark(name, options);
    };
  });
  await page.goto('/?scenario=checkout-launch&seed=8');
  await page.waitForFunction(() => performance.getEntriesByName('firedrill:first-frame').length > 0);
  expect(await page.evaluate(() => (window as unknown as { tabsAtFirstFrame?: number }).tabsAtFirstFrame)).toBe(0);
  await expect(page.getByRole('tab')).toHaveCount(7);
});

test('without its display (the chunk fails to load) a new drill still gets its panels and plays', async ({ page: broken }) => {
  // The stage says why it is empty.
  await broken.route(DISPLAY_CHUNK, (route) => route.abort());
  await broken.goto('/?scenario=checkout-launch&seed=9');
  await expect(broken.getByRole('tab')).toHaveCount(7);
  await expect(broken.locator('.stage-loading')).toContainText('The war room display could not load');
  await expect(broken.locator('.stage-loading')).toContainText('The panels still work');
  await broken.getByRole('button', { name: 'Take the page' }).click();
  await expect(broken.getByRole('button', { name: 'Pause' })).toBeVisible();
  await broken.keyboard.press('a');
  await expect.poll(() => broken.evaluate(() => window.__firedrill!.session()!.view().page.acknowledgedAt)).not.toBeNull();
});

test('behind the briefing the drill waits: the panels and the clock controls are not in play until the page is taken', async ({ page }) => {
  await page.goto('/?scenario=db-pool-exhaustion&seed=2');
  await expect(page.getByRole('tab')).toHaveCount(7);
  // Inert: nothing in the panels takes focus or a click; the clock's buttons are disabled.
  await expect(page.locator('.panels')).toHaveJSProperty('inert', true);
  const acknowledge = page.getByRole('button', { name: 'Acknowledge the page' });
  await acknowledge.evaluate((button: HTMLElement) => button.focus());
  await expect(acknowledge).not.toBeFocused();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Skip to next event' })).toBeDisabled();
  expect(await page.evaluate(() => window.__firedrill!.session()!.paused)).toBe(true);

  await page.getByRole('button', { name: 'Take the page' }).click();
  await expect(page.locator('.panels')).toHaveJSProperty('inert', false);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled();
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  await expect.poll(() => page.evaluate(() => window.__firedrill!.session()!.view().page.acknowledgedAt)).not.toBeNull();
});

test('the briefing needs no more than the page: it shows while the scenario itself is still loading', async ({ page }) => {
  const errors = watchConsole(page);
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(/\/assets\/checkout-launch-[\w-]+\.js$/, async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  await page.goto('/?scenario=checkout-launch&seed=5');
  await expect(page.locator('#briefing-title')).toBeFocused();
  await expect(page.locator('#briefing-title')).toHaveText('Checkout down during the launch');
  await expect(page.locator('.briefing')).toContainText('You are ');
  expect(requested).toBe(true);
  release();
  await expect(page.getByRole('tab')).toHaveCount(7);
  expect(errors).toEqual([]);
});

test('when the scenario cannot load, the briefing says so and nothing in storage is touched', async ({ page }) => {
  await page.route(/\/assets\/checkout-launch-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/?scenario=checkout-launch&seed=5');
  await expect(page.getByRole('alert').filter({ hasText: 'The war room could not be loaded' })).toContainText('the scenario could not be loaded: it did not download');
  await expect(page.locator('.briefing button')).toHaveText('Reload the page');
  expect(await page.evaluate(() => localStorage.getItem('firedrill:active-run'))).toBeNull();
});

test('the panels load only once the display has drawn its first frame', async ({ page }) => {
  await page.goto('/?scenario=checkout-launch&seed=8');
  await expect(page.getByRole('tab')).toHaveCount(7);
  const [firstFrame, panelsRequested] = await page.evaluate(() => [
    performance.getEntriesByName('firedrill:first-frame')[0]?.startTime ?? null,
    performance.getEntriesByType('resource').find((entry) => /\/panels-part-[\w-]+\.js$/.test(entry.name))?.startTime ?? null,
  ]);
  expect(firstFrame).not.toBeNull();
  expect(panelsRequested).not.toBeNull();
  expect(panelsRequested!).toBeGreaterThanOrEqual(firstFrame!);
});

test('a drill reloaded before its page was taken opens on its briefing again, not as a resumed war room', async ({ page }) => {
  await page.goto('/?scenario=checkout-launch&seed=12');
  await expect(page.getByRole('tab')).toHaveCount(7);
  await page.reload();
  await expect(page.getByRole('tab')).toHaveCount(7);
  await expect(page.locator('.briefing')).toBeVisible();
  await expect(page.locator('#briefing-title')).toBeFocused();
  await expect(page.getByText('Resumed where you left off')).toHaveCount(0);
  await expect(page.locator('.panels')).toHaveJSProperty('inert', true);
  await page.getByRole('button', { name: 'Take the page' }).click();
  await expect(page.locator('.briefing')).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.__firedrill!.session()!.paused)).toBe(false);
});
