/**
 * The pager ringing: while the page waits for an acknowledgement its icon shakes in bursts and a halo pulses round
 * its card; acknowledged, both stop. With reduced motion the halo is shown still, at full strength, and nothing moves.
 * Made once and then only started or stopped: no per-frame drawing.
 */
import type { GameObjects, Scene, Tweens } from 'phaser';
import { reducedMotion, tween } from './motion';
import { PALETTE } from './palette';

export type RingMode = 'quiet' | 'ringing' | 'still';

/** How the pager shows itself: quiet once acknowledged, ringing with motion, or still (reduced motion). */
export function ringMode(waiting: boolean, reduced: boolean): RingMode {
  if (!waiting) return 'quiet';
  return reduced ? 'still' : 'ringing';
}

export class PagerRing {
  private readonly halo: GameObjects.Rectangle;
  private tweens: Tweens.Tween[] = [];
  private mode: RingMode = 'quiet';

  /** `icon` is the pager image; `card` the rectangle of its card, which the halo surrounds. */
  constructor(
    private readonly scene: Scene,
    private readonly icon: GameObjects.Image,
    card: { x: number; y: number; width: number; height: number },
  ) {
    this.halo = scene.add
      .rectangle(card.x + card.width / 2, card.y + card.height / 2, card.width + 6, card.height + 6)
      .setStrokeStyle(3, PALETTE.bad, 1)
      .setVisible(false);
  }

  get current(): RingMode {
    return this.mode;
  }

  /** Cheap to call every redraw: it acts only when the mode changes, and says whether it did. */
  update(waiting: boolean): boolean {
    const mode = ringMode(waiting, reducedMotion());
    if (mode === this.mode) return false;
    this.mode = mode;
    this.stop();
    if (mode === 'quiet') return true;
    this.halo.setVisible(true).setAlpha(1);
    if (mode === 'still') return true;
    const shake = tween(this.scene, { targets: this.icon, angle: { from: -14, to: 14 }, duration: 70, yoyo: true, repeat: 5, repeatDelay: 0, loop: -1, loopDelay: 900, onStop: () => this.icon.setAngle(0) });
    const pulse = tween(this.scene, { targets: this.halo, alpha: { from: 1, to: 0.2 }, duration: 600, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    const bounce = tween(this.scene, { targets: this.icon, scale: { from: 1, to: 1.12 }, duration: 300, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    this.tweens = [shake, pulse, bounce].filter((t): t is Tweens.Tween => t !== null);
    return true;
  }

  private stop(): void {
    for (const t of this.tweens) t.stop();
    this.tweens = [];
    this.scene.tweens.killTweensOf([this.icon, this.halo]);
    this.icon.setAngle(0).setScale(1);
    this.halo.setVisible(false).setAlpha(1);
  }

  destroy(): void {
    this.stop();
    this.halo.destroy();
  }
}
