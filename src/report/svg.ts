/** Inline SVG charts for the HTML report: no scripts, no external files, printable. */
import { CATEGORIES, CATEGORY_LABELS } from '../engine/policy/rubric';
import { escapeHtml as x } from './escape';
import { PER_MINUTE_CHART_LIMIT, type DebriefReport } from './model';

const WIDTH = 900;
const LEFT = 110;
const RIGHT = 20;

export function timelineSvg(report: DebriefReport): string {
  const { chart } = report;
  // Loops rather than Math.min(...points): a long chart has more points than a call can take arguments.
  const start = chart.impact.reduce((earliest, [m]) => Math.min(earliest, m), 0);
  const end = Math.max(chart.end, start + 1);
  const sx = (minute: number) => LEFT + ((minute - start) / (end - start)) * (WIDTH - LEFT - RIGHT);
  const ROW = 17;
  const lanes = { impact: 30, deadlines: 100, updates: 100 + Math.max(1, chart.deadlines.length) * ROW + 20, actions: 0, milestones: 0 };
  lanes.actions = lanes.updates + 40;
  lanes.milestones = lanes.actions + Math.max(1, chart.actions.length) * ROW + 24;
  const legendY = lanes.milestones + 66;
  const height = legendY + 30;
  const plotEnd = WIDTH - RIGHT;
  const clampX = (minute: number) => Math.min(plotEnd, Math.max(LEFT, sx(minute)));
  /** A bar with its label beside it, kept inside the plot. */
  const bar = (from: number, to: number, y: number, cls: string, text: string) => {
    const x1 = clampX(from);
    const x2 = Math.max(x1 + 2, clampX(to));
    parts.push(`<rect x="${x1}" y="${y}" width="${x2 - x1}" height="10" class="${cls}"><title>${x(text)}</title></rect>`);
    const room = plotEnd - x2 > 160;
    parts.push(`<text x="${room ? x2 + 4 : x1 - 4}" y="${y + 9}" class="bar-note" text-anchor="${room ? 'start' : 'end'}">${x(text.length > 48 ? `${text.slice(0, 47)}…` : text)}</text>`);
  };
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="timeline-title timeline-desc" class="chart">`);
  parts.push(`<title id="timeline-title">Incident timeline</title><desc id="timeline-desc">Impact over time, deadlines (red when missed), status updates, actions and milestones, in game minutes.</desc>`);
  const step = gridStep(end - start);
  for (let m = Math.ceil(start / step) * step; m <= end; m += step) {
    parts.push(`<line x1="${sx(m)}" y1="10" x2="${sx(m)}" y2="${legendY - 24}" class="grid"/><text x="${sx(m)}" y="${legendY - 10}" class="tick">${m}</text>`);
  }
  const label = (y: number, text: string) => parts.push(`<text x="8" y="${y}" class="lane">${x(text)}</text>`);
  label(lanes.impact + 30, 'Impact');
  const base = lanes.impact + 50;
  const maxLevel = chart.impact.reduce((highest, [, l]) => Math.max(highest, l), 1);
  const points = chart.impact.map(([m, l]) => `${sx(m).toFixed(1)},${(base - (l / maxLevel) * 50).toFixed(1)}`);
  parts.push(`<polygon class="impact" points="${sx(chart.impact[0]?.[0] ?? 0)},${base} ${points.join(' ')} ${sx(chart.impact.at(-1)?.[0] ?? end)},${base}"/>`);
  label(lanes.deadlines + 10, 'Deadlines');
  chart.deadlines.forEach((d, i) => bar(d.setAt, d.endedAt, lanes.deadlines + i * ROW, d.missed ? 'missed' : 'deadline', `${d.label}${d.missed ? ' (missed)' : ''}`));
  label(lanes.updates + 10, 'Updates');
  for (const at of chart.updates) parts.push(`<path d="M${sx(at)} ${lanes.updates} l6 12 h-12 z" class="update"><title>Status update at minute ${at}</title></path>`);
  label(lanes.actions + 10, 'Actions');
  chart.actions.forEach((a, i) => bar(a.from, a.to, lanes.actions + i * ROW, a.kind, a.label));
  label(lanes.milestones + 10, 'Milestones');
  chart.milestones.forEach((m, i) => {
    parts.push(`<circle cx="${sx(m.at)}" cy="${lanes.milestones + 5}" r="4" class="milestone"/><line x1="${sx(m.at)}" y1="${lanes.milestones + 5}" x2="${sx(m.at)}" y2="${lanes.milestones + 6 + (i % 4) * 12}" class="grid"/><text x="${sx(m.at) + 6}" y="${lanes.milestones + 10 + (i % 4) * 12}" class="milestone-label">${x(m.label)}</text>`);
  });
  const legend: Array<[string, string]> = [['impact', 'Impact'], ['deadline', 'Deadline (until met)'], ['missed', 'Deadline missed'], ['update', 'Status update'], ['diagnosis', 'Diagnosis'], ['resolution', 'Resolution'], ['milestone', 'Milestone']];
  let lx = 8;
  for (const [cls, text] of legend) {
    parts.push(`<rect x="${lx}" y="${legendY}" width="12" height="10" class="${cls}"/><text x="${lx + 16}" y="${legendY + 9}" class="bar-note">${text}</text>`);
    lx += 16 + text.length * 6 + 18;
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Most grid lines a chart longer than a day gets; a step of minutes is chosen to stay under it. */
const MAX_GRID_LINES = 24;

/**
 * Minutes between grid lines: every 5, 10 or 15 minutes for a drill up to a day long, as always; for a longer
 * journal a round number of hours or days that keeps the grid to MAX_GRID_LINES lines, however long the span.
 */
function gridStep(span: number): number {
  if (span <= PER_MINUTE_CHART_LIMIT) return span > 90 ? 15 : span > 40 ? 10 : 5;
  for (const hours of [1, 2, 3, 6, 12]) if (span / (hours * 60) <= MAX_GRID_LINES) return hours * 60;
  for (let days = 1; Number.isFinite(days); days *= 10) {
    for (const factor of [1, 2, 5]) if (span / (days * factor * 24 * 60) <= MAX_GRID_LINES) return days * factor * 24 * 60;
  }
  return span;
}

export function scoresSvg(report: DebriefReport): string {
  const rowHeight = 30;
  const height = CATEGORIES.length * rowHeight + 20;
  const width = 600;
  const barLeft = 190;
  const scale = (width - barLeft - 50) / 100;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="scores-title" class="chart scores">`, `<title id="scores-title">Score per category, out of 100</title>`];
  CATEGORIES.forEach((c, i) => {
    const value = report.score.categories[c];
    const y = 10 + i * rowHeight;
    const tone = value >= 90 ? 'good' : value >= 70 ? 'fair' : 'poor';
    parts.push(`<text x="${barLeft - 10}" y="${y + 17}" class="bar-label" text-anchor="end">${x(CATEGORY_LABELS[c])}</text>`);
    parts.push(`<rect x="${barLeft}" y="${y + 4}" width="${100 * scale}" height="18" class="bar-track"/>`);
    parts.push(`<rect x="${barLeft}" y="${y + 4}" width="${value * scale}" height="18" class="bar ${tone}"/>`);
    parts.push(`<text x="${barLeft + value * scale + 6}" y="${y + 18}" class="bar-value">${value}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
