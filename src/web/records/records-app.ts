/**
 * The records pages, loaded on demand from the address: `?invitation=TOKEN` (joining a team), `?team=ID` (the
 * manager's readiness view, or a member's own rows and the team's averages) and `?person=ID` (one person's history).
 * The server decides what each person may see; these pages show what it gives, derive what they say they derive,
 * and never hold the session (an HTTP-only cookie).
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { SEVERITIES, type Severity } from '../../engine/index';
import { CATEGORIES, CATEGORY_LABELS } from '../../engine/policy/rubric';
import type { TeamAggregate, TeamView } from '../../records/access';
import type { PersonRef } from '../../records/model';
import type { ActionItem } from '../../records/queries';
import type { TeamRole } from '../../records/schema';
import { castOf } from '../../server/cast';
import type { Catalog } from '../catalog';
import { h } from '../dom';
import { checkDisplayName, MAX_DISPLAY_NAME } from '../group/identity';
import { TEAM_RESULTS_SCOPE } from '../../records/describe';
import { acceptInvitation, closeActionItem, exportPaths, invite, me, NO_SERVER, openInvitations, personRecords, previewInvitation, revokeInvitation, scenarios as hostedScenarios, sendXapi, signOut, teamView, type ApiResult, type InvitationPreview, type Me, type OpenInvitation } from './api';
import { formatDay, formatWhen, INCIDENT_ROLE_LABELS, listWords, plural, TEAM_ROLE_LABELS } from './format';
import { buildMatrix, DERIVATION, mergeResults, practiceGaps, recommend, trend, weakestOfAverages, weakestPractice, type PracticeGaps, type Recommendation, type ScenarioInfo } from './readiness';
import { actionItemsTable, drillLog, matrixTable, mountTrendChart, personHref, trendSection } from './views';

export type RecordsPage = { kind: 'invitation' | 'team' | 'person'; id: string };

export function mountRecordsPage(container: HTMLElement, page: RecordsPage, catalog: Catalog): void {
  const root = h('section', { class: 'records-page', 'aria-labelledby': 'records-page-title' });
  container.append(root);
  if (page.kind === 'invitation') invitationPage(root, page.id);
  else if (page.kind === 'team') void teamPage(root, page.id, catalog);
  else void personPage(root, page.id, catalog);
}

const back = html`<p class="records-back"><a href="./">Back to the library</a></p>`;

/** Why a read was refused, in words that say what to do. */
function refusal(result: Extract<ApiResult<unknown>, { ok: false }>): string {
  if (result.noServer) return `${NO_SERVER[0]!.toUpperCase()}${NO_SERVER.slice(1)}.`;
  if (result.status === 401) return 'You are not signed in on this browser. Create a team from the library, or open the invitation link you were sent.';
  return `${result.reason[0]!.toUpperCase()}${result.reason.slice(1)}.`;
}

function focusTitle(root: HTMLElement): void {
  root.querySelector<HTMLElement>('#records-page-title')?.focus();
}

/** A status line said politely (screen readers) and shown; one per page. */
function announcer() {
  let text = '';
  return {
    say(next: string, draw: () => void) {
      text = next;
      draw();
    },
    template: () => html`<p class="records-status" role="status" aria-live="polite">${text}</p>`,
  };
}

// Scenarios: what is known of each, from the server (severity) and the build's catalog (topics, roster).

interface ScenarioFacts {
  infos: Map<string, ScenarioInfo>;
  difficultyOf: (scenarioId: string) => number;
  /** Said when the server's list could not be read (severities then come from this build's scenarios). */
  note: string | null;
}

async function scenarioFacts(catalog: Catalog): Promise<ScenarioFacts> {
  const hosted = await hostedScenarios();
  const infos = new Map<string, ScenarioInfo>();
  const isSeverity = (s: unknown): s is Severity => SEVERITIES.includes(s as Severity);
  for (const entry of catalog.scenarios) {
    const s = entry.scenario;
    infos.set(s.id, { id: s.id, title: s.title, severity: s.severity.true, topics: s.topics, suggestedRoles: Object.fromEntries(castOf(s).map((seat) => [seat.responder, seat.suggestedRole])) });
  }
  // The server's list is the one drills are hosted from: its severity wins, and a scenario only it has still counts.
  if (hosted.ok) {
    for (const s of hosted.value) {
      const known = infos.get(s.id);
      infos.set(s.id, { id: s.id, title: s.title, severity: isSeverity(s.severity) ? s.severity : (known?.severity ?? null), topics: known?.topics ?? [], suggestedRoles: known?.suggestedRoles ?? {} });
    }
  }
  const rank: Record<string, number> = { beginner: 0, intermediate: 1, advanced: 2 };
  return {
    infos,
    difficultyOf: (id) => rank[catalog.scenarios.find((e) => e.scenario.id === id)?.scenario.difficulty ?? ''] ?? 1,
    note: hosted.ok ? null : `The server’s scenario list could not be read (${hosted.reason}): severities come from the scenarios in this build.`,
  };
}

