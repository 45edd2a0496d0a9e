/**
 * "Host a group drill" on the library page. Group drills need the Firedrill server (`npm start`): the section asks
 * it for the scenarios it hosts, and where the page is served without it (a static server, `vite preview`) it says
 * so plainly and leaves solo play as it is.
 */
import { html, render } from 'lit-html';
import { h } from '../dom';
import { DIFFICULTIES, DIFFICULTY_SETTINGS, type Difficulty } from '../difficulty';
import { ME_CHANGED } from '../records/events';
import { checkDisplayName, lastDisplayName, MAX_DISPLAY_NAME, rememberDisplayName, writeIdentity } from './identity';
import { defaultHostTeam, hostableTeams, nameToFill, signedIn } from './signed-in';

interface HostedScenario {
  id: string;
  title: string;
}

/** The scenarios the drill server hosts; null when there is no drill server behind this page. */
async function hostedScenarios(): Promise<HostedScenario[] | null> {
  try {
    const response = await fetch('/api/scenarios', { headers: { accept: 'application/json' } });
    // A static server answers with the page itself (or a 404): only our server answers with JSON.
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return null;
    const body: unknown = await response.json();
    if (!Array.isArray(body)) return null;
    return body.flatMap((s: unknown) => {
      const item = s as { id?: unknown; title?: unknown } | null;
      return typeof item?.id === 'string' && typeof item.title === 'string' ? [{ id: item.id, title: item.title }] : [];
    });
  } catch {
    return null;
  }
}

/** The section, filled in once the server has answered (the library around it is usable at once). */
export function renderHostSection(): HTMLElement {
  const status = h('p', { class: 'muted', role: 'status' }, 'Checking whether this server hosts group drills…');
  const section = h(
    'section',
    { class: 'host-drill', 'aria-labelledby': 'host-title' },
    h('h2', { id: 'host-title' }, 'Host a group drill'),
    h('p', { class: 'help' }, 'Run a drill for a team: everyone joins from their own browser with a code, each plays one responder, a screen can show the war room to the room, and you run the clock and see what they cannot.'),
    status,
  );
  void hostedScenarios().then((scenarios) => {
    if (scenarios === null) {
      status.textContent = 'Group drills need the Firedrill server: run npm start and open the address it prints. Solo drills work here as they are.';
      return;
    }
    if (scenarios.length === 0) {
      status.textContent = 'The drill server has no scenarios to host.';
      return;
    }
    status.textContent = '';
    section.append(hostForm(scenarios));
  });
  return section;
}

