/**
 * A player's war room in a group drill: the same panels and Phaser display as solo play, reading the seat's view
 * the server sends and sending commands to it. The clock is the facilitator's: it shows here, read-only.
 */
import { render } from 'lit-html';
import { formatMinute, type CommandInput, type SeatView } from '../../engine/index';
import { dashboardTable } from '../dashboard-table';
import { DIFFICULTY_SETTINGS } from '../difficulty';
import { h } from '../dom';
import { panelTabs } from '../panel-tabs';
import { actionsPanel } from '../panels/actions-panel';
import { commsPanel } from '../panels/comms-panel';
import type { Panel, PanelContext } from '../panels/panel';
import { postmortemPanel } from '../panels/postmortem-panel';
import { respondPanel } from '../panels/respond-panel';
import { runbookPanel } from '../panels/runbook-panel';
import { verifyPanel } from '../panels/verify-panel';
import { startStage, type WarRoomStage } from '../war-room-stage';
import type { SeatMessage } from './connection';
import { clockStatus, ROLE_LABELS, seatsTable } from './lobby-view';
import type { GroupScreen, ScreenDeps } from './screen';

/** The Phaser display of a group drill's seat (a player's or the projector's), reading what the server sends it. */
export function stage(deps: Pick<ScreenDeps, 'seat'>, acknowledge: () => void, label: string): WarRoomStage {
  const display = startStage({ view: () => deps.seat.view(), live: () => deps.seat.live(), status: () => ({ speed: deps.seat.latest.clock.speed, paused: !deps.seat.running }) }, { label });
  display.onAcknowledge(acknowledge);
  return display;
}

/** A yes/no question in a modal dialog (resolving an incident cannot be undone). */
export function confirmDialog(): { element: HTMLDialogElement; ask(title: string, body: string, action: string): Promise<boolean> } {
  const title = h('h2', { id: 'confirm-title' });
  const body = h('p', {});
  const yes = h('button', { type: 'submit', value: 'yes', class: 'danger' }, 'Yes');
  const element = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title' }, title, body, h('form', { method: 'dialog', class: 'row' }, h('button', { type: 'submit', value: 'no', class: 'primary' }, 'Not yet'), yes));
  return {
    element,
    ask: (heading, text, action) =>
      new Promise<boolean>((resolve) => {
        title.textContent = heading;
        body.textContent = text;
        yes.textContent = action;
        element.addEventListener('close', () => resolve(element.returnValue === 'yes'), { once: true });
        element.returnValue = '';
        element.showModal();
      }),
  };
}

/** Why this seat cannot act yet, when its responder is not in the incident; null when they are. */
function absence(view: SeatView, responder: string): string | null {
  const me = view.responders.find((r) => r.id === responder);
  if (!me || me.status === 'present') return null;
  if (me.status === 'on-the-way') return `${me.name} has not joined the incident yet: they are on the way and join at ${formatMinute(me.joinsAt ?? 0)} (game time). Until then you can read everything, but not act.`;
  return `${me.name} has not joined the incident yet: whoever leads the incident can page them (Respond, Escalate). Until then you can read everything, but not act.`;
}

