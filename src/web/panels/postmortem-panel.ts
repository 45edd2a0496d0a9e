import { html, render } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { createRef, ref } from 'lit-html/directives/ref.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Postmortem, SeatView } from '../../engine/index';
import { POSTMORTEM_SECTIONS } from '../../grading/postmortem-sections';
import { fieldText, formatClock, panelBody, type Panel, type PanelContext } from './panel';

const DRAFT = { name: 'postmortem', label: 'the postmortem' };
const ALERT_QUALITY = { name: 'alert-quality', label: 'the alert rating' };
const ALERT_REWRITE = { name: 'alert-rewrite', label: 'the alert rewrite' };
const QUALITIES = ['good', 'bad'] as const;
type Quality = (typeof QUALITIES)[number];

type Section = Exclude<keyof Postmortem, 'actionItems'>;
type ActionItem = Postmortem['actionItems'][number];

const SECTIONS = POSTMORTEM_SECTIONS.filter((entry): entry is [Section, string] => entry[0] !== 'actionItems');
const PROMPTS: Record<Section, string> = {
  summary: 'Date, duration, severity, owner',
  impact: 'What broke, who was affected, business impact',
  timeline: 'What happened, in order',
  rootCause: 'The technical root and the contributing factors',
  wentWell: 'Fast detection, good communication, etc.',
  needsImprovement: 'Gaps in testing, monitoring, or process (never people)',
};
const ITEM_FIELDS = ['action', 'owner', 'priority', 'status'] as const;

/** The postmortem as the player writes it. Each action item row has a key of its own, so the table updates in place. */
interface Draft {
  sections: Record<Section, string>;
  rows: Array<{ key: number; item: ActionItem }>;
}

/**
 * The postmortem editor: the module's template sections, the timeline pre-filled from the journal, the action items
 * table, the alert's quality, and the end of the drill. Everything typed is kept as a draft until saved.
 */
