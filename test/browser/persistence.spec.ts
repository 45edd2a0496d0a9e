import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { watchConsole } from './console';
import { audit } from './axe';


async function startDrill(page: Page, scenario: string, seed: number): Promise<void> {
  await page.goto(`/?scenario=${scenario}&seed=${seed}`);
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
}

const openTab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** The command types in the save storage holds now. */
const savedCommands = (page: Page) =>
  page.evaluate(() => {
    const text = localStorage.getItem('firedrill:active-run');
    const stored = text === null ? null : (JSON.parse(text) as { save: { commands: Array<{ command: { type: string } }> } });
    return stored ? stored.save.commands.map((c) => c.command.type) : null;
  });

/** What the running session has in its journal, as command types. */
const sessionCommands = (page: Page) =>
  page.evaluate(() =>
    window
      .__firedrill!.session()!
      .run.journal()
      .flatMap((e) => (e.kind === 'command' ? [e.command.type] : [])),
  );

const offerIn = (page: Page) => page.getByRole('alertdialog', { name: 'This drill is open in another tab' });
const watching = (page: Page) => page.getByRole('region', { name: 'Watching' });

/** Two tabs on one drill: the first plays; the second offers to take over or to watch, and each works. */
async function twoTabs(context: BrowserContext, audited: boolean): Promise<void> {
  const first = await context.newPage();
  const firstErrors = watchConsole(first);
  await startDrill(first, 'checkout-launch', 11);
  const second = await context.newPage();
  const secondErrors = watchConsole(second);
  await second.goto('/');

  // The second tab asks first: it does not play beside the first.
  await expect(offerIn(second)).toBeVisible();
  await expect(offerIn(second).getByRole('button', { name: 'Take over here' })).toBeFocused();
  if (audited) await audit(second, 'the offer to take over or watch');
  await offerIn(second).getByRole('button', { name: 'Watch here' }).click();
  await expect(watching(second)).toBeVisible();
  await expect(second).toHaveTitle(/^Watching: Checkout down during the launch/);
  if (audited) await audit(second, 'a watching tab');
  await expect(second.getByRole('button', { name: 'Acknowledge the page' })).toBeDisabled();
  await expect(second.getByRole('button', { name: 'Resume' })).toBeDisabled();

  // The writer plays; the watcher follows each save and sends nothing, even through its session.
  await first.getByRole('button', { name: 'Acknowledge the page' }).click();
  await expect(second.locator('.page-status')).toHaveText(/^Acknowledged at/);
  expect(await second.evaluate(() => window.__firedrill!.session()!.send('alex', { type: 'declare-severity', severity: 'SEV4' }).ok)).toBe(false);
  // Hiding or leaving the watching tab writes nothing over the writer's save.
  await second.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await first.getByRole('radio', { name: 'SEV1' }).check();
  await first.getByRole('button', { name: 'Declare' }).click();
  expect(await savedCommands(first)).toEqual(['acknowledge', 'declare-severity']);
  await expect(second.getByRole('button', { name: 'Re-declare (now SEV1)' })).toBeVisible();

  // The watcher takes over: it plays from the newest save, and the first tab stops and asks.
  await watching(second).getByRole('button', { name: 'Take over here' }).click();
  await expect(second.getByRole('button', { name: 'Resume' })).toBeEnabled();
  expect(await sessionCommands(second)).toEqual(['acknowledge', 'declare-severity']);
  await expect(offerIn(first)).toBeVisible();
  await expect(offerIn(first).getByRole('button', { name: 'Take over here' })).toBeFocused();
  // The stopped tab pausing or leaving (which used to save its older copy) leaves the newer save alone.
  await first.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await second.getByRole('button', { name: 'Page Sarah Chen' }).click();
  await first.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  expect(await savedCommands(second)).toEqual(['acknowledge', 'declare-severity', 'escalate']);

  // The first tab watches now, and follows the second.
  await offerIn(first).getByRole('button', { name: 'Watch here' }).click();
  await expect(watching(first)).toBeVisible();
  await expect(first.locator('.escalation-row', { hasText: 'Sarah Chen' }).getByRole('button')).toHaveText(/^Joins/);
  await second.locator('#announce-text').fill('Change: nothing yet');
  await second.getByRole('button', { name: 'Announce' }).click();
  expect(await savedCommands(second)).toEqual(['acknowledge', 'declare-severity', 'escalate', 'announce']);
  await expect.poll(() => sessionCommands(first)).toEqual(['acknowledge', 'declare-severity', 'escalate', 'announce']);
  expect([...firstErrors, ...secondErrors]).toEqual([]);
}

