import type { ActionView, RunView } from '../../engine/index';
import { h } from '../dom';
import { formatClock, replaceKeepingFocus, responderName, type Panel, type PanelContext } from './panel';

/**
 * Diagnosis steps or resolution actions: what each costs in game minutes, who may do it, and who is free to. Results
 * arrive as findings (diagnosis) or as the dashboards move (resolution).
 */
export function actionsPanel(ctx: PanelContext, kind: 'diagnosis' | 'resolution'): Panel {
  const list = h('ul', { class: 'action-list', 'aria-label': kind === 'diagnosis' ? 'Diagnosis steps' : 'Resolution actions' });
  const findings = h('ol', { class: 'findings', 'aria-label': 'Findings' });
  const hint = h('p', { class: 'hint', hidden: !ctx.hints });
  // Guided play keeps the runbook the page links open beside the diagnosis steps.
  const runbook = ctx.session.scenario.runbooks.find((r) => r.id === ctx.session.scenario.page.runbook);
  const runbookAside =
    kind === 'diagnosis' && ctx.hints && runbook
      ? h('details', { class: 'runbook-aside', open: true }, h('summary', {}, runbook.title), h('p', {}, h('strong', {}, 'Diagnosis: ')), h('ol', {}, ...runbook.diagnosis.map((step) => h('li', {}, step))), h('p', {}, h('strong', {}, 'Resolution: ')), h('ul', {}, ...runbook.resolution.map((step) => h('li', {}, step))))
      : '';
  const element = h(
    'div',
    { class: 'panel-body' },
    hint,
    runbookAside,
    list,
    kind === 'diagnosis' ? h('section', { 'aria-labelledby': 'findings-heading' }, h('h3', { id: 'findings-heading' }, 'Findings'), findings) : '',
  );
  let findingCount = -1;
  return {
    id: kind === 'diagnosis' ? 'diagnose' : 'fix',
    title: kind === 'diagnosis' ? 'Diagnose' : 'Fix',
    key: kind === 'diagnosis' ? '2' : '3',
    element,
    update(view: RunView) {
      const allowed = view.available.includes(kind === 'diagnosis' ? 'diagnose' : 'apply');
      hint.textContent =
        kind === 'diagnosis'
          ? 'Hint: start with the runbook’s first checks (recent deploys, dependencies, logs). Delegate: the commander should not debug.'
          : 'Hint: announce a change before making it (Respond tab), and pick the fix the evidence points to.';
      replaceKeepingFocus(list, view.actions.filter((a) => a.kind === kind).map((a) => actionRow(ctx, view, a, allowed)));
      if (kind === 'diagnosis' && view.findings.length !== findingCount) {
        findingCount = view.findings.length;
        findings.replaceChildren(
          ...(view.findings.length === 0
            ? [h('li', { class: 'muted' }, 'No findings yet.')]
            : view.findings.map((f) =>
                h(
                  'li',
                  {},
                  h('p', {}, h('span', { class: 'time' }, formatClock(f.at)), ' ', h('strong', {}, f.label), ': ', f.text),
                  f.log ? h('pre', { class: 'log', 'aria-label': `Log excerpt from ${f.label}` }, f.log.join('\n')) : '',
                ),
              )),
        );
      }
    },
  };
}

function actionRow(ctx: PanelContext, view: RunView, action: ActionView, allowed: boolean): HTMLElement {
  const who = action.skills.length > 0 ? `needs ${action.skills.join(' or ')}` : 'anyone';
  const meta = h('span', { class: 'muted' }, `${action.minutes} min · ${who}`);
  const row = h('li', { class: `action action-${action.status}` }, h('div', { class: 'action-head' }, h('strong', {}, action.label), meta));
  if (action.status === 'done') {
    row.append(h('p', { class: 'status done' }, `Done by ${responderName(view, action.performer)}.`));
    return row;
  }
  if (action.status === 'running') {
    row.append(h('p', { class: 'status running' }, `${responderName(view, action.performer)} is on it, until ${formatClock(action.until ?? view.now)}.`));
    return row;
  }
  if (action.status === 'blocked') {
    row.append(h('p', { class: 'status blocked' }, `First: ${action.needs.join(', ')}.`));
    return row;
  }
  const selectId = `performer-${action.id}`;
  const select = h(
    'select',
    { id: selectId, 'data-key': `${selectId}-select`, 'aria-label': `Who does “${action.label}”` },
    ...action.eligible.map((id) => h('option', { value: id }, responderName(view, id) + (view.roles.commander === id ? ' (incident commander)' : ''))),
  );
  const verb = action.kind === 'diagnosis' ? 'Start' : 'Apply';
  const start = h('button', { type: 'button', 'data-key': `${selectId}-start`, 'aria-label': `${verb}: ${action.label}`, disabled: !allowed || action.eligible.length === 0 }, verb);
  start.addEventListener('click', () => {
    const performer = select.value;
    const ok = ctx.send(action.kind === 'diagnosis' ? { type: 'diagnose', action: action.id, performer } : { type: 'apply', action: action.id, performer });
    if (ok) ctx.announce(`${responderName(view, performer)} started: ${action.label}.`);
  });
  row.append(
    action.eligible.length === 0
      ? h('p', { class: 'status blocked' }, 'Nobody free and skilled is in the incident: escalate to someone who can.')
      : h('div', { class: 'row' }, h('label', { for: selectId, class: 'visually-hidden' }, `Who does “${action.label}”`), select, start),
  );
  return row;
}
