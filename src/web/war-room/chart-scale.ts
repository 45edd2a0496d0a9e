/** The numbers behind a dashboard chart's axes: value ticks at round steps, time ticks at round game minutes. */
import { withThousands } from '../../engine/names';

/** A value axis from 0 to `top` in steps of `step` (1, 2 or 5 times a power of ten), with room above `max`. */
export function valueScale(max: number, targetTicks = 3): { top: number; step: number; ticks: number[] } {
  const high = Number.isFinite(max) && max > 0 ? max * 1.08 : 1;
  const raw = high / targetTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const count = Math.ceil(high / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, i) => round(i * step));
  return { top: round(count * step), step, ticks };
}

/** A tick value with as many decimals as its step needs ("0.5", "1,200"), and "%" for percentages. */
export function formatTick(value: number, step: number, unit: string): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const text = withThousands(value, decimals);
  return unit === '%' ? `${text}%` : text;
}

/** Game minutes on a time axis: every 10 (or 5 when the window is short) within [from, to]. */
export function timeTicks(from: number, to: number): number[] {
  const every = to - from >= 20 ? 10 : 5;
  const ticks: number[] = [];
  for (let m = Math.ceil(from / every) * every; m <= to; m += every) ticks.push(m);
  return ticks;
}

/** A game minute as "T+HH:MM", and before the page as "T−HH:MM" (a graph shows the half-hour before it too). */
export function formatGameMinute(minute: number): string {
  const whole = Math.round(Math.abs(minute));
  const sign = minute < 0 && whole > 0 ? '−' : '+';
  return `T${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** The name of a metric's unit for a chart's title ("%", "ms"; "count" for plain counts). */
export function unitName(unit: string): string {
  return unit.trim() || 'count';
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