test('two tabs: the second offers to take over or watch, each works, and every command reaches the final save', async ({ context }) => {
  test.setTimeout(120_000);
  await twoTabs(context, true);
});

test('two tabs without the Web Locks API (a page served over plain http) take turns the same way', async ({ context }) => {
  test.setTimeout(120_000);
  await context.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'locks');
  });
  await twoTabs(context, false);
});

test('a link to another drill asks before leaving the one in progress', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await startDrill(page, 'checkout-launch', 3);
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();

  await page.goto('/?scenario=filters-broken&seed=4');
  const ask = page.getByRole('alertdialog', { name: 'You have a drill in progress' });
  await expect(ask).toContainText('Checkout down during the launch (seed 3');
  await expect(ask).toContainText('Search filters stop filtering with seed 4');
  await expect(ask.getByRole('button', { name: 'Keep my drill' })).toBeFocused();
  await audit(page, 'the question before leaving a drill');
  const [file] = await Promise.all([page.waitForEvent('download'), ask.getByRole('button', { name: 'Download my drill’s run' }).click()]);
  await file.saveAs(testInfo.outputPath('in-progress.json'));
  expect(JSON.parse(readFileSync(testInfo.outputPath('in-progress.json'), 'utf8')).commands.map((c: { command: { type: string } }) => c.command.type)).toEqual(['acknowledge']);

  await ask.getByRole('button', { name: 'Keep my drill' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.locator('.war-room-bar h2')).toHaveText('Checkout down during the launch');
  expect(await sessionCommands(page)).toEqual(['acknowledge']);

  // A link to the drill in progress simply resumes it.
  await page.goto('/?scenario=checkout-launch&seed=3');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.getByRole('alertdialog', { name: 'You have a drill in progress' })).toHaveCount(0);

  await page.goto('/?scenario=filters-broken&seed=4');
  await page.getByRole('alertdialog', { name: 'You have a drill in progress' }).getByRole('button', { name: 'Start the new drill' }).click();
  await expect(page.getByRole('button', { name: 'Take the page' })).toBeVisible();
  await expect(page.locator('.war-room-bar h2')).toHaveText('Search filters stop filtering');
  // The briefing is up before the war room; the new drill replaces the stored one when the war room (its tabs) is there.
  await expect(page.getByRole('tab', { name: /Respond/ })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('firedrill:active-run')!) as { save: { scenarioId: string; seed: string; commands: unknown[] } });
  expect([stored.save.scenarioId, stored.save.seed, stored.save.commands.length]).toEqual(['filters-broken', '4', 0]);
  expect(errors).toEqual([]);
});

