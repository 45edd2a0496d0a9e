import { ROLES, SEVERITIES, type RunView, type Severity } from '../../engine/index';
import { h } from '../dom';
import { formatClock, replaceKeepingFocus, responderName, type Panel, type PanelContext } from './panel';

/** The module's severity table, kept at hand while declaring. */
const SEV_TABLE: Record<Severity, { definition: string; response: string; example: string }> = {
  SEV1: { definition: 'Service down, major revenue impact', response: '15 minutes', example: 'Checkout unavailable' },
  SEV2: { definition: 'Major feature broken, workaround exists', response: '1 hour', example: 'Payment retries failing' },
  SEV3: { definition: 'Minor feature broken, limited impact', response: '4 hours', example: 'Filters not working' },
  SEV4: { definition: 'Low priority issue', response: 'Next sprint', example: 'Minor UI bug' },
};

const ROLE_LABELS: Record<string, string> = { commander: 'Incident commander', communications: 'Communications', operations: 'Operations', scribe: 'Scribe' };

/** Acknowledge, declare severity, take command, assign roles, escalate, announce changes. */
export function respondPanel(ctx: PanelContext): Panel {
  const ackButton = h('button', { type: 'button', class: 'primary', 'data-key': 'ack' }, 'Acknowledge the page');
  ackButton.addEventListener('click', () => ctx.send({ type: 'acknowledge' }) && ctx.announce('Page acknowledged.'));
  const pageStatus = h('p', { class: 'page-status' });
  const pageDetails = h('div', { class: 'page-card' });

  const severityForm = h('form', { class: 'severity-form', 'aria-labelledby': 'severity-legend' });
  const severityTable = h(
    'table',
    { class: 'sev-table' },
    h('caption', { id: 'severity-legend' }, 'Declare severity'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Level'), h('th', { scope: 'col' }, 'Definition'), h('th', { scope: 'col' }, 'Response time'), h('th', { scope: 'col' }, 'Example'))),
    h(
      'tbody',
      {},
      ...SEVERITIES.map((sev) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'severity', value: sev, 'data-key': `sev-${sev}` }), ` ${sev}`)),
          h('td', {}, SEV_TABLE[sev].definition),
          h('td', {}, SEV_TABLE[sev].response),
          h('td', {}, SEV_TABLE[sev].example),
        ),
      ),
    ),
  );
  const declareButton = h('button', { type: 'submit', class: 'primary', 'data-key': 'declare', 'aria-describedby': 'declare-why' }, 'Declare');
  const declareWhy = h('span', { id: 'declare-why', class: 'muted' });
  severityForm.append(severityTable, h('div', { class: 'row' }, declareButton, declareWhy));
  severityForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = severityForm.querySelector<HTMLInputElement>('input[name="severity"]:checked')?.value as Severity | undefined;
    if (!chosen) {
      ctx.announce('Choose a severity first.');
      return;
    }
    if (ctx.send({ type: 'declare-severity', severity: chosen })) ctx.announce(`${chosen} declared.`);
  });

  const roles = h('div', { class: 'roles' });
  const escalation = h('div', { class: 'escalation' });
  const announceInput = h('input', { type: 'text', id: 'announce-text', 'data-key': 'announce-text', placeholder: 'e.g. Change: rolling back checkout-api to v4.1.3', autocomplete: 'off' });
  const announceForm = h('form', { class: 'inline-form' }, h('label', { for: 'announce-text' }, 'Announce in the incident channel'), h('div', { class: 'row' }, announceInput, h('button', { type: 'submit', 'data-key': 'announce' }, 'Announce')));
  announceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = announceInput.value.trim();
    if (!text) return;
    if (ctx.send({ type: 'announce', text })) {
      announceInput.value = '';
      ctx.announce('Announced.');
    }
  });

  const queue = h('ul', { class: 'alert-queue', 'aria-label': 'Alert queue' });
  const queueSection = h(
    'section',
    { 'aria-labelledby': 'queue-heading', hidden: ctx.session.scenario.alertQueue.length === 0 },
    h('h3', { id: 'queue-heading' }, 'Alert queue'),
    h('p', { class: 'help' }, 'Sort the shift’s other alerts: does each deserve to page someone? Rewrite noise into the good-alert shape (Title, Context with value and threshold, Runbook, Dashboard).'),
    queue,
  );
  const hint = h('p', { class: 'hint', hidden: !ctx.hints });
  const element = h(
    'div',
    { class: 'panel-body' },
    hint,
    h('section', { 'aria-labelledby': 'page-heading' }, h('h3', { id: 'page-heading' }, 'The page'), pageDetails, pageStatus, ackButton),
    h('section', { 'aria-label': 'Severity' }, severityForm),
    h('section', { 'aria-labelledby': 'roles-heading' }, h('h3', { id: 'roles-heading' }, 'Command and roles'), roles),
    h('section', { 'aria-labelledby': 'escalation-heading' }, h('h3', { id: 'escalation-heading' }, 'Escalate'), escalation),
    h('section', { 'aria-label': 'Announce' }, announceForm),
    queueSection,
  );

  let pageRendered = false;
  return {
    id: 'respond',
    title: 'Respond',
    key: '1',
    element,
    update(view: RunView) {
      const can = (type: string) => view.available.includes(type as never);
      if (!pageRendered) {
        pageRendered = true;
        pageDetails.replaceChildren(
          h('p', { class: 'page-title' }, view.page.title),
          h('p', {}, view.page.context),
          h('p', { class: 'muted' }, `Runbook linked: ${view.page.runbook ? (view.runbooks.find((r) => r.id === view.page.runbook)?.title.replace(/^Runbook:\s*/, '') ?? view.page.runbook) : 'none'} · Dashboard linked: ${view.page.dashboard ? (view.dashboards.find((d) => d.id === view.page.dashboard)?.title ?? view.page.dashboard) : 'none'}`),
        );
      }
      pageStatus.textContent = view.page.acknowledgedAt === null ? 'Not yet acknowledged.' : `Acknowledged at ${formatClock(view.page.acknowledgedAt)}.`;
      ackButton.hidden = view.page.acknowledgedAt !== null;
      ackButton.disabled = !can('acknowledge');
      declareButton.textContent = view.severity ? `Re-declare (now ${view.severity})` : 'Declare';
      declareButton.disabled = !can('declare-severity');
      declareWhy.textContent = can('declare-severity') ? '' : 'Acknowledge the page first.';
      hint.textContent = nextStepHint(view);

      const present = view.responders.filter((r) => r.status === 'present');
      replaceKeepingFocus(
        roles,
        ROLES.map((role) => {
          const holder = view.roles[role];
          const select = h('select', { id: `role-${role}`, 'data-key': `role-${role}-select`, 'aria-label': `${ROLE_LABELS[role]}: choose who` }, ...present.map((r) => h('option', { value: r.id, selected: r.id === holder }, `${r.name} — ${r.title}`)));
          const verb = holder ? 'Hand off' : 'Assign';
          const assign = h('button', { type: 'button', 'data-key': `role-${role}-assign`, 'aria-label': `${verb} ${ROLE_LABELS[role]}`, disabled: !can('assign-role') || present.length === 0 }, verb);
          assign.addEventListener('click', () => {
            const responder = select.value;
            const command = holder && holder !== responder ? { type: 'hand-off' as const, role, to: responder, notes: `Handing ${ROLE_LABELS[role]} to ${responderName(view, responder)}` } : { type: 'assign-role' as const, role, responder };
            if (ctx.send(command)) ctx.announce(`${ROLE_LABELS[role]}: ${responderName(view, responder)}.`);
          });
          return h('div', { class: 'role-row' }, h('label', { for: `role-${role}` }, ROLE_LABELS[role]), h('span', { class: 'holder' }, holder ? responderName(view, holder) : 'unassigned'), select, assign);
        }),
      );

      replaceKeepingFocus(
        queue,
        view.alertQueue.map((alert) => {
          const name = `queue-${alert.id}`;
          const radios = (['actionable', 'noise'] as const).map((verdict) =>
            h('label', { class: 'radio' }, h('input', { type: 'radio', name, value: verdict, 'data-key': `${name}-${verdict}`, checked: alert.verdict === verdict }), verdict === 'actionable' ? ' Actionable: page someone' : ' Noise'),
          );
          const rewrite = h('textarea', { rows: 3, 'data-key': `${name}-rewrite`, 'aria-label': `Rewrite of “${alert.title}”`, placeholder: 'Title: …\nContext: … (threshold …)\nRunbook: …\nDashboard: …' });
          const record = h('button', { type: 'button', 'data-key': `${name}-record`, 'aria-label': `Record verdict: ${alert.title}`, disabled: !can('triage-alert') }, 'Record verdict');
          record.addEventListener('click', () => {
            const verdict = queue.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value as 'actionable' | 'noise' | undefined;
            if (!verdict) {
              ctx.announce('Choose actionable or noise first.');
              return;
            }
            if (ctx.send({ type: 'triage-alert', alert: alert.id, verdict, rewrite: rewrite.value.trim() })) ctx.announce(`Sorted as ${verdict}: ${alert.title}.`);
          });
          return h(
            'li',
            { class: 'queued-alert' },
            h('p', {}, h('strong', {}, alert.title), ` — ${alert.context || '(no context)'}`),
            h('p', { class: 'muted' }, `Runbook: ${alert.runbook ?? 'none'} · Dashboard: ${alert.dashboard ?? 'none'}${alert.verdict ? ` · You said: ${alert.verdict}` : ''}`),
            h('fieldset', { class: 'row' }, h('legend', { class: 'visually-hidden' }, `Verdict on “${alert.title}”`), ...radios),
            rewrite,
            record,
          );
        }),
      );

      const chain = new Set(view.responders.map((r) => r.id));
      replaceKeepingFocus(
        escalation,
        view.responders
          .filter((r) => chain.has(r.id) && r.id !== ctx.session.player)
          .map((r) => {
            const text = r.status === 'not-paged' ? 'Page' : r.status === 'on-the-way' ? `Joins ${formatClock(r.joinsAt ?? view.now)}` : 'Here';
            const button = h('button', { type: 'button', 'data-key': `page-${r.id}`, 'aria-label': `${text} ${r.name}`, disabled: r.status !== 'not-paged' || !can('escalate') }, text);
            button.addEventListener('click', () => ctx.send({ type: 'escalate', to: r.id }) && ctx.announce(`Paged ${r.name}.`));
            return h('div', { class: 'escalation-row' }, h('span', {}, h('strong', {}, r.name), ` — ${r.title}`), button);
          }),
      );
    },
  };
}

/** Guided mode's hint: the next step the module's practice suggests, from what the view shows. */
function nextStepHint(view: RunView): string {
  if (view.page.acknowledgedAt === null) return 'Hint: acknowledge the page first (within 15 minutes for SEV1–2).';
  if (view.severity === null) return 'Hint: judge the impact and declare a severity; the table shows each level’s response time.';
  if (view.roles.commander === null) return 'Hint: name an incident commander before anyone starts debugging. The commander coordinates and delegates.';
  if (view.updates.length === 0) return 'Hint: send a first status update to stakeholders (Comms tab), promising when the next one comes.';
  return 'Hint: delegate diagnosis to responders, announce changes before making them, and keep the update cadence you promised.';
}
