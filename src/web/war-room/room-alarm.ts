/**
 * Escalation made visible: when the impact grows the room's edge and light turn to the alarm colour for a moment and
 * the severity chip pulses. With reduced motion the edge is shown still for a few seconds and the chip is not
 * scaled (a timer hides the edge again; no tween runs). Its objects are made once and sit above the cards.
 */
import type { GameObjects, Scene, Time } from 'phaser';
import { later, reducedMotion, tween } from './motion';
import { PALETTE } from './palette';

/** How long the alarm shows (real milliseconds). */
export const ALARM_MS = 2400;

export class RoomAlarm {
  private readonly edge: GameObjects.Rectangle;
  private readonly light: GameObjects.Rectangle;
  private hideTimer: Time.TimerEvent | null = null;

  constructor(
    private readonly scene: Scene,
    size: { width: number; height: number },
  ) {
    this.light = scene.add.rectangle(0, 0, size.width, size.height, PALETTE.bad, 0.1).setOrigin(0, 0).setAlpha(0).setDepth(900);
    this.edge = scene.add.rectangle(size.width / 2, size.height / 2, size.width - 6, size.height - 6).setStrokeStyle(6, PALETTE.bad, 1).setAlpha(0).setDepth(901);
  }

  /** Whether the alarm shows now (for tests and the test hook). */
  get showing(): boolean {
    return this.edge.alpha > 0;
  }

  /** The impact grew: light the edge, and pulse the severity chip if there is one. */
  escalate(chip?: GameObjects.Text | null): void {
    this.hideTimer?.remove(false);
    this.scene.tweens.killTweensOf([this.edge, this.light]);
    if (reducedMotion()) {
      // A still highlight instead of a flash: on, then off after a while, with no motion in between.
      this.edge.setAlpha(1);
      this.light.setAlpha(1);
      this.hideTimer = later(this.scene, ALARM_MS, () => {
        this.edge.setAlpha(0);
        this.light.setAlpha(0);
      });
      return;
    }
    tween(this.scene, { targets: [this.edge, this.light], alpha: { from: 0, to: 1 }, duration: ALARM_MS / 6, yoyo: true, repeat: 2, ease: 'Sine.easeInOut', onComplete: () => { this.edge.setAlpha(0); this.light.setAlpha(0); } });
    if (chip) this.pulse(chip);
  }

  /** A chip (the severity) grows and settles back, twice; nothing under reduced motion. */
  pulse(chip: GameObjects.Text): void {
    this.scene.tweens.killTweensOf(chip);
    chip.setScale(1);
    tween(this.scene, { targets: chip, scale: 1.3, duration: 220, yoyo: true, repeat: 1, ease: 'Quad.easeOut', onComplete: () => chip.setScale(1) });
  }

  destroy(): void {
    this.hideTimer?.remove(false);
    this.scene.tweens.killTweensOf([this.edge, this.light]);
    this.edge.destroy();
    this.light.destroy();
  }
}
