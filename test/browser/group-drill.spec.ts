/**
 * A group drill end to end, in four browsers against the drill server: a facilitator hosts from the library, a
 * commander and a communications lead join by link and take seats, a projector watches; the team plays the checkout
 * outage to its postmortem, the facilitator ends it, and everyone gets the team debrief.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { SeatMessage } from '../../src/server/drill';
import { audit } from './axe';
import { watchConsole } from './console';

/** The drill's latest state as this page has it (the test hook, in test builds only). */
const stateOf = (page: Page) => page.evaluate(() => window.__firedrillGroup?.() ?? null) as Promise<SeatMessage | null>;

/** The facilitator skips ahead until `done` holds for what `watched` was last sent. */
async function skipUntil(facilitator: Page, watched: Page, done: (s: SeatMessage) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const before = await stateOf(watched);
    if (before && done(before)) return;
    await facilitator.getByRole('button', { name: 'Skip to next event' }).click();
    await expect.poll(async () => (await stateOf(watched))?.clock.minute, { timeout: 5000 }).not.toBe(before?.clock.minute);
  }
  throw new Error(`not reached after 30 skips: ${what}`);
}

/** Audits once every toast has finished fading in or out: text mid-fade has, for that moment, too little contrast. */
async function auditSettled(page: Page, where: string): Promise<void> {
  await page.evaluate(async () => {
    // Reading a style starts any transition a class change asked for; then every one running is waited out.
    for (const toast of document.querySelectorAll('.toast')) void getComputedStyle(toast).opacity;
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
  await audit(page, where);
}

async function joinAs(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/?drill=${code}`);
  await page.getByLabel('Your display name').fill(name);
  await page.getByRole('button', { name: 'Join the drill' }).click();
  await expect(page.getByRole('heading', { name: /^Lobby: / })).toBeVisible();
}

const openTab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

test('a group drill: host, join, take seats, play as a team, a projector that never sees the truth, and one debrief for all', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const contexts = await Promise.all([0, 1, 2, 3].map(() => browser.newContext({ viewport: { width: 1280, height: 900 } })));
  const [facilitator, commander, comms, projector] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page, Page, Page];
  const errors = [facilitator, commander, comms, projector].map(watchConsole);
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  // The facilitator hosts from the library.
  await facilitator.goto('/');
  await facilitator.getByLabel('Group drill scenario').selectOption('checkout-launch');
  await facilitator.getByLabel('Group drill seed').fill('1');
  await facilitator.getByLabel('Your name (facilitator)').fill('Fran');
  await facilitator.getByRole('button', { name: 'Host the drill' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Facilitator console: Checkout down during the launch' })).toBeVisible();
  const code = (await facilitator.locator('.join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  const rootCause = (await facilitator.locator('.truth-facts dt:text-is("Root cause") + dd').textContent())!.trim();
  expect(rootCause.length).toBeGreaterThan(20);
  // The expert's path through the variant drawn, for judging the team against.
  await expect(facilitator.locator('.truth-path li').first()).toHaveText(/^Acknowledge the page and declare SEV1/);
  await expect(facilitator.locator('.truth-path')).toContainText('Announce, then apply:');

  // The commander joins by link: the name is checked, then the lobby shows the seats.
  await commander.goto(`/?drill=${code}`);
  await expect(commander.getByRole('heading', { name: 'Join a group drill' })).toBeVisible();
  await auditSettled(commander, 'the join page');
  await commander.getByRole('button', { name: 'Join the drill' }).click();
  await expect(commander.locator('#display-name-error')).toHaveText(/Enter a display name/);
  await commander.getByLabel('Your display name').fill('Cam');
  await commander.getByRole('button', { name: 'Join the drill' }).click();
  await expect(commander.getByRole('heading', { name: 'Lobby: Checkout down during the launch' })).toBeVisible();
  await commander.getByRole('button', { name: /^Take this seat: Alex Rivera/ }).click();
  await expect(commander.locator('.lobby-you')).toContainText('You are Cam, playing Alex Rivera.');
  await auditSettled(commander, 'the lobby');

  await joinAs(comms, code, 'Cory');
  await comms.getByRole('button', { name: /^Take this seat: Sarah Chen/ }).click();
  // A taken seat cannot be taken twice.
  await expect(comms.locator('tr[data-responder="alex"]')).toContainText('Cam');
  await expect(comms.locator('tr[data-responder="alex"]').getByRole('button')).toHaveCount(0);

  await joinAs(projector, code, 'Room screen');
  await projector.getByRole('button', { name: 'Watch (projector)' }).click();
  await expect(projector.getByRole('heading', { name: 'Checkout down during the launch' })).toBeVisible();

  await expect(facilitator.locator('table.seats tr[data-responder="alex"]')).toContainText('Cam · connected');
  await expect(facilitator.locator('table.seats tr[data-responder="sarah"]')).toContainText('Cory · connected');
  await shot(commander, 'group-lobby');

  // The facilitator starts; each player's war room opens, with the clock theirs to read, not to run.
  await facilitator.getByRole('button', { name: 'Start the drill' }).click();
  await expect(commander.getByRole('tab', { name: 'Respond' })).toBeVisible();
  await expect(commander.locator('.clock-status')).toHaveText(/Running at 1×/);
  await expect(commander.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  // The dashboards in words beside the display, as in solo play.
  const table = commander.getByRole('table', { name: 'Dashboards (live, game time)' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /Checkout error rate/ })).toContainText('%');
  await facilitator.getByRole('button', { name: 'Pause' }).click();
  await expect(commander.locator('.clock-status')).toHaveText('Paused by the facilitator.');
  await expect(comms.locator('.absence')).toContainText('Sarah Chen has not joined the incident yet');
  await auditSettled(facilitator, 'the facilitator console');

  // The commander acknowledges, declares, takes command and pages the team.
  await commander.getByRole('button', { name: 'Acknowledge the page' }).click();
  await commander.getByRole('radio', { name: 'SEV1' }).check();
  await commander.getByRole('button', { name: 'Declare' }).click();
  await commander.locator('#role-commander').selectOption('alex');
  await commander.locator('.role-row', { hasText: 'Incident commander' }).getByRole('button', { name: 'Assign' }).click();
  await expect(commander.locator('.you-play')).toHaveText('Your roles: Incident commander.');
  await commander.getByRole('button', { name: 'Page Sarah Chen' }).click();
  await commander.getByRole('button', { name: 'Page Priya Nair' }).click();
  await openTab(commander, 'Diagnose');
  const deploys = commander.locator('.action', { hasText: 'Check recent deploys' });
  await deploys.getByRole('combobox').selectOption('sam');
  await deploys.getByRole('button', { name: 'Start' }).click();

  await skipUntil(facilitator, commander, (s) => s.view.responders.filter((r) => r.status === 'present').map((r) => r.id).includes('sarah') && s.view.actions.find((a) => a.id === 'check-deploys')?.status === 'done', 'Sarah joined and the deploys were checked');
  await expect(comms.locator('.absence')).toBeEmpty();

  // The commander names Sarah communications lead; Cory, in her seat, sends the first update.
  await openTab(commander, 'Respond');
  await commander.locator('#role-communications').selectOption('sarah');
  await commander.locator('.role-row', { hasText: 'Communications' }).getByRole('button', { name: 'Assign' }).click();
  await expect(comms.locator('.you-play')).toHaveText('Your roles: Communications.');
  await openTab(comms, 'Comms');
  await comms.locator('#status-update').fill('[09:05] [SEV-1] Update #1\nCurrent Status: Investigating a high error rate on checkout\nImpact: Most purchases are failing for all customers\nActions: Checked recent deploys; rolling back next\nNext Update: In 15 minutes');
  await comms.getByRole('button', { name: 'Send to stakeholders' }).click();
  await expect(comms.getByText('You sent update #1')).toBeVisible();
  await expect(comms.locator('#status-update')).not.toHaveValue(/Checked recent deploys/);

  // The projector follows the timeline, and never holds the truth.
  await expect(projector.locator('.projector-timeline')).toContainText('Sarah Chen sent a status update');
  await shot(projector, 'group-projector');
  const projectorPage = await projector.content();
  expect(projectorPage).not.toContain(rootCause);
  expect(projectorPage).not.toContain('only you see this');
  expect(await stateOf(projector)).not.toHaveProperty('view.truth');

  // The fix, resolution and postmortem: the engine will not end a drill before them.
  await openTab(commander, 'Fix');
  const rollback = commander.locator('.action', { hasText: 'Roll back checkout-api' });
  await rollback.getByRole('combobox').selectOption('priya');
  await rollback.getByRole('button', { name: 'Apply' }).click();
  await shot(commander, 'group-war-room');
  await skipUntil(facilitator, commander, (s) => s.view.actions.find((a) => a.id === 'rollback-deploy')?.status === 'done' && s.live.dashboards[0]!.metrics[0]!.current < 1, 'the rollback landed and checkout recovered');
  await openTab(commander, 'Verify');
  await commander.getByRole('button', { name: 'Resolve the incident' }).click();
  await commander.getByRole('dialog', { name: 'Resolve the incident?' }).getByRole('button', { name: 'Resolve' }).click();
  await expect(commander.locator('.group-room .phase')).toHaveText('Resolved');
  await openTab(commander, 'Postmortem');
  await commander.locator('#pm-summary').fill('Checkout failed for about ten minutes after checkout-api v4.2.0; rolled back. SEV1. Owner: Alex Rivera.');
  await commander.getByRole('button', { name: 'Save postmortem' }).click();
  await shot(facilitator, 'group-console');

  // The facilitator ends the drill; all four see the team debrief.
  await expect(facilitator.getByRole('button', { name: 'End the drill' })).toBeEnabled();
  await facilitator.getByRole('button', { name: 'End the drill' }).click();
  await facilitator.getByRole('dialog', { name: 'End the drill?' }).getByRole('button', { name: 'End the drill' }).click();
  for (const page of [facilitator, commander, comms, projector]) {
    await expect(page.getByRole('heading', { name: 'Team debrief: Checkout down during the launch' })).toBeVisible();
    await expect(page.getByTestId('overall-score')).toHaveText(/^\d+$/);
    await expect(page.frameLocator('iframe.report-frame').locator('h1')).toContainText('Checkout down during the launch');
  }
  await shot(projector, 'group-debrief');
  const [download] = await Promise.all([comms.waitForEvent('download'), comms.getByRole('button', { name: 'Download Markdown' }).click()]);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  expect(readFileSync(path, 'utf8')).toMatch(/^# Debrief: Checkout down during the launch/);
  // The run file re-grades to the same result with the CLI, team seating and all.
  const [runDownload] = await Promise.all([comms.waitForEvent('download'), comms.getByRole('button', { name: 'Download the run' }).click()]);
  const runPath = testInfo.outputPath(runDownload.suggestedFilename());
  await runDownload.saveAs(runPath);
  expect(JSON.parse(readFileSync(runPath, 'utf8'))).toMatchObject({ seating: 'team', scenarioId: 'checkout-launch' });
  const cli = JSON.parse(execFileSync(process.execPath, ['bin/firedrill.js', 'report', 'scenarios/checkout-launch.json', '--script', runPath, '--format', 'json'], { encoding: 'utf8' })) as { score: { overall: number; categories: Record<string, number> } };
  const shown = Number(/\*\*(\d+)\/100:/.exec(readFileSync(path, 'utf8'))![1]);
  expect(cli.score.overall).toBe(shown);

  for (const found of errors) expect(found).toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
});

test('a wrong code and a long name are explained; a reload gives a player their seat and their unsent text back', async ({ browser }) => {
  test.setTimeout(90_000);
  const [hostContext, playerContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [host, player] = (await Promise.all([hostContext.newPage(), playerContext.newPage()])) as [Page, Page];
  const errors = [host, player].map(watchConsole);
  await player.goto('/?drill=not a code!');
  await expect(player.getByRole('heading', { name: 'This drill could not be opened' })).toBeVisible();
  await player.goto('/?drill=ABCDEFGHJK');
  await player.getByLabel('Your display name').fill('Nobody');
  await player.getByRole('button', { name: 'Join the drill' }).click();
  await expect(player.locator('#display-name-error')).toHaveText(/There is no drill with that code/);

  // Hosted through the API; the facilitator's browser holds the token, as after hosting from the library.
  const response = await host.request.post('/api/drills', { data: { scenario: 'checkout-launch', seed: '2' } });
  expect(response.status()).toBe(201);
  const { code, facilitatorToken } = (await response.json()) as { code: string; facilitatorToken: string };
  await host.goto('/');
  await host.evaluate(([c, token]) => localStorage.setItem(`firedrill:drill:${c}`, JSON.stringify({ token, name: 'Fran', facilitator: true })), [code, facilitatorToken] as const);
  await host.goto(`/?drill=${code}`);
  await expect(host.getByRole('heading', { name: /^Facilitator console/ })).toBeVisible();

  await player.goto(`/?drill=${code}`);
  await player.getByLabel('Your display name').fill('x'.repeat(41));
  await player.getByRole('button', { name: 'Join the drill' }).click();
  await expect(player.locator('#display-name-error')).toHaveText('A display name is at most 40 characters.');
  await player.getByLabel('Your display name').fill('Dee');
  await player.getByRole('button', { name: 'Join the drill' }).click();
  await player.getByRole('button', { name: /^Take this seat: Alex Rivera/ }).click();
  await host.getByRole('button', { name: 'Start the drill' }).click();
  await host.getByRole('button', { name: 'Pause' }).click();
  await player.locator('#announce-text').fill('Change: half-written, not sent yet');

  await player.reload();
  // No name asked: the token this browser kept brings Dee back to Alex's seat, and the draft with her.
  await expect(player.getByRole('tab', { name: 'Respond' })).toBeVisible();
  await expect(player.locator('.you-play')).toBeVisible();
  await expect(player.locator('#announce-text')).toHaveValue('Change: half-written, not sent yet');
  await expect(host.locator('table.seats tr[data-responder="alex"]')).toContainText('Dee · connected');

  // A dropped connection is taken up again on its own, and the seat still acts.
  await player.evaluate(() => window.__firedrillGroupDrop?.());
  await expect(host.locator('table.seats tr[data-responder="alex"]')).toContainText('Dee · not connected');
  await expect(host.locator('table.seats tr[data-responder="alex"]')).toContainText('Dee · connected');
  await expect(player.locator('.connection-banner')).toBeEmpty();
  // As in solo play, A acknowledges the page.
  await player.locator('body').press('a');
  await expect(player.locator('.page-status')).toHaveText(/^Acknowledged at/);
  for (const found of errors) expect(found).toEqual([]);
  await Promise.all([hostContext.close(), playerContext.close()]);
});

test('the facilitator holds and fires injects, writes one of their own, keeps private notes, calls time and ends the drill', async ({ browser }) => {
  test.setTimeout(120_000);
  const [hostContext, playerContext] = await Promise.all([browser.newContext({ viewport: { width: 1280, height: 900 } }), browser.newContext()]);
  const [host, player] = (await Promise.all([hostContext.newPage(), playerContext.newPage()])) as [Page, Page];
  const errors = [host, player].map(watchConsole);
  const response = await host.request.post('/api/drills', { data: { scenario: 'checkout-launch', seed: '3' } });
  const { code, facilitatorToken } = (await response.json()) as { code: string; facilitatorToken: string };
  await host.goto('/');
  await host.evaluate(([c, token]) => localStorage.setItem(`firedrill:drill:${c}`, JSON.stringify({ token, name: 'Fran', facilitator: true })), [code, facilitatorToken] as const);
  await host.goto(`/?drill=${code}`);
  await expect(host.getByRole('heading', { name: /^Facilitator console/ })).toBeVisible();
  await joinAs(player, code, 'Pat');
  await player.getByRole('button', { name: /^Take this seat: Alex Rivera/ }).click();
  await host.getByRole('button', { name: 'Start the drill' }).click();
  await host.getByRole('button', { name: 'Pause' }).click();
  await player.getByRole('button', { name: 'Acknowledge the page' }).click();

  // Hold the VP's question, then fire it when the team is ready for it.
  await host.getByRole('button', { name: 'Hold: vp-asks-eta' }).click();
  await expect(host.locator('tr[data-inject="vp-asks-eta"]')).toContainText('Held since');
  await host.getByRole('button', { name: 'Fire now: vp-asks-eta' }).click();
  await expect(host.locator('tr[data-inject="vp-asks-eta"]')).toContainText(/Fired/);

  // A message of the facilitator's own reaches the player like any other, text kept as written.
  await host.getByRole('textbox', { name: 'From', exact: true }).fill('Dana <b>CFO</b>');
  await host.getByRole('textbox', { name: 'Message', exact: true }).fill('Are card payments safe? I need one line for the board.');
  await host.getByLabel(/Needs an answer within/).fill('10');
  await host.getByRole('button', { name: 'Send to the team' }).click();
  await openTab(player, 'Comms');
  await expect(player.getByText('Are card payments safe? I need one line for the board.').first()).toBeVisible();
  await expect(player.getByText('Dana <b>CFO</b>').first()).toBeVisible();

  // A private note: the facilitator sees it, the player never does.
  const note = 'Pat acknowledged within seconds and read the page aloud';
  await host.getByRole('textbox', { name: 'Observation', exact: true }).fill(note);
  await host.getByRole('button', { name: 'Note it' }).click();
  await expect(host.getByRole('list', { name: 'Your observations' })).toContainText(note);
  await host.getByRole('button', { name: 'Resume' }).click();
  await host.getByRole('button', { name: 'Skip to next event' }).click();
  expect(await player.content()).not.toContain(note);
  expect(JSON.stringify(await stateOf(player))).not.toContain(note);

  // Out of meeting time: call time, then end; the debrief has the note and says who played which seat.
  await host.getByRole('button', { name: 'Call time' }).click();
  await host.getByRole('dialog', { name: 'Call time?' }).getByRole('button', { name: 'Call time' }).click();
  await expect.poll(async () => (await stateOf(player))?.view.timeline.map((t) => t.text)).toContain('Time is up: the incident passes to the next shift');
  await host.getByRole('button', { name: 'End the drill' }).click();
  await host.getByRole('dialog', { name: 'End the drill?' }).getByRole('button', { name: 'End the drill' }).click();
  for (const page of [host, player]) {
    await expect(page.getByRole('heading', { name: 'Team debrief: Checkout down during the launch' })).toBeVisible();
    const report = page.frameLocator('iframe.report-frame');
    await expect(report.getByRole('heading', { name: "Facilitator's observations" })).toBeVisible();
    await expect(report.getByText(note)).toBeVisible();
  }
  for (const found of errors) expect(found).toEqual([]);
  await Promise.all([hostContext.close(), playerContext.close()]);
});