export function postmortemPanel(ctx: PanelContext, onFinish: () => void): Panel {
  const element = panelBody();
  const addButton = createRef<HTMLButtonElement>();
  /** Null until the postmortem opens: then it is restored from the saved draft, or started from the journal. */
  let draft: Draft | null = null;
  let nextRowKey = 1;
  let lastView: SeatView | null = null;
  /** The alert rating and rewrite being written, from their drafts. */
  const savedQuality = ctx.drafts.read(ALERT_QUALITY.name);
  let quality: Quality | null = QUALITIES.find((q) => q === savedQuality) ?? null;
  let alertRewrite = ctx.drafts.read(ALERT_REWRITE.name) ?? '';
  const paint = () => {
    if (lastView) render(template(lastView), element);
  };

  const row = (item: ActionItem = { action: '', owner: '', priority: '', status: '' }) => ({ key: nextRowKey++, item });
  const toPostmortem = (d: Draft): Postmortem => ({ ...d.sections, actionItems: d.rows.map((r) => r.item) });
  const keep = () => {
    if (draft) ctx.drafts.write(DRAFT, JSON.stringify(toPostmortem(draft)));
  };

  const open = (view: SeatView): Draft => {
    const saved = parseDraft(ctx.drafts.read(DRAFT.name));
    const text = (section: Section) => savedText(saved, section);
    const sections: Record<Section, string> = {
      summary: text('summary'),
      impact: text('impact'),
      // Pre-filled from the journal: the player edits rather than retypes what happened.
      timeline: text('timeline') || journalTimeline(view),
      rootCause: text('rootCause'),
      wentWell: text('wentWell'),
      needsImprovement: text('needsImprovement'),
    };
    const savedItems: unknown = saved ? Reflect.get(saved, 'actionItems') : undefined;
    const rows = (Array.isArray(savedItems) ? savedItems : []).map((item: unknown) => row(savedItem(item)));
    return { sections, rows: rows.length > 0 ? rows : [row()] };
  };

  const addItem = () => {
    if (!draft) return;
    const added = row();
    draft.rows.push(added);
    keep();
    paint();
    element.querySelector<HTMLInputElement>(`tr[data-row="${added.key}"] input`)?.focus();
  };
  const removeItem = (key: number) => {
    if (!draft) return;
    draft.rows = draft.rows.filter((r) => r.key !== key);
    keep();
    paint();
    // The Remove button went with its row: keep the player in the table rather than dropping focus on the page.
    addButton.value?.focus();
  };
  const rateAlert = async () => {
    const chosen = element.querySelector<HTMLInputElement>('input[name="alert-quality"]:checked')?.value;
    const rating = QUALITIES.find((q) => q === chosen);
    if (!rating) {
      ctx.announce('Choose good or bad first.');
      return;
    }
    const rewrite = (element.querySelector<HTMLTextAreaElement>('#alert-rewrite')?.value ?? '').trim();
    if (await ctx.send({ type: 'rate-alert', quality: rating, rewrite })) ctx.announce(`Alert rated ${rating}.`);
  };
  const onQuality = (event: Event) => {
    const chosen = event.currentTarget instanceof HTMLInputElement ? event.currentTarget.value : '';
    quality = QUALITIES.find((q) => q === chosen) ?? null;
    ctx.drafts.write(ALERT_QUALITY, quality ?? '');
  };
  const onAlertRewrite = (event: Event) => {
    alertRewrite = fieldText(event);
    ctx.drafts.write(ALERT_REWRITE, alertRewrite);
  };
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (draft && (await ctx.send({ type: 'postmortem', document: toPostmortem(draft) }))) ctx.announce('Postmortem saved.');
  };
  const finish = async () => {
    if (await ctx.send({ type: 'finish' })) onFinish();
  };

  const sectionField = (d: Draft | null, [section, title]: [Section, string]) => {
    const id = `pm-${section}`;
    const onInput = (event: Event) => {
      if (!d) return;
      d.sections[section] = fieldText(event);
      keep();
    };
    return html`<div class="pm-section">
      <label for=${id}>${title}</label>
      <p id="${id}-help" class="help">${PROMPTS[section]}</p>
      <textarea id=${id} rows=${section === 'timeline' ? 7 : 3} data-key=${id} aria-describedby="${id}-help" .value=${live(d?.sections[section] ?? '')} @input=${onInput}></textarea>
    </div>`;
  };

  const itemRow = ({ key, item }: Draft['rows'][number], index: number) => {
    const n = index + 1;
    const cell = (field: (typeof ITEM_FIELDS)[number]) => {
      const onInput = (event: Event) => {
        item[field] = fieldText(event);
        keep();
      };
      return html`<td><input type="text" aria-label="Action item ${n}: ${field}" data-key="pm-item-${n}-${field}" .value=${live(item[field])} @input=${onInput} /></td>`;
    };
    return html`<tr data-row=${key}>
      ${ITEM_FIELDS.map(cell)}
      <td><button type="button" class="secondary" aria-label="Remove action item ${n}" @click=${() => removeItem(key)}>Remove</button></td>
    </tr>`;
  };

  const template = (view: SeatView) => {
    const isOpen = view.available.includes('postmortem');
    const canFinish = view.available.includes('finish');
    return html`
      <p class="notice" ?hidden=${isOpen || view.phase === 'debriefed'}>The postmortem opens once the incident is resolved (or the time limit passes).</p>
      <form class="postmortem" aria-labelledby="pm-heading" ?hidden=${!isOpen} @submit=${save}>
        <h3 id="pm-heading">Postmortem</h3>
        ${SECTIONS.map((section) => sectionField(draft, section))}
        <table class="action-items">
          <caption>Action items</caption>
          <thead>
            <tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Priority</th><th scope="col">Status</th><th scope="col"></th></tr>
          </thead>
          <tbody>
            ${repeat(
              draft?.rows ?? [],
              (r) => r.key,
              (r, index) => itemRow(r, index),
            )}
          </tbody>
        </table>
        <button type="button" class="secondary" data-key="pm-add-item" @click=${addItem} ${ref(addButton)}>Add an action item</button>
        <fieldset class="alert-quality">
          <legend>Was the page a good alert?</legend>
          <label class="radio"><input type="radio" name="alert-quality" value="good" data-key="alert-good" ?checked=${quality === 'good'} @change=${onQuality} /> Good: specific, with context, runbook and dashboard</label>
          <label class="radio"><input type="radio" name="alert-quality" value="bad" data-key="alert-bad" ?checked=${quality === 'bad'} @change=${onQuality} /> Bad: it needs rewriting</label>
          <label for="alert-rewrite">Rewrite (Title, Context with value and threshold, Runbook, Dashboard)</label>
          <textarea id="alert-rewrite" rows="4" data-key="alert-rewrite" .value=${live(alertRewrite)} @input=${onAlertRewrite}></textarea>
        </fieldset>
        <button type="button" class="secondary" data-key="rate-alert" ?disabled=${!view.available.includes('rate-alert')} @click=${rateAlert}>Record the alert rating</button>
        <div class="row">
          <button type="submit" class="primary" data-key="pm-save">Save postmortem</button>
          <button type="button" class="primary" data-key="finish" aria-describedby="finish-why" ?disabled=${!canFinish} @click=${finish}>Finish the drill and see the debrief</button>
          <span id="finish-why" class="muted">${!canFinish && isOpen ? 'Save the postmortem first.' : ''}</span>
        </div>
      </form>
    `;
  };

  return {
    id: 'postmortem',
    title: 'Postmortem',
    key: '7',
    element,
    update(view: SeatView) {
      lastView = view;
      if (draft === null && view.available.includes('postmortem')) draft = open(view);
      paint();
    },
  };
}

/** The timeline as the journal tells it, without the attempts that were refused. */
function journalTimeline(view: SeatView): string {
  return view.timeline
    .filter((t) => !t.text.startsWith('✗ Refused'))
    .map((t) => `${formatClock(t.at)} ${t.text}`)
    .join('\n');
}

/** A text field of a saved draft or action item, or '' when it has none. */
function savedText(saved: object | null, field: string): string {
  const value: unknown = saved ? Reflect.get(saved, field) : undefined;
  return typeof value === 'string' ? value : '';
}

/** The text fields of a saved action item; anything else in it is dropped. */
function savedItem(saved: unknown): ActionItem {
  const item = typeof saved === 'object' && saved !== null ? saved : null;
  return { action: savedText(item, 'action'), owner: savedText(item, 'owner'), priority: savedText(item, 'priority'), status: savedText(item, 'status') };
}

/** A saved draft, or null when there is none or it cannot be read (a broken draft is dropped, not a crash). */
function parseDraft(saved: string | null): object | null {
  if (!saved) return null;
  try {
    const parsed: unknown = JSON.parse(saved);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}
