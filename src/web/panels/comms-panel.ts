import { statusUpdateTemplate, type RunView } from '../../engine/index';
import { reviewUpdate, UPDATE_FIELD_LABELS } from '../../grading/index';
import { h } from '../dom';
import { readDraft, writeDraft } from '../storage';
import { formatClock, replaceKeepingFocus, type Panel, type PanelContext } from './panel';

const DRAFT = 'status-update';

/**
 * The status update composer (the module's template pre-filled, live hints on missing or vague fields, drafts kept
 * across reloads) and the stakeholder channel, where messages arrive and can be answered.
 */
export function commsPanel(ctx: PanelContext): Panel {
  const composer = h('textarea', { id: 'status-update', 'data-key': 'status-update', rows: 8, 'aria-describedby': 'update-hints', spellcheck: 'true' });
  const hints = h('ul', { id: 'update-hints', class: 'field-hints', 'aria-live': 'polite', 'aria-label': 'Template check' });
  const send = h('button', { type: 'submit', class: 'primary', 'data-key': 'send-update' }, 'Send to stakeholders');
  const reset = h('button', { type: 'button', class: 'secondary', 'data-key': 'reset-update' }, 'Start from the template');
  const form = h('form', { class: 'composer', 'aria-labelledby': 'composer-heading' }, h('h3', { id: 'composer-heading' }, h('label', { for: 'status-update' }, 'Status update')), composer, hints, h('div', { class: 'row' }, send, reset));
  const channel = h('ol', { class: 'channel', 'aria-label': 'Stakeholder channel' });
  const element = h('div', { class: 'panel-body' }, form, h('section', { 'aria-labelledby': 'channel-heading' }, h('h3', { id: 'channel-heading' }, 'Stakeholder channel'), channel));

  let lastView: RunView | null = null;
  // While the player has not typed, the template follows the incident (time, severity, update number).
  let pristine = false;
  const template = (view: RunView) => statusUpdateTemplate({ time: formatClock(view.now).slice(2), severity: view.severity, number: view.updates.length + 1, nextUpdateMinutes: view.severity === 'SEV3' || view.severity === 'SEV4' ? 60 : 15 });
  const refreshHints = () => {
    if (!lastView) return;
    if (!ctx.hints && ctx.session.difficulty === 'expert') {
      hints.replaceChildren();
      return;
    }
    const review = reviewUpdate(composer.value, lastView.updates.length + 1);
    const items = [
      ...review.missing.map((f) => h('li', { class: 'missing' }, `Missing: ${UPDATE_FIELD_LABELS[f]}`)),
      ...review.vague.map((f) => h('li', { class: 'vague' }, `Vague: ${UPDATE_FIELD_LABELS[f]}${f === 'impact' ? ' (say who or what is affected)' : f === 'number' ? ` (this is update #${lastView!.updates.length + 1})` : ''}`)),
    ];
    hints.replaceChildren(...(items.length > 0 ? items : [h('li', { class: 'ok' }, 'Every template field is there.')]));
  };
  composer.addEventListener('input', () => {
    pristine = false;
    writeDraft(DRAFT, composer.value);
    refreshHints();
  });
  reset.addEventListener('click', () => {
    if (!lastView) return;
    composer.value = template(lastView);
    pristine = true;
    writeDraft(DRAFT, '');
    refreshHints();
    composer.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = composer.value.trim();
    if (!text) {
      ctx.announce('The update is empty.');
      return;
    }
    if (ctx.send({ type: 'status-update', text })) {
      ctx.announce('Status update sent.');
      writeDraft(DRAFT, '');
      composer.value = '';
      // The next update starts from a fresh template on the next render.
      lastView = null;
    }
  });

  let rendered = '';
  return {
    id: 'comms',
    title: 'Comms',
    key: '4',
    element,
    update(view: RunView) {
      const fresh = lastView === null;
      lastView = view;
      if (fresh && composer.value === '') {
        const draft = readDraft(DRAFT);
        composer.value = draft || template(view);
        pristine = !draft;
      } else if (pristine && document.activeElement !== composer) composer.value = template(view);
      refreshHints();
      send.disabled = !view.available.includes('status-update');
      const signature = `${view.messages.map((m) => `${m.inject}:${m.answered}`).join()}|${view.updates.length}|${view.available.includes('respond')}`;
      if (signature === rendered) return;
      rendered = signature;
      const items: Array<{ at: number; node: HTMLElement }> = [
        ...view.updates.map((u) => ({ at: u.at, node: h('li', { class: 'sent' }, h('p', {}, h('span', { class: 'time' }, formatClock(u.at)), ` You sent update #${u.number}`), h('pre', {}, u.text)) })),
        ...view.messages.map((m) => ({ at: m.at, node: messageItem(ctx, view, m) })),
      ];
      items.sort((a, b) => a.at - b.at);
      replaceKeepingFocus(channel, items.length > 0 ? items.map((i) => i.node) : [h('li', { class: 'muted' }, 'No messages yet.')]);
    },
  };
}

function messageItem(ctx: PanelContext, view: RunView, message: RunView['messages'][number]): HTMLElement {
  const item = h('li', { class: message.respondBy !== null && !message.answered ? 'message needs-answer' : 'message' }, h('p', {}, h('span', { class: 'time' }, formatClock(message.at)), ' ', h('strong', {}, message.from ?? 'Alert'), ': ', message.message));
  if (message.respondBy === null) return item;
  if (message.answered) {
    item.append(h('p', { class: 'status done' }, 'You answered:'), h('pre', {}, message.answer ?? ''));
    return item;
  }
  const id = `answer-${message.inject}`;
  const box = h('textarea', { id, rows: 3, 'data-key': id, placeholder: 'Your answer' });
  const draftName = `answer:${message.inject}`;
  box.value = readDraft(draftName) ?? '';
  box.addEventListener('input', () => writeDraft(draftName, box.value));
  const answer = h('button', { type: 'button', 'data-key': `${id}-send`, disabled: !view.available.includes('respond') }, 'Answer');
  answer.addEventListener('click', () => {
    const text = box.value.trim();
    if (!text) {
      ctx.announce('Write an answer first.');
      return;
    }
    if (ctx.send({ type: 'respond', inject: message.inject, text })) {
      writeDraft(draftName, '');
      ctx.announce(`Answered ${message.from ?? 'the message'}.`);
    }
  });
  item.append(h('p', { class: 'status due' }, `Answer by ${formatClock(message.respondBy)}`), h('label', { for: id, class: 'visually-hidden' }, `Answer to ${message.from ?? 'the message'}`), box, answer);
  return item;
}
