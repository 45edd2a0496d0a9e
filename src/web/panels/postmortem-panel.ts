import type { Postmortem, RunView } from '../../engine/index';
import { POSTMORTEM_SECTIONS } from '../../grading/index';
import { h } from '../dom';
import { readDraft, writeDraft } from '../storage';
import { formatClock, type Panel, type PanelContext } from './panel';

const DRAFT = 'postmortem';
const PROMPTS: Record<string, string> = {
  summary: 'Date, duration, severity, owner',
  impact: 'What broke, who was affected, business impact',
  timeline: 'What happened, in order',
  rootCause: 'The technical root and the contributing factors',
  wentWell: 'Fast detection, good communication, etc.',
  needsImprovement: 'Gaps in testing, monitoring, or process (never people)',
};

type Draft = Omit<Postmortem, 'actionItems'> & { actionItems: Array<Postmortem['actionItems'][number]> };

/**
 * The postmortem editor: the module's template sections, the timeline pre-filled from the journal, the action items
 * table, the alert's quality, and the end of the drill. Everything typed is kept as a draft until saved.
 */
export function postmortemPanel(ctx: PanelContext, onFinish: () => void): Panel {
  const fields = new Map<string, HTMLTextAreaElement>();
  const sections = POSTMORTEM_SECTIONS.filter(([key]) => key !== 'actionItems').map(([key, title]) => {
    const id = `pm-${key}`;
    const area = h('textarea', { id, rows: key === 'timeline' ? 7 : 3, 'data-key': id, 'aria-describedby': `${id}-help` });
    fields.set(key, area);
    return h('div', { class: 'pm-section' }, h('label', { for: id }, title), h('p', { id: `${id}-help`, class: 'help' }, PROMPTS[key] ?? ''), area);
  });
  const itemsBody = h('tbody', {});
  const addItem = h('button', { type: 'button', class: 'secondary', 'data-key': 'pm-add-item' }, 'Add an action item');
  const itemsTable = h(
    'table',
    { class: 'action-items' },
    h('caption', {}, 'Action items'),
    h('thead', {}, h('tr', {}, ...['Action', 'Owner', 'Priority', 'Status', ''].map((c) => h('th', { scope: 'col' }, c)))),
    itemsBody,
  );
  const alertQuality = h(
    'fieldset',
    { class: 'alert-quality' },
    h('legend', {}, 'Was the page a good alert?'),
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'alert-quality', value: 'good', 'data-key': 'alert-good' }), ' Good: specific, with context, runbook and dashboard'),
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'alert-quality', value: 'bad', 'data-key': 'alert-bad' }), ' Bad: it needs rewriting'),
    h('label', { for: 'alert-rewrite' }, 'Rewrite (Title, Context with value and threshold, Runbook, Dashboard)'),
    h('textarea', { id: 'alert-rewrite', rows: 4, 'data-key': 'alert-rewrite' }),
  );
  const rateAlert = h('button', { type: 'button', class: 'secondary', 'data-key': 'rate-alert' }, 'Record the alert rating');
  const save = h('button', { type: 'submit', class: 'primary', 'data-key': 'pm-save' }, 'Save postmortem');
  const finish = h('button', { type: 'button', class: 'primary', 'data-key': 'finish', 'aria-describedby': 'finish-why' }, 'Finish the drill and see the debrief');
  const finishWhy = h('span', { id: 'finish-why', class: 'muted' });
  const locked = h('p', { class: 'notice' }, 'The postmortem opens once the incident is resolved (or the time limit passes).');
  const form = h('form', { class: 'postmortem', 'aria-labelledby': 'pm-heading' }, h('h3', { id: 'pm-heading' }, 'Postmortem'), ...sections, itemsTable, addItem, alertQuality, rateAlert, h('div', { class: 'row' }, save, finish, finishWhy));
  const element = h('div', { class: 'panel-body' }, locked, form);

  const draft = (): Draft => ({
    summary: fields.get('summary')!.value,
    impact: fields.get('impact')!.value,
    timeline: fields.get('timeline')!.value,
    rootCause: fields.get('rootCause')!.value,
    wentWell: fields.get('wentWell')!.value,
    needsImprovement: fields.get('needsImprovement')!.value,
    actionItems: [...itemsBody.querySelectorAll('tr')].map((row) => {
      const [action, owner, priority, status] = [...row.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value);
      return { action: action ?? '', owner: owner ?? '', priority: priority ?? '', status: status ?? '' };
    }),
  });
  const keepDraft = () => writeDraft(DRAFT, JSON.stringify(draft()));
  const addRow = (item = { action: '', owner: '', priority: '', status: '' }) => {
    const n = itemsBody.children.length + 1;
    const cell = (name: keyof typeof item, label: string) => h('td', {}, h('input', { type: 'text', value: item[name], 'aria-label': `Action item ${n}: ${label}`, 'data-key': `pm-item-${n}-${name}` }));
    const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove action item ${n}` }, 'Remove');
    const row = h('tr', {}, cell('action', 'action'), cell('owner', 'owner'), cell('priority', 'priority'), cell('status', 'status'), h('td', {}, remove));
    remove.addEventListener('click', () => {
      row.remove();
      keepDraft();
    });
    itemsBody.append(row);
  };
  form.addEventListener('input', keepDraft);
  addItem.addEventListener('click', () => {
    addRow();
    keepDraft();
    itemsBody.lastElementChild?.querySelector('input')?.focus();
  });
  rateAlert.addEventListener('click', () => {
    const quality = form.querySelector<HTMLInputElement>('input[name="alert-quality"]:checked')?.value as 'good' | 'bad' | undefined;
    if (!quality) {
      ctx.announce('Choose good or bad first.');
      return;
    }
    const rewrite = (form.querySelector<HTMLTextAreaElement>('#alert-rewrite')?.value ?? '').trim();
    if (ctx.send({ type: 'rate-alert', quality, rewrite })) ctx.announce(`Alert rated ${quality}.`);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (ctx.send({ type: 'postmortem', document: draft() })) ctx.announce('Postmortem saved.');
  });
  finish.addEventListener('click', () => {
    if (ctx.send({ type: 'finish' })) onFinish();
  });

  let prepared = false;
  return {
    id: 'postmortem',
    title: 'Postmortem',
    key: '7',
    element,
    update(view: RunView) {
      const open = view.available.includes('postmortem');
      locked.hidden = open || view.phase === 'debriefed';
      form.hidden = !open;
      finish.disabled = !view.available.includes('finish');
      finishWhy.textContent = finish.disabled && open ? 'Save the postmortem first.' : '';
      rateAlert.disabled = !view.available.includes('rate-alert');
      if (!open || prepared) return;
      prepared = true;
      const saved = readDraft(DRAFT);
      let restored: Partial<Draft> | null = null;
      try {
        restored = saved ? (JSON.parse(saved) as Partial<Draft>) : null;
      } catch {
        restored = null;
      }
      for (const [key, area] of fields) {
        const value = restored?.[key as keyof Draft];
        area.value = typeof value === 'string' ? value : '';
      }
      if (!restored?.timeline) {
        // Pre-filled from the journal: the player edits rather than retypes what happened.
        fields.get('timeline')!.value = view.timeline.filter((t) => !t.text.startsWith('✗ Refused')).map((t) => `${formatClock(t.at)} ${t.text}`).join('\n');
      }
      for (const item of restored?.actionItems ?? []) addRow(item);
      if (itemsBody.children.length === 0) addRow();
    },
  };
}
