/**
 * The lobby's parts, shared by the lobby itself, a player's war room and the facilitator's console: the join code
 * and link, the seats (who plays whom, connected or not) and the people. Names are player text: lit-html renders
 * them as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { formatMinute, ROLE_LABELS, type Role } from '../../engine/index';
import type { SeatChoice, SeatMessage } from './connection';

export { ROLE_LABELS };

type Seat = SeatMessage['lobby']['seats'][number];
type Person = SeatMessage['lobby']['people'][number];
export type PlayerSeatChoice = Exclude<SeatChoice, { kind: 'facilitator' }>;

/** The address that joins this drill. */
export function joinLink(code: string): string {
  return `${window.location.origin}${window.location.pathname}?drill=${encodeURIComponent(code)}`;
}

/** The code and link, large enough to read off a projector, with a button that copies the link. */
export function joinBox(code: string, announce: (text: string) => void): TemplateResult {
  const link = joinLink(code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      announce('Join link copied.');
    } catch {
      announce('This browser did not let the page copy: select the link and copy it yourself.');
    }
  };
  return html`<section class="join-box" aria-labelledby="join-heading">
    <h3 id="join-heading">Invite the team</h3>
    <dl>
      <dt>Join code</dt>
      <dd class="join-code">${code}</dd>
      <dt>Join link</dt>
      <dd class="join-link"><a href=${link}>${link}</a></dd>
    </dl>
    <button type="button" class="secondary" data-key="copy-join-link" @click=${copy}>Copy the join link</button>
  </section>`;
}

/** A seat's holder in words, with whether they are connected. */
function holderText(seat: Seat, you: string): string {
  if (!seat.heldBy) return 'Free';
  const who = seat.heldBy.id === you ? `${seat.heldBy.name} (you)` : seat.heldBy.name;
  return `${who} · ${seat.heldBy.connected ? 'connected' : 'not connected'}`;
}

/**
 * The seats: responder, title, the role a team would usually give them, and who holds it. With `claim`, free seats
 * can be taken and your own left; without it (the facilitator, who moves people instead) the table only reads.
 */
