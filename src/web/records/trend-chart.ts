/**
 * The trend chart: each person's score over the last drills, drawn by Chart.js. This module is only ever imported
 * dynamically (by the records pages), and imports only the parts of Chart.js a line chart needs, so neither the solo
 * game nor the records pages' first paint carries it. The chart is a picture of numbers the page also gives as a
 * table; the canvas says so in its label.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Trend } from './readiness';
import { seriesStyle } from './trend-style';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export interface TrendChart {
  destroy(): void;
}

export function drawTrend(canvas: HTMLCanvasElement, trend: Trend, label: (drill: Trend['drills'][number], index: number) => string | string[]): TrendChart {
  const styles = getComputedStyle(document.documentElement);
  const text = styles.getPropertyValue('--text').trim() || '#e8ecf4';
  const grid = styles.getPropertyValue('--panel-2').trim() || '#1f2a42';
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: trend.drills.map((d, i) => label(d, i)),
      datasets: trend.series.map((s, i) => {
        const style = seriesStyle(i);
        return {
          label: s.person.displayName,
          data: s.scores,
          borderColor: style.colour,
          backgroundColor: 'transparent',
          pointBackgroundColor: 'transparent',
          pointBorderColor: style.colour,
          pointBorderWidth: 2,
          pointStyle: style.point,
          pointRadius: style.radius,
          pointHoverRadius: style.radius + 2,
          borderDash: style.dash,
          borderWidth: 2,
          // A person who skipped a drill still has a line from one of theirs to the next.
          spanGaps: true,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Numbers appear at once: nothing moves for people who asked for less motion, or for anyone else.
      animation: false,
      color: text,
      scales: {
        y: { min: 0, max: 100, title: { display: true, text: 'Score (out of 100)', color: text }, ticks: { color: text }, grid: { color: grid } },
        x: { ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { color: grid } },
      },
      // The legend shows each line's point shape; the key beside the chart says shape and dashes in words.
      plugins: { legend: { labels: { color: text, usePointStyle: true } }, tooltip: { enabled: true, mode: 'index', intersect: false } },
    },
  });
  return { destroy: () => chart.destroy() };
}
