import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';
import { audit } from './axe';


/** Reads the running drill through the test hook (present only in test builds). */
const state = (page: Page) =>
  page.evaluate(() => {
    const session = window.__firedrill!.session()!;
    const view = session.view();
    return {
      now: session.run.now(),
      phase: view.phase,
      findings: view.findings.length,
      messages: view.messages.map((m) => ({ inject: m.inject, answered: m.answered })),
      present: view.responders.filter((r) => r.status === 'present').map((r) => r.id),
      actions: Object.fromEntries(view.actions.map((a) => [a.id, a.status])),
      recovered: session.live().dashboards[0]!.metrics[0]!.current < 1,
      journal: session.run.journal().length,
      rejected: session.run.journal().filter((e) => e.kind === 'event' && e.event.type === 'command.rejected').length,
    };
  });

type State = Awaited<ReturnType<typeof state>>;

async function skipUntil(page: Page, done: (s: State) => boolean, limit = 40): Promise<State> {
  for (let i = 0; i < limit; i++) {
    const s = await state(page);
    if (done(s)) return s;
    await page.getByRole('button', { name: 'Skip to next event' }).click();
  }
  throw new Error(`condition not reached after ${limit} skips: ${JSON.stringify(await state(page))}`);
}

async function startDrill(page: Page, seed = 1): Promise<void> {
  await page.goto(`/?scenario=checkout-launch&seed=${seed}`);
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
}

const openTab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
const actionRow = (page: Page, label: string) => page.locator('.action', { hasText: label });

async function startAction(page: Page, tab: 'Diagnose' | 'Fix', label: string, performer: string): Promise<void> {
  await openTab(page, tab);
  const row = actionRow(page, label);
  await row.getByRole('combobox').selectOption(performer);
  await row.getByRole('button', { name: tab === 'Diagnose' ? 'Start' : 'Apply' }).click();
}

async function sendUpdate(page: Page, text: string): Promise<void> {
  await openTab(page, 'Comms');
  await page.locator('#status-update').fill(text);
  await page.getByRole('button', { name: 'Send to stakeholders' }).click();
}

async function answer(page: Page, from: string, text: string): Promise<void> {
  await openTab(page, 'Comms');
  const message = page.locator('.channel li', { hasText: from }).filter({ has: page.getByRole('button', { name: 'Answer' }) });
  await message.getByRole('textbox').fill(text);
  await message.getByRole('button', { name: 'Answer' }).click();
}

async function check(page: Page, item: string): Promise<void> {
  await openTab(page, 'Verify');
  await page.locator('.checklist li', { hasText: item }).getByRole('button', { name: 'Check now' }).click();
}

