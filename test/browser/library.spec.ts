import { readdirSync } from 'node:fs';
import { expect, test, type ConsoleMessage } from '@playwright/test';

const scenarioCount = readdirSync('scenarios').filter((f) => f.endsWith('.json')).length;

test('the built page loads, lists the scenarios and logs no console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  await page.goto('/');
  await expect(page).toHaveTitle(/Firedrill/);
  const cards = page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(cards).toHaveCount(scenarioCount);
  await expect(page.getByRole('heading', { name: 'Checkout down during the launch' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Search filters stop filtering' })).toBeVisible();
  // Judging severity is part of the drill: the library must not give it away.
  await expect(page.locator('main')).not.toContainText(/SEV[1-4]/);
  await page.screenshot({ path: 'test-results/library.png', fullPage: true });
  expect(problems).toEqual([]);
});
