import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { personName, type ActionView, type SeatView } from '../../engine/index';
import { nobodyFree } from './nobody-free';
import { formatClock, optionList, panelBody, Picks, type Panel, type PanelContext } from './panel';

/**
 * Diagnosis steps or resolution actions: what each costs in game minutes, who may do it, and who is free to. Results
 * arrive as findings (diagnosis) or as the dashboards move (resolution).
 */
export function actionsPanel(ctx: PanelContext, kind: 'diagnosis' | 'resolution'): Panel {
  const scenario = ctx.session.scenario;
  const name = (id: string | null) => personName(scenario, id) ?? 'nobody';
  const element = panelBody();
  const picks = new Picks(ctx.drafts);
  // Guided play keeps the runbook the page links open beside the diagnosis steps.
  const runbook = kind === 'diagnosis' && ctx.hints ? scenario.runbooks.find((r) => r.id === scenario.page.runbook) : undefined;
  const runbookAside = runbook
    ? html`<details class="runbook-aside" open>
        <summary>${runbook.title}</summary>
        <p><strong>Diagnosis: </strong></p>
        <ol>${runbook.diagnosis.map((step) => html`<li>${step}</li>`)}</ol>
        <p><strong>Resolution: </strong></p>
        <ul>${runbook.resolution.map((step) => html`<li>${step}</li>`)}</ul>
      </details>`
    : nothing;

  const actionRow = (view: SeatView, action: ActionView, allowed: boolean) => {
    const who = action.skills.length > 0 ? `needs ${action.skills.join(' or ')}` : 'anyone';
    return html`<li class="action action-${action.status}">
      <div class="action-head"><strong>${action.label}</strong><span class="muted">${action.minutes} min · ${who}</span></div>
      ${actionState(view, action, allowed)}
    </li>`;
  };

  const actionState = (view: SeatView, action: ActionView, allowed: boolean) => {
    if (action.status === 'done') return html`<p class="status done">Done by ${name(action.performer)}.</p>`;
    if (action.status === 'running') return html`<p class="status running">${name(action.performer)} is on it, until ${formatClock(action.until ?? ctx.session.now())}.</p>`;
    if (action.status === 'blocked') return html`<p class="status blocked">First: ${action.needs.join(', ')}.</p>`;
    if (action.eligible.length === 0) return html`<p class="status blocked">${nobodyFree(view, action)}</p>`;
    const selectId = `performer-${action.id}`;
    const key = `${selectId}-select`;
    const verb = action.kind === 'diagnosis' ? 'Start' : 'Apply';
    const start = async () => {
      const performer = picks.chosen(key, action.eligible);
      if (performer === undefined) return;
      const ok = await ctx.send(action.kind === 'diagnosis' ? { type: 'diagnose', action: action.id, performer } : { type: 'apply', action: action.id, performer });
      if (ok) ctx.announce(`${name(performer)} started: ${action.label}.`);
    };
    const performers = action.eligible.map((id) => ({ value: id, label: name(id) + (view.roles.commander === id ? ' (incident commander)' : '') }));
    return html`<div class="row">
      <label for=${selectId} class="visually-hidden">Who does “${action.label}”</label>
      <select id=${selectId} data-key=${key} aria-label="Who does “${action.label}”" @change=${picks.onChange(key, `who does “${action.label}”`)}>${optionList(performers, picks.chosen(key, action.eligible))}</select>
      <button type="button" data-key="${selectId}-start" aria-label="${verb}: ${action.label}" ?disabled=${!allowed} @click=${start}>${verb}</button>
    </div>`;
  };

  const findingsSection = (view: SeatView) =>
    html`<section aria-labelledby="findings-heading">
      <h3 id="findings-heading">Findings</h3>
      <ol class="findings" aria-label="Findings">
        ${view.findings.length === 0
          ? html`<li class="muted">No findings yet.</li>`
          : repeat(
              view.findings,
              // Findings only ever arrive at the end, so a finding's place is its identity.
              (_finding, index) => index,
              (f) => html`<li>
                <p><span class="time">${formatClock(f.at)}</span> <strong>${f.label}</strong>: ${f.text}</p>
                ${f.hint ? html`<p class="hint">Hint: ${f.hint}</p>` : nothing}
                ${f.log ? html`<pre class="log" aria-label="Log excerpt from ${f.label}">${f.log.join('\n')}</pre>` : nothing}
              </li>`,
            )}
      </ol>
    </section>`;

  const template = (view: SeatView) => {
    const allowed = view.available.includes(kind === 'diagnosis' ? 'diagnose' : 'apply');
    const hint =
      kind === 'diagnosis'
        ? 'Hint: start with the runbook’s first checks (recent deploys, dependencies, logs). Delegate: the commander should not debug.'
        : 'Hint: announce a change before making it (Respond tab), and pick the fix the evidence points to.';
    return html`
      <p class="hint" ?hidden=${!ctx.hints}>${hint}</p>
      ${runbookAside}
      <ul class="action-list" aria-label=${kind === 'diagnosis' ? 'Diagnosis steps' : 'Resolution actions'}>
        ${repeat(
          view.actions.filter((a) => a.kind === kind),
          (a) => a.id,
          (a) => actionRow(view, a, allowed),
        )}
      </ul>
      ${kind === 'diagnosis' ? findingsSection(view) : nothing}
    `;
  };

  return {
    id: kind === 'diagnosis' ? 'diagnose' : 'fix',
    title: kind === 'diagnosis' ? 'Diagnose' : 'Fix',
    key: kind === 'diagnosis' ? '2' : '3',
    element,
    update(view: SeatView) {
      render(template(view), element);
    },
  };
}
