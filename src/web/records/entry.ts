/**
 * "Records" on the library page: signing in by creating a team (invitations come as links), and once signed in, the
 * person's teams, their history and signing out. Beside it, "Your past runs in this browser": every finished solo
 * run IndexedDB kept, with a way to upload the ones not yet in the person's records. Loaded on demand, after the
 * library is on screen; names come from people, so lit-html renders them as text.
 */
import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { checkDisplayName, MAX_DISPLAY_NAME } from '../group/identity';
import { listRuns, type PastRun } from '../run-history';
import { createTeam, me, signOut, type ApiResult, type Me } from './api';
import { formatWhen, listWords, TEAM_ROLE_LABELS } from './format';
import { uploadPastRun } from './keep-run';

const MAX_TEAM_NAME = 80;

type Signed = { kind: 'loading' } | { kind: 'no-server' } | { kind: 'out' } | { kind: 'in'; me: Me } | { kind: 'error'; reason: string };
type Runs = { kind: 'loading' } | { kind: 'unavailable'; reason: string } | { kind: 'ready'; runs: PastRun[] };

function signedFrom(answer: ApiResult<Me>): Signed {
  if (answer.ok) return { kind: 'in', me: answer.value };
  if (answer.noServer) return { kind: 'no-server' };
  if (answer.status === 401) return { kind: 'out' };
  return { kind: 'error', reason: answer.reason };
}

