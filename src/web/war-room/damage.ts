/**
 * Which parts of the war room's canvas must be drawn again, and nothing else. With software WebGL (no GPU), drawing
 * the whole room cost ~12 ms of the GPU process per frame, nearly all of it filling the cards' pixels, so while the
 * pager rang every frame ran late. Drawn by damaged regions, a ringing pager costs its own corner of the canvas.
 *
 * Two sources of damage: a card that repainted says so (its surface is a texture whose pixels the display list cannot
 * see), and every other object is compared with how it was when last drawn (`DamageTracker`), so motion, showing,
 * hiding and new text are found without each caller having to report them.
 */
import type { Rect } from './card';

/** What the tracker reads of a display object: Phaser's game objects have all of it. */
export interface TrackedObject {
  readonly type: string;
  readonly visible: boolean;
  readonly alpha: number;
  getBounds(): { x: number; y: number; width: number; height: number };
  /** A container's children. */
  readonly list?: readonly TrackedObject[];
  /** A text's content and style. */
  readonly text?: string;
  readonly style?: { color?: unknown; backgroundColor?: unknown };
  /** An image's texture and frame. */
  readonly texture?: { key: string };
  readonly frame?: { name: string | number };
  readonly tintTopLeft?: number;
  /** A shape's colours and outline. */
  readonly fillColor?: number;
  readonly fillAlpha?: number;
  readonly strokeColor?: number;
  readonly isStroked?: boolean;
  readonly lineWidth?: number;
}

/** Anti-aliased edges and outlines reach a little past an object's bounds. */
const PAD = 3;
/** Two regions closer than this (in pixels of area wasted by joining them) are drawn as one. */
const JOIN_SLACK = 4096;
/** At most this many regions a frame: each is a pass over the display list. */
export const MAX_REGIONS = 4;
/** Past this share of the canvas, the whole canvas is drawn in one pass. */
const WHOLE_SHARE = 0.6;

const area = (r: Rect) => r.width * r.height;

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** Padded, rounded out to whole pixels and cut to the canvas; null when nothing of it is on the canvas. */
function onCanvas(r: Rect, canvas: { width: number; height: number }): Rect | null {
  const x = Math.max(0, Math.floor(r.x - PAD));
  const y = Math.max(0, Math.floor(r.y - PAD));
  const right = Math.min(canvas.width, Math.ceil(r.x + r.width + PAD));
  const bottom = Math.min(canvas.height, Math.ceil(r.y + r.height + PAD));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The regions to draw for `damaged` rectangles: padded, on the canvas, overlapping or nearby ones joined, at most
 * `MAX_REGIONS` (the two whose join wastes least are joined first), or the whole canvas once they cover most of it.
 */
export function mergeDamage(damaged: readonly Rect[], canvas: { width: number; height: number }): Rect[] {
  const regions = damaged.map((r) => onCanvas(r, canvas)).filter((r): r is Rect => r !== null);
  for (;;) {
    let best: { i: number; j: number; waste: number } | null = null;
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        const waste = area(union(regions[i]!, regions[j]!)) - area(regions[i]!) - area(regions[j]!);
        if (best === null || waste < best.waste) best = { i, j, waste };
      }
    }
    if (best === null || (best.waste > JOIN_SLACK && regions.length <= MAX_REGIONS)) break;
    regions[best.i] = union(regions[best.i]!, regions[best.j]!);
    regions.splice(best.j, 1);
  }
  const whole = { x: 0, y: 0, width: canvas.width, height: canvas.height };
  return regions.reduce((sum, r) => sum + area(r), 0) >= WHOLE_SHARE * area(whole) ? [whole] : regions;
}

const shown = (o: TrackedObject) => o.visible && o.alpha > 0;

/** Everything about an object that changes its pixels, bounds aside. */
function looks(o: TrackedObject): string {
  if (!shown(o)) return '-';
  const own = [o.type, o.alpha, o.text, o.style?.color, o.style?.backgroundColor, o.texture?.key, o.frame?.name, o.tintTopLeft, o.fillColor, o.fillAlpha, o.strokeColor, o.isStroked, o.lineWidth].join('|');
  if (!o.list) return own;
  const children = o.list.map((child) => {
    if (!shown(child)) return '-';
    const b = child.getBounds();
    return `${looks(child)}@${b.x},${b.y},${b.width},${b.height}`;
  });
  return `${own}[${children.join(';')}]`;
}

interface Drawn {
  looks: string;
  bounds: Rect | null;
}

/**
 * Remembers how each top-level display object looked when the canvas was last drawn, and tells which regions changed
 * since: where an object was and where it is now, when it moved, changed, appeared, went away or was destroyed.
 */
export class DamageTracker {
  private drawn = new Map<TrackedObject, Drawn>();

  /** The damaged rectangles (unmerged) since the last call, which is taken to be a drawn frame. */
  collect(objects: readonly TrackedObject[]): Rect[] {
    const damaged: Rect[] = [];
    const now = new Map<TrackedObject, Drawn>();
    for (const o of objects) {
      const b = shown(o) ? o.getBounds() : null;
      const state: Drawn = { looks: looks(o), bounds: b && { x: b.x, y: b.y, width: b.width, height: b.height } };
      now.set(o, state);
      const before = this.drawn.get(o);
      if (before && before.looks === state.looks && sameRect(before.bounds, state.bounds)) continue;
      if (before?.bounds) damaged.push(before.bounds);
      if (state.bounds) damaged.push(state.bounds);
    }
    for (const [o, before] of this.drawn) if (!now.has(o) && before.bounds) damaged.push(before.bounds);
    this.drawn = now;
    return damaged;
  }
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
