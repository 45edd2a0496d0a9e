import { html, nothing, render } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { createRef, ref } from 'lit-html/directives/ref.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { promisedUpdateMinutes, statusUpdateTemplate, type SeatView } from '../../engine/index';
import { reviewUpdate, UPDATE_FIELD_LABELS } from '../../grading/update-review';
import { fieldText, formatClock, panelBody, type Panel, type PanelContext } from './panel';

const DRAFT = { name: 'status-update', label: 'the status update' };

type Message = SeatView['messages'][number];

/**
 * The status update composer (the module's template pre-filled, live hints on missing or vague fields, drafts kept
 * across reloads) and the stakeholder channel, where messages arrive and can be answered.
 */
export function commsPanel(ctx: PanelContext): Panel {
  const element = panelBody();
  const composer = createRef<HTMLTextAreaElement>();
  let lastView: SeatView | null = null;
  /** The update being written: filled from the saved draft or the template, then the player's. */
  let composerText: string | null = null;
  // While the player has not typed, the template follows the incident (time, severity, update number).
  let pristine = false;
  /** How many updates had been sent when the panel last drew; null before its first view. */
  let updatesSeen: number | null = null;
  /** Answers being written, by inject, read from the saved drafts the first time they are shown. */
  const answers = new Map<string, string>();
  const answerDraft = (message: Message) => ({ name: `answer:${message.inject}`, label: `the answer to ${message.from ?? 'the message'}` });
  const answerText = (message: Message) => {
    let text = answers.get(message.inject);
    if (text === undefined) {
      text = ctx.drafts.read(answerDraft(message).name) ?? '';
      answers.set(message.inject, text);
    }
    return text;
  };

  const fromTemplate = (view: SeatView) =>
    statusUpdateTemplate({ time: formatClock(ctx.session.now()).slice(2), severity: view.severity, number: view.updates.length + 1, nextUpdateMinutes: promisedUpdateMinutes(view.policy, view.severity) });
  const paint = () => {
    if (lastView) render(template(lastView, composerText ?? ''), element);
  };

  const onComposerInput = (event: Event) => {
    composerText = fieldText(event);
    pristine = false;
    ctx.drafts.write(DRAFT, composerText);
    paint();
  };
  const startOver = () => {
    if (!lastView) return;
    composerText = fromTemplate(lastView);
    pristine = true;
    ctx.drafts.write(DRAFT, '');
    paint();
    composer.value?.focus();
  };
  const sendUpdate = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = (composerText ?? '').trim();
    if (!text) {
      ctx.announce('The update is empty.');
      return;
    }
    if (await ctx.send({ type: 'status-update', text })) {
      ctx.announce('Status update sent.');
      ctx.drafts.write(DRAFT, '');
      // The next update starts from a fresh template, numbered after the one just sent.
      composerText = fromTemplate(ctx.session.view());
      pristine = true;
      paint();
    }
  };

  const hintItems = (view: SeatView, text: string) => {
    if (!ctx.hints && ctx.session.difficulty === 'expert') return nothing;
    // An empty box is not an update with every field missing: there is nothing to judge yet.
    if (text.trim() === '') return html`<li class="muted">Nothing written yet: start from the template, or write the update.</li>`;
    const number = view.updates.length + 1;
    const review = reviewUpdate(text, number);
    const items = [
      ...review.missing.map((f) => ({ key: `missing-${f}`, className: 'missing', text: `Missing: ${UPDATE_FIELD_LABELS[f]}` })),
      ...review.vague.map((f) => ({ key: `vague-${f}`, className: 'vague', text: `Vague: ${UPDATE_FIELD_LABELS[f]}${f === 'impact' ? ' (say who or what is affected)' : ''}` })),
      ...(review.misnumbered === null ? [] : [{ key: 'misnumbered', className: 'vague', text: `Numbered #${review.misnumbered}: this is update #${number}` }]),
    ];
    if (items.length === 0) return html`<li class="ok">Every template field is there.</li>`;
    return repeat(
      items,
      (item) => item.key,
      (item) => html`<li class=${item.className}>${item.text}</li>`,
    );
  };

  const messageItem = (view: SeatView, message: Message) => {
    const open = message.respondBy !== null && !message.answered;
    return html`<li class=${open ? 'message needs-answer' : 'message'}>
      <p><span class="time">${formatClock(message.at)}</span> <strong>${message.from ?? 'Alert'}</strong>: ${message.message}</p>
      ${message.respondBy === null ? nothing : message.answered ? html`<p class="status done">You answered:</p><pre>${message.answer ?? ''}</pre>` : answerForm(view, message, message.respondBy)}
    </li>`;
  };

  const answerForm = (view: SeatView, message: Message, respondBy: number) => {
    const id = `answer-${message.inject}`;
    const onInput = (event: Event) => {
      const text = fieldText(event);
      answers.set(message.inject, text);
      ctx.drafts.write(answerDraft(message), text);
    };
    const send = async () => {
      const text = answerText(message).trim();
      if (!text) {
        ctx.announce('Write an answer first.');
        return;
      }
      if (await ctx.send({ type: 'respond', inject: message.inject, text })) {
        answers.delete(message.inject);
        ctx.drafts.write(answerDraft(message), '');
        ctx.announce(`Answered ${message.from ?? 'the message'}.`);
      }
    };
    return html`<p class="status due">Answer by ${formatClock(respondBy)}</p>
      <label for=${id} class="visually-hidden">Answer to ${message.from ?? 'the message'}</label>
      <textarea id=${id} rows="3" data-key=${id} placeholder="Your answer" .value=${live(answerText(message))} @input=${onInput}></textarea>
      <button type="button" data-key="${id}-send" ?disabled=${!view.available.includes('respond')} @click=${send}>Answer</button>`;
  };

  const channelItems = (view: SeatView) => {
    const items = [
      ...view.updates.map((u) => ({ key: `update-${u.number}`, at: u.at, content: html`<li class="sent"><p><span class="time">${formatClock(u.at)}</span> You sent update #${u.number}</p><pre>${u.text}</pre></li>` })),
      ...view.messages.map((m) => ({ key: `message-${m.inject}`, at: m.at, content: messageItem(view, m) })),
    ].sort((a, b) => a.at - b.at);
    if (items.length === 0) return html`<li class="muted">No messages yet.</li>`;
    return repeat(
      items,
      (item) => item.key,
      (item) => item.content,
    );
  };

  const template = (view: SeatView, text: string) => html`
    <form class="composer" aria-labelledby="composer-heading" @submit=${sendUpdate}>
      <h3 id="composer-heading"><label for="status-update">Status update</label></h3>
      <textarea id="status-update" data-key="status-update" rows="8" aria-describedby="update-hints" spellcheck="true" .value=${live(text)} @input=${onComposerInput} ${ref(composer)}></textarea>
      <ul id="update-hints" class="field-hints" aria-live="polite" aria-label="Template check">${hintItems(view, text)}</ul>
      <div class="row">
        <button type="submit" class="primary" data-key="send-update" ?disabled=${!view.available.includes('status-update')}>Send to stakeholders</button>
        <button type="button" class="secondary" data-key="reset-update" @click=${startOver}>Start from the template</button>
      </div>
    </form>
    <section aria-labelledby="channel-heading">
      <h3 id="channel-heading">Stakeholder channel</h3>
      <ol class="channel" aria-label="Stakeholder channel">${channelItems(view)}</ol>
    </section>
  `;

  return {
    id: 'comms',
    title: 'Comms',
    key: '4',
    element,
    update(view: SeatView) {
      lastView = view;
      // An update was just accepted and the box still holds it: the box starts over for the next update before it is
      // drawn, so the live check never judges the sent update against the next number ("Numbered #1: this is update
      // #2"), not even for a moment (the check is a live region: a screen reader would read it out).
      const sent = updatesSeen !== null && view.updates.length > updatesSeen ? view.updates[view.updates.length - 1] : undefined;
      if (sent && composerText !== null && composerText.trim() === sent.text.trim()) {
        composerText = fromTemplate(view);
        pristine = true;
        ctx.drafts.write(DRAFT, '');
      }
      updatesSeen = view.updates.length;
      if (composerText === null) {
        const draft = ctx.drafts.read(DRAFT.name);
        composerText = draft || fromTemplate(view);
        pristine = !draft;
      } else if (pristine && document.activeElement !== composer.value) composerText = fromTemplate(view);
      paint();
    },
  };
}
