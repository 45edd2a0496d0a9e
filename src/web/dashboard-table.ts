/**
 * The dashboards as a small live table beside the canvas: the canvas is pixels, so this is what a screen reader (and
 * anyone who prefers text) reads. The table itself is not a live region; a separate polite region says one sentence
 * when metrics cross their thresholds.
 */
import { html, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { LiveView, SeatView } from '../engine/index';
import { crossingMessage, metricRows, statesOf, type MetricRow, type ThresholdState } from './dashboard-readout';

export interface DashboardTable {
  element: HTMLElement;
  update(view: Pick<SeatView, 'dashboards'>, live: Pick<LiveView, 'dashboards'>): void;
}

const STATE_TEXT: Record<ThresholdState, string> = { above: 'Above threshold', below: 'Below threshold', none: 'No threshold' };

export function dashboardTable(): DashboardTable {
  const element = document.createElement('section');
  element.className = 'dashboard-readout';
  element.setAttribute('aria-labelledby', 'dashboard-readout-title');
  const body = document.createElement('div');
  body.className = 'readout-body';
  const announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.id = 'metric-announcer';
  announcer.setAttribute('aria-live', 'polite');
  element.append(body, announcer);
  let previous: Map<string, ThresholdState> | null = null;

  const row = (m: MetricRow) => html`<tr data-metric=${m.key} class=${m.state === 'none' ? 'metric-none' : m.alarming ? 'metric-alarm' : 'metric-ok'}>
    <th scope="row"><span class="metric-dashboard">${m.dashboard}:</span> ${m.label}</th>
    <td class="metric-value">${m.value}</td>
    <td class="metric-threshold">${m.threshold ?? 'none'}</td>
    <td class="metric-state">${STATE_TEXT[m.state]}</td>
  </tr>`;

  const template = (rows: MetricRow[]) => html`
    <div class="readout-scroll" role="region" tabindex="0" aria-labelledby="dashboard-readout-title">
      <table class="metrics-table">
        <caption id="dashboard-readout-title">Dashboards (live, game time)</caption>
        <thead>
          <tr><th scope="col">Metric</th><th scope="col">Now</th><th scope="col">Threshold</th><th scope="col">State</th></tr>
        </thead>
        <tbody>
          ${repeat(rows, (m) => m.key, row)}
        </tbody>
      </table>
    </div>
  `;

  return {
    element,
    update(view, live) {
      const rows = metricRows(view, live);
      const said = crossingMessage(previous, rows);
      previous = statesOf(rows);
      render(template(rows), body);
      // Only a crossing changes the live region, so only a crossing is read out (emptied first, so a sentence that
      // happens to repeat is read again).
      if (said !== null) {
        announcer.textContent = '';
        announcer.textContent = said;
      }
    },
  };
}