function hostForm(scenarios: HostedScenario[]): HTMLFormElement {
  const scenario = h('select', { id: 'host-scenario', name: 'scenario' }, ...scenarios.map((s) => h('option', { value: s.id }, s.title)));
  const seed = h('input', { id: 'host-seed', name: 'seed', type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'host-seed-help' });
  const difficulty = h('select', { id: 'host-difficulty', name: 'difficulty' }, ...DIFFICULTIES.map((d) => h('option', { value: d, selected: d === 'standard' }, DIFFICULTY_SETTINGS[d].label)));
  const name = h('input', { id: 'host-name', name: 'name', type: 'text', autocomplete: 'nickname', maxlength: String(MAX_DISPLAY_NAME * 2), value: lastDisplayName(), 'aria-describedby': 'host-name-help' });
  const error = h('p', { class: 'field-error', role: 'alert', id: 'host-error' });
  // Filled in when the person is signed in and may host for a team (facilitator or manager); absent otherwise.
  const teamField = h('div', { class: 'host-field', hidden: true });
  const team = () => teamField.querySelector<HTMLSelectElement>('#host-team');
  const nameHelp = h('p', { id: 'host-name-help', class: 'help' }, 'How the players see you.');
  // What the page last put in the name field: the signed-in name replaces it, never what the person typed.
  let untouchedName = name.value;
  const fillTeams = async () => {
    // The records client is loaded after the page: hosting without a team needs none of it.
    const who = await signedIn();
    // The facilitator's name from the sign-in, as the join form fills a player's.
    const fill = nameToFill(name.value, untouchedName, who?.person.displayName);
    if (fill !== null) {
      name.value = untouchedName = fill;
      nameHelp.textContent = 'Filled in with the name you are signed in as. How the players see you.';
    }
    const teams = hostableTeams(who);
    // The facilitator's own team to start with; a choice already made (even "no team") stands while it is offered.
    const before = team()?.value;
    const chosen = before !== undefined && (before === '' || teams.some((t) => t.id === before)) ? before : defaultHostTeam(teams);
    // Team names are people's text: lit-html renders them as text.
    render(
      html`<label for="host-team">Record for team</label>
        <select id="host-team" name="team" aria-describedby="host-team-help">
          <option value="" ?selected=${chosen === ''}>No team (not kept in team records)</option>
          ${teams.map((t) => html`<option value=${t.id} ?selected=${t.id === chosen}>${t.name}</option>`)}
        </select>
        <p id="host-team-help" class="help">The finished drill is kept in the team’s readiness records, with each signed-in player’s part. Choose “No team” to keep it out of them.</p>`,
      teamField,
    );
    teamField.hidden = teams.length === 0;
  };
  void fillTeams().catch(() => undefined);
  const onMeChanged = () => {
    // The library is rebuilt on every visit: a form no longer on the page stops listening.
    if (!form.isConnected) window.removeEventListener(ME_CHANGED, onMeChanged);
    else void fillTeams().catch(() => undefined);
  };
  window.addEventListener(ME_CHANGED, onMeChanged);
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Host the drill');
  const form = h(
    'form',
    { class: 'host-form', novalidate: true, 'aria-labelledby': 'host-title', 'aria-describedby': 'host-error' },
    h('div', { class: 'host-field' }, h('label', { for: 'host-scenario' }, 'Group drill scenario'), scenario),
    h('div', { class: 'host-field' }, h('label', { for: 'host-seed' }, 'Group drill seed'), seed, h('p', { id: 'host-seed-help', class: 'help' }, 'Optional: leave it empty for a new one.')),
    h('div', { class: 'host-field' }, h('label', { for: 'host-difficulty' }, 'Group drill difficulty'), difficulty),
    h('div', { class: 'host-field' }, h('label', { for: 'host-name' }, 'Your name (facilitator)'), name, nameHelp),
    teamField,
    h('div', { class: 'row' }, submit),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = checkDisplayName(name.value);
    if (!checked.ok) {
      error.textContent = checked.reason;
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    name.removeAttribute('aria-invalid');
    const seedText = seed.value.trim();
    const chosen = DIFFICULTIES.find((d) => d === difficulty.value) ?? ('standard' as Difficulty);
    submit.disabled = true;
    submit.textContent = 'Hosting…';
    error.textContent = '';
    void host({ scenario: scenario.value, difficulty: chosen, ...(seedText ? { seed: seedText } : {}), ...(!teamField.hidden && team()?.value ? { team: team()!.value } : {}) })
      .then((hosted) => {
        rememberDisplayName(checked.name);
        // The facilitator's token is returned once: kept by code, it is what makes this browser the facilitator.
        writeIdentity(hosted.code, { token: hosted.facilitatorToken, name: checked.name, facilitator: true });
        window.location.assign(`./?drill=${encodeURIComponent(hosted.code)}`);
      })
      .catch((problem: unknown) => {
        error.textContent = `The drill could not be hosted: ${problem instanceof Error ? problem.message : String(problem)}`;
        submit.disabled = false;
        submit.textContent = 'Host the drill';
      });
  });
  return form;
}

async function host(body: { scenario: string; difficulty: Difficulty; seed?: string; team?: string }): Promise<{ code: string; facilitatorToken: string }> {
  let response: Response;
  try {
    response = await fetch('/api/drills', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Error('the drill server could not be reached.');
  }
  const answer = (await response.json().catch(() => null)) as { code?: unknown; facilitatorToken?: unknown; error?: unknown } | null;
  if (response.status !== 201 || typeof answer?.code !== 'string' || typeof answer.facilitatorToken !== 'string') {
    throw new Error(typeof answer?.error === 'string' ? `${answer.error}.` : `the server answered ${response.status}.`);
  }
  return { code: answer.code, facilitatorToken: answer.facilitatorToken };
}