export function seatsTable(message: SeatMessage, claim: ((seat: PlayerSeatChoice) => void) | null): TemplateResult {
  const you = message.you.id;
  const action = (seat: Seat) => {
    if (!claim) return nothing;
    if (seat.heldBy?.id === you) {
      return html`<td><button type="button" class="secondary" aria-label="Leave this seat: ${seat.name}" @click=${() => claim({ kind: 'observer' })}>Leave this seat</button></td>`;
    }
    if (seat.heldBy) return html`<td class="muted">Taken</td>`;
    return html`<td><button type="button" class="primary" data-seat=${seat.responder} aria-label="Take this seat: ${seat.name}, ${seat.title}" @click=${() => claim({ kind: 'player', responder: seat.responder })}>Take this seat</button></td>`;
  };
  return html`<table class="seats">
    <caption>Seats</caption>
    <thead>
      <tr>
        <th scope="col">Plays</th>
        <th scope="col">Title</th>
        <th scope="col">Suggested role</th>
        <th scope="col">Held by</th>
        ${claim ? html`<th scope="col"><span class="visually-hidden">Action</span></th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${repeat(
        message.lobby.seats,
        (seat) => seat.responder,
        (seat) => html`<tr data-responder=${seat.responder} class=${seat.heldBy?.id === you ? 'yours' : ''}>
          <th scope="row">${seat.name}</th>
          <td>${seat.title}</td>
          <td>${seat.suggestedRole ? ROLE_LABELS[seat.suggestedRole] : '—'}</td>
          <td class=${seat.heldBy ? (seat.heldBy.connected ? 'held' : 'held away') : 'free'}>${holderText(seat, you)}</td>
          ${action(seat)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Where someone sits, in words. */
export function seatText(message: SeatMessage, seat: SeatChoice): string {
  if (seat.kind === 'facilitator') return 'Facilitator';
  if (seat.kind === 'observer') return 'Watching';
  const cast = message.lobby.seats.find((s) => s.responder === seat.responder);
  return `Plays ${cast?.name ?? seat.responder}`;
}

const choiceValue = (seat: PlayerSeatChoice) => (seat.kind === 'observer' ? 'observer' : `player:${seat.responder}`);

function choiceFrom(value: string): PlayerSeatChoice | null {
  if (value === 'observer') return { kind: 'observer' };
  if (value.startsWith('player:')) return { kind: 'player', responder: value.slice('player:'.length) };
  return null;
}

/**
 * Everyone in the drill. With `move` (the facilitator), each person can be moved to any seat or to watching; whoever
 * held that seat goes to watching.
 */
export function peopleTable(message: SeatMessage, move: ((participant: string, seat: PlayerSeatChoice) => void) | null): TemplateResult {
  const you = message.you.id;
  const moveRow = (person: Person) => {
    if (!move) return nothing;
    if (person.seat.kind === 'facilitator') return html`<td class="muted">—</td>`;
    const selectId = `move-${person.id}`;
    const current = person.seat.kind === 'player' ? choiceValue(person.seat) : 'observer';
    const go = (event: Event) => {
      const row = (event.currentTarget as HTMLElement).closest('tr');
      const choice = choiceFrom(row?.querySelector('select')?.value ?? '');
      if (choice) move(person.id, choice);
    };
    return html`<td class="row">
      <label class="visually-hidden" for=${selectId}>Move ${person.name} to</label>
      <select id=${selectId} data-key=${selectId}>
        <option value="observer" ?selected=${current === 'observer'}>Watching</option>
        ${message.lobby.seats.map((seat) => html`<option value="player:${seat.responder}" ?selected=${current === `player:${seat.responder}`}>${seat.name}${seat.heldBy && seat.heldBy.id !== person.id ? ` (now ${seat.heldBy.name})` : ''}</option>`)}
      </select>
      <button type="button" class="secondary" aria-label="Move ${person.name}" @click=${go}>Move</button>
    </td>`;
  };
  return html`<table class="people">
    <caption>People</caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Seat</th>
        <th scope="col">Connection</th>
        ${move ? html`<th scope="col">Move to seat</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${repeat(
        message.lobby.people,
        (person) => person.id,
        (person) => html`<tr data-person=${person.id}>
          <th scope="row">${person.name}${person.id === you ? ' (you)' : ''}</th>
          <td>${seatText(message, person.seat)}</td>
          <td class=${person.connected ? 'held' : 'held away'}>${person.connected ? 'connected' : 'not connected'}</td>
          ${moveRow(person)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

const PAUSED_BECAUSE = {
  facilitator: 'Paused by the facilitator.',
  'facilitator-away': 'Paused: the facilitator’s connection dropped; the drill waits for them.',
  restart: 'Paused: the drill server restarted; the drill waits for the facilitator to resume it.',
} as const;

/** The clock in words: whether it has started, runs (and how fast) or is paused, and whose call that is. */
export function clockStatus(message: SeatMessage): string {
  const clock = message.clock;
  if (clock.over) return 'The drill is over.';
  if (!clock.started) return 'Waiting for the facilitator to start the drill.';
  if (clock.paused) return PAUSED_BECAUSE[clock.pausedBecause ?? 'facilitator'];
  return `Running at ${clock.speed}×.`;
}

/** Timeline lines as list items (the console and the projector show the same lines, each its own way around). */
export function timelineItems(lines: ReadonlyArray<{ seq: number; at: number; text: string }>): TemplateResult | ReturnType<typeof repeat> {
  if (lines.length === 0) return html`<li class="muted">Nothing has happened yet.</li>`;
  return repeat(
    lines,
    (line) => line.seq,
    (line) => html`<li><span class="time">${formatMinute(line.at)}</span> ${line.text}</li>`,
  );
}
