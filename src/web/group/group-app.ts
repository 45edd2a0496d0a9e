/**
 * A group drill in the browser, from `/?drill=CODE`: asks a newcomer's name (someone coming back is let in by the
 * token this browser kept), joins the room, and shows each person the screen their seat calls for: the lobby, a
 * player's war room, the projector, or the facilitator's console; and, once the drill is over, the team debrief.
 * Every screen draws what the server last sent; none holds game rules.
 */
import { clockStatus } from './lobby-view';
import type { CommandInput } from '../../engine/index';
import type { Catalog } from '../catalog';
import { h } from '../dom';
import { DraftStore } from '../drafts';
import { clearGroupDrafts, groupDraftRun } from '../storage';
import { DrillConnection, JoinProblem, type CommandResult, type ConnectionStatus, type FacilitatorCommand, type SeatMessage, type TeamDebrief } from './connection';
import { facilitatorConsole } from './facilitator-console';
import { forgetToken, lastDisplayName, normalizeCode, readIdentity, rememberDisplayName, writeIdentity } from './identity';
import { renderJoinForm } from './join-screen';
import { signedIn } from './signed-in';
import { lobbyScreen } from './lobby-screen';
import { playerRoom } from './player-room';
import { projectorScreen } from './projector';
import { RemoteSeat } from './remote-seat';
import type { GroupScreen, ScreenDeps } from './screen';
import { renderTeamDebrief, updateRecording } from './team-debrief';

declare global {
  interface Window {
    /** Browser tests read the drill's latest state through this; it exists only in test builds. */
    __firedrillGroup?: () => SeatMessage | null;
    /** Test builds only: drops the connection as a network failure would. */
    __firedrillGroupDrop?: () => void;
  }
}

export interface GroupDrill {
  destroy(): void;
}

