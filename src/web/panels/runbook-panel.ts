import type { RunView } from '../../engine/index';
import { h } from '../dom';
import { readDraft, writeDraft } from '../storage';
import type { Panel, PanelContext } from './panel';

/** The runbooks the responders have, in the module's shape, and a place to record what the incident showed missing. */
export function runbookPanel(ctx: PanelContext): Panel {
  const books = h('div', { class: 'runbooks' });
  const target = h('select', { id: 'runbook-target', 'data-key': 'runbook-target' });
  const change = h('textarea', { id: 'runbook-change', rows: 5, 'data-key': 'runbook-change', placeholder: 'What the runbook should say, e.g. the step that was missing' });
  change.value = readDraft('runbook') ?? '';
  change.addEventListener('input', () => writeDraft('runbook', change.value));
  const save = h('button', { type: 'submit', 'data-key': 'runbook-save' }, 'Record the runbook change');
  const form = h(
    'form',
    { class: 'runbook-form', 'aria-labelledby': 'runbook-change-heading' },
    h('h3', { id: 'runbook-change-heading' }, 'Update a runbook'),
    h('label', { for: 'runbook-target' }, 'Runbook'),
    target,
    h('label', { for: 'runbook-change' }, 'Change'),
    change,
    save,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = change.value.trim();
    if (!text) {
      ctx.announce('Write the change first.');
      return;
    }
    if (ctx.send({ type: 'update-runbook', runbook: target.value, text })) {
      change.value = '';
      writeDraft('runbook', '');
      ctx.announce('Runbook change recorded.');
    }
  });
  const element = h('div', { class: 'panel-body' }, books, form);
  let rendered = false;
  return {
    id: 'runbook',
    title: 'Runbook',
    key: '6',
    element,
    update(view: RunView) {
      save.disabled = !view.available.includes('update-runbook');
      if (rendered) return;
      rendered = true;
      target.replaceChildren(...view.runbooks.map((r) => h('option', { value: r.id }, r.title)), h('option', { value: 'new-runbook' }, 'A new runbook'));
      books.replaceChildren(
        ...(view.runbooks.length === 0
          ? [h('p', { class: 'muted' }, 'The team has no runbook for this. That is worth noting in the postmortem.')]
          : view.runbooks.map((r) =>
              h(
                'article',
                { class: 'runbook', 'aria-label': r.title },
                h('h3', {}, r.title),
                ...(['detection', 'diagnosis', 'resolution', 'escalation'] as const).map((part) =>
                  h('section', {}, h('h4', {}, part[0]!.toUpperCase() + part.slice(1)), h(part === 'diagnosis' ? 'ol' : 'ul', {}, ...r[part].map((step) => h('li', {}, step)))),
                ),
              ),
            )),
      );
    },
  };
}
