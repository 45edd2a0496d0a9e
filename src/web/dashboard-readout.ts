/**
 * The dashboards in words: what the war room's canvas draws as pixels (each metric's name, value, threshold and
 * whether it is past it), for the table beside the canvas and for screen readers. Pure: no DOM, unit-tested.
 */
import type { LiveView, SeatView } from '../engine/index';
import { formatMetric } from '../engine/names';

/** Which side of its threshold a metric is on (a value at the threshold counts as below it). */
export type ThresholdState = 'above' | 'below' | 'none';

export interface MetricRow {
  /** `dashboard/metric`, stable for the run. */
  key: string;
  dashboard: string;
  label: string;
  /** The current value with its unit, as the canvas prints it. */
  value: string;
  /** The threshold with its unit, or null when the metric has none. */
  threshold: string | null;
  state: ThresholdState;
  /** Whether it is on its alarm side: above for an error rate, below for a success rate. */
  alarming: boolean;
}

export function thresholdState(current: number, threshold: number | null): ThresholdState {
  if (threshold === null || !Number.isFinite(current)) return 'none';
  return current > threshold ? 'above' : 'below';
}

/** Whether a metric is past its threshold on the side that alarms (see the view's `alarm`). */
export function isAlarming(current: number, threshold: number | null, alarm: 'above' | 'below'): boolean {
  if (threshold === null || !Number.isFinite(current)) return false;
  return alarm === 'above' ? current > threshold : current < threshold;
}

/** Every metric of every dashboard, in the dashboards' order, with its live value. */
export function metricRows(view: Pick<SeatView, 'dashboards'>, live: Pick<LiveView, 'dashboards'>): MetricRow[] {
  const values = new Map<string, number>(live.dashboards.flatMap((d) => d.metrics.map((m) => [`${d.id}/${m.id}`, m.current] as const)));
  return view.dashboards.flatMap((d) =>
    d.metrics.map((m) => {
      const key: string = `${d.id}/${m.id}`;
      const current = values.get(key) ?? Number.NaN;
      return { key, dashboard: d.title, label: m.label, value: formatMetric(current, m.unit), threshold: m.threshold === null ? null : formatMetric(m.threshold, m.unit), state: thresholdState(current, m.threshold), alarming: isAlarming(current, m.threshold, m.alarm) };
    }),
  );
}

/** Each metric's state, to compare with the next update. */
export function statesOf(rows: readonly MetricRow[]): Map<string, ThresholdState> {
  return new Map(rows.map((row) => [row.key, row.state]));
}

/**
 * What to say when metrics cross their thresholds between two updates: one sentence for all that crossed, or null when
 * none did. Nothing is said on the first look (`previous` null) nor while values only move on the same side: a
 * screen reader hears the dashboards change state, not tick.
 */
export function crossingMessage(previous: ReadonlyMap<string, ThresholdState> | null, rows: readonly MetricRow[]): string | null {
  if (previous === null) return null;
  const crossed = rows.filter((row) => {
    const before = previous.get(row.key);
    return row.state !== 'none' && before !== undefined && before !== 'none' && before !== row.state;
  });
  if (crossed.length === 0) return null;
  // "back" when it returns to the healthy side: an error rate falls back below, a success rate rises back above.
  const parts = crossed.map((row) => `${row.label} ${row.state === 'above' ? 'rose' : 'fell'}${row.alarming ? '' : ' back'} ${row.state} its threshold (${row.value}, threshold ${row.threshold})`);
  return `Dashboards: ${parts.join('; ')}.`;
}
