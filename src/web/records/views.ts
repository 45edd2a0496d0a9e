/**
 * The records pages' parts: the readiness matrix, the trend (a chart and the table of its numbers), the drill log
 * that is the evidence behind every cell, and the action items. lit-html templates: every name, title and action
 * item is someone's text and goes in as text.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../engine/policy/rubric';
import { MISTAKE_LABELS } from '../../grading/check';
import type { ActionItem } from '../../records/queries';
import { OWN_PART_EXPLAINED, ownPart, ownPartWords, playedAsWords } from '../../records/describe';
import type { PersonDrillResult } from '../../records/model';
import { formatDay, formatWhen, INCIDENT_ROLE_LABELS, listWords, plural } from './format';
import { DERIVATION, MISTAKES, mistakeCellWords, type MatrixRow, type ScenarioInfo, type Trend } from './readiness';
import { coinciding, seriesStyle } from './trend-style';

export const personHref = (personId: string, drillId?: string) => `?person=${encodeURIComponent(personId)}${drillId ? `#${drillAnchor(drillId)}` : ''}`;
export const drillAnchor = (drillId: string) => `drill-${drillId}`;

const nothingHere = (words: string) => html`<span aria-hidden="true">—</span><span class="visually-hidden">${words}</span>`;

/** A score's band, for a tint only: the number itself is always there. */
function band(score: number): string {
  return score >= 75 ? 'band-good' : score >= 50 ? 'band-fair' : 'band-low';
}

/** A table wide enough to scroll sideways: focusable, so the keyboard can scroll it too. */
const scroller = (labelledBy: string, table: TemplateResult) => html`<div class="table-scroll" role="region" aria-labelledby=${labelledBy} tabindex="0">${table}</div>`;

export function matrixTable(id: string, caption: string, rows: readonly MatrixRow[]): TemplateResult {
  const mistakeCell = (row: MatrixRow, m: (typeof MISTAKES)[number]) => {
    const cell = row.mistakes[m];
    if (cell.latest === null) return html`<td>${nothingHere('no drill')}</td>`;
    const [head, history] = mistakeCellWords(cell, row.drills).split(' · ') as [string, string | undefined];
    const rest = history ? html` · <span class="muted">${history}</span>` : nothing;
    return cell.latest ? html`<td class="mistake-seen">${head}${rest}</td>` : html`<td class="mistake-clear">${head}${rest}</td>`;
  };
  return html`
    ${scroller(
      `${id}-caption`,
      html`<table class="records-table matrix" id=${id}>
        <caption id=${`${id}-caption`}>${caption}</caption>
        <colgroup span="3"></colgroup>
        <colgroup span=${CATEGORIES.length}></colgroup>
        <colgroup span=${MISTAKES.length}></colgroup>
        <thead>
          <tr>
            <th scope="col" rowspan="2">Person</th>
            <th scope="col" rowspan="2">Drills</th>
            <th scope="col" rowspan="2">Latest drill (evidence)</th>
            <th scope="colgroup" colspan=${CATEGORIES.length}>Practices: latest score /100</th>
            <th scope="colgroup" colspan=${MISTAKES.length}>Mistakes in the latest drill</th>
          </tr>
          <tr>
            ${CATEGORIES.map((c) => shortHeader(CATEGORY_LABELS[c], SHORT_CATEGORY[c]))}
            ${MISTAKES.map((m) => shortHeader(MISTAKE_LABELS[m], SHORT_MISTAKE[m]))}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (r) => r.person.id,
            (r) => html`<tr data-person=${r.person.id}>
              <th scope="row"><a href=${personHref(r.person.id)}>${r.person.displayName}</a></th>
              <td>${r.drills}</td>
              <td class="latest">
                ${r.latest
                  ? html`<a href=${personHref(r.person.id, r.latest.drillId)}>${formatWhen(r.latest.playedAt)}</a><br />${r.latest.scenarioTitle}<br /><span class="muted">${r.latest.overall}/100 · ${r.latest.level}</span>`
                  : html`<span class="muted">No drills yet</span>`}
              </td>
              ${CATEGORIES.map((c) => {
                const value = r.categories[c];
                return value === null ? html`<td>${nothingHere('no drill')}</td>` : html`<td class=${`score ${band(value)}`}>${value}</td>`;
              })}
              ${MISTAKES.map((m) => mistakeCell(r, m))}
            </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    <p class="help">
      Column headings, in full: ${[...CATEGORIES.map((c) => [SHORT_CATEGORY[c], CATEGORY_LABELS[c]] as const), ...MISTAKES.map((m) => [SHORT_MISTAKE[m], MISTAKE_LABELS[m]] as const)]
        .filter(([short, full]) => short !== full)
        .map(([short, full]) => `${short}: ${full}`)
        .join('; ')}.
    </p>
    <p class="help">${DERIVATION.matrix} ${DERIVATION.mistakes}</p>
  `;
}