// ?invitation=TOKEN

/** A link that no longer works (used, expired, unknown or revoked): the server's reason, and what to do. */
function linkProblem(result: Extract<ApiResult<unknown>, { ok: false }>): string {
  return `${refusal(result)}${/ask for a new one/.test(result.reason) ? '' : result.status === 410 ? ' Ask the team’s manager for a new invitation.' : ' Check the link you were sent, or ask the team’s manager for a new invitation.'}`;
}

function invitationPage(root: HTMLElement, token: string): void {
  // The token is a key: once read, it leaves the address bar and the history, so it is not shared by accident.
  history.replaceState(null, '', window.location.pathname);
  type State = { kind: 'loading' } | { kind: 'ask'; signedIn: Me | null; offer: InvitationPreview | null; error: string; busy: boolean } | { kind: 'joined'; team: { id: string; name: string } | null; teamId: string; role: TeamRole; person: PersonRef } | { kind: 'problem'; text: string; signedIn: Me | null };
  let state: State = { kind: 'loading' };

  const accept = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.kind !== 'ask') return;
    const signedIn = state.signedIn;
    let displayName: string | undefined;
    if (!signedIn) {
      const input = root.querySelector<HTMLInputElement>('#invitation-name')!;
      const checked = checkDisplayName(input.value);
      if (!checked.ok) {
        state = { ...state, error: checked.reason };
        draw();
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      displayName = checked.name;
    }
    state = { ...state, busy: true, error: '' };
    draw();
    const joined = await acceptInvitation(token, displayName);
    if (!joined.ok) {
      // Used, expired and unknown invitations are final: the server's reason says which, and what to do.
      if (joined.status === 410 || joined.status === 404) state = { kind: 'problem', text: linkProblem(joined), signedIn };
      else state = { ...state, busy: false, error: `You could not join: ${joined.reason}.` };
      draw();
      focusTitle(root);
      return;
    }
    const now = await me();
    const team = now.ok ? (now.value.teams.find((t) => t.id === joined.value.teamId) ?? null) : null;
    state = { kind: 'joined', team: team ? { id: team.id, name: team.name } : null, ...joined.value };
    draw();
    focusTitle(root);
  };

  const leave = async () => {
    await signOut();
    const now = await me();
    state = { kind: 'ask', signedIn: now.ok ? now.value : null, offer: state.kind === 'ask' ? state.offer : null, error: '', busy: false };
    draw();
    root.querySelector<HTMLElement>('#invitation-name')?.focus();
  };

  const body = (): TemplateResult | typeof nothing => {
    switch (state.kind) {
      case 'loading':
        return html`<p class="muted" role="status">Checking whether you are signed in…</p>`;
      case 'problem':
        return html`<p class="banner banner-error" role="alert">${state.text}</p>`;
      case 'joined': {
        const teamLink = html`<a href=${`?team=${encodeURIComponent(state.teamId)}`}>${state.team?.name ?? 'your team'}</a>`;
        return html`<p class="banner banner-info" role="status">Welcome, ${state.person.displayName}: you joined ${teamLink} as a ${TEAM_ROLE_LABELS[state.role]}.</p>
          <p>The team’s group drills are kept in your records, and you can keep your solo runs there too. <a href=${personHref(state.person.id)}>My history</a></p>`;
      }
      case 'ask':
        return html`${state.offer
            ? html`<p class="invitation-offer" data-testid="invitation-offer"><strong>${state.offer.invitedBy}</strong> invited you to join <strong>${state.offer.teamName}</strong> as a ${TEAM_ROLE_LABELS[state.offer.role]}.</p>`
            : nothing}
          <form class="join-form invitation-form" novalidate @submit=${accept} aria-describedby="invitation-error">
            ${state.signedIn
              ? html`<p>You are signed in as <strong>${state.signedIn.person.displayName}</strong>. Accept the invitation as ${state.signedIn.person.displayName}, or sign out first to join as someone else.</p>
                  <div class="row">
                    <button type="submit" class="primary" ?disabled=${state.busy}>${state.busy ? 'Joining…' : `Accept as ${state.signedIn.person.displayName}`}</button>
                    <button type="button" class="secondary" @click=${() => void leave()}>Sign out</button>
                  </div>`
              : html`<label for="invitation-name">Your name</label>
                  <input id="invitation-name" name="name" type="text" autocomplete="name" maxlength=${MAX_DISPLAY_NAME * 2} aria-describedby="invitation-name-help invitation-error" required />
                  <p id="invitation-name-help" class="help">How your team sees you in the records. This browser stays signed in as you (a cookie only the server reads).</p>
                  <button type="submit" class="primary" ?disabled=${state.busy}>${state.busy ? 'Joining…' : 'Accept the invitation'}</button>`}
            <p class="field-error" id="invitation-error" role="alert">${state.error}</p>
          </form>`;
    }
  };

  const draw = () =>
    render(
      html`${back}
        <div class="group-join records-join">
          <h2 id="records-page-title" tabindex="-1">Join a team</h2>
          <p class="help">An invitation adds you to a team’s readiness records, in the role the manager chose. It works once.</p>
          ${body()}
        </div>`,
      root,
    );
  draw();
  // Whether the link still works, and what it offers, is asked before anything is typed: a used or unknown link
  // says so at once (and tells nothing of its team).
  void Promise.all([me(), previewInvitation(token)]).then(([answer, offer]) => {
    const signedIn = answer.ok ? answer.value : null;
    if (!answer.ok && answer.noServer) state = { kind: 'problem', text: refusal(answer), signedIn: null };
    else if (!offer.ok && offer.noServer) state = { kind: 'problem', text: refusal(offer), signedIn: null };
    else if (!offer.ok && (offer.status === 404 || offer.status === 410)) state = { kind: 'problem', text: linkProblem(offer), signedIn };
    else state = { kind: 'ask', signedIn, offer: offer.ok ? offer.value : null, error: '', busy: false };
    if (offer.ok) document.title = `Join ${offer.value.teamName} — Firedrill`;
    draw();
    root.querySelector<HTMLElement>(state.kind === 'ask' && !state.signedIn ? '#invitation-name' : '#records-page-title')?.focus();
  });
  document.title = 'Join a team — Firedrill';
}

