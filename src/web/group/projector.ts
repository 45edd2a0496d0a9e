/**
 * The projector: the war room large for the room's shared screen, read-only. It is an observer's seat, so the server
 * never sends it the truth; it shows the display, the deadlines counting down, who holds which role, and the
 * timeline as it grows.
 */
import { html, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { formatMinute, personName, ROLES } from '../../engine/index';
import { h } from '../dom';
import type { SeatMessage } from './connection';
import { clockStatus, joinLink, ROLE_LABELS, timelineItems } from './lobby-view';
import { stage } from './player-room';
import type { GroupScreen, ScreenDeps } from './screen';

/** How many of the latest timeline lines the projector shows: enough to follow, few enough to read from the back. */
const TIMELINE_LINES = 14;

/** Time left, in words that read well from across a room. */
function remaining(minutes: number): string {
  if (minutes <= 0) return 'due now';
  if (minutes < 1) return 'under a minute';
  return `${Math.ceil(minutes)} min left`;
}

export function projectorScreen(deps: ScreenDeps): GroupScreen {
  const { seat } = deps;
  const display = stage(deps, () => undefined, 'War room display');
  const header = h('header', { class: 'projector-bar' });
  const side = h('div', { class: 'projector-side' });
  const element = h('section', { class: 'projector', 'aria-labelledby': 'projector-title' }, header, h('div', { class: 'projector-grid' }, display.element, side));

  const headerTemplate = (message: SeatMessage) => html`
    <div>
      <h2 id="projector-title" tabindex="-1">${message.scenario.title}</h2>
      <p class="phase">${message.view.phaseLabel}</p>
    </div>
    <div class="projector-clock">
      <p class="clock projector-time" aria-label="Game time">${formatMinute(seat.now())}</p>
      <p class="clock-status">${clockStatus(message)}</p>
    </div>
    <div class="projector-join">
      <p>Join: <strong class="inline-code">${message.code}</strong></p>
      <p class="muted">${joinLink(message.code)}</p>
      <button type="button" class="secondary" data-key="leave-projector" @click=${() => deps.setProjector(false)}>Back to the lobby</button>
    </div>
  `;

  const sideTemplate = (message: SeatMessage) => {
    const view = message.view;
    const live = seat.live();
    // Newest first: the room reads the top of the screen, and what just happened belongs there.
    const lines = view.timeline.slice(-TIMELINE_LINES).reverse();
    return html`
      <section aria-labelledby="projector-deadlines">
        <h3 id="projector-deadlines">Deadlines</h3>
        <ul class="projector-list">
          ${live.deadlines.length === 0
            ? html`<li class="muted">No deadline open.</li>`
            : repeat(
                live.deadlines,
                (d) => d.id,
                (d) => html`<li class=${d.remaining <= 2 ? 'due-soon' : ''}><strong>${d.label}</strong> · due ${formatMinute(d.dueAt)} · ${remaining(d.remaining)}</li>`,
              )}
        </ul>
      </section>
      <section aria-labelledby="projector-roles">
        <h3 id="projector-roles">Roles</h3>
        <ul class="projector-list">
          ${ROLES.map((role) => html`<li><strong>${ROLE_LABELS[role]}</strong>: ${personName(seat.scenario, view.roles[role]) ?? 'unassigned'}</li>`)}
          <li><strong>Severity</strong>: ${view.severity ?? 'not declared'}</li>
        </ul>
      </section>
      <section aria-labelledby="projector-timeline">
        <h3 id="projector-timeline">Timeline</h3>
        <div role="log" aria-label="Timeline" class="projector-timeline-log"><ol class="projector-timeline">
          ${timelineItems(lines)}
        </ol></div>
      </section>
    `;
  };

  let last: SeatMessage | null = null;
  const paint = () => {
    if (!last) return;
    render(headerTemplate(last), header);
    render(sideTemplate(last), side);
  };
  // Countdowns move between the server's updates.
  const timer = window.setInterval(paint, 500);

  return {
    element,
    update(message) {
      last = message;
      paint();
    },
    focus() {
      element.querySelector<HTMLElement>('#projector-title')?.focus();
    },
    destroy() {
      window.clearInterval(timer);
      display.destroy();
    },
  };
}
