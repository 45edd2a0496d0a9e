import type { RunView, VerificationItem } from '../../engine/index';
import { h } from '../dom';
import { formatClock, replaceKeepingFocus, type Panel, type PanelContext } from './panel';

const ITEM_LABELS: Record<VerificationItem, string> = {
  'fix-deployed': 'Fix deployed or rollback complete',
  'metrics-normal': 'Key metrics back to normal',
  'logs-stable': 'Logs show error rate stabilized',
  'stakeholders-notified': 'Stakeholders notified of recovery',
};

/** The module's resolution checklist: check each item against the live system, then resolve. */
export function verifyPanel(ctx: PanelContext): Panel {
  const list = h('ul', { class: 'checklist', 'aria-label': 'Resolution checklist' });
  const results = h('ol', { class: 'findings', 'aria-label': 'Check results' });
  const resolve = h('button', { type: 'button', class: 'primary', 'data-key': 'resolve' }, 'Resolve the incident');
  resolve.addEventListener('click', async () => {
    const view = ctx.session.view();
    const checked = view.verification.filter((v) => v.ok).length;
    const sure = await ctx.confirm(
      'Resolve the incident?',
      `Resolving cannot be undone. The resolution checklist holds for ${checked} of ${view.verification.length} items so far. An incident resolved before it has recovered comes back.`,
      'Resolve',
    );
    if (sure && ctx.send({ type: 'resolve' })) ctx.announce('Incident resolved. Write the postmortem next.');
  });
  const hint = h('p', { class: 'hint', hidden: !ctx.hints }, 'Hint: the incident is not over when the fix is deployed. Check every item, watch for regressions, then resolve.');
  const element = h('div', { class: 'panel-body' }, hint, list, resolve, h('section', { 'aria-labelledby': 'checks-heading' }, h('h3', { id: 'checks-heading' }, 'What the checks showed'), results));
  let shown = -1;
  return {
    id: 'verify',
    title: 'Verify',
    key: '5',
    element,
    update(view: RunView) {
      const canCheck = view.available.includes('verify');
      resolve.disabled = !view.available.includes('resolve');
      replaceKeepingFocus(
        list,
        view.verification.map((v) => {
          const button = h('button', { type: 'button', 'data-key': `check-${v.item}`, 'aria-label': `Check now: ${ITEM_LABELS[v.item]}`, disabled: !canCheck }, 'Check now');
          button.addEventListener('click', () => ctx.send({ type: 'verify', item: v.item }));
          const state = v.ok === null ? 'not checked' : `${v.ok ? '✓ holds' : '✗ does not hold'} (at ${formatClock(v.checkedAt ?? 0)})`;
          return h('li', { class: v.ok === null ? '' : v.ok ? 'ok' : 'not-ok' }, h('span', {}, h('strong', {}, ITEM_LABELS[v.item]), ` — ${state}`), button);
        }),
      );
      if (view.checks.length !== shown) {
        shown = view.checks.length;
        results.replaceChildren(
          ...(view.checks.length === 0
            ? [h('li', { class: 'muted' }, 'Nothing checked yet.')]
            : view.checks.map((c) => h('li', { class: c.ok ? 'ok' : 'not-ok' }, h('span', { class: 'time' }, formatClock(c.at)), ` ${c.ok ? '✓' : '✗'} ${ITEM_LABELS[c.item]}: ${c.detail}`))),
        );
      }
    },
  };
}
