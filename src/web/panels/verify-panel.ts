import { html, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { SeatView, VerificationItem } from '../../engine/index';
import { formatClock, panelBody, type Panel, type PanelContext } from './panel';

const ITEM_LABELS: Record<VerificationItem, string> = {
  'fix-deployed': 'Fix deployed or rollback complete',
  'metrics-normal': 'Key metrics back to normal',
  'logs-stable': 'Logs show error rate stabilized',
  'stakeholders-notified': 'Stakeholders notified of recovery',
};

type Verification = SeatView['verification'][number];

/** The module's resolution checklist: check each item against the live system, then resolve. */
export function verifyPanel(ctx: PanelContext): Panel {
  const element = panelBody();
  const resolve = async () => {
    const view = ctx.session.view();
    const checked = view.verification.filter((v) => v.ok).length;
    const sure = await ctx.confirm(
      'Resolve the incident?',
      `Resolving cannot be undone. The resolution checklist holds for ${checked} of ${view.verification.length} items so far. An incident resolved before it has recovered comes back.`,
      'Resolve',
    );
    if (sure && (await ctx.send({ type: 'resolve' }))) ctx.announce('Incident resolved. Write the postmortem next.');
  };

  const checklistItem = (v: Verification, canCheck: boolean) => {
    const state = v.ok === null ? 'not checked' : `${v.ok ? '✓ holds' : '✗ does not hold'} (at ${formatClock(v.checkedAt ?? 0)})`;
    const check = () => void ctx.send({ type: 'verify', item: v.item });
    return html`<li class=${v.ok === null ? '' : v.ok ? 'ok' : 'not-ok'}>
      <span><strong>${ITEM_LABELS[v.item]}</strong> — ${state}</span>
      <button type="button" data-key="check-${v.item}" aria-label="Check now: ${ITEM_LABELS[v.item]}" ?disabled=${!canCheck} @click=${check}>Check now</button>
    </li>`;
  };

  const template = (view: SeatView) => html`
    <p class="hint" ?hidden=${!ctx.hints}>Hint: the incident is not over when the fix is deployed. Check every item, watch for regressions, then resolve.</p>
    <ul class="checklist" aria-label="Resolution checklist">
      ${repeat(
        view.verification,
        (v) => v.item,
        (v) => checklistItem(v, view.available.includes('verify')),
      )}
    </ul>
    <button type="button" class="primary" data-key="resolve" ?disabled=${!view.available.includes('resolve')} @click=${resolve}>Resolve the incident</button>
    <section aria-labelledby="checks-heading">
      <h3 id="checks-heading">What the checks showed</h3>
      <ol class="findings" aria-label="Check results">
        ${view.checks.length === 0
          ? html`<li class="muted">Nothing checked yet.</li>`
          : repeat(
              view.checks,
              // Checks only ever arrive at the end, so a check's place is its identity.
              (_check, index) => index,
              (c) => html`<li class=${c.ok ? 'ok' : 'not-ok'}><span class="time">${formatClock(c.at)}</span> ${c.ok ? '✓' : '✗'} ${ITEM_LABELS[c.item]}: ${c.detail}</li>`,
            )}
      </ol>
    </section>
  `;

  return {
    id: 'verify',
    title: 'Verify',
    key: '5',
    element,
    update(view: SeatView) {
      render(template(view), element);
    },
  };
}