/**
 * The matrix's column headings, short so the whole matrix fits a 1280-pixel screen: the short word is shown (with
 * the full heading on hover), and a screen reader reads the full heading for every cell.
 */
const SHORT_CATEGORY: Record<Category, string> = { triage: 'Triage', command: 'Command', communication: 'Comms', resolution: 'Diagnosis', verification: 'Verify', learning: 'Learning' };
const SHORT_MISTAKE: Record<(typeof MISTAKES)[number], string> = { 'no-clear-commander': 'No IC', 'silent-updates': 'Silent', 'fixing-without-verification': 'Unverified fix', 'postmortem-without-follow-through': 'No follow-up' };

function shortHeader(full: string, short: string): TemplateResult {
  if (short === full) return html`<th scope="col">${full}</th>`;
  return html`<th scope="col" abbr=${short}><abbr title=${full} aria-hidden="true">${short}</abbr><span class="visually-hidden">${full}</span></th>`;
}

const trendLabel = (index: number) => `Drill ${index + 1}`;

/** The trend: a canvas Chart.js draws on (see mountTrendChart), and the same numbers as a table. */
export function trendSection(id: string, trend: Trend, heading = 'Trend of the last drills'): TemplateResult {
  if (trend.drills.length === 0) {
    return html`<section class="records-block" aria-labelledby=${`${id}-title`}>
      <h3 id=${`${id}-title`}>${heading}</h3>
      <p class="muted">No drills recorded yet: the trend appears after the first.</p>
    </section>`;
  }
  const people = listWords(trend.series.map((s) => s.person.displayName));
  return html`<section class="records-block trend" aria-labelledby=${`${id}-title`}>
    <h3 id=${`${id}-title`}>${heading}</h3>
    <div class="chart-box">
      <canvas id=${`${id}-canvas`} role="img" aria-label=${`Line chart: the overall score of ${people} in the last ${plural(trend.drills.length, 'drill')}, out of 100. The same numbers are in the table “${heading}: the numbers”.`}></canvas>
    </div>
    <p class="chart-status muted" id=${`${id}-status`}>Drawing the chart…</p>
    ${trendKey(id, trend)}
    ${scroller(
      `${id}-numbers`,
      html`<table class="records-table trend-numbers">
        <caption id=${`${id}-numbers`}>${heading}: the numbers (overall score out of 100)</caption>
        <thead>
          <tr>
            <th scope="col">Drill</th>
            ${trend.series.map((s) => html`<th scope="col">${s.person.displayName}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${trend.drills.map(
            (d, i) => html`<tr>
              <th scope="row">${trendLabel(i)}: ${formatWhen(d.playedAt)} · ${d.scenarioTitle}</th>
              ${trend.series.map((s) => {
                const value = s.scores[i];
                return value === null || value === undefined ? html`<td class="muted">did not play</td>` : html`<td>${value}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>`,
    )}
  </section>`;
}

/**
 * Beside the chart: which line is whose, in words (colour, dashes and point shape), and where points coincide, so a
 * line hidden under another is still found. The chart never moves a value to show it.
 */
function trendKey(id: string, trend: Trend): TemplateResult {
  const same = coinciding(trend);
  return html`<ul class="trend-key" id=${`${id}-key`} aria-label="The chart’s lines">
      ${trend.series.map((s, i) => {
        const style = seriesStyle(i);
        return html`<li><span class="trend-swatch" aria-hidden="true" style=${`border-top: 3px ${style.dash.length === 0 ? 'solid' : style.dash[0]! <= 2 ? 'dotted' : 'dashed'} ${style.colour}`}></span>${s.person.displayName}: ${style.words}</li>`;
      })}
    </ul>
    ${same.length > 0
      ? html`<p class="trend-overlap help" data-testid=${`${id}-overlap`}>
          Where people had the same score their points are in the same place, drawn one inside another:
          ${same.map((c, i) => html`${i > 0 ? '; ' : ''}${trendLabel(c.drill)}: ${listWords(c.people)} (${c.score})`)}.
        </p>`
      : nothing}`;
}

/**
 * Draws the chart once its canvas is on the page. Chart.js is fetched only now; when it cannot be (offline, a
 * chunk gone after a deploy), the table has the numbers and the status line says so.
 */
export async function mountTrendChart(root: ParentNode, id: string, trend: Trend): Promise<{ destroy(): void } | null> {
  const canvas = root.querySelector<HTMLCanvasElement>(`#${CSS.escape(`${id}-canvas`)}`);
  const status = root.querySelector<HTMLElement>(`#${CSS.escape(`${id}-status`)}`);
  if (!canvas || trend.drills.length === 0) return null;
  try {
    const { drawTrend } = await import('./trend-chart');
    // Numbered, as the table's rows are: several drills on one day would otherwise share a label.
    const chart = drawTrend(canvas, trend, (d, i) => [trendLabel(i), formatDay(d.playedAt)]);
    if (status) status.textContent = '';
    return chart;
  } catch (error) {
    if (status) status.textContent = `The chart could not be drawn (${error instanceof Error ? error.message : String(error)}); its numbers are in the table.`;
    return null;
  }
}

/** "Alex Rivera (Incident commander)": the responder's roster name and the roles held (or, for an old record, suggested). */
export function playedAs(result: PersonDrillResult): string {
  return playedAsWords(result);
}

export interface DrillLogOptions {
  id: string;
  caption: string;
  /** Newest first, with a person column (the team's log) or without (one person's). */
  withPerson: boolean;
  /** Rows get the drill's anchor (one person's history: one row per drill). */
  anchors: boolean;
}

/** The evidence: every drill behind the matrix, with its id, scenario, date and result. */
export function drillLog(results: readonly PersonDrillResult[], options: DrillLogOptions): TemplateResult {
  if (results.length === 0) return html`<p class="muted">No drills recorded yet.</p>`;
  const rows = [...results].reverse();
  return html`${scroller(
    `${options.id}-caption`,
    html`<table class="records-table drill-log" id=${options.id}>
      <caption id=${`${options.id}-caption`}>${options.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Played</th>
          ${options.withPerson ? html`<th scope="col">Person</th>` : nothing}
          <th scope="col">Scenario</th>
          <th scope="col">Drill</th>
          <th scope="col">Played as</th>
          <th scope="col">Score</th>
          <th scope="col">Level</th>
          <th scope="col">Weakest practice</th>
          <th scope="col">Common mistakes</th>
          <th scope="col">Own part</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          rows,
          (r) => `${r.person.id}/${r.drillId}`,
          (r) => {
            const weakest = CATEGORIES.reduce<Category>((low, c) => ((r.categories[c] ?? 101) < (r.categories[low] ?? 101) ? c : low), CATEGORIES[0]);
            return html`<tr id=${options.anchors ? drillAnchor(r.drillId) : nothing} data-drill=${r.drillId}>
              <td>${formatWhen(r.playedAt)}</td>
              ${options.withPerson ? html`<th scope="row"><a href=${personHref(r.person.id, r.drillId)}>${r.person.displayName}</a></th>` : nothing}
              <td>${r.scenarioTitle}<br /><span class="muted">seed ${r.seed}, ${r.difficulty}</span></td>
              <td>${r.kind === 'solo' ? 'Solo' : 'Group'} <code class="drill-id">${r.drillId}</code>${r.resultVersion > 1 ? html`<br /><span class="muted">re-graded (v${r.resultVersion})</span>` : nothing}</td>
              <td>${playedAs(r)}</td>
              <td>${r.overall}/100</td>
              <td>${r.level}</td>
              <td>${CATEGORY_LABELS[weakest]} (${r.categories[weakest]})</td>
              <td>${r.mistakes.length === 0 ? html`<span class="muted">none</span>` : r.mistakes.map((m) => MISTAKE_LABELS[m]).join('; ')}</td>
              <td>${ownPartWords(ownPart([r]))}</td>
            </tr>`;
          },
        )}
      </tbody>
    </table>`,
  )}
    <p class="help">${OWN_PART_EXPLAINED}</p>`;
}

export interface ActionItemsOptions {
  /** Where each item came from, in words (the drill's date and scenario), when known. */
  drillOf: (drillId: string) => string | null;
  closing: ReadonlySet<number>;
  /** Omit to list without the "Mark done" buttons. */
  close?: (item: ActionItem) => void;
}

export function actionItemsTable(items: readonly ActionItem[], options: ActionItemsOptions): TemplateResult {
  if (items.length === 0) return html`<p class="muted">No open action items.</p>`;
  return scroller(
    'action-items-caption',
    html`<table class="records-table action-items-open">
      <caption id="action-items-caption">Open action items from postmortems, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Priority</th>
          <th scope="col">Status in the postmortem</th>
          <th scope="col">From</th>
          ${options.close ? html`<th scope="col"><span class="visually-hidden">Done?</span></th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          items,
          (i) => i.id,
          (i) => html`<tr data-action-item=${i.id}>
            <th scope="row">${i.action}</th>
            <td>${i.owner || html`<span class="muted">no owner</span>`}</td>
            <td>${i.priority || html`<span class="muted">—</span>`}</td>
            <td>${i.status || html`<span class="muted">—</span>`}</td>
            <td>${options.drillOf(i.drillId) ?? html`<code class="drill-id">${i.drillId}</code>`}</td>
            ${options.close
              ? html`<td>
                  <button type="button" class="secondary" ?disabled=${options.closing.has(i.id)} aria-label=${`Mark done: ${i.action}`} @click=${() => options.close!(i)}>${options.closing.has(i.id) ? 'Marking…' : 'Mark done'}</button>
                </td>`
              : nothing}
          </tr>`,
        )}
      </tbody>
    </table>`,
  );
}
