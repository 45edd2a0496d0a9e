/**
 * The facilitator's console: the clock (start, pause, speed, skip, end), the lobby with "move to seat", the truth
 * only the facilitator's seat is sent (variant, true severity, root cause, findings, what is scheduled), the
 * scenario's injects to fire or hold, messages of their own, private observations, and the team's timeline.
 *
 * The inject and observation controls use the engine's facilitator commands; each is offered only while the seat's
 * view lists it as available, so a server whose engine lacks them shows why rather than failing.
 */
import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { actionLabel, COMMAND_TYPES, formatMinute, personName, SPEEDS, type Scenario, type SeatView, type TruthView } from '../../engine/index';
import { DIFFICULTY_SETTINGS } from '../difficulty';
import { h } from '../dom';
import type { ClockControl, FacilitatorCommand, SeatMessage } from './connection';
import { clockStatus, joinBox, peopleTable, ROLE_LABELS, seatsTable, timelineItems } from './lobby-view';
import { confirmDialog } from './player-room';
import type { GroupScreen, ScreenDeps } from './screen';

type FacilitatorType = FacilitatorCommand['type'] | 'finish' | 'call-time';

/** What custom injects may stand for, as the engine's `custom-inject` names them. */
type CustomKind = Extract<FacilitatorCommand, { type: 'custom-inject' }>['kind'];
const CUSTOM_KINDS: Array<[CustomKind, string]> = [
  ['executive', 'An executive'],
  ['support', 'Customer support'],
  ['alert', 'An alert'],
  ['customer', 'A customer'],
  ['other', 'Someone else'],
];
const MAX_SENDER = 80;
const MAX_NOTE = 2000;
const MAX_RESPOND_MINUTES = 1440;
/** How many timeline lines the console shows (the report has them all). */
const TIMELINE_LINES = 40;

/** One of the scenario's injects and where it stands in this run. */
interface InjectRow {
  id: string;
  kind: string;
  from: string | null;
  message: string;
  status: 'scheduled' | 'waiting' | 'held' | 'fired' | 'skipped';
  at: number | null;
  after: string | null;
}

type Truth = TruthView & { injects?: InjectRow[]; observations?: Array<{ seq: number; at: number; about: string; name: string; text: string }> };

/**
 * The injects and their standing: the engine's own list when its truth has one; otherwise worked out from what
 * the view shows (fired ones arrived as messages, scheduled ones are in the schedule).
 */
export function injectRows(view: SeatView, scenario: Scenario): InjectRow[] {
  const truth = view.truth as Truth | undefined;
  if (truth?.injects) return truth.injects;
  const variant = truth?.variant.id;
  return scenario.injects.map((inject) => {
    const override = variant ? inject.byVariant?.[variant] : undefined;
    const fired = view.messages.find((m) => m.inject === inject.id);
    const scheduled = truth?.scheduled.find((s) => s.what === `Inject: ${inject.id}`);
    const status: InjectRow['status'] = fired ? 'fired' : override?.skip ? 'skipped' : scheduled ? 'scheduled' : 'waiting';
    return {
      id: inject.id,
      kind: inject.kind,
      from: personName(scenario, inject.from),
      message: override?.message ?? inject.message,
      status,
      at: fired?.at ?? scheduled?.at ?? null,
      after: status === 'waiting' && inject.after ? `${inject.after.delay} min after ${actionLabel(scenario, inject.after.action)}` : null,
    };
  });
}

function standing(row: InjectRow): string {
  switch (row.status) {
    case 'fired':
      return `Fired at ${formatMinute(row.at ?? 0)}`;
    case 'scheduled':
      return `Due at ${formatMinute(row.at ?? 0)}`;
    case 'held':
      return `Held${row.at === null ? '' : ` since ${formatMinute(row.at)}`}`;
    case 'skipped':
      return 'Does not happen in this variant';
    case 'waiting':
      return row.after ? `Waiting: ${row.after}` : 'Waiting for its trigger';
  }
}

