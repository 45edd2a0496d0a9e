import { html, render } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { createRef, ref } from 'lit-html/directives/ref.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { describeMinutes, personName, ROLE_LABELS, ROLES, SEVERITIES, type PolicyView, type Role, type SeatView, type Severity } from '../../engine/index';
import { announceExample } from './examples';
import { fieldText, formatClock, optionList, panelBody, Picks, type Panel, type PanelContext } from './panel';


const VERDICTS = [
  ['actionable', 'Actionable: page someone'],
  ['noise', 'Noise'],
] as const;
type Verdict = (typeof VERDICTS)[number][0];

const ANNOUNCE_DRAFT = { name: 'announce', label: 'the announcement' };
const SEVERITY_DRAFT = { name: 'severity', label: 'the severity chosen' };

const REWRITE_PLACEHOLDER = 'Title: …\nContext: … (threshold …)\nRunbook: …\nDashboard: …';

type Command = SeatView['available'][number];
type QueuedAlert = SeatView['alertQueue'][number];
type Responder = SeatView['responders'][number];

/** Acknowledge, declare severity, take command, assign roles, escalate, announce changes, sort the alert queue. */
export function respondPanel(ctx: PanelContext): Panel {
  const scenario = ctx.session.scenario;
  const name = (id: string) => personName(scenario, id) ?? id;
  const element = panelBody();
  const picks = new Picks(ctx.drafts);
  const announceField = createRef<HTMLInputElement>();
  /** The announcement being written, and the severity ticked but not yet declared, from their drafts. */
  let announceText = ctx.drafts.read(ANNOUNCE_DRAFT.name) ?? '';
  const savedSeverity = ctx.drafts.read(SEVERITY_DRAFT.name);
  let severityChoice: Severity | null = SEVERITIES.find((s) => s === savedSeverity) ?? null;
  /** Per queued alert: the rewrite being written and the verdict ticked, read from the drafts when first shown. */
  const rewrites = new Map<string, string>();
  const verdicts = new Map<string, Verdict | null>();
  const rewriteDraft = (alert: QueuedAlert) => ({ name: `queue:${alert.id}:rewrite`, label: `the rewrite of “${alert.title}”` });
  const verdictDraft = (alert: QueuedAlert) => ({ name: `queue:${alert.id}:verdict`, label: `the verdict on “${alert.title}”` });
  const rewriteText = (alert: QueuedAlert) => {
    let text = rewrites.get(alert.id);
    if (text === undefined) {
      text = ctx.drafts.read(rewriteDraft(alert).name) ?? '';
      rewrites.set(alert.id, text);
    }
    return text;
  };
  const verdictChoice = (alert: QueuedAlert) => {
    let choice = verdicts.get(alert.id);
    if (choice === undefined) {
      const saved = ctx.drafts.read(verdictDraft(alert).name);
      choice = VERDICTS.find(([v]) => v === saved)?.[0] ?? null;
      verdicts.set(alert.id, choice);
    }
    return choice;
  };

  const acknowledge = async () => {
    if (await ctx.send({ type: 'acknowledge' })) ctx.announce('Page acknowledged.');
  };

  const declare = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = element.querySelector<HTMLInputElement>('input[name="severity"]:checked')?.value;
    const severity = SEVERITIES.find((s) => s === chosen);
    if (!severity) {
      ctx.announce('Choose a severity first.');
      return;
    }
    if (await ctx.send({ type: 'declare-severity', severity })) ctx.announce(`${severity} declared.`);
  };

  const announce = async (event: SubmitEvent) => {
    event.preventDefault();
    const field = announceField.value;
    const text = field?.value.trim() ?? '';
    if (!field || !text) return;
    if (await ctx.send({ type: 'announce', text })) {
      field.value = '';
      announceText = '';
      ctx.drafts.write(ANNOUNCE_DRAFT, '');
      ctx.announce('Announced.');
    }
  };
  const onAnnounceInput = (event: Event) => {
    announceText = fieldText(event);
    ctx.drafts.write(ANNOUNCE_DRAFT, announceText);
  };
  const onSeverity = (event: Event) => {
    const chosen = event.currentTarget instanceof HTMLInputElement ? event.currentTarget.value : '';
    severityChoice = SEVERITIES.find((s) => s === chosen) ?? null;
    ctx.drafts.write(SEVERITY_DRAFT, severityChoice ?? '');
  };

  const roleRow = (view: SeatView, role: Role, can: (type: Command) => boolean) => {
    const holder = view.roles[role];
    const present = view.responders.filter((r) => r.status === 'present');
    const ids = present.map((r) => r.id);
    const key = `role-${role}-select`;
    const verb = holder ? 'Hand off' : 'Assign';
    const assign = async () => {
      const responder = picks.chosen(key, ids, holder);
      if (responder === undefined) return;
      const command = holder && holder !== responder ? { type: 'hand-off' as const, role, to: responder, notes: `Handing ${ROLE_LABELS[role]} to ${name(responder)}` } : { type: 'assign-role' as const, role, responder };
      if (await ctx.send(command)) ctx.announce(`${ROLE_LABELS[role]}: ${name(responder)}.`);
    };
    return html`<div class="role-row">
      <label for="role-${role}">${ROLE_LABELS[role]}</label>
      <span class="holder">${holder ? name(holder) : 'unassigned'}</span>
      <select id="role-${role}" data-key=${key} aria-label="${ROLE_LABELS[role]}: choose who" @change=${picks.onChange(key, `the choice for ${ROLE_LABELS[role]}`)}>
        ${optionList(present.map((r) => ({ value: r.id, label: `${r.name} — ${r.title}` })), picks.chosen(key, ids, holder))}
      </select>
      <button type="button" data-key="role-${role}-assign" aria-label="${verb} ${ROLE_LABELS[role]}" ?disabled=${!can('assign-role') || present.length === 0} @click=${assign}>${verb}</button>
    </div>`;
  };

  const queuedAlert = (alert: QueuedAlert, can: (type: Command) => boolean) => {
    const group = `queue-${alert.id}`;
    const record = async () => {
      const row = element.querySelector(`li[data-alert="${CSS.escape(alert.id)}"]`);
      const checked = row?.querySelector<HTMLInputElement>(`input[name="${CSS.escape(group)}"]:checked`)?.value;
      const verdict = VERDICTS.find(([v]) => v === checked)?.[0];
      if (!verdict) {
        ctx.announce('Choose actionable or noise first.');
        return;
      }
      const rewrite = row?.querySelector('textarea')?.value.trim() ?? '';
      if (await ctx.send({ type: 'triage-alert', alert: alert.id, verdict, rewrite })) ctx.announce(`Sorted as ${verdict}: ${alert.title}.`);
    };
    // `checked` is the attribute (the default), set from the verdict ticked (its draft) or else recorded: once the
    // player has clicked a radio, the browser no longer lets the attribute change what is checked, so an update
    // cannot undo a choice.
    const shown = verdictChoice(alert) ?? alert.verdict;
    const onVerdict = (event: Event) => {
      const chosen = event.currentTarget instanceof HTMLInputElement ? event.currentTarget.value : '';
      const verdict = VERDICTS.find(([v]) => v === chosen)?.[0] ?? null;
      verdicts.set(alert.id, verdict);
      ctx.drafts.write(verdictDraft(alert), verdict ?? '');
    };
    const onRewrite = (event: Event) => {
      rewrites.set(alert.id, fieldText(event));
      ctx.drafts.write(rewriteDraft(alert), fieldText(event));
    };
    const radio = ([verdict, label]: (typeof VERDICTS)[number]) =>
      html`<label class="radio"><input type="radio" name=${group} value=${verdict} data-key="${group}-${verdict}" ?checked=${shown === verdict} @change=${onVerdict} /> ${label}</label>`;
    return html`<li class="queued-alert" data-alert=${alert.id}>
      <p><strong>${alert.title}</strong> — ${alert.context || '(no context)'}</p>
      <p class="muted">Runbook: ${alert.runbook ?? 'none'} · Dashboard: ${alert.dashboard ?? 'none'}${alert.verdict ? ` · You said: ${alert.verdict}` : ''}</p>
      <fieldset class="row">
        <legend class="visually-hidden">Verdict on “${alert.title}”</legend>
        ${VERDICTS.map(radio)}
      </fieldset>
      <textarea rows="3" data-key="${group}-rewrite" aria-label="Rewrite of “${alert.title}”" placeholder=${REWRITE_PLACEHOLDER} .value=${live(rewriteText(alert))} @input=${onRewrite}></textarea>
      <button type="button" data-key="${group}-record" aria-label="Record verdict: ${alert.title}" ?disabled=${!can('triage-alert')} @click=${record}>Record verdict</button>
    </li>`;
  };

  const escalationRow = (responder: Responder, can: (type: Command) => boolean) => {
    const text = responder.status === 'not-paged' ? 'Page' : responder.status === 'on-the-way' ? `Joins ${formatClock(responder.joinsAt ?? ctx.session.now())}` : 'Here';
    const page = async () => {
      if (await ctx.send({ type: 'escalate', to: responder.id })) ctx.announce(`Paged ${responder.name}.`);
    };
    return html`<div class="escalation-row">
      <span><strong>${responder.name}</strong> — ${responder.title}</span>
      <button type="button" data-key="page-${responder.id}" aria-label="${text} ${responder.name}" ?disabled=${responder.status !== 'not-paged' || !can('escalate')} @click=${page}>${text}</button>
    </div>`;
  };

  const template = (view: SeatView) => {
    const can = (type: Command) => view.available.includes(type);
    const runbook = view.page.runbook ? (view.runbooks.find((r) => r.id === view.page.runbook)?.title.replace(/^Runbook:\s*/, '') ?? view.page.runbook) : 'none';
    const dashboard = view.page.dashboard ? (view.dashboards.find((d) => d.id === view.page.dashboard)?.title ?? view.page.dashboard) : 'none';
    return html`
      <p class="hint" ?hidden=${!ctx.hints}>${nextStepHint(view)}</p>
      <section aria-labelledby="page-heading">
        <h3 id="page-heading">The page</h3>
        <div class="page-card">
          <p class="page-title">${view.page.title}</p>
          <p>${view.page.context}</p>
          <p class="muted">Runbook linked: ${runbook} · Dashboard linked: ${dashboard}</p>
        </div>
        <p class="page-status">${view.page.acknowledgedAt === null ? 'Not yet acknowledged.' : `Acknowledged at ${formatClock(view.page.acknowledgedAt)}.`}</p>
        <button type="button" class="primary" data-key="ack" ?hidden=${view.page.acknowledgedAt !== null} ?disabled=${!can('acknowledge')} @click=${acknowledge}>Acknowledge the page</button>
      </section>
      <section aria-label="Severity">
        <form class="severity-form" aria-labelledby="severity-legend" @submit=${declare}>
          <table class="sev-table">
            <caption id="severity-legend">Declare severity</caption>
            <thead>
              <tr><th scope="col">Level</th><th scope="col">Definition</th><th scope="col">Response time</th><th scope="col">Example</th></tr>
            </thead>
            <tbody>
              ${repeat(
                view.policy.severities,
                (p) => p.severity,
                (p) => html`<tr>
                  <th scope="row"><label class="radio"><input type="radio" name="severity" value=${p.severity} data-key="sev-${p.severity}" ?checked=${p.severity === severityChoice} @change=${onSeverity} /> ${p.severity}</label></th>
                  <td>${p.definition}</td>
                  <td>${describeMinutes(p.responseMinutes, 'next sprint')}</td>
                  <td>${p.example}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          <div class="row">
            <button type="submit" class="primary" data-key="declare" aria-describedby="declare-why" ?disabled=${!can('declare-severity')}>${view.severity ? `Re-declare (now ${view.severity})` : 'Declare'}</button>
            <span id="declare-why" class="muted">${can('declare-severity') ? '' : view.page.acknowledgedAt === null ? 'Acknowledge the page first.' : 'The incident commander declares the severity (the paged on-call, until a commander is named).'}</span>
          </div>
        </form>
      </section>
      <section aria-labelledby="roles-heading">
        <h3 id="roles-heading">Command and roles</h3>
        <div class="roles">${repeat(ROLES, (role) => role, (role) => roleRow(view, role, can))}</div>
      </section>
      <section aria-labelledby="escalation-heading">
        <h3 id="escalation-heading">Escalate</h3>
        <div class="escalation">
          ${repeat(
            view.responders.filter((r) => r.id !== ctx.session.player),
            (r) => r.id,
            (r) => escalationRow(r, can),
          )}
        </div>
      </section>
      <section aria-label="Announce">
        <form class="inline-form" @submit=${announce}>
          <label for="announce-text">Announce in the incident channel</label>
          <div class="row">
            <input type="text" id="announce-text" data-key="announce-text" placeholder=${`e.g. ${announceExample(scenario)}`} autocomplete="off" .value=${live(announceText)} @input=${onAnnounceInput} ${ref(announceField)} />
            <button type="submit" data-key="announce">Announce</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="queue-heading" ?hidden=${view.alertQueue.length === 0}>
        <h3 id="queue-heading">Alert queue</h3>
        <p class="help">Sort the shift’s other alerts: does each deserve to page someone? Rewrite noise into the good-alert shape (Title, Context with value and threshold, Runbook, Dashboard).</p>
        <ul class="alert-queue" aria-label="Alert queue">
          ${repeat(
            view.alertQueue,
            (alert) => alert.id,
            (alert) => queuedAlert(alert, can),
          )}
        </ul>
      </section>
    `;
  };

  return {
    id: 'respond',
    title: 'Respond',
    key: '1',
    element,
    update(view: SeatView) {
      render(template(view), element);
    },
  };
}

/** Guided mode's hint: the next step the module's practice suggests, from what the view shows. */
function nextStepHint(view: SeatView): string {
  if (view.page.acknowledgedAt === null) return `Hint: acknowledge the page first${acknowledgeLimit(view.policy)}.`;
  if (view.severity === null) return 'Hint: judge the impact and declare a severity; the table shows each level’s response time.';
  if (view.roles.commander === null) return 'Hint: name an incident commander before anyone starts debugging. The commander coordinates and delegates.';
  if (view.updates.length === 0) return 'Hint: send a first status update to stakeholders (Comms tab), promising when the next one comes.';
  return 'Hint: delegate diagnosis to responders, announce changes before making them, and keep the update cadence you promised.';
}

/**
 * The policy's time to acknowledge, before the severity is known: the most severe level's, and the levels after it
 * that share it (" (within 15 minutes for SEV1–2)"), or nothing when the policy sets no limit.
 */
function acknowledgeLimit(policy: PolicyView): string {
  const [first, ...rest] = policy.severities;
  if (!first || first.acknowledgeMinutes === null) return '';
  let last: Severity = first.severity;
  for (const level of rest) {
    if (level.acknowledgeMinutes !== first.acknowledgeMinutes) break;
    last = level.severity;
  }
  const levels = last === first.severity ? first.severity : `${first.severity}–${last.replace(/^SEV/, '')}`;
  return ` (within ${describeMinutes(first.acknowledgeMinutes)} for ${levels})`;
}
