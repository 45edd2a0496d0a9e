import type { CommandInput, SeatView } from '../engine/index';
import { DIFFICULTY_SETTINGS } from './difficulty';
import { dashboardTable } from './dashboard-table';
import { h } from './dom';
import { download, runFile } from './download';
import { actionsPanel } from './panels/actions-panel';
import { commsPanel } from './panels/comms-panel';
import { panelTabs } from './panel-tabs';
import { formatClock, type Panel, type PanelContext } from './panels/panel';
import { postmortemPanel } from './panels/postmortem-panel';
import { respondPanel } from './panels/respond-panel';
import { runbookPanel } from './panels/runbook-panel';
import { verifyPanel } from './panels/verify-panel';
import { SPEEDS, type Session, type Speed } from './session';
import { soundToggle } from './sound-toggle';
import type { RoomLifeState, WarRoomHandle } from './war-room/game';
import { briefingFacts } from './briefing-facts';
import { renderWarRoomShell, type WarRoomShell } from './war-room-shell';
import { PANELS_WORK, sessionSource, startStage, type WarRoomStage } from './war-room-stage';

export interface WarRoomOptions {
  /** Restored from storage rather than started: no briefing, and the player is told so. */
  resumed: boolean;
  /** What did not come back, when a restore was only partial: said instead of "resumed where you left off". */
  partial: string | null;
  /** Anything else the player should read first (a link that was not opened, a take-over). */
  notice: string | null;
  /**
   * The frame already on the page with this drill's briefing (a new drill shows it while this screen loads): the
   * war room fills it, leaving the briefing, its focus and a click on it as they are. Without it, the war room
   * makes its own.
   */
  shell?: WarRoomShell | null;
  /** The display, already started in the shell (a new drill starts it before the panels are built). */
  stage?: WarRoomStage | null;
  onFinish(): void;
  onAbandon(): void;
  /** This tab becomes the writer, from the newest save. */
  onTakeOver(): void;
  /** This tab follows the writer's saves, read-only. */
  onWatch(): void;
}

export interface WarRoomScreen {
  element: HTMLElement;
  destroy(): void;
  fps(): number;
  /** The war room canvas's texts and cards on the page, for the browser tests (empty until it runs). */
  canvasTexts(): ReturnType<WarRoomHandle['canvasTexts']>;
  canvasCards(): ReturnType<WarRoomHandle['canvasCards']>;
  /** The Phaser display's life, once it has started (for the test hook). */
  life(): RoomLifeState | null;
  /** Pixels of the canvas that differ from the room drawn whole (-1 until it runs; for the test hook). */
  redrawDifference(): number;
}

const SHORTCUTS: Array<[keys: string, what: string]> = [
  ['?', 'Show or hide this help'],
  ['P', 'Pause or resume the clock'],
  ['1 · 2 · 5 · 0', 'Game speed 1×, 2×, 5×, 10×'],
  ['N', 'Skip to the next event'],
  ['A', 'Acknowledge the page'],
  ['Alt+1 … Alt+7', 'Open a panel: Respond, Diagnose, Fix, Comms, Verify, Runbook, Postmortem'],
  ['← →', 'Move between panel tabs (when a tab has focus)'],
  ['Esc', 'Close a dialog'],
];

/**
 * The war room: the Phaser scene (dashboards, pager, deadlines, responders, timeline) beside keyboard-operable DOM
 * panels, a clock with pause, speeds and skip, a briefing readable before Phaser loads, and help on "?".
 */
