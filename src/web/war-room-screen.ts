import type { CommandInput, SeatView } from '../engine/index';
import { DIFFICULTY_SETTINGS } from './difficulty';
import { h } from './dom';
import { actionsPanel } from './panels/actions-panel';
import { commsPanel } from './panels/comms-panel';
import { formatClock, type Panel, type PanelContext } from './panels/panel';
import { postmortemPanel } from './panels/postmortem-panel';
import { respondPanel } from './panels/respond-panel';
import { runbookPanel } from './panels/runbook-panel';
import { verifyPanel } from './panels/verify-panel';
import { SPEEDS, type Session, type Speed } from './session';
import { ACTIVE_RUN_KEY } from './storage';
import type { WarRoomHandle } from './war-room/game';

export interface WarRoomScreen {
  element: HTMLElement;
  destroy(): void;
  fps(): number;
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
export function renderWarRoom(session: Session, options: { resumed: boolean; onFinish(): void; onAbandon(): void }): WarRoomScreen {
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
    toast.classList.add('visible');
    window.clearTimeout(infoTimer);
    infoTimer = window.setTimeout(() => toast.classList.remove('visible'), 3500);
  };
  const refuse = (message: string) => {
    alerts.textContent = message;
    alerts.classList.add('visible');
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => alerts.classList.remove('visible'), 6000);
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
    send(command: CommandInput, by = session.player) {
      const result = session.send(by, command);
      if (!result.ok) refuse(`Not possible: ${result.reason}.`);
      return result.ok;
    },
  };

  // Clock and time controls.
  const clock = h('p', { class: 'clock', 'aria-label': 'Game time' }, formatClock(session.run.now()));
  const nextDeadline = h('p', { class: 'next-deadline', 'aria-label': 'Next deadline' });
  const lockBanner = h('div', { class: 'lock', hidden: true, role: 'alertdialog', 'aria-labelledby': 'lock-title' }, h('h2', { id: 'lock-title' }, 'This drill changed in another tab'), h('p', {}, 'Two tabs playing one drill would overwrite each other. Continue in the other tab, or reload here to pick up where it stands.'), h('button', { type: 'button', class: 'primary', 'data-reload': '' }, 'Reload here'));
  lockBanner.querySelector('button')!.addEventListener('click', () => window.location.reload());
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
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Incident panels', class: 'tabs' });
  const tabs = panels.map((panel, index) => {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${panel.id}`, 'aria-controls': `panel-${panel.id}`, 'aria-selected': 'false', tabindex: '-1' }, panel.title);
    tab.addEventListener('click', () => select(index));
    tab.addEventListener('keydown', (event) => {
      const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : event.key === 'Home' ? -index : event.key === 'End' ? panels.length - 1 - index : 0;
      if (move !== 0) {
        event.preventDefault();
        select((index + move + panels.length) % panels.length, true);
      }
    });
    tablist.append(tab);
    return tab;
  });
  const tabpanels = panels.map((panel) => h('section', { role: 'tabpanel', id: `panel-${panel.id}`, 'aria-labelledby': `tab-${panel.id}`, tabindex: '0', hidden: true, class: 'tabpanel' }, panel.element));
  let selected = 0;
  function select(index: number, focusTab = false): void {
    selected = index;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      tabpanels[i]!.hidden = i !== index;
    });
    if (focusTab) tabs[index]!.focus();
  }
  select(0);

  // The stage: Phaser loads on demand while the briefing and panels are already usable.
  const progress = h('progress', { max: '100', value: '0', 'aria-label': 'Loading the war room' });
  const loading = h('div', { class: 'stage-loading', role: 'status' }, h('p', {}, 'Loading the war room…'), progress);
  const canvasHost = h('div', { class: 'stage-canvas' });
  const stage = h('div', { class: 'stage', role: 'region', 'aria-label': 'War room display: dashboards, pager, deadlines, responders and timeline' }, canvasHost, loading);
  const briefingStart = h('button', { type: 'button', class: 'primary', 'data-key': 'take-page' }, 'Take the page');
  const briefing = h(
    'section',
    { class: 'briefing', 'aria-labelledby': 'briefing-title' },
    h('h2', { id: 'briefing-title', tabindex: '-1' }, session.scenario.title),
    h('p', {}, session.scenario.briefing),
    h('p', { class: 'muted' }, `Seed ${session.run.seed} · ${settings.label} · You are ${session.scenario.roster.responders.find((r) => r.id === session.player)?.name ?? session.player}, ${session.scenario.roster.responders.find((r) => r.id === session.player)?.title ?? 'on call'}.`),
    h('p', { class: 'muted' }, 'At 1× a minute of incident takes ten seconds. Press ? for keyboard shortcuts.'),
    briefingStart,
  );
  // A drill always waits for the player: behind the briefing, and after a reload.
  session.setPaused(true);
  if (options.resumed) {
    briefing.hidden = true;
    queueMicrotask(() => announce('Resumed where you left off. The clock is paused: press P or Resume.'));
  }
  briefingStart.addEventListener('click', () => {
    briefing.hidden = true;
    session.setPaused(false);
    tabs[selected]!.focus();
    announce('The clock is running. The page is waiting for you.');
  });

  const bar = h(
    'header',
    { class: 'war-room-bar' },
    h('div', { class: 'bar-title' }, h('h2', {}, session.scenario.title), phase),
    h('div', { class: 'bar-clock' }, clock, nextDeadline),
    h('div', { class: 'row time-controls', role: 'group', 'aria-label': 'Time controls' }, pause, ...speedButtons, skip),
    h('div', { class: 'row' }, help, abandon),
  );
  const storageWarning = h('p', { class: 'banner banner-error', role: 'alert', hidden: true }, 'This browser is not letting Firedrill save: a reload would lose this run. Download the run from the debrief to keep it.');
  const element = h(
    'section',
    { class: 'war-room', 'aria-label': 'War room' },
    bar,
    storageWarning,
    briefing,
    h('div', { class: 'war-room-grid' }, stage, h('div', { class: 'panels' }, tablist, ...tabpanels)),
    alerts,
    toast,
    announcer,
    helpDialog,
    abandonDialog,
    confirmDialog,
    lockBanner,
  );

  // Keeping the DOM in step with the run.
  let lastPhase = '';
  let lastFindings = 0;
  let lastMessages = 0;
  let lastMissed = session.run.journal().length;
  const render = () => {
    const view: SeatView = session.view();
    for (const panel of panels) panel.update(view);
    const unanswered = view.messages.filter((m) => m.respondBy !== null && !m.answered).length;
    tabs[3]!.textContent = unanswered > 0 ? `Comms (${unanswered})` : 'Comms';
    tabs[3]!.setAttribute('aria-label', unanswered > 0 ? `Comms, ${unanswered} message${unanswered === 1 ? '' : 's'} waiting for an answer` : 'Comms');
    const journal = session.run.journal();
    for (const entry of journal.slice(lastMissed)) {
      if (entry.kind === 'event' && entry.event.type === 'deadline.missed') refuse(`Missed: ${entry.event.label}.`);
    }
    lastMissed = journal.length;
    // Focus that fell off an element the update removed or disabled goes back to the panel, never to the page.
    if (document.activeElement === document.body && !helpDialog.open && !abandonDialog.open && !confirmDialog.open && briefing.hidden) tabpanels[selected]!.focus();
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
    storageWarning.hidden = !session.storageFailed;
  };
  const unsubscribe = session.subscribe((event) => {
    if (event === 'journal') render();
    if (event === 'controls') renderControls();
    clock.textContent = formatClock(session.run.now());
    const soonest = session.view().deadlines[0];
    nextDeadline.textContent = soonest ? `Next: ${soonest.label}, due ${formatClock(soonest.dueAt)} (game time)` : 'No deadline open';
  });

  // Keyboard shortcuts, ignored while the player types.
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
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
    if (typing || event.ctrlKey || event.metaKey || event.altKey || helpDialog.open || abandonDialog.open || confirmDialog.open || !lockBanner.hidden) return;
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
      if (ctx.send({ type: 'acknowledge' })) announce('Page acknowledged.');
    } else if (speeds[event.key]) {
      session.setSpeed(speeds[event.key]!);
      announce(`Speed ${speeds[event.key]}×.`);
    }
  };
  document.addEventListener('keydown', onKey);

  // Another tab saving the same drill would be overwritten by this one (and overwrite it): stop and say so.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== ACTIVE_RUN_KEY || event.newValue === null) return;
    session.setPaused(true);
    lockBanner.hidden = false;
    element.querySelector('.war-room-grid')?.setAttribute('inert', '');
    lockBanner.querySelector<HTMLElement>('button')?.focus();
  };
  window.addEventListener('storage', onStorage);

  // The game loop for time: real time moves game time at the chosen speed.
  let last = performance.now();
  let frame = 0;
  const loop = (now: number) => {
    session.tick(now - last);
    last = now;
    frame = requestAnimationFrame(loop);
  };
  frame = requestAnimationFrame(loop);

  let warRoom: WarRoomHandle | null = null;
  let destroyed = false;
  import('./war-room/game')
    .then(({ startWarRoom }) => {
      if (destroyed) return;
      warRoom = startWarRoom(
        canvasHost,
        {
          view: () => session.view(),
          live: () => session.live(),
          status: () => ({ speed: session.speed, paused: session.paused }),
          acknowledge: () => ctx.send({ type: 'acknowledge' }) && announce('Page acknowledged.'),
        },
        {
          onProgress: (value) => {
            progress.value = Math.round(value * 100);
          },
          onFirstFrame: () => {
            loading.hidden = true;
            performance.mark('firedrill:first-frame');
          },
          onError: (message) => {
            loading.replaceChildren(h('p', {}, `The war room display could not start: ${message}. The panels still work.`));
          },
        },
      );
    })
    .catch((error: unknown) => {
      loading.replaceChildren(h('p', {}, `The war room display could not load (${String((error as Error)?.message ?? error)}). The panels still work.`));
    });

  render();
  renderControls();
  queueMicrotask(() => {
    (options.resumed ? tabs[selected]! : briefing.querySelector<HTMLElement>('#briefing-title')!).focus();
    performance.mark('firedrill:panels-interactive');
  });

  return {
    element,
    fps: () => warRoom?.fps() ?? 0,
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      unsubscribe();
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('storage', onStorage);
      warRoom?.destroy();
    },
  };
}
