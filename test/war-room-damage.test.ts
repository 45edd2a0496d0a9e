import { describe, expect, it } from 'vitest';
import { DamageTracker, MAX_REGIONS, mergeDamage, type TrackedObject } from '../src/web/war-room/damage';

const CANVAS = { width: 960, height: 600 };

/** A display object as the tracker reads it. */
function thing(init: Partial<Omit<TrackedObject, 'getBounds'>> & { bounds: { x: number; y: number; width: number; height: number } }) {
  const o = { type: 'Image', visible: true, alpha: 1, ...init, getBounds: () => ({ ...o.bounds }) };
  return o as TrackedObject & { bounds: { x: number; y: number; width: number; height: number }; visible: boolean; alpha: number; text?: string };
}

describe('merging damaged rectangles into regions to draw', () => {
  it('should pad a rectangle to whole pixels and cut it to the canvas', () => {
    expect(mergeDamage([{ x: 10.5, y: 20.2, width: 30, height: 10 }], CANVAS)).toEqual([{ x: 7, y: 17, width: 37, height: 17 }]);
    expect(mergeDamage([{ x: -50, y: 590, width: 100, height: 40 }], CANVAS)).toEqual([{ x: 0, y: 587, width: 53, height: 13 }]);
    expect(mergeDamage([{ x: 2000, y: 0, width: 10, height: 10 }], CANVAS)).toEqual([]);
  });

  it('should join overlapping or nearby rectangles and keep distant ones apart', () => {
    const joined = mergeDamage([{ x: 100, y: 100, width: 50, height: 50 }, { x: 140, y: 120, width: 50, height: 50 }], CANVAS);
    expect(joined).toEqual([{ x: 97, y: 97, width: 96, height: 76 }]);
    const apart = mergeDamage([{ x: 0, y: 0, width: 40, height: 40 }, { x: 800, y: 500, width: 40, height: 40 }], CANVAS);
    expect(apart).toHaveLength(2);
  });

  it(`should never give more than ${MAX_REGIONS} regions, and give the whole canvas once most of it changed`, () => {
    const scattered = Array.from({ length: 9 }, (_, i) => ({ x: (i % 3) * 400, y: Math.floor(i / 3) * 250, width: 20, height: 20 }));
    const regions = mergeDamage(scattered, CANVAS);
    expect(regions.length).toBeLessThanOrEqual(MAX_REGIONS);
    // Every damaged rectangle is inside some region.
    for (const r of scattered) expect(regions.some((g) => g.x <= r.x && g.y <= r.y && g.x + g.width >= Math.min(960, r.x + r.width) && g.y + g.height >= r.y + r.height)).toBe(true);
    expect(mergeDamage([{ x: 0, y: 0, width: 900, height: 500 }], CANVAS)).toEqual([{ x: 0, y: 0, width: 960, height: 600 }]);
  });
});

describe('tracking which objects changed since the last drawn frame', () => {
  it('should report nothing for objects that did not change, and both places of one that moved', () => {
    const tracker = new DamageTracker();
    const still = thing({ bounds: { x: 0, y: 0, width: 10, height: 10 } });
    const moving = thing({ bounds: { x: 100, y: 100, width: 10, height: 10 } });
    expect(tracker.collect([still, moving])).toHaveLength(2); // First sight: both are new.
    expect(tracker.collect([still, moving])).toEqual([]);
    moving.bounds = { x: 120, y: 100, width: 10, height: 10 };
    expect(tracker.collect([still, moving])).toEqual([{ x: 100, y: 100, width: 10, height: 10 }, { x: 120, y: 100, width: 10, height: 10 }]);
  });

  it('should report an object that faded, hid, changed its text or went away, and not one hidden all along', () => {
    const tracker = new DamageTracker();
    const box = { x: 5, y: 5, width: 20, height: 8 };
    const label = thing({ type: 'Text', text: 'joins T+00:03', bounds: box });
    const hidden = thing({ visible: false, bounds: { x: 300, y: 300, width: 50, height: 50 } });
    tracker.collect([label, hidden]);
    label.text = 'joins T+00:05';
    expect(tracker.collect([label, hidden])).toEqual([box, box]);
    label.alpha = 0.5;
    expect(tracker.collect([label, hidden])).toEqual([box, box]);
    label.visible = false;
    expect(tracker.collect([label, hidden])).toEqual([box]);
    label.visible = true;
    tracker.collect([label, hidden]);
    expect(tracker.collect([hidden])).toEqual([box]);
    hidden.bounds = { x: 0, y: 0, width: 1, height: 1 };
    expect(tracker.collect([hidden])).toEqual([]);
  });

  it("should see a change inside a container whose own bounds stay the same", () => {
    const tracker = new DamageTracker();
    const badge = thing({ type: 'Text', text: 'IC', bounds: { x: 10, y: 10, width: 12, height: 8 } });
    const figure = thing({ type: 'Container', list: [badge], bounds: { x: 0, y: 0, width: 40, height: 60 } });
    tracker.collect([figure]);
    expect(tracker.collect([figure])).toEqual([]);
    badge.text = 'CL';
    expect(tracker.collect([figure])).toEqual([{ x: 0, y: 0, width: 40, height: 60 }, { x: 0, y: 0, width: 40, height: 60 }]);
  });
});
