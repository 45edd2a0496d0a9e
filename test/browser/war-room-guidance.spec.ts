import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';

async function startDrill(page: Page): Promise<void> {
  await page.goto('/?scenario=checkout-launch&seed=3');
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('the "Next:" guidance shows at once after a reload, while the clock is still paused', async ({ page }) => {
  const errors = watchConsole(page);
  await startDrill(page);
  const next = page.locator('.next-deadline');
  await expect(next).toHaveText(/^Next: .+, due /);
  const before = await next.textContent();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  // The clock stays paused after a restore, so nothing ticks to fill the line: it must be there from the start.
  expect(await page.evaluate(() => window.__firedrill!.session()!.paused)).toBe(true);
  await expect(next).toHaveText(before!);
  expect(errors).toEqual([]);
});