test('a full solo playthrough of the checkout outage reaches a debrief whose run re-grades to the same score', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  await startDrill(page);
  await expect(page.locator('.stage-loading')).toBeHidden({ timeout: 30_000 });

  await openTab(page, 'Respond');
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  await page.getByRole('radio', { name: 'SEV1' }).check();
  await page.getByRole('button', { name: 'Declare' }).click();
  await page.locator('#role-commander').selectOption('alex');
  await page.locator('.role-row', { hasText: 'Incident commander' }).getByRole('button', { name: 'Assign' }).click();
  await page.locator('#role-scribe').selectOption('sam');
  await page.locator('.role-row', { hasText: 'Scribe' }).getByRole('button', { name: 'Assign' }).click();
  await page.getByRole('button', { name: 'Page Priya Nair' }).click();
  await page.getByRole('button', { name: 'Page Sarah Chen' }).click();
  await startAction(page, 'Diagnose', 'Check recent deploys', 'sam');
  await sendUpdate(page, '[09:00] [SEV-1] Update #1\nCurrent Status: Investigating a high error rate on checkout\nImpact: Most purchases are failing for all customers\nActions: Checking recent deploys and logs; secondary on-call and team lead paged\nNext Update: In 15 minutes');
  await expect(page.getByText('You sent update #1')).toBeVisible();

  await skipUntil(page, (s) => s.actions['check-deploys'] === 'done');
  await startAction(page, 'Diagnose', 'Check logs for error patterns', 'sam');
  await skipUntil(page, (s) => s.actions['check-logs'] === 'done' && s.present.includes('priya') && s.present.includes('sarah'));
  await openTab(page, 'Diagnose');
  await expect(page.locator('.findings li').first()).toContainText('checkout-api v4.2.0');
  await page.screenshot({ path: testInfo.outputPath('war-room.png'), fullPage: true });
  await audit(page, 'the war room');

  await openTab(page, 'Respond');
  await page.locator('#role-operations').selectOption('priya');
  await page.locator('.role-row', { hasText: 'Operations' }).getByRole('button', { name: 'Assign' }).click();
  await page.locator('#role-communications').selectOption('sarah');
  await page.locator('.role-row', { hasText: 'Communications' }).getByRole('button', { name: 'Assign' }).click();
  await page.locator('#announce-text').fill('Change: Priya will roll back checkout-api from v4.2.0 to v4.1.3');
  await page.getByRole('button', { name: 'Announce' }).click();
  await startAction(page, 'Fix', 'Roll back checkout-api to v4.1.3', 'priya');

  await skipUntil(page, (s) => s.messages.some((m) => m.inject === 'vp-asks-eta'));
  await answer(page, 'Lena Park', 'A rollback of the morning deploy is under way; checkout should recover within about ten minutes.');
  await sendUpdate(page, '[09:12] [SEV-1] Update #2\nCurrent Status: Rolling back checkout-api to v4.1.3\nImpact: Most purchases are failing for all customers\nActions: Rollback in progress, watching the error rate\nNext Update: In 15 minutes');
  await skipUntil(page, (s) => s.messages.some((m) => m.inject === 'support-surge') && s.recovered);
  await answer(page, 'Omar Haddad', 'Checkout is recovering after a rollback; customers can retry their orders now.');
  await check(page, 'Fix deployed');
  await check(page, 'Key metrics back to normal');
  const recoveredAt = (await state(page)).now;
  await skipUntil(page, (s) => s.now >= recoveredAt + 5);
  await check(page, 'Logs show error rate stabilized');
  await sendUpdate(page, '[09:25] [SEV-1] Update #3\nCurrent Status: Resolved: checkout has recovered after the rollback\nImpact: Purchases failed for most customers for about 20 minutes; none since\nActions: Monitoring for regressions; postmortem to follow\nNext Update: In 60 minutes');
  await check(page, 'Stakeholders notified of recovery');
  await page.getByRole('button', { name: 'Resolve the incident' }).click();
  await page.getByRole('dialog', { name: 'Resolve the incident?' }).getByRole('button', { name: 'Resolve' }).click();
  await expect(page.locator('.war-room .phase')).toHaveText('Resolved');

  await openTab(page, 'Postmortem');
  await page.locator('#pm-summary').fill('Checkout failed for about 20 minutes after checkout-api v4.2.0. SEV1. Owner: Alex Rivera.');
  await page.locator('#pm-impact').fill('Most purchases failed at the start of the launch; support tickets rose sharply.');
  await expect(page.locator('#pm-timeline')).toHaveValue(/Page: High error rate on \/api\/checkout/);
  await page.locator('#pm-rootCause').fill('The new payment adapter did not handle guest checkouts without a billing address; tests covered only signed-in customers.');
  await page.locator('#pm-wentWell').fill('A specific alert with a runbook; commander named at once; rollback chosen from evidence.');
  await page.locator('#pm-needsImprovement').fill('Guest checkout test coverage; feature flags for launch-day changes.');
  await page.getByLabel('Action item 1: action').fill('Add integration tests for guest checkout');
  await page.getByLabel('Action item 1: owner').fill('Sam Okafor');
  await page.getByLabel('Action item 1: priority').fill('P1');
  await page.getByLabel('Action item 1: status').fill('Open');
  await page.getByRole('radio', { name: /Good: specific/ }).check();
  await page.getByRole('button', { name: 'Record the alert rating' }).click();
  await page.getByRole('button', { name: 'Save postmortem' }).click();
  await page.getByRole('button', { name: 'Finish the drill and see the debrief' }).click();

  const score = page.getByTestId('overall-score');
  await expect(score).toBeVisible();
  const shown = Number(await score.textContent());
  expect(shown).toBeGreaterThanOrEqual(60);
  await page.screenshot({ path: testInfo.outputPath('debrief.png'), fullPage: true });
  await audit(page, 'the debrief');

  const downloads: Record<string, string> = {};
  for (const [label, name] of [['Download Markdown', 'md'], ['Download HTML', 'html'], ['Download JSON', 'json'], ['Download the run', 'run']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    downloads[name] = path;
  }
  expect(readFileSync(downloads.md!, 'utf8')).toMatch(/^# Debrief: Checkout down during the launch/);
  expect(readFileSync(downloads.html!, 'utf8')).toMatch(/^<!doctype html>/);
  expect(JSON.parse(readFileSync(downloads.json!, 'utf8')).score.overall).toBe(shown);
  const cli = execFileSync(process.execPath, ['bin/firedrill.js', 'report', 'scenarios/checkout-launch.json', '--script', downloads.run!, '--format', 'json'], { encoding: 'utf8' });
  expect(JSON.parse(cli).score.overall).toBe(shown);
  expect((await state(page)).rejected).toBe(0);
  expect(errors).toEqual([]);
});

test('a reload mid-incident resumes the same timeline, and keeps what the player was writing', async ({ page }) => {
  const errors = watchConsole(page);
  await startDrill(page, 7);
  await openTab(page, 'Respond');
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  await page.getByRole('radio', { name: 'SEV1' }).check();
  await page.getByRole('button', { name: 'Declare' }).click();
  await startAction(page, 'Diagnose', 'Check recent deploys', 'sam');
  await skipUntil(page, (s) => s.now >= 6);
  await openTab(page, 'Comms');
  await page.locator('#status-update').fill('Half-written update that must survive a reload');
  const before = await page.evaluate(() => ({ journal: window.__firedrill!.session()!.run.journal(), now: window.__firedrill!.session()!.run.now() }));

  await page.reload();
  await expect(page.getByRole('button', { name: 'Take the page' })).toBeHidden();
  // A resumed drill waits for the player.
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const after = await page.evaluate(() => ({ journal: window.__firedrill!.session()!.run.journal(), now: window.__firedrill!.session()!.run.now() }));
  expect(after.journal.slice(0, before.journal.length)).toEqual(before.journal);
  expect(after.now).toBeGreaterThanOrEqual(before.now);
  expect(after.now - before.now).toBeLessThan(1);
  await openTab(page, 'Comms');
  await expect(page.locator('#status-update')).toHaveValue('Half-written update that must survive a reload');
  await openTab(page, 'Diagnose');
  await expect(page.locator('.findings li').first()).toContainText('Check recent deploys');
  expect(errors).toEqual([]);
});

test('a corrupt save is reported and set aside, never a crash', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('firedrill:active-run', '{"save": {"formatVersion": 1, "scenarioId": "checkout-launch", "scenarioHash": "stale", "seed": "1", "commands": []}}'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be restored');
  await expect(page.getByRole('alert')).toContainText('another version of "checkout-launch"');
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.startsWith('firedrill:set-aside:'))).toBe(true);
  expect(keys).not.toContain('firedrill:active-run');
  expect(errors).toEqual([]);
});