test('every draft in every panel survives a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await startDrill(page, 'noisy-oncall', 1);
  // Two more responders present and a message waiting for an answer, so every kind of field is on screen.
  await page.evaluate(() => {
    const session = window.__firedrill!.session()!;
    session.send('noor', { type: 'acknowledge' });
    session.send('noor', { type: 'escalate', to: 'felix' });
    session.send('noor', { type: 'escalate', to: 'amara' });
    session.run.advanceTo(17);
  });

  const fields = {
    announce: 'Change: muting nothing until we know more',
    batchRewrite: 'Title: Batch job late\nContext: nightly run 40 minutes late (threshold 30)',
    vagueRewrite: 'Title: Orders API 5xx above 5%\nRunbook: orders-disk',
    update: 'Half-written update about the orders API',
    answer: 'Please do not mute: we are sorting the alerts now.',
    runbook: 'Add: check the log volume before restarting',
  };
  await openTab(page, 'Respond');
  await page.getByRole('radio', { name: 'SEV3' }).check();
  await page.locator('#announce-text').fill(fields.announce);
  await page.locator('#role-commander').selectOption('felix');
  await page.locator('#role-scribe').selectOption('amara');
  const batch = page.locator('.queued-alert', { hasText: 'CPU > 80% on batch-worker-3' });
  const vague = page.locator('.queued-alert', { hasText: 'Error —' });
  await batch.getByRole('textbox').fill(fields.batchRewrite);
  await batch.getByRole('radio', { name: 'Noise' }).check();
  await vague.getByRole('textbox').fill(fields.vagueRewrite);
  await vague.getByRole('radio', { name: /Actionable/ }).check();
  await openTab(page, 'Diagnose');
  await page.locator('#performer-check-dashboards').selectOption('amara');
  await openTab(page, 'Fix');
  await page.locator('#performer-restart-orders-api').selectOption('amara');
  await openTab(page, 'Comms');
  await page.locator('#status-update').fill(fields.update);
  await page.locator('#answer-mute-question').fill(fields.answer);
  await openTab(page, 'Runbook');
  await page.locator('#runbook-target').selectOption('new-runbook');
  await page.locator('#runbook-change').fill(fields.runbook);

  const checkFirstDrafts = async () => {
    await openTab(page, 'Respond');
    await expect(page.getByRole('radio', { name: 'SEV3' })).toBeChecked();
    await expect(page.locator('#announce-text')).toHaveValue(fields.announce);
    await expect(page.locator('#role-commander')).toHaveValue('felix');
    await expect(page.locator('#role-scribe')).toHaveValue('amara');
    await expect(batch.getByRole('textbox')).toHaveValue(fields.batchRewrite);
    await expect(batch.getByRole('radio', { name: 'Noise' })).toBeChecked();
    await expect(vague.getByRole('textbox')).toHaveValue(fields.vagueRewrite);
    await expect(vague.getByRole('radio', { name: /Actionable/ })).toBeChecked();
    await openTab(page, 'Diagnose');
    await expect(page.locator('#performer-check-dashboards')).toHaveValue('amara');
    await openTab(page, 'Fix');
    await expect(page.locator('#performer-restart-orders-api')).toHaveValue('amara');
    await openTab(page, 'Comms');
    await expect(page.locator('#status-update')).toHaveValue(fields.update);
    await expect(page.locator('#answer-mute-question')).toHaveValue(fields.answer);
    await openTab(page, 'Runbook');
    await expect(page.locator('#runbook-target')).toHaveValue('new-runbook');
    await expect(page.locator('#runbook-change')).toHaveValue(fields.runbook);
  };

  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await checkFirstDrafts();
  // Nothing the player had not sent reached the engine.
  expect(await sessionCommands(page)).toEqual(['acknowledge', 'escalate', 'escalate']);

  // The postmortem, once the incident is resolved.
  await page.evaluate(() => window.__firedrill!.session()!.send('noor', { type: 'resolve' }));
  await openTab(page, 'Postmortem');
  const postmortem = { summary: 'Orders alerts paged all night', impact: 'None for customers', rootCause: 'Log rotation stopped', wentWell: 'Quick sorting', needsImprovement: 'Alert thresholds' };
  for (const [section, text] of Object.entries(postmortem)) await page.locator(`#pm-${section}`).fill(text);
  await page.getByLabel('Action item 1: action').fill('Fix logrotate');
  await page.getByLabel('Action item 1: owner').fill('Felix');
  await page.getByLabel('Action item 1: priority').fill('P1');
  await page.getByLabel('Action item 1: status').fill('Open');
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByLabel('Action item 2: action').fill('Page on disk growth, not on 5xx noise');
  await page.getByRole('radio', { name: /Bad: it needs rewriting/ }).check();
  await page.locator('#alert-rewrite').fill('Title: Orders log volume filling\nContext: 92% (threshold 85%)');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await openTab(page, 'Postmortem');
  for (const [section, text] of Object.entries(postmortem)) await expect(page.locator(`#pm-${section}`)).toHaveValue(text);
  await expect(page.getByLabel('Action item 1: action')).toHaveValue('Fix logrotate');
  await expect(page.getByLabel('Action item 1: owner')).toHaveValue('Felix');
  await expect(page.getByLabel('Action item 1: priority')).toHaveValue('P1');
  await expect(page.getByLabel('Action item 1: status')).toHaveValue('Open');
  await expect(page.getByLabel('Action item 2: action')).toHaveValue('Page on disk growth, not on 5xx noise');
  await expect(page.getByRole('radio', { name: /Bad: it needs rewriting/ })).toBeChecked();
  await expect(page.locator('#alert-rewrite')).toHaveValue('Title: Orders log volume filling\nContext: 92% (threshold 85%)');
  await openTab(page, 'Comms');
  await expect(page.locator('#status-update')).toHaveValue(fields.update);
  expect(errors).toEqual([]);
});

