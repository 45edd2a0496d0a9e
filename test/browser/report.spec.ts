// The engine runs here too (to play the runs the pages show), and is given zod as every Node program gives it.
import '../../src/engine/with-zod';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadScenario, loadScript, replay } from '../../src/engine/index';
import { grade, loadRubric } from '../../src/grading/index';
import { buildReport, renderHtml } from '../../src/report/index';

const PAYLOAD = '<script>alert("script")</script><img src=x onerror="alert(\'img\')"><svg onload="alert(\'svg\')"></svg>';

/** The expert checkout run with a hostile payload in everything the player wrote. */
function hostileReport(): string {
  const read = (file: string) => readFileSync(file, 'utf8');
  const scenario = loadScenario(read('scenarios/checkout-launch.json'), 'checkout-launch.json');
  const script = loadScript(read('test/scripts/checkout-launch/expert.json'), 'expert.json');
  const rubric = loadRubric(read('scenarios/rubrics/default.json'), 'default.json');
  if (!scenario.ok || !script.ok || !rubric.ok) throw new Error('fixtures must load');
  const commands = script.value.map((e) => {
    const c = e.command;
    if (c.type === 'status-update' || c.type === 'respond' || c.type === 'announce') return { ...e, command: { ...c, text: `${c.text}\n${PAYLOAD}` } };
    if (c.type === 'postmortem') return { ...e, command: { ...c, document: { ...c.document, summary: PAYLOAD, rootCause: PAYLOAD, actionItems: c.document.actionItems.map((i) => ({ ...i, owner: PAYLOAD })) } } };
    return e;
  });
  const journal = replay(scenario.value, 1, commands).journal();
  return renderHtml(buildReport(scenario.value, journal, grade(scenario.value, journal, rubric.value), { seed: '1', date: PAYLOAD }));
}

test('the HTML debrief keeps script-injection payloads inert in a real browser', async ({ page }) => {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent(hostileReport(), { waitUntil: 'load' });
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
  // The payload is shown to the reader as text.
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/debrief-hostile.png', fullPage: true });
});