// ?team=ID

function practiceName(category: (typeof CATEGORIES)[number]): string {
  return CATEGORY_LABELS[category];
}

function reasonText(reason: Recommendation['reasons'][number], who: string): string {
  switch (reason.kind) {
    case 'stresses-weakest':
      return reason.category === 'resolution'
        ? `every scenario practises ${practiceName(reason.category)}, ${who}’s weakest practice (${reason.average} on average over their last drills)`
        : `its topics stress ${practiceName(reason.category)}, ${who}’s weakest practice (${reason.average} on average over their last drills)`;
    case 'new-severity':
      return `a ${reason.severity} incident: a severity ${who} has never practised`;
    case 'not-played':
      return `${who} has not played it yet`;
    case 'replay':
      return `${who} has played every scenario; their lowest ${practiceName(reason.category)} score (${reason.score}) was here: play it again with a new seed`;
    case 'first-drill':
      return `${who} has no drills yet: an easier scenario to start with`;
  }
}

function gapsTable(gaps: readonly PracticeGaps[]): TemplateResult {
  const list = (words: string[], none: string) => (words.length === 0 ? html`<span class="ok">${none}</span>` : html`${listWords(words)}`);
  return html`<div class="table-scroll" role="region" aria-labelledby="gaps-caption" tabindex="0">
    <table class="records-table gaps">
      <caption id="gaps-caption">Severities and roles never practised, per person</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Severities never practised</th>
          <th scope="col">Roles never played</th>
          <th scope="col">Practised so far</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          gaps,
          (g) => g.person.id,
          (g) => html`<tr data-person=${g.person.id}>
            <th scope="row"><a href=${personHref(g.person.id)}>${g.person.displayName}</a></th>
            <td>${list(g.severities.never, 'none: every severity practised')}</td>
            <td>${list(g.roles.never.map((r) => INCIDENT_ROLE_LABELS[r]), 'none: every role played')}</td>
            <td>
              ${g.severities.practised.length + g.roles.practised.length === 0 ? html`<span class="muted">nothing yet</span>` : html`${listWords([...g.severities.practised, ...g.roles.practised.map((r) => INCIDENT_ROLE_LABELS[r])])}`}
              ${g.unknownScenario + g.unknownRole > 0 ? html`<br /><span class="muted">${plural(Math.max(g.unknownScenario, g.unknownRole), 'drill')} of a scenario not known here could not be counted.</span>` : nothing}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

const ITEMS_HELP = 'From the postmortems of the team’s group drills. “Mark done” closes one for the whole team, with your name kept as who closed it.';

/**
 * A team's open action items on its page: marking one done (everyone in the team may, as in the lobby), the error
 * if that fails, the announcement, and where focus goes next. Shared by the manager's and the member's pages.
 */
function openItemsSection(initial: readonly ActionItem[], root: HTMLElement, status: ReturnType<typeof announcer>, draw: () => void, drillOf: (drillId: string) => string | null) {
  let items: ActionItem[] = [...initial];
  const closing = new Set<number>();
  let error = '';
  const close = async (item: ActionItem) => {
    closing.add(item.id);
    error = '';
    draw();
    const closed = await closeActionItem(item.id);
    closing.delete(item.id);
    if (!closed.ok) {
      error = `“${item.action}” could not be marked done: ${closed.reason}.`;
      draw();
      return;
    }
    const index = items.findIndex((i) => i.id === item.id);
    items = items.filter((i) => i.id !== item.id);
    status.say(`Marked done: ${item.action}. ${plural(items.length, 'open action item')} left.`, draw);
    // Focus stays in the list: on the next item's button, or the section's heading when none is left.
    const next = items[Math.min(index, items.length - 1)];
    root.querySelector<HTMLElement>(next ? `tr[data-action-item="${next.id}"] button` : '#items-title')?.focus();
  };
  return () => html`<section class="records-block" aria-labelledby="items-title">
    <h3 id="items-title" tabindex="-1">Open action items</h3>
    <p class="help">${ITEMS_HELP}</p>
    ${actionItemsTable(items, { drillOf, closing, close: (item) => void close(item) })}
    <p class="field-error" role="alert">${error}</p>
  </section>`;
}

/** "for Dana Lee" or, without a label, "ref AbC12x": what tells one invitation from another of the same role. */
export function invitationFor(i: { label: string | null; reference: string }): string {
  return i.label ? `for ${i.label}` : `ref ${i.reference}`;
}

/** A team's invitations not used yet: who made each and when, with a Revoke button each (never the link itself). */
function outstandingTable(list: readonly OpenInvitation[] | null, revoking: ReadonlySet<string>, revoke: (invitation: OpenInvitation) => void): TemplateResult {
  if (list === null) return html`<p class="muted">Reading the invitations not used yet…</p>`;
  if (list.length === 0) return html`<p class="muted" id="outstanding-caption" tabindex="-1">No invitations waiting to be used.</p>`;
  return html`<div class="table-scroll" role="region" aria-labelledby="outstanding-caption" tabindex="0">
    <table class="records-table outstanding-invitations">
      <caption id="outstanding-caption" tabindex="-1">Invitations not used yet, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">For</th>
          <th scope="col">Made</th>
          <th scope="col">By</th>
          <th scope="col">Expires</th>
          <th scope="col"><span class="visually-hidden">Revoke</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          list,
          (i) => i.id,
          (i) => {
            const words = `the invitation for a ${TEAM_ROLE_LABELS[i.role]} (${invitationFor(i)}) made ${formatWhen(i.createdAt)} by ${i.createdBy.displayName}`;
            return html`<tr data-invitation=${i.id}>
              <th scope="row">${TEAM_ROLE_LABELS[i.role]}</th>
              <td>${i.label ?? html`<span class="muted">ref <code>${i.reference}</code></span>`}</td>
              <td>${formatWhen(i.createdAt)}</td>
              <td>${i.createdBy.displayName}</td>
              <td>${formatDay(i.expiresAt)}</td>
              <td><button type="button" class="secondary" ?disabled=${revoking.has(i.id)} aria-label=${`Revoke ${words}`} @click=${() => revoke(i)}>${revoking.has(i.id) ? 'Revoking…' : 'Revoke'}</button></td>
            </tr>`;
          },
        )}
      </tbody>
    </table>
  </div>
  <p class="help">Revoking stops a link working at once; the person it was sent to can be sent a new one.</p>`;
}

function aggregateTable(aggregate: TeamAggregate): TemplateResult {
  return html`<table class="records-table aggregate">
    <caption>
      The team’s averages over ${plural(aggregate.drills, 'drill')} played by ${plural(aggregate.people, 'person', 'people')}: ${TEAM_RESULTS_SCOPE.toLowerCase()}
    </caption>
    <thead>
      <tr>
        <th scope="col">Practice</th>
        <th scope="col">Average score (out of 100)</th>
      </tr>
    </thead>
    <tbody>
      ${CATEGORIES.map((c) => html`<tr><th scope="row">${CATEGORY_LABELS[c]}</th><td>${aggregate.categories[c] ?? html`<span class="muted">no drills yet</span>`}</td></tr>`)}
    </tbody>
  </table>`;
}

async function teamPage(root: HTMLElement, teamId: string, catalog: Catalog): Promise<void> {
  render(html`${back}<h2 id="records-page-title" tabindex="-1">Team readiness</h2><p class="muted" role="status">Reading the team’s records…</p>`, root);
  document.title = 'Team readiness — Firedrill';
  const [view, facts] = await Promise.all([teamView(teamId), scenarioFacts(catalog)]);
  if (!view.ok) {
    render(html`${back}<h2 id="records-page-title" tabindex="-1">Team readiness</h2><p class="banner banner-error" role="alert">${refusal(view)}</p>`, root);
    focusTitle(root);
    return;
  }
  document.title = `Team readiness: ${view.value.team.name} — Firedrill`;
  if (view.value.kind === 'manager') await managerView(root, view.value, facts);
  else await memberView(root, view.value, facts);
  focusTitle(root);
}

async function managerView(root: HTMLElement, view: Extract<TeamView, { kind: 'manager' }>, facts: ScenarioFacts): Promise<void> {
  const team = view.team;
  const people: PersonRef[] = view.members.map((m) => ({ id: m.id, displayName: m.displayName }));
  // The team view's results are the team's group drills and its members' solo runs, as the exports count them.
  const results = view.results;
  const rows = buildMatrix(people, results);
  const weakest = weakestPractice(rows);
  const gaps = practiceGaps(people, results, facts.infos);
  const candidates = [...facts.infos.values()];
  const recommendations = people.map((p) => ({ person: p, picks: recommend(results.filter((r) => r.person.id === p.id), candidates, facts.difficultyOf) }));
  const teamTrend = trend(people, results);
  const drillWords = (drillId: string) => {
    const found = results.find((r) => r.drillId === drillId);
    return found ? `${formatDay(found.playedAt)} · ${found.scenarioTitle}` : null;
  };

  let invitations: Array<{ id: string; role: TeamRole; url: string; label: string | null; reference: string }> = [];
  // The team's invitations not used yet, from the server (null until read; a reason when it could not be).
  let outstanding: OpenInvitation[] | null = null;
  let outstandingError = '';
  const revoking = new Set<string>();
  let inviting: TeamRole | null = null;
  let inviteError = '';
  let xapi: { sending: boolean; text: string; ok: boolean } = { sending: false, text: '', ok: true };
  const status = announcer();

  const itemsSection = openItemsSection(view.openActionItems, root, status, () => draw(), drillWords);

  const makeInvitation = async (role: TeamRole) => {
    inviting = role;
    inviteError = '';
    draw();
    const labelInput = root.querySelector<HTMLInputElement>('#invite-label');
    const made = await invite(team.id, role, labelInput?.value ?? '');
    inviting = null;
    if (!made.ok) {
      inviteError = `The invitation could not be made: ${made.reason}.`;
      draw();
      return;
    }
    const fresh = { id: made.value.id, role, url: new URL(made.value.invitationPath, window.location.href).href, label: made.value.label, reference: made.value.reference };
    invitations.unshift(fresh);
    // The next invitation is likely for someone else.
    if (labelInput) labelInput.value = '';
    await readOutstanding();
    status.say(`An invitation link for a ${TEAM_ROLE_LABELS[role]} (${invitationFor(fresh)}) is ready: copy it and send it to them. It works once.`, draw);
    root.querySelector<HTMLInputElement>('#invitation-0')?.focus();
  };

  const readOutstanding = async () => {
    const read = await openInvitations(team.id);
    outstanding = read.ok ? read.value.invitations : outstanding;
    outstandingError = read.ok ? '' : `The invitations not used yet could not be read: ${read.reason}.`;
  };

  const revoke = async (invitation: OpenInvitation) => {
    revoking.add(invitation.id);
    outstandingError = '';
    draw();
    const done = await revokeInvitation(team.id, invitation.id);
    revoking.delete(invitation.id);
    const index = (outstanding ?? []).findIndex((i) => i.id === invitation.id);
    if (!done.ok) {
      outstandingError = `The invitation could not be revoked: ${done.reason}.`;
      await readOutstanding();
      draw();
      return;
    }
    outstanding = (outstanding ?? []).filter((i) => i.id !== invitation.id);
    // A link made on this page and now revoked is no use to copy.
    invitations = invitations.filter((i) => i.id !== invitation.id);
    status.say(`Revoked the invitation for a ${TEAM_ROLE_LABELS[invitation.role]} (${invitationFor(invitation)}) made ${formatWhen(invitation.createdAt)}: its link no longer works. ${plural(outstanding.length, 'invitation')} not used yet.`, draw);
    const next = outstanding[Math.min(index, outstanding.length - 1)];
    root.querySelector<HTMLElement>(next ? `tr[data-invitation="${next.id}"] button` : '#outstanding-caption')?.focus();
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      status.say('Invitation link copied.', draw);
    } catch {
      status.say('This browser did not let the page copy: select the link and copy it yourself.', draw);
    }
  };

  const sendStatements = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const endpoint = value('xapi-endpoint').trim();
    if (!/^https?:\/\//i.test(endpoint)) {
      xapi = { sending: false, text: 'Give the LRS endpoint as an http:// or https:// address.', ok: false };
      draw();
      form.querySelector<HTMLInputElement>('#xapi-endpoint')?.focus();
      return;
    }
    xapi = { sending: true, text: '', ok: true };
    draw();
    const sent = await sendXapi(team.id, { endpoint, username: value('xapi-username'), password: value('xapi-password') });
    const count = sent.ok ? (sent.value as { sent?: unknown; statements?: unknown } | null) : null;
    const n = typeof count?.sent === 'number' ? count.sent : typeof count?.statements === 'number' ? count.statements : null;
    xapi = sent.ok ? { sending: false, text: n === null ? 'Sent to the learning record store.' : `Sent ${plural(n, 'statement')} to the learning record store.`, ok: true } : { sending: false, text: `Not sent: ${sent.reason}.`, ok: false };
    draw();
  };

  const paths = exportPaths(team.id);
  const drawContent = () => html`
    ${back}
    <h2 id="records-page-title" tabindex="-1">Team readiness: ${team.name}</h2>
    <p class="muted">${plural(view.members.length, 'person', 'people')} · ${plural(new Set(results.map((r) => r.drillId)).size, 'drill')} recorded · you are a manager of this team</p>
    <nav class="records-nav" aria-label="On this page">
      <ul>
        <li><a href="#matrix-title">Readiness matrix</a></li>
        <li><a href="#trend-title">Trend</a></li>
        <li><a href="#gaps-title">Never practised</a></li>
        <li><a href="#next-title">Next drills</a></li>
        <li><a href="#items-title">Action items</a></li>
        <li><a href="#invite-title">Invite</a></li>
        <li><a href="#exports-title">Exports</a></li>
        <li><a href="#log-title">Drill log</a></li>
      </ul>
    </nav>
    ${facts.note ? html`<p class="banner banner-info">${facts.note}</p>` : nothing}

    <section class="records-block" aria-labelledby="matrix-title">
      <h3 id="matrix-title">Readiness matrix</h3>
      ${weakest
        ? html`<p class="weakest" data-testid="weakest-practice">${weakest.categories.length > 1 ? 'Weakest practices (tied)' : 'Weakest practice'}: <strong>${listWords(weakest.categories.map((c) => CATEGORY_LABELS[c]))}</strong>, ${weakest.average} on average over the latest drill of ${plural(weakest.people, 'person', 'people')}. <span class="muted">${DERIVATION.weakest}</span></p>`
        : html`<p class="muted">No drills recorded yet: host a group drill for the team from the library, or ask people to keep their solo runs.</p>`}
      ${matrixTable('matrix', `${team.name}: each person’s latest drill, by practice. ${TEAM_RESULTS_SCOPE}.`, rows)}
    </section>

    ${trendSection('trend', teamTrend)}

    <section class="records-block" aria-labelledby="gaps-title">
      <h3 id="gaps-title">Never practised</h3>
      <p class="help">${DERIVATION.severity} ${DERIVATION.role}</p>
      ${gapsTable(gaps)}
    </section>

    <section class="records-block" aria-labelledby="next-title">
      <h3 id="next-title">Recommended next drills</h3>
      <p class="help">${DERIVATION.recommend}</p>
      <ul class="recommendations">
        ${repeat(
          recommendations,
          (r) => r.person.id,
          (r) => html`<li data-person=${r.person.id}>
            <strong>${r.person.displayName}</strong>:
            ${r.picks.length === 0
              ? html`<span class="muted">nothing to recommend (no scenarios are known here).</span>`
              : html`<ul>
                  ${r.picks.map((p) => html`<li><span class="scenario-title">${p.title}</span>: ${p.reasons.map((reason) => reasonText(reason, r.person.displayName)).join('; ')}.</li>`)}
                </ul>`}
          </li>`,
        )}
      </ul>
    </section>

    ${itemsSection()}

    <section class="records-block" aria-labelledby="invite-title">
      <h3 id="invite-title">Invite people</h3>
      <p class="help">Each link adds one person in the role you choose, works once, and expires in 14 days. Members see their own records and the team’s averages; facilitators may also host drills for the team; managers see everyone’s records.</p>
      <label for="invite-label">Who is it for? (optional)</label>
      <input id="invite-label" name="invite-label" type="text" autocomplete="off" maxlength="80" aria-describedby="invite-label-help" />
      <p id="invite-label-help" class="help">A name or an email, at most 80 characters, to tell your invitations apart. It is shown only to the team’s managers.</p>
      <div class="row" role="group" aria-label="Make an invitation link">
        ${(['member', 'facilitator', 'manager'] as const).map(
          (role) => html`<button type="button" class="secondary" ?disabled=${inviting !== null} @click=${() => void makeInvitation(role)}>${inviting === role ? 'Making the link…' : `Invite a ${role}`}</button>`,
        )}
      </div>
      <p class="field-error" role="alert">${inviteError}</p>
      ${invitations.length > 0
        ? html`<ul class="invitations">
            ${invitations.map(
              (inv, i) => html`<li>
                <label for=${`invitation-${i}`}>Invitation link for a ${TEAM_ROLE_LABELS[inv.role]} (${invitationFor(inv)})</label>
                <div class="row">
                  <input id=${`invitation-${i}`} type="text" readonly .value=${inv.url} class="invitation-link" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
                  <button type="button" class="secondary" aria-label=${`Copy the invitation link for a ${TEAM_ROLE_LABELS[inv.role]} (${invitationFor(inv)})`} @click=${() => void copy(inv.url)}>Copy link</button>
                </div>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${outstandingTable(outstanding, revoking, (i) => void revoke(i))}
      <p class="field-error" role="alert">${outstandingError}</p>
    </section>

    <section class="records-block" aria-labelledby="exports-title">
      <h3 id="exports-title">Exports</h3>
      <ul class="export-links">
        <li><a href=${paths.csv} download>Download the results (CSV)</a> <span class="muted">one row per person per drill, for a spreadsheet: ${TEAM_RESULTS_SCOPE.toLowerCase()}, as on this page</span></li>
        <li><a href=${paths.report} target="_blank" rel="noopener">Printable readiness report</a> <span class="muted">(opens in a new tab; evidence toward NIST SP 800-53 IR-2 and IR-3, not a certification)</span></li>
      </ul>
      <form class="xapi-form" novalidate @submit=${sendStatements} aria-describedby="xapi-result">
        <fieldset>
          <legend>Send to a learning record store (xAPI)</legend>
          <p class="help">The team’s results as xAPI statements. The password is sent once to this server, which passes it to the LRS; it is not kept.</p>
          <div class="host-field"><label for="xapi-endpoint">LRS endpoint</label><input id="xapi-endpoint" name="xapi-endpoint" type="url" autocomplete="url" placeholder="https://lrs.example.com/xapi/" required /></div>
          <div class="host-field"><label for="xapi-username">Username (key)</label><input id="xapi-username" name="xapi-username" type="text" autocomplete="off" /></div>
          <div class="host-field"><label for="xapi-password">Password (secret)</label><input id="xapi-password" name="xapi-password" type="password" autocomplete="off" /></div>
          <div class="row"><button type="submit" class="secondary" ?disabled=${xapi.sending}>${xapi.sending ? 'Sending…' : 'Send statements'}</button></div>
          <p id="xapi-result" class=${xapi.ok ? 'records-result' : 'field-error'} role=${xapi.ok ? 'status' : 'alert'}>${xapi.text}</p>
        </fieldset>
      </form>
    </section>

    <section class="records-block" aria-labelledby="log-title">
      <h3 id="log-title">Drill log</h3>
      <p class="help">The evidence behind every cell: each person’s part in each drill, newest first. A person’s name opens their history at that drill.</p>
      ${drillLog(results, { id: 'team-log', caption: `${team.name}: drills by person`, withPerson: true, anchors: false })}
    </section>
    ${status.template()}
  `;
  const draw = () => render(drawContent(), root);
  draw();
  await Promise.all([mountTrendChart(root, 'trend', teamTrend), readOutstanding().then(draw)]);
}

async function memberView(root: HTMLElement, view: Extract<TeamView, { kind: 'member' }>, facts: ScenarioFacts): Promise<void> {
  const signedIn = await me();
  const self: PersonRef | null = signedIn.ok ? signedIn.value.person : (view.own[0]?.person ?? null);
  const rows = self ? buildMatrix([self], view.own) : [];
  const weakest = weakestOfAverages(view.aggregate.categories);
  const ownTrend = self ? trend([self], view.own) : { drills: [], series: [] };
  const drillWords = (drillId: string) => {
    const found = view.own.find((r) => r.drillId === drillId);
    return found ? `${formatDay(found.playedAt)} · ${found.scenarioTitle}` : null;
  };
  const status = announcer();
  // The team's open action items: its follow-through, which everyone in the team may mark done (as in the lobby).
  const itemsSection = openItemsSection(view.openActionItems, root, status, () => draw(), drillWords);
  const draw = () =>
    render(
      html`${back}
        <h2 id="records-page-title" tabindex="-1">Team readiness: ${view.team.name}</h2>
        <p class="muted">You are a member of this team: you see the team’s averages, its open action items and your own drills. The team’s managers see everyone’s.</p>
        <section class="records-block" aria-labelledby="aggregate-title">
          <h3 id="aggregate-title">The team</h3>
          ${weakest ? html`<p class="weakest" data-testid="weakest-practice">The team’s weakest ${weakest.categories.length > 1 ? 'practices (tied)' : 'practice'}: <strong>${listWords(weakest.categories.map((c) => CATEGORY_LABELS[c]))}</strong> (${weakest.average} on average${weakest.categories.length > 1 ? ' each' : ''}).</p>` : nothing}
          ${aggregateTable(view.aggregate)}
        </section>
        <section class="records-block" aria-labelledby="matrix-title">
          <h3 id="matrix-title">Your latest drill</h3>
          ${rows.length > 0 ? matrixTable('matrix', 'Your latest drill for this team, by practice', rows) : html`<p class="muted">No drills for this team yet.</p>`}
        </section>
        ${trendSection('trend', ownTrend, 'Your trend in this team’s drills')}
        ${itemsSection()}
        <section class="records-block" aria-labelledby="log-title">
          <h3 id="log-title">Your drills for this team</h3>
          ${drillLog(view.own, { id: 'own-log', caption: 'Your drills for this team (its group drills and your solo runs), newest first', withPerson: false, anchors: false })}
          ${self ? html`<p><a href=${personHref(self.id)}>My history</a> (all your drills)</p>` : nothing}
        </section>
        ${status.template()}`,
      root,
    );
  draw();
  await mountTrendChart(root, 'trend', ownTrend);
}

// ?person=ID

async function personPage(root: HTMLElement, personId: string, catalog: Catalog): Promise<void> {
  render(html`${back}<h2 id="records-page-title" tabindex="-1">Drill history</h2><p class="muted" role="status">Reading the records…</p>`, root);
  document.title = 'Drill history — Firedrill';
  const [records, signedIn, facts] = await Promise.all([personRecords(personId), me(), scenarioFacts(catalog)]);
  if (!records.ok) {
    render(html`${back}<h2 id="records-page-title" tabindex="-1">Drill history</h2><p class="banner banner-error" role="alert">${refusal(records)}</p>`, root);
    focusTitle(root);
    return;
  }
  const results = mergeResults(records.value);
  const own = signedIn.ok && signedIn.value.person.id === personId;
  // Action items come with each team's view (a manager's or a member's): read for the viewer's teams, and kept to
  // this person's drills.
  const teams = signedIn.ok ? signedIn.value.teams : [];
  const views = await Promise.all(teams.map((t) => teamView(t.id)));
  const drills = new Set(results.map((r) => r.drillId));
  const items: ActionItem[] = [];
  let name = results.at(-1)?.person.displayName ?? (own && signedIn.ok ? signedIn.value.person.displayName : null);
  for (const v of views) {
    if (!v.ok) continue;
    items.push(...v.value.openActionItems.filter((i) => drills.has(i.drillId)));
    if (v.value.kind === 'manager') name ??= v.value.members.find((m) => m.id === personId)?.displayName ?? null;
  }
  const person: PersonRef = { id: personId, displayName: name ?? 'this person' };
  const rows = buildMatrix([person], results);
  const personTrend = trend([person], results, 12);
  const title = own ? 'My drill history' : `Drill history: ${person.displayName}`;
  document.title = `${title} — Firedrill`;
  const drillWords = (drillId: string) => {
    const found = results.find((r) => r.drillId === drillId);
    return found ? `${formatDay(found.playedAt)} · ${found.scenarioTitle}` : null;
  };
  render(
    html`${back}
      <h2 id="records-page-title" tabindex="-1">${title}</h2>
      <p class="muted">${plural(results.length, 'drill')} recorded${own ? ': your solo runs you kept and the group drills you played signed in.' : '.'}</p>
      ${facts.note ? html`<p class="banner banner-info">${facts.note}</p>` : nothing}
      <section class="records-block" aria-labelledby="matrix-title">
        <h3 id="matrix-title">Latest drill, by practice</h3>
        ${matrixTable('matrix', `${own ? 'Your' : `${person.displayName}’s`} latest drill, by practice`, rows)}
      </section>
      ${trendSection('trend', personTrend, 'Trend over the last drills')}
      <section class="records-block" aria-labelledby="log-title">
        <h3 id="log-title">Every drill</h3>
        ${drillLog(results, { id: 'person-log', caption: `${own ? 'Your' : `${person.displayName}’s`} drills, newest first`, withPerson: false, anchors: true })}
      </section>
      <section class="records-block" aria-labelledby="items-title">
        <h3 id="items-title">Open action items from these drills</h3>
        ${teams.length > 0 ? actionItemsTable(items, { drillOf: drillWords, closing: new Set() }) : html`<p class="muted">Open action items are listed on the pages of the teams they came from.</p>`}
      </section>`,
    root,
  );
  await mountTrendChart(root, 'trend', personTrend);
  // A link to one drill (from the matrix or the team's log) lands on its row now that the rows exist.
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash) root.querySelector<HTMLElement>(`#${CSS.escape(hash)}`)?.scrollIntoView();
}
