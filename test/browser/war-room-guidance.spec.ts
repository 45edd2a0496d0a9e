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

test('after a status update is sent, the box starts over for the next one and the live check never judges the sent one', async ({ page }) => {
  const errors = watchConsole(page);
  await startDrill(page);
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  await page.getByRole('radio', { name: 'SEV1' }).check();
  await page.getByRole('button', { name: 'Declare' }).click();
  await page.getByRole('tab', { name: 'Comms' }).click();
  const box = page.locator('#status-update');
  const hints = page.locator('#update-hints');
  const template = await box.inputValue();
  expect(template).toMatch(/Update #1/);
  const update = template
    .replace('Current Status: ', 'Current Status: Checkout is failing for most shoppers since the launch')
    .replace('Impact: ', 'Impact: About 60% of checkout attempts fail; carts are kept')
    .replace('Actions: ', 'Actions: Checking the checkout API errors and the launch deploy');
  await box.fill(update);
  await expect(hints).toHaveText('Every template field is there.');
  // Every state of the check, as it is drawn: it is a live region, so even a passing state is read out.
  await page.evaluate(() => {
    const list = document.querySelector('#update-hints')!;
    const seen: string[] = [];
    (window as unknown as { hintsSeen: string[] }).hintsSeen = seen;
    new MutationObserver(() => seen.push(list.textContent ?? '')).observe(list, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Send to stakeholders' }).click();
  await expect(page.locator('.channel')).toContainText('You sent update #1');
  await expect(box).toHaveValue(/Update #2/);
  // The fresh template is checked as a fresh template would be, for update #2.
  await expect(hints).toContainText('Missing: Current Status');
  const seen = await page.evaluate(() => (window as unknown as { hintsSeen: string[] }).hintsSeen);
  expect(seen.length).toBeGreaterThan(0);
  for (const state of seen) expect(state).not.toMatch(/Numbered #1|Vague/);
  // An emptied box is not judged: nothing is written yet.
  await box.fill('');
  await expect(hints).toHaveText(/^Nothing written yet/);
  expect(errors).toEqual([]);
});
