/**
 * Messages and alerts arriving: a card slides in over the dashboards with who sent it and what they said, stays a
 * few seconds and fades; the ribbon's newest line gets a highlight that sweeps in behind it. With reduced motion the
 * card simply appears and goes, and the highlight stays still until the next line. Made once; only tweened.
 */
import type { GameObjects, Scene, Time } from 'phaser';
import { later, reducedMotion, slideIn, tween } from './motion';
import { measureFor, phaserTextStyle, type Rect, type TextBox, type TextStyle } from './card';
import { PALETTE } from './palette';
import { ellipsize, wrapLines } from './text-fit';

/** How long an arrival card stays (real milliseconds). */
export const CARD_MS = 4500;
const HEIGHT = 64;
const TITLE: TextStyle = { size: 11, bold: true, color: PALETTE.accentText };
const BODY: TextStyle = { size: 12 };
/** The texts' left and right margin inside the card. */
const INSET = 12;

export class ArrivalCard {
  private readonly card: GameObjects.Container;
  private readonly title: GameObjects.Text;
  private readonly body: GameObjects.Text;
  private readonly edge: GameObjects.Rectangle;
  private timer: Time.TimerEvent | null = null;

  /** `x`, `y`: the card's top-left corner when shown; `width` its width. */
  constructor(
    private readonly scene: Scene,
    private readonly at: { x: number; y: number; width: number },
  ) {
    const back = scene.add.rectangle(0, 0, at.width, HEIGHT, PALETTE.panelEdge, 0.96).setOrigin(0, 0);
    this.edge = scene.add.rectangle(0, 0, 4, HEIGHT, PALETTE.accent).setOrigin(0, 0);
    this.title = scene.add.text(INSET, 8, '', phaserTextStyle(TITLE));
    this.body = scene.add.text(INSET, 24, '', phaserTextStyle(BODY));
    this.card = scene.add.container(at.x, at.y, [back, this.edge, this.title, this.body]).setDepth(800).setVisible(false);
  }

  get showing(): boolean {
    return this.card.visible;
  }

  show(title: string, text: string, tone: 'message' | 'alarm' = 'message'): void {
    this.timer?.remove(false);
    this.scene.tweens.killTweensOf(this.card);
    // Fitted by measured width: one line of title, two of text, an ellipsis where it is cut.
    const room = this.at.width - 2 * INSET;
    this.title.setText(ellipsize(title.toUpperCase(), room, measureFor(TITLE))).setColor(tone === 'alarm' ? PALETTE.badText : PALETTE.accentText);
    this.edge.setFillStyle(tone === 'alarm' ? PALETTE.bad : PALETTE.accent);
    this.body.setText(wrapLines(text, room, 2, measureFor(BODY)).join('\n'));
    this.card.setPosition(this.at.x, this.at.y).setAlpha(1).setVisible(true);
    // From the right edge, as a notification would.
    slideIn(this.scene, this.card, { dx: -40, duration: 360 });
    this.timer = later(this.scene, CARD_MS, () => this.hide());
  }

  /** Where the card is now (it slides), in game coordinates. */
  get bounds(): Rect {
    return { x: this.card.x, y: this.card.y, width: this.at.width, height: HEIGHT };
  }

  /** Its texts while it shows, as the test hook reports them: the card `arrival`, drawn over the others. */
  textBoxes(): TextBox[] {
    if (!this.card.visible) return [];
    const boxes: TextBox[] = [];
    for (const [key, text] of [['title', this.title], ['body', this.body]] as const) {
      if (text.text === '') continue;
      const b = text.getBounds();
      boxes.push({ key: `arrival/${key}`, card: 'arrival', text: text.text, x: b.x, y: b.y, width: b.width, height: b.height });
    }
    return boxes;
  }

  private hide(): void {
    if (reducedMotion()) {
      this.card.setVisible(false);
      return;
    }
    const fade = tween(this.scene, { targets: this.card, alpha: 0, duration: 400, onComplete: () => this.card.setVisible(false) });
    if (!fade) this.card.setVisible(false);
  }

  destroy(): void {
    this.timer?.remove(false);
    this.scene.tweens.killTweensOf(this.card);
    this.card.destroy();
  }
}

/** A highlight behind the ribbon's newest line, sweeping in when a line arrives. */
export class RibbonFlash {
  private readonly bar: GameObjects.Rectangle;

  constructor(
    private readonly scene: Scene,
    private readonly area: { x: number; width: number; height: number },
  ) {
    this.bar = scene.add.rectangle(area.x, 0, area.width, area.height, PALETTE.accent, 0.22).setOrigin(0, 0).setVisible(false);
  }

  /** Puts the highlight under the line at `y`; `escalation` colours it as an alarm. */
  flash(y: number, escalation: boolean): void {
    this.scene.tweens.killTweensOf(this.bar);
    this.bar.setFillStyle(escalation ? PALETTE.bad : PALETTE.accent, 0.22).setPosition(this.area.x, y).setScale(1).setAlpha(1).setVisible(true);
    if (reducedMotion()) return;
    this.bar.setScale(0, 1);
    tween(this.scene, { targets: this.bar, scaleX: 1, duration: 280, ease: 'Cubic.easeOut' });
    tween(this.scene, { targets: this.bar, alpha: 0, delay: 1800, duration: 900, onComplete: () => this.bar.setVisible(false) });
  }

  /** Sent below the ribbon's text, so the line stays readable over it. */
  get object(): GameObjects.Rectangle {
    return this.bar;
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.bar);
    this.bar.destroy();
  }
}