export function mountRecordsEntry(container: HTMLElement): void {
  let signed: Signed = { kind: 'loading' };
  let runs: Runs = { kind: 'loading' };
  let formError = '';
  let busy = false;
  /** What just happened, said in the section it happened in. */
  let status = { where: 'records' as 'records' | 'runs', text: '' };
  /** Runs being uploaded, by id: their buttons wait. */
  const uploading = new Set<string>();

  const say = (text: string, where: 'records' | 'runs' = 'records') => {
    status = { where, text };
    draw();
  };
  const statusLine = (where: 'records' | 'runs') => html`<p class="records-status" role="status">${status.where === where ? status.text : ''}</p>`;

  const refreshMe = async (ask = false) => {
    // The server answers "nobody" as plainly as "someone"; a page served without it is told apart by the answer.
    signed = signedFrom(await me({ ask }));
    draw();
  };
  const refreshRuns = async () => {
    const listed = await listRuns();
    runs = listed.ok ? { kind: 'ready', runs: listed.value } : { kind: 'unavailable', reason: listed.reason };
    draw();
  };

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const teamName = (form.elements.namedItem('team-name') as HTMLInputElement).value.trim();
    const nameInput = form.elements.namedItem('your-name') as HTMLInputElement | null;
    if (teamName.length === 0) return fail(form, 'team-name', 'Give the team a name.');
    if ([...teamName].length > MAX_TEAM_NAME) return fail(form, 'team-name', `A team name is at most ${MAX_TEAM_NAME} characters.`);
    let displayName = '';
    if (nameInput) {
      const checked = checkDisplayName(nameInput.value);
      if (!checked.ok) return fail(form, 'your-name', checked.reason);
      displayName = checked.name;
    }
    busy = true;
    formError = '';
    draw();
    const created = await createTeam(teamName, displayName);
    busy = false;
    if (!created.ok) {
      formError = `The team could not be created: ${created.reason}.`;
      draw();
      return;
    }
    form.reset();
    await refreshMe();
    say(`Team ${created.value.team.name} created; you are its manager. Open it to invite people.`);
    container.querySelector<HTMLElement>(`a[data-team="${CSS.escape(created.value.team.id)}"]`)?.focus();
  };

  const fail = (form: HTMLFormElement, field: string, reason: string) => {
    formError = reason;
    draw();
    const input = form.elements.namedItem(field) as HTMLInputElement;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    input.addEventListener('input', () => input.removeAttribute('aria-invalid'), { once: true });
  };

  const leave = async () => {
    const left = await signOut();
    if (!left.ok) return say(`You could not be signed out: ${left.reason}.`);
    await refreshMe();
    say('Signed out.');
    container.querySelector<HTMLElement>('#records-title')?.focus();
  };

  const upload = async (run: PastRun) => {
    uploading.add(run.runId);
    draw();
    const result = await uploadPastRun(run);
    uploading.delete(run.runId);
    await refreshRuns();
    say(`${run.scenarioTitle} (${formatWhen(run.finishedAt)}): ${result.text}`, 'runs');
  };

  const createForm = (withName: boolean) => html`
    <form class="records-form" novalidate @submit=${create} aria-describedby="records-form-error">
      <div class="host-field">
        <label for="team-name">Team name</label>
        <input id="team-name" name="team-name" type="text" autocomplete="organization" maxlength=${MAX_TEAM_NAME * 2} required />
      </div>
      ${withName
        ? html`<div class="host-field">
            <label for="your-name">Your name</label>
            <input id="your-name" name="your-name" type="text" autocomplete="name" maxlength=${MAX_DISPLAY_NAME * 2} aria-describedby="your-name-help" required />
            <p id="your-name-help" class="help">How your team sees you in the records.</p>
          </div>`
        : nothing}
      <div class="row"><button type="submit" class="primary" ?disabled=${busy}>${busy ? 'Creating…' : 'Create the team'}</button></div>
      <p class="field-error" id="records-form-error" role="alert">${formError}</p>
    </form>
  `;

  const signedTemplate = () => {
    switch (signed.kind) {
      case 'loading':
        return html`<p class="muted">Checking whether you are signed in…</p>`;
      case 'no-server':
        return html`<p class="muted">Records need the Firedrill server: run npm start and open the address it prints. Your past runs below stay in this browser.</p>`;
      case 'error':
        return html`<p class="banner banner-error">Your records could not be reached: ${signed.reason}.</p>`;
      case 'out':
        return html`
          <p>Keep your team’s readiness records on this server: every group drill hosted for the team, and the solo runs people choose to keep.</p>
          <h3>Create a team</h3>
          <p class="help">You become its manager: you see everyone’s records and invite people.</p>
          ${createForm(true)}
          <p class="records-note">Joining a team? Invitations come as links from the team’s manager: open yours to join.</p>
        `;
      case 'in': {
        const { person, teams } = signed.me;
        return html`
          <p>Signed in as <strong class="person-name">${person.displayName}</strong>.</p>
          ${teams.length > 0
            ? html`<h3 id="your-teams">Your teams</h3>
                <ul class="team-links" aria-labelledby="your-teams">
                  ${repeat(
                    teams,
                    (t) => t.id,
                    (t) => html`<li><a href=${`?team=${encodeURIComponent(t.id)}`} data-team=${t.id}>${t.name}</a> <span class="muted">(${listWords(t.roles.map((r) => TEAM_ROLE_LABELS[r]))})</span></li>`,
                  )}
                </ul>`
            : html`<p class="muted">You are in no team yet.</p>`}
          <div class="row">
            <a class="button-link" href=${`?person=${encodeURIComponent(person.id)}`}>My history</a>
            <button type="button" class="secondary" @click=${() => void leave()}>Sign out</button>
          </div>
          <details class="records-more">
            <summary>Create another team</summary>
            ${createForm(false)}
          </details>
        `;
      }
    }
  };

  const runsTemplate = () => {
    if (runs.kind === 'loading') return html`<p class="muted">Reading this browser’s past runs…</p>`;
    if (runs.kind === 'unavailable') return html`<p class="banner banner-info">This browser cannot keep past runs here (${runs.reason}). Download a run from its debrief to keep it.</p>`;
    if (runs.runs.length === 0) return html`<p class="muted">No finished solo runs yet. Each one you finish is kept here, with its score.</p>`;
    const canUpload = signed.kind === 'in';
    return html`
      <table class="records-table past-runs-table">
        <caption>
          Finished solo runs kept in this browser, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Finished</th>
            <th scope="col">Score</th>
            <th scope="col">Level</th>
            <th scope="col">Your records</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            runs.runs,
            (r) => r.runId,
            (r) => html`<tr data-run=${r.runId}>
              <th scope="row">${r.scenarioTitle} <span class="muted">(seed ${r.seed})</span></th>
              <td>${formatWhen(r.finishedAt)}</td>
              <td>${r.score}</td>
              <td>${r.level}</td>
              <td>
                ${r.uploaded
                  ? html`<span class="ok">In your records</span>`
                  : canUpload
                    ? html`<button type="button" class="secondary" ?disabled=${uploading.has(r.runId)} aria-label=${`Upload to my records: ${r.scenarioTitle}, ${formatWhen(r.finishedAt)}`} @click=${() => void upload(r)}>
                        ${uploading.has(r.runId) ? 'Uploading…' : 'Upload to my records'}
                      </button>`
                    : html`<span class="muted">Only in this browser</span>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  };

  const draw = () =>
    render(
      html`
        <section class="records-entry" aria-labelledby="records-title">
          <h2 id="records-title" tabindex="-1">Records</h2>
          ${signedTemplate()} ${statusLine('records')}
        </section>
        <section class="past-runs" aria-labelledby="past-runs-title">
          <h2 id="past-runs-title">Your past runs in this browser</h2>
          ${runsTemplate()} ${statusLine('runs')}
        </section>
      `,
      container,
    );

  draw();
  void refreshMe();
  void refreshRuns();
}
