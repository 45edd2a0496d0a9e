import { html, render } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { SeatView } from '../../engine/index';
import { fieldText, optionList, panelBody, Picks, type Panel, type PanelContext } from './panel';

const DRAFT = { name: 'runbook', label: 'the runbook change' };
const TARGET = 'runbook-target';
/** The runbook-target option for a runbook the team does not have yet. */
const NEW_RUNBOOK = 'new-runbook';
const PARTS = ['detection', 'diagnosis', 'resolution', 'escalation'] as const;

type Runbook = SeatView['runbooks'][number];

/** The runbooks the responders have, in the module's shape, and a place to record what the incident showed missing. */
export function runbookPanel(ctx: PanelContext): Panel {
  const element = panelBody();
  const picks = new Picks(ctx.drafts);
  /** The change being written, kept across reloads. */
  let change = ctx.drafts.read(DRAFT.name) ?? '';
  let lastView: SeatView | null = null;
  const paint = () => {
    if (lastView) render(template(lastView), element);
  };

  const targets = (view: SeatView) => [...view.runbooks.map((r) => ({ value: r.id, label: r.title })), { value: NEW_RUNBOOK, label: 'A new runbook' }];
  const onInput = (event: Event) => {
    change = fieldText(event);
    ctx.drafts.write(DRAFT, change);
  };
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = change.trim();
    if (!text) {
      ctx.announce('Write the change first.');
      return;
    }
    const runbook = lastView ? picks.chosen(TARGET, targets(lastView).map((t) => t.value)) : undefined;
    if (runbook === undefined) return;
    if (await ctx.send({ type: 'update-runbook', runbook, text })) {
      change = '';
      ctx.drafts.write(DRAFT, '');
      paint();
      ctx.announce('Runbook change recorded.');
    }
  };

  const runbookArticle = (r: Runbook) => html`<article class="runbook" aria-label=${r.title}>
    <h3>${r.title}</h3>
    ${PARTS.map(
      (part) => html`<section>
        <h4>${part[0]!.toUpperCase() + part.slice(1)}</h4>
        ${part === 'diagnosis' ? html`<ol>${r[part].map((step) => html`<li>${step}</li>`)}</ol>` : html`<ul>${r[part].map((step) => html`<li>${step}</li>`)}</ul>`}
      </section>`,
    )}
  </article>`;

  const template = (view: SeatView) => {
    const options = targets(view);
    return html`
      <div class="runbooks">
        ${view.runbooks.length === 0
          ? html`<p class="muted">The team has no runbook for this. That is worth noting in the postmortem.</p>`
          : repeat(
              view.runbooks,
              (r) => r.id,
              (r) => runbookArticle(r),
            )}
      </div>
      <form class="runbook-form" aria-labelledby="runbook-change-heading" @submit=${save}>
        <h3 id="runbook-change-heading">Update a runbook</h3>
        <label for="runbook-target">Runbook</label>
        <select id="runbook-target" data-key="runbook-target" @change=${picks.onChange(TARGET, 'the runbook to change')}>
          ${optionList(options, picks.chosen(TARGET, options.map((o) => o.value)))}
        </select>
        <label for="runbook-change">Change</label>
        <textarea id="runbook-change" rows="5" data-key="runbook-change" placeholder="What the runbook should say, e.g. the step that was missing" .value=${live(change)} @input=${onInput}></textarea>
        <button type="submit" data-key="runbook-save" ?disabled=${!view.available.includes('update-runbook')}>Record the runbook change</button>
      </form>
    `;
  };

  return {
    id: 'runbook',
    title: 'Runbook',
    key: '6',
    element,
    update(view: SeatView) {
      lastView = view;
      paint();
    },
  };
}
