import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';

/** The war room's life as the test hook reports it (test builds only). */
const life = (page: Page) => page.evaluate(() => window.__firedrill!.life());

async function startDrill(page: Page): Promise<void> {
  await page.goto('/?scenario=checkout-launch&seed=1');
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('.stage-loading')).toBeHidden({ timeout: 30_000 });
  await expect.poll(async () => (await life(page))?.characters.length ?? 0).toBeGreaterThan(0);
}

/** Sends commands as the player through the session, and skips ahead so messages, arrivals and impact changes come. */
async function playSomeOfIt(page: Page): Promise<void> {
  const ok = await page.evaluate(() => {
    const session = window.__firedrill!.session()!;
    return [
      session.send(session.player, { type: 'acknowledge' }),
      session.send(session.player, { type: 'declare-severity', severity: 'SEV2' }),
      session.send(session.player, { type: 'assign-role', role: 'commander', responder: session.player }),
      session.send(session.player, { type: 'escalate', to: 'priya' }),
      session.send(session.player, { type: 'diagnose', action: 'check-deploys', performer: 'sam' }),
    ].map((r) => r.ok);
  });
  expect(ok).toEqual([true, true, true, true, true]);
  // Priya on her way and Sam at work, as the figures show them.
  await expect.poll(async () => (await life(page))?.characters.map((c) => [c.id, c.activity])).toEqual([
    ['alex', 'idle'],
    ['sam', 'working'],
    ['priya', 'joining'],
  ]);
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Skip to next event' }).click();
    // Two redraws of the scene (every 100 ms), so what arrived is seen before the next skip.
    await page.waitForTimeout(250);
  }
  const view = await page.evaluate(() => window.__firedrill!.session()!.view());
  // The skips brought new timeline lines and someone into the room: things the room would animate.
  expect(view.responders.find((r) => r.id === 'priya')!.status).toBe('present');
  expect(view.timeline.length).toBeGreaterThan(5);
}

test('the pager sound is off by default, toggles from the keyboard and is remembered', async ({ page }) => {
  const errors = watchConsole(page);
  await startDrill(page);
  const toggle = page.getByRole('button', { name: 'Pager sound' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => localStorage.getItem('firedrill:pager-sound'))).toBeNull();

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('firedrill:pager-sound'))).toBe('on');
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => localStorage.getItem('firedrill:pager-sound'))).toBe('off');

  await page.keyboard.press('Space');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Pager sound' })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('with reduced motion the pager, figures, arrivals and alarm show still: no tween ever runs', async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await startDrill(page);
  const ringing = await life(page);
  expect(ringing).toMatchObject({ reducedMotion: true, pager: 'still', tweensStarted: 0, tweensActive: 0 });
  expect(ringing!.characters[0]).toMatchObject({ id: 'alex', activity: 'paged', you: true });

  await playSomeOfIt(page);
  const after = await life(page);
  expect(after).toMatchObject({ reducedMotion: true, pager: 'quiet', tweensStarted: 0, tweensActive: 0 });
  expect(errors).toEqual([]);
});

test('without reduced motion the same drill does move (so the check above can see tweens)', async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await startDrill(page);
  const ringing = await life(page);
  expect(ringing).toMatchObject({ reducedMotion: false, pager: 'ringing' });
  expect(ringing!.tweensActive).toBeGreaterThan(0);
  const before = ringing!.tweensStarted;

  await playSomeOfIt(page);
  const after = await life(page);
  expect(after!.pager).toBe('quiet');
  // Walking in, arriving lines and cards: more tweens started after the page was acknowledged.
  expect(after!.tweensStarted).toBeGreaterThan(before);
  expect(errors).toEqual([]);
});

test('frames are drawn while a tween moves something, and drawing stops once nothing moves', async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await startDrill(page);
  // Paused, so the clock moves nothing: only the ringing pager's tweens change the picture, and it must be drawn.
  const ringing = await life(page);
  expect(ringing).toMatchObject({ pager: 'ringing' });
  expect(ringing!.tweensActive).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect((await life(page))!.framesDrawn - ringing!.framesDrawn).toBeGreaterThan(5);

  // Acknowledged: the ringing stops, the ribbon's highlight sweeps in and fades; then nothing moves and nothing is drawn.
  expect(await page.evaluate(() => window.__firedrill!.session()!.send(window.__firedrill!.session()!.player, { type: 'acknowledge' }).ok)).toBe(true);
  await expect.poll(async () => (await life(page))!.pager).toBe('quiet');
  await expect.poll(async () => (await life(page))!.tweensActive, { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(200);
  const still = (await life(page))!.framesDrawn;
  await page.waitForTimeout(600);
  expect((await life(page))!.framesDrawn).toBe(still);
  expect(errors).toEqual([]);
});

test('with reduced motion a paused room with the page ringing draws no frames at all', async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await startDrill(page);
  await page.waitForTimeout(200);
  const before = await life(page);
  expect(before).toMatchObject({ pager: 'still', tweensActive: 0 });
  await page.waitForTimeout(600);
  expect((await life(page))!.framesDrawn).toBe(before!.framesDrawn);
  expect(errors).toEqual([]);
});

test('only what changed is drawn: a ringing pager redraws its corner, and the canvas always equals the room drawn whole', async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await startDrill(page);
  // Paused, with the pager ringing: each drawn frame repaints the pager's corner, not the 960×600 canvas.
  await page.waitForTimeout(200);
  const before = (await life(page))!;
  await page.waitForTimeout(600);
  const after = (await life(page))!;
  const frames = after.framesDrawn - before.framesDrawn;
  expect(frames).toBeGreaterThan(5);
  expect((after.pixelsDrawn - before.pixelsDrawn) / frames).toBeLessThan(0.1 * 960 * 600);
  for (const region of after.lastRegions) expect(region.x + region.width, JSON.stringify(region)).toBeLessThanOrEqual(340);

  // Running at 10× with messages, arrivals, figures walking in and the alarm: nothing is ever left behind.
  await page.keyboard.press('p');
  await page.keyboard.press('0');
  await expect.poll(() => page.evaluate(() => window.__firedrill!.session()!.run.now())).toBeGreaterThan(0.5);
  const differences: number[] = [];
  const sample = async () => differences.push(await page.evaluate(() => window.__firedrill!.redrawDifference()));
  await sample();
  await playSomeOfIt(page);
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(150);
    await sample();
  }
  expect(differences).toEqual(differences.map(() => 0));
  expect(errors).toEqual([]);
});
