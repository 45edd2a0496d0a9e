/**
 * The lobby: where people arrive, see who plays whom, take a free seat, or turn this screen into the room's
 * projector. A player waits here until the facilitator starts the drill; then their war room opens.
 */
import { html, nothing, render } from 'lit-html';
import { DIFFICULTY_SETTINGS } from '../difficulty';
import { h } from '../dom';
import type { SeatMessage } from './connection';
import { clockStatus, joinBox, peopleTable, seatsTable } from './lobby-view';
import type { GroupScreen, ScreenDeps } from './screen';

export function lobbyScreen(deps: ScreenDeps): GroupScreen {
  const element = h('section', { class: 'group-lobby', 'aria-labelledby': 'lobby-title' });
  const scenario = deps.seat.scenario;
  const claim = (choice: Parameters<ScreenDeps['connection']['claim']>[0]) => deps.connection.claim(choice);

  const yourPlace = (message: SeatMessage) => {
    const seat = message.you.seat;
    if (seat.kind === 'player') {
      const waiting = message.clock.started ? '' : ' Your war room opens when the facilitator starts the drill.';
      const playing = message.lobby.seats.find((s) => s.responder === seat.responder)?.name ?? seat.responder;
      return `You are ${message.you.name}, playing ${playing}.${waiting}`;
    }
    return `You are ${message.you.name}, watching. Take a free seat to play a responder, or make this screen the room’s projector.`;
  };

  const template = (message: SeatMessage) => html`
    <h2 id="lobby-title" tabindex="-1">Lobby: ${message.scenario.title}</h2>
    <p class="lobby-you">${yourPlace(message)}</p>
    <p class="lobby-clock">${clockStatus(message)}</p>
    <div class="lobby-grid">
      <div>
        <section aria-labelledby="seats-heading">
          <h3 id="seats-heading">Choose a seat</h3>
          <p class="help">Each seat plays one responder. The suggested role is who a team would usually ask to do what; the incident commander still assigns roles during the drill.</p>
          ${seatsTable(message, claim)}
          ${message.you.seat.kind === 'observer'
            ? html`<div class="row lobby-actions">
                <button type="button" class="secondary" data-key="watch-projector" @click=${() => deps.setProjector(true)}>Watch (projector)</button>
                <span class="help">Shows the war room large, read-only: for the room’s shared screen.</span>
              </div>`
            : nothing}
        </section>
        ${message.followUps.length > 0
          ? html`<section aria-labelledby="followups-heading" class="lobby-followups">
              <h3 id="followups-heading">Still open from the team’s last drills</h3>
              <p class="help">Action items the team’s postmortems promised and nobody has marked done yet: worth a minute before you start.</p>
              <table>
                <caption class="visually-hidden">Open action items</caption>
                <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Priority</th><th scope="col">Status</th></tr></thead>
                <tbody>${message.followUps.map((f) => html`<tr><td>${f.action}</td><td>${f.owner}</td><td>${f.priority}</td><td>${f.status}</td></tr>`)}</tbody>
              </table>
            </section>`
          : nothing}
        <section aria-labelledby="briefing-heading" class="lobby-briefing">
          <h3 id="briefing-heading">Briefing</h3>
          <p>${scenario.briefing}</p>
          <p class="muted">${DIFFICULTY_SETTINGS[message.difficulty].label}: ${DIFFICULTY_SETTINGS[message.difficulty].description}</p>
        </section>
      </div>
      <div>
        ${joinBox(message.code, deps.announce)}
        ${peopleTable(message, null)}
      </div>
    </div>
  `;

  return {
    element,
    update(message) {
      render(template(message), element);
    },
    focus() {
      element.querySelector<HTMLElement>('#lobby-title')?.focus();
    },
    destroy() {},
  };
}
