/** Where each card sits on the 960×600 war room, in game coordinates. */
import type { Rect } from './card';
import { WIDTH } from './palette';

export const HEADER: Rect = { x: 10, y: 4, width: WIDTH - 20, height: 46 };
export const PAGER: Rect = { x: 10, y: 56, width: 320, height: 110 };
export const DEADLINES: Rect = { x: 10, y: 176, width: 320, height: 176 };
export const RESPONDERS: Rect = { x: 10, y: 362, width: 320, height: 160 };
export const RIBBON: Rect = { x: 10, y: 532, width: WIDTH - 20, height: 60 };

/** How many dashboard charts the room shows (the first metrics of the dashboards, in order). */
export const CHART_COUNT = 4;

/** The i-th dashboard chart: two columns, two rows, right of the pager. */
export function chartBounds(i: number): Rect {
  return { x: 340 + (i % 2) * 308, y: 56 + Math.floor(i / 2) * 234, width: 298, height: 224 };
}
