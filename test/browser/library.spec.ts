import { readdirSync, readFileSync } from 'node:fs';
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

  // Filters narrow the library; every card says what it practises, never its severity.
  await expect(page.locator('.card .practises').first()).toContainText('Practises:');
  await page.getByLabel('Difficulty', { exact: true }).selectOption('beginner');
  const beginners = readdirSync('scenarios').filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))).filter((s) => s.difficulty === 'beginner').length;
  await expect(cards.filter({ visible: true })).toHaveCount(beginners);
  await expect(page.locator('#filter-count')).toHaveText(`Showing ${beginners} of ${scenarioCount} scenarios.`);
  await page.getByLabel('Difficulty', { exact: true }).selectOption('');
  await page.getByLabel('Topic', { exact: true }).selectOption('alert-quality');
  await expect(cards.filter({ visible: true })).toHaveCount(1);
  await expect(cards.filter({ visible: true })).toContainText('A noisy on-call shift');
  expect(problems).toEqual([]);
});