export function facilitatorConsole(deps: ScreenDeps): GroupScreen {
  const { seat, connection } = deps;
  const scenario = seat.scenario;
  const confirm = confirmDialog();
  const clock = h('p', { class: 'clock console-time', 'aria-label': 'Game time' });
  const body = h('div', { class: 'console-body' });
  const element = h('section', { class: 'console', 'aria-labelledby': 'console-title' }, h('h2', { id: 'console-title', tabindex: '-1' }, `Facilitator console: ${scenario.title}`), clock, body, confirm.element);

  const known = (type: FacilitatorType) => (COMMAND_TYPES as readonly string[]).includes(type);
  const can = (view: SeatView, type: FacilitatorType) => (view.available as readonly string[]).includes(type);
  /** Why a facilitator command cannot be used now, or '' when it can. */
  const why = (message: SeatMessage, type: FacilitatorType) => {
    if (!known(type)) return 'This server’s engine does not have this command yet.';
    if (!message.clock.started) return 'Start the drill first.';
    if (message.clock.over) return 'The drill is over.';
    return can(message.view, type) ? '' : 'Not possible in this phase of the incident.';
  };

  const control = (value: ClockControl) => connection.control(value);
  const send = async (command: FacilitatorCommand | { type: 'finish' } | { type: 'call-time' }, done: string) => {
    const result = await deps.command(command);
    if (result.ok) deps.announce(done);
    return result.ok;
  };
  const end = async () => {
    const sure = await confirm.ask('End the drill?', 'Ending the drill opens the team debrief for everyone. It cannot be undone.', 'End the drill');
    if (sure) await send({ type: 'finish' }, 'The drill is over.');
  };
  const callTime = async () => {
    const sure = await confirm.ask('Call time?', 'The incident passes to the next shift, as at the drill’s time limit: the team goes on to the postmortem, and you can then end the drill. It cannot be undone.', 'Call time');
    if (sure) await send({ type: 'call-time' }, 'Time is called: the team goes on to the postmortem.');
  };

  const fieldValue = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null)?.value ?? '';
  const sendCustom = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const from = fieldValue(form, 'from').trim();
    const text = fieldValue(form, 'message').trim();
    const respondText = fieldValue(form, 'respond-by').trim();
    const kind = CUSTOM_KINDS.find(([k]) => k === fieldValue(form, 'kind'))?.[0] ?? 'other';
    if (!from || !text) {
      deps.alert('Say who the message is from, and write the message.');
      return;
    }
    const respondBy = respondText === '' ? undefined : Number(respondText);
    if (respondBy !== undefined && (!Number.isInteger(respondBy) || respondBy < 1 || respondBy > MAX_RESPOND_MINUTES)) {
      deps.alert(`The answer time is a whole number of game minutes from 1 to ${MAX_RESPOND_MINUTES}, or empty for none.`);
      return;
    }
    if (await send({ type: 'custom-inject', kind, from, message: text, ...(respondBy === undefined ? {} : { respondBy }) }, `Sent to the team as ${from}.`)) form.reset();
  };
  const sendObservation = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const about = fieldValue(form, 'about');
    const text = fieldValue(form, 'observation').trim();
    if (!text) {
      deps.alert('Write the observation first.');
      return;
    }
    if (await send({ type: 'observe', about, text }, 'Observation noted.')) (form.elements.namedItem('observation') as HTMLTextAreaElement).value = '';
  };

  const clockSection = (message: SeatMessage) => {
    const c = message.clock;
    const endWhy = can(message.view, 'finish') ? '' : 'The drill can be ended once the team has saved its postmortem. Call time first to move the team on to it now.';
    return html`<section class="console-clock" aria-labelledby="clock-heading">
      <h3 id="clock-heading">Clock</h3>
      <p class="clock-status">${clockStatus(message)}</p>
      <div class="row" role="group" aria-label="Clock controls">
        ${c.started
          ? html`<button type="button" class="primary" data-key="pause" ?disabled=${c.over} @click=${() => control({ action: c.paused ? 'resume' : 'pause' })}>${c.paused ? 'Resume' : 'Pause'}</button>`
          : html`<button type="button" class="primary" data-key="start" ?disabled=${c.over} @click=${() => control({ action: 'start' })}>Start the drill</button>`}
        <button type="button" class="secondary" data-key="skip" ?disabled=${!c.started || c.over} @click=${() => control({ action: 'skip' })}>Skip to next event</button>
      </div>
      <div class="row" role="group" aria-label="Game speed">
        <span class="muted">Speed</span>
        ${SPEEDS.map((speed) => html`<button type="button" class="speed" aria-pressed=${String(c.speed === speed)} aria-label="Speed ${speed}×" ?disabled=${c.over} @click=${() => control({ action: 'speed', speed })}>${speed}×</button>`)}
      </div>
      <div class="row">
        <button type="button" class="secondary" data-key="call-time" ?disabled=${!can(message.view, 'call-time')} @click=${callTime}>Call time</button>
        <button type="button" class="danger" data-key="end-drill" aria-describedby="end-why" ?disabled=${!can(message.view, 'finish')} @click=${end}>End the drill</button>
        <span id="end-why" class="muted">${endWhy}</span>
      </div>
    </section>`;
  };

  const truthSection = (message: SeatMessage) => {
    const view = message.view;
    const truth = view.truth as Truth | undefined;
    if (!truth) return html`<section aria-labelledby="truth-heading"><h3 id="truth-heading">The truth</h3><p class="muted">Not sent yet.</p></section>`;
    return html`<section class="truth" aria-labelledby="truth-heading">
      <h3 id="truth-heading">The truth <span class="muted">(only you see this)</span></h3>
      <dl class="truth-facts">
        <dt>Variant</dt>
        <dd>${truth.variant.title}</dd>
        <dt>Root cause</dt>
        <dd>${truth.variant.rootCause}</dd>
        <dt>The right fix</dt>
        <dd>${truth.variant.rightFix}</dd>
        <dt>True severity</dt>
        <dd>${truth.trueSeverity} <span class="muted">(declared: ${view.severity ?? 'not yet'})</span></dd>
      </dl>
      <h4>The expert’s path</h4>
      <ol class="truth-path">
        ${truth.expertPath.map((step) => html`<li>${step}</li>`)}
      </ol>
      <h4>Findings</h4>
      <ul class="truth-findings">
        ${repeat(
          truth.findings,
          (f) => f.action,
          (f) => html`<li class=${f.revealed ? 'revealed' : ''}><strong>${f.label}</strong> — ${f.revealed ? 'revealed' : 'not revealed yet'}${f.redHerring ? ' · a red herring' : ''}<br /><span class="muted">${f.text}</span></li>`,
        )}
      </ul>
      <h4>Scheduled</h4>
      <ol class="truth-scheduled">
        ${truth.scheduled.length === 0 ? html`<li class="muted">Nothing scheduled.</li>` : truth.scheduled.map((s) => html`<li><span class="time">${formatMinute(s.at)}</span> ${s.what}</li>`)}
      </ol>
    </section>`;
  };

  const injectSection = (message: SeatMessage) => {
    const rows = injectRows(message.view, scenario);
    const fireWhy = why(message, 'fire-inject');
    const holdWhy = why(message, 'hold-inject');
    const row = (inject: InjectRow) => {
      const pending = inject.status !== 'fired' && inject.status !== 'skipped';
      return html`<tr data-inject=${inject.id}>
        <th scope="row">${inject.id}</th>
        <td>${inject.from ?? inject.kind}</td>
        <td>${inject.message}</td>
        <td>${standing(inject)}</td>
        <td class="row">
          ${pending
            ? html`<button type="button" class="secondary" aria-label="Fire now: ${inject.id}" ?disabled=${fireWhy !== ''} @click=${() => send({ type: 'fire-inject', inject: inject.id }, `Fired “${inject.id}”.`)}>Fire now</button>
                <button type="button" class="secondary" aria-label="Hold: ${inject.id}" ?disabled=${holdWhy !== '' || inject.status === 'held'} @click=${() => send({ type: 'hold-inject', inject: inject.id }, `Held “${inject.id}”: it fires only when you fire it.`)}>Hold</button>`
            : nothing}
        </td>
      </tr>`;
    };
    return html`<section aria-labelledby="injects-heading">
      <h3 id="injects-heading">Injects</h3>
      <p class="help">${fireWhy || 'Fire an inject now, or hold one so it waits for you.'}</p>
      ${rows.length === 0
        ? html`<p class="muted">This scenario has no injects.</p>`
        : html`<table class="injects">
            <caption class="visually-hidden">The scenario’s injects</caption>
            <thead>
              <tr><th scope="col">Inject</th><th scope="col">From</th><th scope="col">Message</th><th scope="col">Standing</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>${repeat(rows, (r) => r.id, row)}</tbody>
          </table>`}
    </section>`;
  };

  const customSection = (message: SeatMessage) => {
    const reason = why(message, 'custom-inject');
    return html`<section aria-labelledby="custom-heading">
      <h3 id="custom-heading">Send a message of your own</h3>
      <form class="console-form" aria-labelledby="custom-heading" @submit=${sendCustom}>
        <label for="custom-kind">Kind</label>
        <select id="custom-kind" name="kind">${CUSTOM_KINDS.map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select>
        <label for="custom-from">From</label>
        <input id="custom-from" name="from" type="text" maxlength=${MAX_SENDER} autocomplete="off" placeholder="e.g. Lena Park (VP of Product)" />
        <label for="custom-message">Message</label>
        <textarea id="custom-message" name="message" rows="3" maxlength=${MAX_NOTE}></textarea>
        <label for="custom-respond">Needs an answer within (game minutes; empty for none)</label>
        <input id="custom-respond" name="respond-by" type="number" min="1" max=${MAX_RESPOND_MINUTES} step="1" inputmode="numeric" />
        <div class="row">
          <button type="submit" class="primary" aria-describedby="custom-why" ?disabled=${reason !== ''}>Send to the team</button>
          <span id="custom-why" class="muted">${reason}</span>
        </div>
      </form>
    </section>`;
  };

  const observationSection = (message: SeatMessage) => {
    const reason = why(message, 'observe');
    const observations = (message.view.truth as Truth | undefined)?.observations ?? [];
    const holder = (responder: string) => message.lobby.seats.find((s) => s.responder === responder)?.heldBy?.name;
    return html`<section aria-labelledby="observe-heading">
      <h3 id="observe-heading">Private observations</h3>
      <p class="help">Notes for the debrief, timed by the game clock. Only you see them during the drill.</p>
      <form class="console-form" aria-labelledby="observe-heading" @submit=${sendObservation}>
        <label for="observe-about">About</label>
        <select id="observe-about" name="about">
          <option value="team">The team</option>
          ${scenario.roster.responders.map((r) => html`<option value=${r.id}>${r.name}${holder(r.id) ? ` (played by ${holder(r.id)})` : ''}</option>`)}
        </select>
        <label for="observe-text">Observation</label>
        <textarea id="observe-text" name="observation" rows="3" maxlength=${MAX_NOTE}></textarea>
        <div class="row">
          <button type="submit" class="primary" aria-describedby="observe-why" ?disabled=${reason !== ''}>Note it</button>
          <span id="observe-why" class="muted">${reason}</span>
        </div>
      </form>
      ${observations.length === 0
        ? nothing
        : html`<ol class="observations" aria-label="Your observations">
            ${repeat(
              observations,
              (o) => o.seq,
              (o) => html`<li><span class="time">${formatMinute(o.at)}</span> <strong>${o.name}</strong>: ${o.text}</li>`,
            )}
          </ol>`}
    </section>`;
  };

  const teamSection = (message: SeatMessage) => {
    const view = message.view;
    // Newest first: what just happened is what the facilitator needs, without scrolling.
    const lines = view.timeline.slice(-TIMELINE_LINES).reverse();
    const live = seat.live();
    return html`<section aria-labelledby="team-heading">
      <h3 id="team-heading">Where the team stands</h3>
      <p><span class="phase">${view.phaseLabel}</span> · severity ${view.severity ?? 'not declared'} · ${(Object.keys(view.roles) as Array<keyof typeof view.roles>).map((role) => `${ROLE_LABELS[role]}: ${personName(scenario, view.roles[role]) ?? 'unassigned'}`).join(' · ')}</p>
      <h4>Deadlines</h4>
      <ul class="console-deadlines">
        ${live.deadlines.length === 0 ? html`<li class="muted">No deadline open.</li>` : live.deadlines.map((d) => html`<li>${d.label}: due ${formatMinute(d.dueAt)}</li>`)}
      </ul>
      <h4>Timeline <span class="muted">(newest first)</span></h4>
      <div role="log" aria-label="Team timeline, newest first" class="console-timeline-log" tabindex="0"><ol class="console-timeline">
        ${timelineItems(lines)}
      </ol></div>
    </section>`;
  };

  const move = (participant: string, choice: Parameters<ScreenDeps['connection']['move']>[1]) => connection.move(participant, choice);
  const template = (message: SeatMessage) => html`
    <p class="muted">${DIFFICULTY_SETTINGS[message.difficulty].label} · You are ${message.you.name}, the facilitator: you run the clock and see what the players cannot.</p>
    <div class="console-grid">
      <div>
        ${clockSection(message)}
        <section aria-labelledby="lobby-heading">
          <h3 id="lobby-heading">Lobby</h3>
          ${joinBox(message.code, deps.announce)}
          ${seatsTable(message, null)}
          ${peopleTable(message, move)}
        </section>
        ${injectSection(message)} ${customSection(message)} ${observationSection(message)}
      </div>
      <div>${truthSection(message)} ${teamSection(message)}</div>
    </div>
  `;

  const tick = () => {
    clock.textContent = formatMinute(seat.now());
  };
  const timer = window.setInterval(tick, 250);

  return {
    element,
    update(message) {
      render(template(message), body);
      tick();
    },
    focus() {
      element.querySelector<HTMLElement>('#console-title')?.focus();
    },
    destroy() {
      window.clearInterval(timer);
    },
  };
}
