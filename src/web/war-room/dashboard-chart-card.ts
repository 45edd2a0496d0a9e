/**
 * One dashboard chart: the metric's name and unit, its current value, and its last half hour as a line, with a
 * labelled value axis, the threshold line named at the line, and a time axis in game minutes. The line and axes are
 * repainted when the series changes (once a game minute), the value text when its formatted value does. Its texts
 * are painted with the chart (see PaintedTexts): the card is one texture however many labels it has.
 */
import type { Scene } from 'phaser';
import { formatMetric } from '../../engine/names';
import { CardSurface, css, GAP, measureFor, paintPanel, PaintedTexts, PAD, type Card, type TextBox, type Rect, type TextStyle, type WarRoomFrame } from './card';
import { formatGameMinute, formatTick, timeTicks, unitName, valueScale } from './chart-scale';
import { chartBounds } from './layout';
import { isAlarming } from '../dashboard-readout';
import { PALETTE } from './palette';
import { ellipsize, ellipsizeKeepingSuffix } from './text-fit';

const TITLE: TextStyle = { size: 12, color: PALETTE.muted, bold: true };
const VALUE: TextStyle = { size: 22, bold: true };
const FLAG: TextStyle = { size: 10, bold: true, color: PALETTE.badText };
const AXIS: TextStyle = { size: 10, color: PALETTE.muted };
const THRESHOLD: TextStyle = { size: 10, bold: true, color: PALETTE.badText, background: '#182033' };
const PLOT_TOP = 72;
/** Below the plot: the time labels, under the half of the lowest value label that hangs below the axis. */
const PLOT_BOTTOM_GAP = 26;

interface Metric {
  dashboard: string;
  label: string;
  unit: string;
  threshold: number | null;
  alarm: 'above' | 'below';
  current: number;
  series: Array<[minute: number, value: number]>;
}

/** The i-th metric shown: the dashboards' metrics in order, with their live values. */
export function metricAt(frame: WarRoomFrame, index: number): Metric | null {
  let i = 0;
  for (const d of frame.view.dashboards) {
    for (const m of d.metrics) {
      if (i++ !== index) continue;
      const live = frame.live.dashboards.find((l) => l.id === d.id)?.metrics.find((l) => l.id === m.id);
      return { dashboard: d.title, label: m.label, unit: m.unit, threshold: m.threshold, alarm: m.alarm, current: live?.current ?? 0, series: live?.series ?? [] };
    }
  }
  return null;
}

export class DashboardChartCard implements Card {
  readonly id: string;
  readonly bounds: Rect;
  private readonly texts: PaintedTexts;
  private readonly surface: CardSurface;
  /** Paints the panel, grid, threshold and line of the metric laid out last (its texts are painted over them). */
  private drawChart: ((context: CanvasRenderingContext2D, width: number, height: number) => void) | null = null;
  private series: Metric['series'] | null = null;
  private chartKey = '';
  private valueKey = '';

  constructor(
    scene: Scene,
    private readonly index: number,
  ) {
    this.id = `chart${index}`;
    this.bounds = chartBounds(index);
    this.surface = new CardSurface(scene, `card:${this.id}`, this.bounds);
    this.texts = new PaintedTexts(this.id);
  }

  update(frame: WarRoomFrame): boolean {
    const m = metricAt(frame, this.index);
    const breached = m !== null && isAlarming(m.current, m.threshold, m.alarm);
    // The series is rebuilt by the run once a game minute: the same array means the same picture.
    const chartKey = m === null ? 'none' : `${m.dashboard}|${m.label}|${m.unit}|${m.threshold}|${breached}`;
    let changed = false;
    if (m?.series !== this.series || chartKey !== this.chartKey) {
      changed = true;
      this.series = m?.series ?? null;
      this.chartKey = chartKey;
      this.valueKey = '';
      this.layout(m, breached);
    }
    const valueKey = m === null ? '' : formatMetric(m.current, m.unit);
    if (m !== null && valueKey !== this.valueKey) {
      this.valueKey = valueKey;
      this.placeValue(m, breached);
      changed = true;
    }
    if (changed && m !== null) this.repaint();
    return changed;
  }

  private repaint(): void {
    this.surface.paint((context, width, height) => {
      this.drawChart?.(context, width, height);
      this.texts.paint(context, this.bounds);
    });
  }

  /** The title, value and flag along the top: the flag gets what the value leaves. */
  private placeValue(m: Metric, breached: boolean): void {
    const { x, y, width } = this.bounds;
    const value = this.texts.place('value', x + PAD, y + 26, formatMetric(m.current, m.unit), { ...VALUE, color: breached ? PALETTE.badText : PALETTE.text });
    const room = width - 2 * PAD - value.width - GAP;
    this.texts.place('flag', x + width - PAD, y + 34, breached ? ellipsize(m.alarm === 'above' ? 'ABOVE THRESHOLD' : 'BELOW THRESHOLD', room, measureFor(FLAG)) : '', FLAG, { x: 1 });
  }

