/**
 * Draws only the damaged regions of a scene (see damage.ts). The canvas keeps what it showed between frames
 * (`preserveDrawingBuffer`, no clear before rendering), and each region is drawn by a camera of its own whose
 * viewport is that region: the camera fills it with the background and draws the display list clipped to it (its
 * viewport is a scissor box, so pixels outside cost nothing).
 *
 * The scene's main camera stays the whole canvas for pointer input, but is never drawn (its alpha is 0).
 */
import type { Cameras, Scene } from 'phaser';
import type { Rect } from './card';
import { DamageTracker, MAX_REGIONS, mergeDamage, type TrackedObject } from './damage';
import { PALETTE } from './palette';

export class PartialRedraw {
  private readonly tracker = new DamageTracker();
  private readonly cameras: Cameras.Scene2D.Camera[] = [];
  private reported: Rect[] = [];
  private whole = true;
  /** The regions drawn last, and the pixels drawn since the start (for the test hook). */
  lastRegions: Rect[] = [];
  pixelsDrawn = 0;

  constructor(
    private readonly scene: Scene,
    private readonly size: { width: number; height: number },
  ) {
    scene.cameras.main.setAlpha(0);
    for (let i = 0; i < MAX_REGIONS; i++) {
      const camera = scene.cameras.add(0, 0, size.width, size.height, false, `region-${i}`);
      camera.setBackgroundColor(PALETTE.background).setVisible(false);
      camera.inputEnabled = false;
      this.cameras.push(camera);
    }
    // Regions are chosen once the step has moved everything, just before the cameras draw.
    scene.events.on('prerender', this.choose, this);
  }

  /** A region whose pixels changed in a way the display list cannot see (a card's surface repainted). */
  damage(region: Rect): void {
    this.reported.push(region);
  }

  /** The next frame draws the whole canvas (the first one, or after the canvas lost what it held). */
  damageAll(): void {
    this.whole = true;
  }

  private choose(): void {
    const moved = this.tracker.collect(this.scene.children.list as unknown as TrackedObject[]);
    const regions = this.whole ? [{ x: 0, y: 0, ...this.size }] : mergeDamage([...this.reported, ...moved], this.size);
    this.whole = false;
    this.reported = [];
    this.cameras.forEach((camera, i) => {
      const region = regions[i];
      if (!region) {
        if (camera.visible) camera.setVisible(false);
        return;
      }
      camera.setViewport(region.x, region.y, region.width, region.height).setScroll(region.x, region.y).setVisible(true);
    });
    this.lastRegions = regions;
    for (const r of regions) this.pixelsDrawn += r.width * r.height;
  }

  destroy(): void {
    this.scene.events.off('prerender', this.choose, this);
  }
}