export function playerRoom(deps: ScreenDeps, responder: string, message: SeatMessage): GroupScreen {
  const { seat } = deps;
  const settings = DIFFICULTY_SETTINGS[seat.difficulty];
  const confirm = confirmDialog();
  const ctx: PanelContext = {
    session: seat,
    hints: settings.hints,
    announce: deps.announce,
    confirm: (title, body, action) => confirm.ask(title, body, action),
    drafts: deps.drafts,
    async send(command: CommandInput) {
      return (await deps.command(command)).ok;
    },
  };
  // The debrief arrives for everyone from the server when the drill ends: finishing needs nothing more here.
  const panels: Panel[] = [respondPanel(ctx), actionsPanel(ctx, 'diagnosis'), actionsPanel(ctx, 'resolution'), commsPanel(ctx), verifyPanel(ctx), runbookPanel(ctx), postmortemPanel(ctx, () => undefined)];
  const tabs = panelTabs(panels);
  const me = seat.scenario.roster.responders.find((r) => r.id === responder);

  const phase = h('p', { class: 'phase' });
  const clock = h('p', { class: 'clock', 'aria-label': 'Game time' });
  const status = h('p', { class: 'clock-status' });
  const nextDeadline = h('p', { class: 'next-deadline', 'aria-label': 'Next deadline' });
  const roles = h('p', { class: 'muted you-play' });
  const bar = h(
    'header',
    { class: 'war-room-bar' },
    h('div', { class: 'bar-title' }, h('h2', { id: 'room-title', tabindex: '-1' }, seat.scenario.title), phase),
    h('div', { class: 'bar-clock' }, clock, status, nextDeadline),
    h('div', { class: 'bar-you' }, h('p', {}, h('strong', {}, `You play ${me?.name ?? responder}`), me ? `, ${me.title}` : ''), roles),
  );
  const absent = h('p', { class: 'banner banner-info absence', role: 'status' });
  const acknowledge = () => void ctx.send({ type: 'acknowledge' }).then((ok) => ok && deps.announce('Page acknowledged.'));
  const display = stage(deps, acknowledge, 'War room display: dashboards, pager, deadlines, responders and timeline');
  const seats = h('div', { class: 'seats-holder' });
  const lobby = h('details', { class: 'room-lobby' }, h('summary', {}, 'Seats and people'), seats);
  // The dashboards in words beside the display, as in solo play: the canvas is pixels to a screen reader.
  const dashboards = dashboardTable();
  const grid = h('div', { class: 'war-room-grid' }, h('div', { class: 'stage-column' }, display.element, dashboards.element), h('div', { class: 'panels' }, tabs.tablist, ...tabs.tabpanels));
  const element = h('section', { class: 'war-room group-room', 'aria-labelledby': 'room-title' }, bar, absent, grid, lobby, confirm.element);

  const claim = (choice: Parameters<ScreenDeps['connection']['claim']>[0]) => deps.connection.claim(choice);
  let lastPhase = '';
  let lastFindings = message.view.findings.length;
  let lastMessages = message.view.messages.length;

  // The table follows the game minute (and every update): the values it shows are a minute's.
  let tableMinute = Number.NaN;
  const refreshTable = (force: boolean) => {
    const minute = Math.floor(seat.now());
    if (!force && minute === tableMinute) return;
    tableMinute = minute;
    dashboards.update(seat.view(), seat.live());
  };
  const tickClock = () => {
    refreshTable(false);
    clock.textContent = formatMinute(seat.now());
    const soonest = seat.view().deadlines[0];
    nextDeadline.textContent = soonest ? `Next: ${soonest.label}, due ${formatMinute(soonest.dueAt)} (game time)` : 'No deadline open';
  };
  const clockTimer = window.setInterval(tickClock, 250);

  const onKey = (event: KeyboardEvent) => {
    // Alt+1 … Alt+7 open a panel and A acknowledges the page, as in solo play; the clock keys are the
    // facilitator's. Nothing is taken while the player types.
    if (confirm.element.open) return;
    if (event.altKey && /^[1-7]$/.test(event.key)) {
      event.preventDefault();
      tabs.select(Number(event.key) - 1, true);
      return;
    }
    const target = event.target as HTMLElement | null;
    const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.key === 'a' || event.key === 'A') && deps.seat.view().available.includes('acknowledge')) {
      event.preventDefault();
      acknowledge();
    }
  };
  document.addEventListener('keydown', onKey);

  return {
    element,
    update(next) {
      const view = next.view;
      const hadFocus = element.contains(document.activeElement);
      tabs.update(view);
      phase.textContent = view.phaseLabel;
      status.textContent = clockStatus(next);
      const held = view.roles;
      const mine = (Object.keys(held) as Array<keyof typeof held>).filter((role) => held[role] === responder).map((role) => ROLE_LABELS[role]);
      roles.textContent = mine.length > 0 ? `Your roles: ${mine.join(', ')}.` : 'No role yet: the incident commander assigns roles.';
      // A status region, empty (and not shown) while the responder is in the incident: a change is read out.
      const away = absence(view, responder) ?? '';
      if (absent.textContent !== away) absent.textContent = away;
      render(seatsTable(next, claim), seats);
      if (lastPhase && view.phase !== lastPhase) deps.announce(`Phase: ${view.phaseLabel}.`);
      if (view.findings.length > lastFindings) deps.announce(`New finding: ${view.findings[view.findings.length - 1]!.text}`);
      if (view.messages.length > lastMessages) {
        const latest = view.messages[view.messages.length - 1]!;
        deps.announce(`${latest.from ?? 'Alert'}: ${latest.message}`);
      }
      lastPhase = view.phase;
      lastFindings = view.findings.length;
      lastMessages = view.messages.length;
      refreshTable(true);
      tickClock();
      // Focus that fell off an element the update removed or disabled goes back to the panel, never to the page.
      if (hadFocus && document.activeElement === document.body && !confirm.element.open) tabs.tabpanels[tabs.selected]!.focus();
    },
    focus() {
      tabs.tabs[tabs.selected]!.focus();
    },
    destroy() {
      window.clearInterval(clockTimer);
      document.removeEventListener('keydown', onKey);
      display.destroy();
    },
  };
}