/** Fills localStorage until not even one more character fits. */
const fillStorage = (page: Page) =>
  page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler:${i}`, chunk);
        i++;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });

const freeStorage = (page: Page) =>
  page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler:')) localStorage.removeItem(key);
  });

test('storage full: the player is told at once and can download the run; a partial restore says so; a draft too large is reported', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await startDrill(page, 'checkout-launch', 12);

  // A draft larger than the browser will store is reported, not dropped in silence.
  await openTab(page, 'Comms');
  await page.locator('#status-update').evaluate((field: HTMLTextAreaElement) => {
    field.value = 'x'.repeat(5 * 1024 * 1024);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const draftAlert = page.getByRole('alert').filter({ hasText: 'Not kept for a reload' });
  await expect(draftAlert).toContainText('the status update (5,242,880 characters)');
  await page.locator('#status-update').fill('A short update');
  await expect(draftAlert).toHaveCount(0);

  await fillStorage(page);
  await openTab(page, 'Respond');
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  const saveAlert = page.getByRole('alert').filter({ hasText: 'could not save' });
  await expect(saveAlert).toContainText('storage is full');
  await expect(saveAlert).toContainText('The last 1 command you sent is not saved');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.getByRole('radio', { name: 'SEV2' }).check();
  await page.getByRole('button', { name: 'Declare' }).click();
  await expect(saveAlert).toContainText('The last 2 commands you sent are not saved');
  await audit(page, 'the war room when storage is full');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the run' }).click()]);
  await file.saveAs(testInfo.outputPath('run.json'));
  const downloaded = JSON.parse(readFileSync(testInfo.outputPath('run.json'), 'utf8')) as { commands: Array<{ command: { type: string } }> };
  expect(downloaded.commands.map((c) => c.command.type)).toEqual(['acknowledge', 'declare-severity']);

  // A reload brings back only what was saved, and says so instead of "resumed where you left off".
  await page.reload();
  const partial = page.getByRole('alert').filter({ hasText: 'Only part of your drill came back' });
  await expect(partial).toContainText('0 of the 2 commands you sent');
  await expect(partial).toContainText("The last 2 were never saved, because the browser's storage was full");
  await expect(page.locator('#announcer')).not.toContainText('Resumed where you left off');

  // Storage is still full: the next command cannot be saved either, and the player is told again at once.
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  await expect(saveAlert).toContainText('The last 1 command you sent is not saved');
  // Once there is room again, saving works and a reload is whole.
  await freeStorage(page);
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expect(saveAlert).toHaveCount(0);
  expect(await savedCommands(page)).toEqual(['acknowledge']);
  await page.reload();
  await expect(page.locator('#announcer')).toContainText('Resumed where you left off');
  await expect(page.getByRole('alert').filter({ hasText: 'Only part' })).toHaveCount(0);
  expect(await sessionCommands(page)).toEqual(['acknowledge']);
  expect(errors).toEqual([]);
});

/**
 * Changes the stored save's record as if it had been written that way. The sequence moves on, so the page holding
 * the run sees a newer save and stops rather than writing its own copy over this one when it unloads.
 */
const rewriteRecord = (page: Page, change: Record<string, number>) =>
  page.evaluate((fields) => {
    const stored = JSON.parse(localStorage.getItem('firedrill:active-run')!) as { sequence: number; journalLength: number };
    const changed: Record<string, unknown> = { ...stored, sequence: stored.sequence + 1 };
    for (const [name, by] of Object.entries(fields)) changed[name] = Number(Reflect.get(stored, name)) + by;
    localStorage.setItem('firedrill:active-run', JSON.stringify(changed));
  }, change);

test('a restore that brings back less than its save recorded is announced as partial, and the save is kept aside', async ({ page }) => {
  const errors = watchConsole(page);
  await startDrill(page, 'checkout-launch', 14);
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();

  await rewriteRecord(page, { commandCount: 2 });
  await page.reload();
  const partial = page.getByRole('alert').filter({ hasText: 'Only part of your drill came back' });
  await expect(partial).toContainText('1 of the 3 commands in its save could be replayed');
  await expect(page.locator('#announcer')).not.toContainText('Resumed where you left off');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('firedrill:set-aside:')));
  expect(aside).toHaveLength(1);
  await expect(partial).toContainText(aside[0]!);
  expect(await page.evaluate((key) => (JSON.parse(localStorage.getItem(key)!) as { commandCount: number }).commandCount, aside[0]!)).toBe(3);

  await rewriteRecord(page, { journalLength: 5 });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'not exactly as it was saved' })).toContainText('where the save recorded');
  await expect(page.locator('#announcer')).not.toContainText('Resumed where you left off');
  expect(await sessionCommands(page)).toEqual(['acknowledge']);
  expect(errors).toEqual([]);
});

test('a drill whose save never fitted is reported after a reload, not silently gone', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await fillStorage(page);
  await page.goto('/?scenario=checkout-launch&seed=13');
  await expect(page.getByRole('alert').filter({ hasText: 'could not save' })).toBeVisible();
  await page.getByRole('button', { name: 'Take the page' }).click();
  await page.getByRole('button', { name: 'Acknowledge the page' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your drill "Checkout down during the launch" (seed 13) could not be restored');
  await expect(page.getByRole('alert')).toContainText('the 1 command sent in it');
  await freeStorage(page);
  expect(errors).toEqual([]);
});

for (const depth of [2000, 3000]) {
  test(`a save nested ${depth.toLocaleString('en')} levels deep is set aside with a message, and the library shows`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
    // The save names an installed scenario, so the loader gets to read all of it (3,000 levels overflow its reader's stack here).
    await page.evaluate((levels) => {
      const commands = '['.repeat(levels) + ']'.repeat(levels);
      localStorage.setItem('firedrill:active-run', `{"save": {"formatVersion": 2, "scenarioId": "checkout-launch", "scenarioHash": "x", "seed": "1", "commands": ${commands}}, "difficulty": "standard"}`);
    }, depth);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Your saved drill could not be restored');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).not.toContain('firedrill:active-run');
    const aside = keys.find((k) => k.startsWith('firedrill:set-aside:'));
    expect(aside).toBeDefined();
    await expect(page.getByRole('alert')).toContainText(aside!);
    // The next load is not stuck either.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
    expect(errors).toEqual([]);
  });
}