  private layout(m: Metric | null, breached: boolean): void {
    const t = this.texts;
    t.begin();
    this.surface.image.setVisible(m !== null);
    if (m === null) return;
    const { x, y, width, height } = this.bounds;
    t.place('title', x + PAD, y + 8, ellipsizeKeepingSuffix(`${m.dashboard} · ${m.label}`, ` (${unitName(m.unit)})`, width - 2 * PAD, measureFor(TITLE)), TITLE);
    this.placeValue(m, breached);

    const values = m.series.map(([, v]) => v);
    const scale = valueScale(Math.max(0, ...values, m.threshold ?? 0));
    const labels = scale.ticks.map((v) => formatTick(v, scale.step, m.unit));
    const gutter = Math.ceil(Math.max(...labels.map((l) => measureFor(AXIS)(l)))) + 6;
    const plot = { left: PAD + gutter, right: width - PAD, top: PLOT_TOP, bottom: height - PLOT_BOTTOM_GAP };
    const py = (v: number) => plot.bottom - (v / scale.top) * (plot.bottom - plot.top);
    const first = m.series[0]?.[0] ?? 0;
    const last = m.series[m.series.length - 1]?.[0] ?? first + 1;
    const px = (minute: number) => plot.left + ((minute - first) / Math.max(1, last - first)) * (plot.right - plot.left);

    scale.ticks.forEach((v, i) => t.place(`axis:value${i}`, x + plot.left - 4, y + py(v), labels[i]!, AXIS, { x: 1, y: 0.5 }));
    // Time labels under their minutes, kept inside the card and apart from each other.
    let freeFrom = x + PAD;
    const timeTop = y + plot.bottom + Math.ceil(t.lineHeight(AXIS) / 2) + 1;
    timeTicks(first, last).forEach((minute, i) => {
      const label = formatGameMinute(minute);
      const w = measureFor(AXIS)(label);
      const left = Math.min(Math.max(x + px(minute) - w / 2, x + PAD), x + width - PAD - w);
      if (left < freeFrom) return;
      t.place(`axis:time${i}`, Math.round(left), timeTop, label, AXIS);
      freeFrom = left + w + GAP;
    });
    if (m.threshold !== null) {
      const label = `threshold ${formatMetric(m.threshold, m.unit)}`;
      const lineY = py(m.threshold);
      const text = t.place('threshold', x + plot.right - 2, y + lineY - 1, ellipsize(label, plot.right - plot.left - 4, measureFor(THRESHOLD)), THRESHOLD, { x: 1, y: 1 });
      // Above the line if there is room in the plot, else just below it.
      if (lineY - 1 - text.height < plot.top) t.place('threshold', x + plot.right - 2, y + lineY + 2, text.text, THRESHOLD, { x: 1, y: 0 });
    }

    this.drawChart = (context, w, h) => {
      paintPanel(context, w, h);
      context.lineWidth = 1;
      context.strokeStyle = css(PALETTE.panelEdge);
      for (const v of scale.ticks) {
        context.beginPath();
        context.moveTo(plot.left, Math.round(py(v)) + 0.5);
        context.lineTo(plot.right, Math.round(py(v)) + 0.5);
        context.stroke();
      }
      context.beginPath();
      context.moveTo(plot.left + 0.5, plot.top);
      context.lineTo(plot.left + 0.5, plot.bottom);
      for (const minute of timeTicks(first, last)) {
        context.moveTo(Math.round(px(minute)) + 0.5, plot.bottom);
        context.lineTo(Math.round(px(minute)) + 0.5, plot.bottom + 3);
      }
      context.stroke();
      if (m.threshold !== null) {
        context.strokeStyle = css(PALETTE.threshold, 0.8);
        context.setLineDash([5, 4]);
        context.beginPath();
        context.moveTo(plot.left, Math.round(py(m.threshold)) + 0.5);
        context.lineTo(plot.right, Math.round(py(m.threshold)) + 0.5);
        context.stroke();
        context.setLineDash([]);
      }
      context.strokeStyle = css(breached ? PALETTE.bad : PALETTE.line);
      context.lineWidth = 2;
      context.lineJoin = 'round';
      context.beginPath();
      m.series.forEach(([minute, v], i) => (i === 0 ? context.moveTo(px(minute), py(v)) : context.lineTo(px(minute), py(v))));
      context.stroke();
    };
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}