export function mountGroupDrill(container: HTMLElement, rawCode: string, catalog: Catalog): GroupDrill {
  // Parts that outlive every screen: what is said to screen readers must not go with the screen that said it.
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'announcer' });
  const alerts = h('div', { class: 'toast', role: 'alert', 'aria-live': 'assertive' });
  const toast = h('div', { class: 'toast toast-info', 'aria-hidden': 'true' });
  const connectionBanner = h('div', { class: 'banner banner-info connection-banner', role: 'status' });
  const content = h('div', { class: 'group-content' });
  const root = h('section', { class: 'group-drill', 'aria-label': 'Group drill' }, connectionBanner, content, alerts, toast, announcer);
  container.append(root);

  let infoTimer: number | undefined;
  let alertTimer: number | undefined;
  const announce = (text: string) => {
    announcer.textContent = '';
    announcer.textContent = text;
    toast.textContent = text;
    toast.classList.add('visible');
    window.clearTimeout(infoTimer);
    infoTimer = window.setTimeout(() => toast.classList.remove('visible'), 3500);
  };
  const alert = (text: string) => {
    alerts.textContent = text;
    alerts.classList.add('visible');
    window.clearTimeout(alertTimer);
    // Once faded, the alert leaves the accessibility tree too: a screen reader must not find an old refusal later.
    alertTimer = window.setTimeout(() => {
      alerts.classList.remove('visible');
      alerts.textContent = '';
    }, 6000);
  };

  const code = normalizeCode(rawCode);
  let connection: DrillConnection | null = null;
  let seat: RemoteSeat | null = null;
  let participantId: string | null = null;
  let drafts: DraftStore | null = null;
  let previous: SeatMessage | null = null;
  let screen: { key: string; instance: GroupScreen } | null = null;
  let debriefShown = false;
  let projector = code ? readIdentity(code).projector === true : false;
  let destroyed = false;

  if (__FIREDRILL_TEST__) {
    window.__firedrillGroup = () => seat?.latest ?? null;
    window.__firedrillGroupDrop = () => connection?.dropForTest();
  }

  const setContent = (element: HTMLElement, title: string) => {
    screen?.instance.destroy();
    screen = null;
    content.replaceChildren(element);
    document.title = `${title} — Firedrill`;
  };

  const showProblem = (text: string) => {
    setContent(
      h('section', { class: 'choice', 'aria-labelledby': 'problem-title' }, h('h2', { id: 'problem-title', tabindex: '-1' }, 'This drill could not be opened'), h('p', { role: 'alert' }, text), h('p', {}, h('a', { href: './' }, 'Go to the library'))),
      'Group drill',
    );
    content.querySelector<HTMLElement>('#problem-title')?.focus();
  };

  const showStatus = (text: string) => setContent(h('p', { class: 'loading', role: 'status' }, text), 'Group drill');

  const showNameForm = (error: string | null) => {
    const drillName = readIdentity(code!).name;
    // Someone signed in to the records is not made to retype their name; the name they gave this drill still wins.
    const form = renderJoinForm(
      code!,
      drillName ?? lastDisplayName(),
      error,
      (name) => {
        form.busy(true);
        rememberDisplayName(name);
        writeIdentity(code!, { name });
        void join({ name }, (problem) => {
          form.busy(false);
          form.fail(problem);
        });
      },
      drillName === undefined ? signedIn().then((who) => who?.person.displayName ?? null) : undefined,
    );
    setContent(form.element, 'Join a group drill');
    queueMicrotask(() => {
      if (!error) content.querySelector<HTMLElement>('#display-name')?.focus();
    });
  };

  const command = async (value: CommandInput | FacilitatorCommand): Promise<CommandResult> => {
    if (!connection) return { ok: false, reason: 'not connected to the drill' };
    const result = await connection.command(value);
    if (!result.ok) alert(`Not possible: ${result.reason}.`);
    return result;
  };

  const deps = (): ScreenDeps => ({
    connection: connection!,
    seat: seat!,
    announce,
    alert,
    command,
    drafts: drafts!,
    setProjector(on) {
      projector = on;
      writeIdentity(code!, { projector: on });
      if (previous) route(previous);
    },
  });

  /** Shows the screen this person's seat calls for, building it only when it changes. */
  const route = (message: SeatMessage) => {
    if (debriefShown || destroyed) return;
    const you = message.you.seat;
    const key = you.kind === 'facilitator' ? 'facilitator' : you.kind === 'player' && message.clock.started ? `player:${you.responder}` : you.kind === 'observer' && projector ? 'projector' : 'lobby';
    if (screen?.key !== key) {
      const instance = key === 'facilitator' ? facilitatorConsole(deps()) : key === 'projector' ? projectorScreen(deps()) : key === 'lobby' ? lobbyScreen(deps()) : playerRoom(deps(), (you as { responder: string }).responder, message);
      const title = key === 'facilitator' ? `Facilitating: ${message.scenario.title}` : key === 'projector' ? `Projector: ${message.scenario.title}` : key === 'lobby' ? `Lobby: ${message.scenario.title}` : message.scenario.title;
      setContent(instance.element, title);
      screen = { key, instance };
      instance.update(message);
      instance.focus();
      return;
    }
    screen.instance.update(message);
  };

  /** Says what changed that nobody on this screen did: the clock, and where this person sits. */
  const announceChanges = (before: SeatMessage | null, now: SeatMessage) => {
    if (!before) return;
    const facilitator = now.you.seat.kind === 'facilitator';
    const a = before.clock;
    const b = now.clock;
    if (!a.started && b.started) announce(facilitator ? 'The drill has started.' : 'The facilitator started the drill.');
    else if (a.started && !a.paused && b.paused) announce(b.pausedBecause === 'facilitator' || b.pausedBecause === undefined ? (facilitator ? 'The clock is paused.' : 'The facilitator paused the drill.') : clockStatus(now));
    else if (a.paused && !b.paused && b.started) announce(facilitator ? 'The clock runs again.' : 'The facilitator resumed the drill.');
    if (a.speed !== b.speed) announce(`Game speed ${b.speed}×.`);
    const was = before.you.seat;
    const is = now.you.seat;
    if (JSON.stringify(was) !== JSON.stringify(is)) {
      if (is.kind === 'player') announce(`You now play ${now.lobby.seats.find((s) => s.responder === is.responder)?.name ?? is.responder}.`);
      else if (is.kind === 'observer') announce('You are watching now.');
    }
    if (facilitator) {
      const known = new Set(before.lobby.people.map((p) => p.id));
      for (const person of now.lobby.people) if (!known.has(person.id)) announce(`${person.name} joined the drill.`);
    }
  };

  const showDebrief = (debrief: TeamDebrief) => {
    if (debriefShown) return;
    debriefShown = true;
    // The drill is over: nothing unsent can be sent any more.
    clearGroupDrafts(code!);
    const title = previous?.scenario.title ?? 'Group drill';
    setContent(renderTeamDebrief(debrief, { code: code!, scenarioId: previous?.scenario.id ?? 'drill', title }), `Team debrief: ${title}`);
    content.querySelector<HTMLElement>('#debrief-title')?.focus();
    announce('The drill is over: here is the team debrief.');
  };

  const showConnection = (status: ConnectionStatus) => {
    if (status.kind === 'connected') {
      if (connectionBanner.textContent) announce('Reconnected to the drill.');
      connectionBanner.textContent = '';
      return;
    }
    connectionBanner.textContent = status.kind === 'reconnecting' ? 'The connection to the drill dropped. Reconnecting… Your seat is kept for you.' : `The connection to the drill is lost: ${status.reason}`;
  };

  async function join(who: { name?: string; token?: string }, onProblem: (reason: string) => void): Promise<void> {
    try {
      connection = await DrillConnection.join(code!, who, {
        welcome(welcome) {
          participantId = welcome.participantId;
          if (welcome.token) writeIdentity(code!, { token: welcome.token, ...(who.name ? { name: who.name } : {}) });
        },
        state(message) {
          if (destroyed) return;
          if (!seat) {
            const entry = catalog.scenarios.find((s) => s.scenario.id === message.scenario.id);
            if (!entry) {
              showProblem(`This drill plays “${message.scenario.title}”, which this page does not have. Reload the page to get the newest version of the game.`);
              return;
            }
            seat = new RemoteSeat(entry.scenario, message);
          } else seat.update(message);
          drafts ??= new DraftStore(groupDraftRun(code!, participantId ?? message.you.id), () => true, () => undefined);
          announceChanges(previous, message);
          previous = message;
          route(message);
        },
        refused(_type, reason) {
          alert(`Not possible: ${reason}.`);
        },
        debrief: showDebrief,
        recording(recording) {
          if (debriefShown) updateRecording(content, recording);
        },
        status: showConnection,
      });
      if (destroyed) void connection.close();
    } catch (error) {
      onProblem(error instanceof JoinProblem ? error.message : `Joining failed: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }

  if (code === null) {
    showProblem(`“${rawCode.slice(0, 40)}” is not a drill code. A code is ten letters and digits, like the one the facilitator shares.`);
  } else {
    const identity = readIdentity(code);
    if (identity.token) {
      showStatus('Joining the drill…');
      void join({ token: identity.token, ...(identity.name ? { name: identity.name } : {}) }, (problem) => {
        // A token this drill no longer knows (or never did): join afresh under a name.
        if (/display name/i.test(problem)) {
          forgetToken(code);
          showNameForm(null);
        } else showProblem(problem);
      });
    } else showNameForm(null);
  }

  const leave = () => void connection?.close();
  window.addEventListener('pagehide', leave);
  return {
    destroy() {
      destroyed = true;
      window.removeEventListener('pagehide', leave);
      screen?.instance.destroy();
      void connection?.close();
    },
  };
}