export function renderWarRoom(session: Session, options: WarRoomOptions): WarRoomScreen {
  const settings = DIFFICULTY_SETTINGS[session.difficulty];
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'announcer' });
  const alerts = h('div', { class: 'toast', role: 'alert', 'aria-live': 'assertive' });
  let toastTimer: number | undefined;
  const toast = h('div', { class: 'toast toast-info', 'aria-hidden': 'true' });
  let infoTimer: number | undefined;
  /** Confirms on screen (briefly) and to screen readers. */
  const announce = (message: string) => {
    announcer.textContent = '';
    announcer.textContent = message;
    toast.textContent = message;
    // The toast's area holds two lines: the whole message is in its title (and was read out in full).
    toast.title = message;
    toast.classList.add('visible');
    window.clearTimeout(infoTimer);
    infoTimer = window.setTimeout(() => toast.classList.remove('visible'), 3500);
  };
  const refuse = (message: string) => {
    alerts.textContent = message;
    alerts.title = message;
    alerts.classList.add('visible');
    window.clearTimeout(toastTimer);
    // Once faded, the alert leaves the accessibility tree too: a screen reader must not find an old refusal later.
    toastTimer = window.setTimeout(() => {
      alerts.classList.remove('visible');
      alerts.textContent = '';
      alerts.removeAttribute('title');
    }, 6000);
  };
  const confirmTitle = h('h2', { id: 'confirm-title' });
  const confirmBody = h('p', {});
  const confirmYes = h('button', { type: 'submit', value: 'yes', class: 'danger' }, 'Yes');
  const confirmDialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title' },
    confirmTitle,
    confirmBody,
    h('form', { method: 'dialog', class: 'row' }, h('button', { type: 'submit', value: 'no', class: 'primary' }, 'Not yet'), confirmYes),
  );
  const confirm = (title: string, body: string, action: string) =>
    new Promise<boolean>((resolve) => {
      confirmTitle.textContent = title;
      confirmBody.textContent = body;
      confirmYes.textContent = action;
      const wasPaused = session.paused;
      session.setPaused(true);
      confirmDialog.addEventListener(
        'close',
        () => {
          session.setPaused(wasPaused);
          resolve(confirmDialog.returnValue === 'yes');
        },
        { once: true },
      );
      confirmDialog.returnValue = '';
      confirmDialog.showModal();
    });
  const ctx: PanelContext = {
    session,
    hints: settings.hints,
    announce,
    confirm,
    drafts: session.drafts,
    send(command: CommandInput) {
      const result = session.send(session.player, command);
      if (!result.ok) refuse(`Not possible: ${result.reason}.`);
      return Promise.resolve(result.ok);
    },
  };

  // Clock and time controls.
  const clock = h('p', { class: 'clock', 'aria-label': 'Game time' }, formatClock(session.run.now()));
  const nextDeadline = h('p', { class: 'next-deadline', 'aria-label': 'Next deadline' });
  // Another tab plays this drill: this one offers to take over or to watch, and until then does nothing at all.
  const offerUnsaved = h('p', { class: 'offer-unsaved', hidden: true });
  const offerDownload = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Download this tab’s run');
  const offerTakeOver = h('button', { type: 'button', class: 'primary' }, 'Take over here');
  const offerWatch = h('button', { type: 'button', class: 'secondary' }, 'Watch here');
  const offer = h(
    'div',
    { class: 'lock', hidden: true, role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'offer-title', 'aria-describedby': 'offer-body' },
    h('h2', { id: 'offer-title' }, 'This drill is open in another tab'),
    h(
      'div',
      { id: 'offer-body' },
      h('p', {}, 'One tab plays a drill at a time, so neither overwrites the other. Take over to play here from the newest save (the other tab stops), or watch here: this tab follows the other one and sends nothing.'),
      offerUnsaved,
    ),
    h('div', { class: 'row' }, offerTakeOver, offerWatch, offerDownload),
  );
  offerTakeOver.addEventListener('click', () => options.onTakeOver());
  offerWatch.addEventListener('click', () => options.onWatch());
  offerDownload.addEventListener('click', () => download(runFile(session.scenario.id, session.run.seed, () => session.run.save())));
  // Watching: said on screen at the top, and the panels cannot be used (see `controls` below).
  const watchTakeOver = h('button', { type: 'button', class: 'primary' }, 'Take over here');
  watchTakeOver.addEventListener('click', () => options.onTakeOver());
  const watchBanner = h(
    'div',
    { class: 'banner banner-info watch-banner', role: 'region', 'aria-label': 'Watching', hidden: true },
    h('p', { role: 'status' }, h('strong', {}, 'Watching. '), 'This tab follows the drill being played in another tab: it shows each save as it arrives and sends no commands.'),
    watchTakeOver,
  );
  const phase = h('p', { class: 'phase' });
  const pause = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Pause');
  pause.addEventListener('click', () => session.setPaused(!session.paused));
  const speedButtons = SPEEDS.map((speed) => {
    const button = h('button', { type: 'button', class: 'speed', 'aria-pressed': String(speed === session.speed), 'aria-label': `Speed ${speed}×` }, `${speed}×`);
    button.addEventListener('click', () => session.setSpeed(speed));
    return button;
  });
  const skip = h('button', { type: 'button', class: 'secondary' }, 'Skip to next event');
  skip.addEventListener('click', () => {
    const at = session.skipToNextEvent();
    announce(`Skipped to ${formatClock(at)}.`);
  });
  const help = h('button', { type: 'button', class: 'secondary', 'aria-haspopup': 'dialog' }, 'Keys (?)');
  const abandon = h('button', { type: 'button', class: 'danger' }, 'Abandon drill');
  // The pager's sound: off unless turned on here (sound-toggle.ts).
  const sound = soundToggle({ announce });

  const helpDialog = h(
    'dialog',
    { class: 'help-dialog', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, 'Keyboard shortcuts'),
    h('dl', {}, ...SHORTCUTS.flatMap(([keys, what]) => [h('dt', {}, h('kbd', {}, keys)), h('dd', {}, what)])),
    h('p', {}, 'Shortcuts work when you are not typing in a text field. Everything can also be reached with Tab.'),
    h('form', { method: 'dialog' }, h('button', { type: 'submit', class: 'primary' }, 'Close')),
  );
  help.addEventListener('click', () => helpDialog.showModal());
  const abandonDialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': 'abandon-title' },
    h('h2', { id: 'abandon-title' }, 'Abandon this drill?'),
    h('p', {}, 'The run will be discarded and you will go back to the library. This cannot be undone.'),
    h('form', { method: 'dialog', class: 'row' }, h('button', { type: 'submit', value: 'keep', class: 'primary' }, 'Keep playing'), h('button', { type: 'submit', value: 'abandon', class: 'danger' }, 'Abandon')),
  );
  abandonDialog.addEventListener('close', () => {
    if (abandonDialog.returnValue === 'abandon') options.onAbandon();
    else session.setPaused(pausedBeforeDialog);
  });
  let pausedBeforeDialog = false;
  abandon.addEventListener('click', () => {
    pausedBeforeDialog = session.paused;
    session.setPaused(true);
    abandonDialog.showModal();
  });

  // Panels as accessible tabs.
  const panels: Panel[] = [respondPanel(ctx), actionsPanel(ctx, 'diagnosis'), actionsPanel(ctx, 'resolution'), commsPanel(ctx), verifyPanel(ctx), runbookPanel(ctx), postmortemPanel(ctx, options.onFinish)];
  // A tab that does not play disables every panel's controls at once (watching).
  const panelSet = panelTabs(panels);
  const { tablist, tabs, tabpanels, controls, select } = panelSet;

  const adopted = options.shell ?? null;
  const shell = adopted ?? renderWarRoomShell(briefingFacts(session.scenario), session.run.seed, session.difficulty);
  const briefing = shell.briefing.element;
  // A drill always waits for the player: behind the briefing, and after a reload.
  session.setPaused(true);
  // A drill reloaded before its page was taken has not started: it opens on its briefing again, as it first did.
  const started = session.run.commands().length > 0 || session.run.now() > 0;
  const briefed = !options.resumed || (session.mode === 'writing' && !started);
  if (!briefed) {
    briefing.hidden = true;
    // A partial restore is never "where you left off": the alert below says what came back and what did not.
    if (session.mode === 'writing' && options.partial === null) queueMicrotask(() => announce('Resumed where you left off. The clock is paused: press P or Resume.'));
  }
  const takePage = () => {
    briefing.hidden = true;
    renderMode();
    session.setPaused(false);
    tabs[panelSet.selected]!.focus();
    announce('The clock is running. The page is waiting for you.');
  };

  const bar = h(
    'header',
    { class: 'war-room-bar' },
    h('div', { class: 'bar-title' }, h('h2', { title: session.scenario.title }, session.scenario.title), phase),
    h('div', { class: 'bar-clock' }, clock),
    nextDeadline,
    h('div', { class: 'row time-controls', role: 'group', 'aria-label': 'Time controls' }, pause, ...speedButtons, skip),
    h('div', { class: 'row' }, sound.element, help, abandon),
  );
  // Storage problems are alerts, read out the moment they happen; the regions exist from the start so they are.
  const saveProblem = h('p', { role: 'alert', class: 'save-problem' });
  const saveDownload = h('button', { type: 'button', class: 'primary' }, 'Download the run');
  saveDownload.addEventListener('click', () => download(runFile(session.scenario.id, session.run.seed, () => session.run.save())));
  const saveRetry = h('button', { type: 'button', class: 'secondary' }, 'Try saving again');
  saveRetry.addEventListener('click', () => {
    session.save();
    if (session.saveState.kind === 'saved') announce('Saved.');
  });
  const saveActions = h('div', { class: 'row', hidden: true }, saveDownload, saveRetry);
  const draftProblem = h('p', { role: 'alert', class: 'draft-problem' });
  const restoreProblem = h('p', { role: 'alert', class: 'restore-problem' });
  const notice = h('p', { role: 'status', class: 'notice-banner' });
  const storageWarning = h('div', { class: 'storage-problems' }, restoreProblem, notice, saveProblem, saveActions, draftProblem);
  // Filled once on screen, so the alert is read out rather than missed on insertion.
  queueMicrotask(() => {
    setText(restoreProblem, options.partial ?? '');
    setText(notice, options.notice ?? '');
  });
  // The dashboards in words, beside the canvas that draws them.
  const dashboards = dashboardTable();
  // Toasts have a place of their own at the foot of the display's column, so they never cover a control or what a
  // panel shows.
  const toastArea = h('div', { class: 'toast-area' }, alerts, toast);
  // The war room fills the shell around its briefing, which is never moved: it may be on the page, with focus.
  // The briefing lies over the display (still loading behind it) until the player takes the page. A display started
  // before this screen is already in the column, first: the table and toasts go after it.
  const stage = options.stage ?? startStage(sessionSource(session), { room: shell.element, without: PANELS_WORK });
  if (!stage.element.isConnected) shell.stageColumn.append(stage.element);
  shell.stageColumn.append(dashboards.element, toastArea);
  shell.panels.replaceChildren(tablist, ...tabpanels);
  shell.bar.replaceWith(bar);
  shell.notices.replaceWith(storageWarning);
  bar.after(watchBanner);
  const element = shell.element;
  element.append(announcer, helpDialog, abandonDialog, confirmDialog, offer);
  const grid = shell.grid;

  // Keeping the DOM in step with the run.
  let lastPhase = '';
  let lastFindings = 0;
  let lastMessages = 0;
  let lastMissed = session.run.journal().length;
  // The dashboards' values change once a game minute (or with the journal): the table follows, not every frame.
  let tableMinute = Number.NaN;
  const renderDashboards = () => {
    tableMinute = Math.floor(session.run.now());
    dashboards.update(session.view(), session.live());
  };
  const render = () => {
    const view: SeatView = session.view();
    panelSet.update(view);
    const journal = session.run.journal();
    for (const entry of journal.slice(lastMissed)) {
      if (entry.kind === 'event' && entry.event.type === 'deadline.missed') refuse(`Missed: ${entry.event.label}.`);
    }
    lastMissed = journal.length;
    // Focus that fell off an element the update removed or disabled goes back to the panel, never to the page.
    if (document.activeElement === document.body && !helpDialog.open && !abandonDialog.open && !confirmDialog.open && briefing.hidden && offer.hidden) tabpanels[panelSet.selected]!.focus();
    phase.textContent = view.phaseLabel;
    if (lastPhase && view.phase !== lastPhase) announce(`Phase: ${view.phaseLabel}.`);
    if (view.findings.length > lastFindings) announce(`New finding: ${view.findings[view.findings.length - 1]!.text}`);
    if (view.messages.length > lastMessages) {
      const message = view.messages[view.messages.length - 1]!;
      announce(`${message.from ?? 'Alert'}: ${message.message}`);
    }
    lastPhase = view.phase;
    lastFindings = view.findings.length;
    lastMessages = view.messages.length;
    if (view.phase === 'debriefed') options.onFinish();
  };
  const renderControls = () => {
    pause.textContent = session.paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(session.paused));
    speedButtons.forEach((button, i) => button.setAttribute('aria-pressed', String(SPEEDS[i] === session.speed)));
  };
  const renderStorage = () => {
    const state = session.saveState;
    let saveText = '';
    if (state.kind === 'failed' && session.mode === 'writing') {
      const lost = state.commands - state.savedCommands;
      const why = state.problem === 'full' ? 'this browser’s storage is full' : 'this browser is not letting it store anything';
      const risk = lost > 0 ? `The last ${lost} command${lost === 1 ? '' : 's'} you sent ${lost === 1 ? 'is' : 'are'} not saved: a reload now would lose ${lost === 1 ? 'it' : 'them'}.` : 'A reload now would lose what was played since the last save.';
      saveText = `Firedrill could not save this drill: ${why}. ${risk} The clock was paused so that no more is lost. Download the run to keep all of it, then free some space and try again.`;
    }
    setText(saveProblem, saveText);
    saveActions.hidden = saveText === '';
    const notKept = session.mode === 'writing' ? session.drafts.notKeptNow() : [];
    const them = notKept.length === 1 ? 'it' : 'them';
    setText(
      draftProblem,
      notKept.length === 0 ? '' : `Not kept for a reload: ${notKept.join(', ')}. The browser would not store ${them} (too large, or its storage is full). ${notKept.length === 1 ? 'It is' : 'They are'} still on screen, but a reload would bring back only what was kept before.`,
    );
  };
  /** Writing, watching, or stopped and asking: what can be used, and what says so. */
  const renderMode = () => {
    const writing = session.mode === 'writing';
    const stopped = session.mode === 'stopped';
    const wasHidden = offer.hidden;
    const wasWatching = !watchBanner.hidden;
    for (const fieldset of controls) fieldset.disabled = !writing;
    // Behind the briefing the drill has not begun: the clock and the panels wait for "Take the page" (as the keys do),
    // so nothing is done, and graded, at a frozen T+00:00.
    const waiting = !briefing.hidden;
    for (const button of [pause, ...speedButtons, skip]) button.disabled = !writing || waiting;
    abandon.disabled = !writing;
    shell.panels.inert = waiting;
    watchBanner.hidden = session.mode !== 'watching';
    offer.hidden = !stopped;
    // Behind the question nothing can be reached, so the keyboard stays on it.
    for (const part of [bar, watchBanner, storageWarning, briefing, grid]) part.inert = stopped;
    const unsaved = session.unsavedCommands;
    offerUnsaved.hidden = offerDownload.hidden = !stopped || unsaved === 0;
    offerUnsaved.textContent = `${unsaved} command${unsaved === 1 ? '' : 's'} sent in this tab ${unsaved === 1 ? 'was' : 'were'} not saved before the other tab took over. Download this tab’s run to keep ${unsaved === 1 ? 'it' : 'them'}.`;
    if (stopped && wasHidden) offerTakeOver.focus();
    if (session.mode === 'watching' && !wasWatching) {
      // The choice's buttons went with the question: the player lands on the panels, told what watching means.
      tabs[panelSet.selected]!.focus();
      announce('Watching: this tab follows the other one and sends nothing.');
    }
    document.title = `${session.mode === 'watching' ? 'Watching: ' : ''}${session.scenario.title} — Firedrill`;
    renderStorage();
  };
  /** The clock and the "Next:" guidance beside it: drawn at once (a restored drill waits paused), then on every change. */
  const renderClock = () => {
    const now = formatClock(session.run.now());
    if (clock.textContent !== now) clock.textContent = now;
    const soonest = session.view().deadlines[0];
    const next = soonest ? `Next: ${soonest.label}, due ${formatClock(soonest.dueAt)} (game time)` : 'No deadline open';
    if (nextDeadline.textContent !== next) {
      nextDeadline.textContent = next;
      // Cut to one line in the bar (so the bar never re-wraps); the whole of it on hover.
      nextDeadline.title = next;
    }
  };
  const unsubscribe = session.subscribe((event) => {
    if (event === 'journal') render();
    if (event === 'controls') renderControls();
    if (event === 'storage') renderStorage();
    if (event === 'mode') renderMode();
    sound.update({ pageWaiting: session.mode === 'writing' && session.view().page.acknowledgedAt === null, paused: session.paused });
    // Every animation frame brings a clock event: the page changes only when what it says does (renderClock).
    renderClock();
    if (event !== 'clock' || Math.floor(session.run.now()) !== tableMinute) renderDashboards();
  });

  // Keyboard shortcuts, ignored while the player types.
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (!offer.hidden) return;
    if (event.altKey && /^[1-7]$/.test(event.key)) {
      event.preventDefault();
      select(Number(event.key) - 1, true);
      return;
    }
    if (helpDialog.open && event.key === '?') {
      event.preventDefault();
      helpDialog.close();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey || helpDialog.open || abandonDialog.open || confirmDialog.open) return;
    // A tab that does not play only shows help: time and commands belong to the tab that plays.
    if (session.mode !== 'writing' && event.key !== '?') return;
    // Behind the briefing only help works: the clock starts when the player takes the page.
    if (!briefing.hidden && event.key !== '?') return;
    const speeds: Record<string, Speed> = { '1': 1, '2': 2, '5': 5, '0': 10 };
    if (event.key === '?') {
      event.preventDefault();
      helpDialog.showModal();
    } else if (event.key === 'p' || event.key === 'P') {
      session.setPaused(!session.paused);
      announce(session.paused ? 'Paused.' : 'Running.');
    } else if (event.key === 'n' || event.key === 'N') {
      skip.click();
    } else if (event.key === 'a' || event.key === 'A') {
      void ctx.send({ type: 'acknowledge' }).then((ok) => ok && announce('Page acknowledged.'));
    } else if (speeds[event.key]) {
      session.setSpeed(speeds[event.key]!);
      announce(`Speed ${speeds[event.key]}×.`);
    }
  };
  document.addEventListener('keydown', onKey);

  // The game loop for time: real time moves game time at the chosen speed.
  let last = performance.now();
  let frame = 0;
  const loop = (now: number) => {
    session.tick(now - last);
    last = now;
    frame = requestAnimationFrame(loop);
  };
  frame = requestAnimationFrame(loop);

  // A click on the canvas's pager acknowledges, as the A key does.
  stage.onAcknowledge(() => void ctx.send({ type: 'acknowledge' }).then((ok) => ok && announce('Page acknowledged.')));

  render();
  renderControls();
  renderMode();
  renderClock();
  renderDashboards();
  // Once the war room is there, a click on "Take the page" made while it loaded counts as made now.
  shell.briefing.onTakePage(takePage);
  // An adopted briefing already has the focus it had, and marked the page interactive when it was shown.
  if (!adopted) {
    queueMicrotask(() => {
      if (session.mode === 'stopped') offerTakeOver.focus();
      else (briefed ? shell.briefing.title : tabs[panelSet.selected]!).focus();
      performance.mark('firedrill:panels-interactive');
    });
  }

  return {
    element,
    fps: () => stage.handle()?.fps() ?? 0,
    canvasTexts: () => stage.handle()?.canvasTexts() ?? [],
    canvasCards: () => stage.handle()?.canvasCards() ?? [],
    life: () => stage.handle()?.life() ?? null,
    redrawDifference: () => stage.handle()?.redrawDifference() ?? -1,
    destroy() {
      sound.destroy();
      cancelAnimationFrame(frame);
      unsubscribe();
      document.removeEventListener('keydown', onKey);
      stage.destroy();
    },
  };
}

/** Sets a live region's text only when it changes: each change is read out again. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