test('a bad deep link shows a clear message over the library', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/?scenario=no-such-outage&seed=4');
  await expect(page.getByRole('alert')).toHaveText('There is no scenario "no-such-outage". Pick one from the library below.');
  await expect(page.getByRole('heading', { name: 'Checkout down during the launch' })).toBeVisible();
  await page.goto('/?scenario=checkout-launch&seed=banana');
  await expect(page.getByRole('alert')).toContainText('The seed in the link must be a whole number');
  await audit(page, 'the library');
  await page.screenshot({ path: test.info().outputPath('bad-link.png') });
  expect(errors).toEqual([]);
});

test('abandoning a run asks first', async ({ page }) => {
  await startDrill(page, 3);
  await page.getByRole('button', { name: 'Abandon drill' }).click();
  const dialog = page.getByRole('dialog', { name: 'Abandon this drill?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep playing' }).click();
  await expect(page.getByRole('region', { name: /War room display/ })).toBeVisible();
  await page.getByRole('button', { name: 'Abandon drill' }).click();
  await dialog.getByRole('button', { name: 'Abandon' }).click();
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('firedrill:active-run'))).toBeNull();
});

test('the first five steps can be played with the keyboard alone', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/?scenario=checkout-launch&seed=2');
  /** Presses Tab until the wanted element has focus, as a keyboard user would. */
  const tabTo = async (selector: string, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${selector} with Tab`);
  };
  await tabTo('button[data-key="take-page"]');
  await page.keyboard.press('Enter');
  // The briefing comes before the war room has loaded; the page is taken (and the shortcuts work) once it has.
  await expect(page.locator('.briefing')).toBeHidden();
  await page.keyboard.press('p');
  await page.keyboard.press('a');
  await page.keyboard.press('Alt+1');
  await tabTo('input[value="SEV1"]');
  await page.keyboard.press('Space');
  await tabTo('button[data-key="declare"]');
  await page.keyboard.press('Enter');
  await tabTo('#role-commander');
  await tabTo('button[data-key="role-commander-assign"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+2');
  await tabTo('button[data-key="performer-check-deploys-start"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  const commands = await page.evaluate(() =>
    window.__firedrill!.session()!.run.journal().filter((e) => e.kind === 'command').map((e) => (e.kind === 'command' ? e.command.type : '')),
  );
  expect(commands).toEqual(['acknowledge', 'declare-severity', 'assign-role', 'diagnose']);
  expect((await state(page)).rejected).toBe(0);
  expect(errors).toEqual([]);
});

test('choices survive updates, skipping stops at a deadline, and focus never falls to the page', async ({ page }) => {
  const errors = watchConsole(page);
  await startDrill(page, 5);
  await openTab(page, 'Respond');
  const ack = page.getByRole('button', { name: 'Acknowledge the page' });
  await ack.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).not.toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

  await page.locator('#role-communications').selectOption('sam');
  await openTab(page, 'Diagnose');
  await actionRow(page, 'Check recent deploys').getByRole('combobox').selectOption('sam');
  await page.getByRole('button', { name: 'Skip to next event' }).click();
  await page.getByRole('button', { name: 'Skip to next event' }).click();
  await expect(actionRow(page, 'Check recent deploys').getByRole('combobox')).toHaveValue('sam');
  await openTab(page, 'Respond');
  await expect(page.locator('#role-communications')).toHaveValue('sam');

  // The SEV1 response deadline: skipping lands on its minute, before it is checked, so it can still be met.
  await page.getByRole('radio', { name: 'SEV1' }).check();
  await page.getByRole('button', { name: 'Declare' }).click();
  const due = await page.evaluate(() => window.__firedrill!.session()!.view().deadlines.find((d) => d.id === 'response')!.dueAt);
  await skipUntil(page, (s) => s.now >= due);
  const missed = await page.evaluate(() => window.__firedrill!.session()!.run.journal().filter((e) => e.kind === 'event' && e.event.type === 'deadline.missed' && e.event.deadline === 'response').length);
  expect(missed).toBe(0);
  expect(await page.evaluate(() => window.__firedrill!.session()!.run.now())).toBe(due);
  expect(errors).toEqual([]);
});

test('what the player is writing or has chosen survives an update: alert rewrites, verdicts, the announcement, the severity', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/?scenario=noisy-oncall&seed=1');
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await openTab(page, 'Respond');

  const alert = page.locator('.queued-alert', { hasText: 'CPU > 80% on batch-worker-3' });
  const rewrite = alert.getByRole('textbox', { name: 'Rewrite of “CPU > 80% on batch-worker-3”' });
  const noise = alert.getByRole('radio', { name: 'Noise' });
  const rewriteText = 'Title: Batch job missed its deadline\nContext: nightly run 40 minutes late (threshold 30)';
  await rewrite.fill(rewriteText);
  await noise.check();
  const announcement = page.locator('#announce-text');
  await announcement.fill('Change: nothing yet, still looking');
  const sev3 = page.getByRole('radio', { name: 'SEV3' });
  await sev3.check();

  const journal = (await state(page)).journal;
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  // The acknowledgement is in the journal, so every panel has re-rendered since the player's input.
  await expect.poll(async () => (await state(page)).journal).toBeGreaterThan(journal);
  await expect(page.locator('.page-status')).toHaveText(/^Acknowledged at/);

  await expect(rewrite).toHaveValue(rewriteText);
  await expect(noise).toBeChecked();
  await expect(alert.getByRole('radio', { name: /Actionable/ })).not.toBeChecked();
  await expect(announcement).toHaveValue('Change: nothing yet, still looking');
  await expect(sev3).toBeChecked();
  // Only the acknowledgement was sent: nothing the player had not submitted reached the engine.
  const commands = await page.evaluate(() => window.__firedrill!.session()!.run.journal().filter((e) => e.kind === 'command').map((e) => (e.kind === 'command' ? e.command.type : '')));
  expect(commands).toEqual(['acknowledge']);

  // An update that arrives while the player is typing leaves the focus, the text and the caret where they were.
  await rewrite.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (late');
  const typedAt = (await state(page)).journal;
  await page.evaluate(() => {
    const session = window.__firedrill!.session()!;
    session.send(session.player, { type: 'escalate', to: 'felix' });
  });
  expect((await state(page)).journal).toBeGreaterThan(typedAt);
  await page.keyboard.type(' by 10)');
  await expect(rewrite).toBeFocused();
  await expect(rewrite).toHaveValue(`${rewriteText} (late by 10)`);
  await expect(noise).toBeChecked();
  expect(errors).toEqual([]);
});

test('a second tab playing the same drill stops the first, instead of both overwriting each other', async ({ page, context }) => {
  await startDrill(page, 9);
  const second = await context.newPage();
  await second.goto('/');
  // The first tab is playing: the second asks before it plays too.
  await second.getByRole('alertdialog', { name: 'This drill is open in another tab' }).getByRole('button', { name: 'Take over here' }).click();
  await expect(second.getByRole('button', { name: 'Resume' })).toBeVisible();
  // The moment the second tab plays, the first stops.
  await second.getByRole('button', { name: 'Acknowledge the page' }).click();
  await expect(page.getByRole('alertdialog', { name: 'This drill is open in another tab' })).toBeVisible();
  await page.getByRole('button', { name: 'Take over here' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.locator('.page-status')).toHaveText(/^Acknowledged at/);
});
