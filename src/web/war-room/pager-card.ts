/**
 * The pager: the page's title and context, whether it is acknowledged, and a click on the card acknowledges it. Its
 * edge is steady: the ringing (a pulsing halo and a shaking icon, or a still halo under reduced motion) is
 * PagerRing's (pager-ring.ts), which moves the `icon` this card exposes.
 */
import type { GameObjects, Scene } from 'phaser';
import { formatMinute } from '../../engine/names';
import { CardSurface, measureFor, paintPanel, PAD, PaintedTexts, type Card, type TextBox, type TextStyle, type WarRoomFrame } from './card';
import { PAGER } from './layout';
import { PALETTE } from './palette';
import { PAGER_TEXTURE } from './pager-icon';
import { ellipsize, wrapLines } from './text-fit';

const STATE: TextStyle = { size: 11, bold: true };
const TITLE: TextStyle = { size: 15, bold: true };
const CONTEXT: TextStyle = { size: 12, color: PALETTE.muted };
/** Left of the text: the pager icon. */
const TEXT_LEFT = 74;

export class PagerCard implements Card {
  readonly id = 'pager';
  readonly bounds = PAGER;
  private readonly texts: PaintedTexts;
  private readonly surface: CardSurface;
  /** The pager icon, for the ringing. */
  readonly icon: GameObjects.Image;
  private shown = '';

  constructor(scene: Scene, acknowledge: () => void) {
    const { x, y, width, height } = this.bounds;
    this.surface = new CardSurface(scene, 'card:pager', this.bounds);
    this.icon = scene.add.image(x + 34, y + height / 2, PAGER_TEXTURE);
    // The whole pager card answers a click, as its label promises.
    scene.add
      .rectangle(x + width / 2, y + height / 2, width, height, 0x000000, 0)
      .setInteractive({ useHandCursor: true })
      .on('pointerdown', acknowledge);
    this.texts = new PaintedTexts(this.id);
  }

  update({ view }: WarRoomFrame): boolean {
    const acked = view.page.acknowledgedAt !== null;
    const edge = acked ? PALETTE.panelEdge : PALETTE.accent;
    const state = acked ? `ACKNOWLEDGED ${formatMinute(view.page.acknowledgedAt!)}` : view.available.includes('acknowledge') ? 'PAGE · press A or click' : 'PAGE · not acknowledged';
    const key = `${edge}|${state}|${view.page.title}|${view.page.context}`;
    if (key === this.shown) return false;
    this.shown = key;
    const { x, y, width, height } = this.bounds;
    const left = x + TEXT_LEFT;
    const room = x + width - PAD - left;
    const bottom = y + height - 8;
    const t = this.texts;
    t.begin();
    let top = y + 8;
    top += t.place('state', left, top, ellipsize(state, room, measureFor(STATE)), { ...STATE, color: acked ? PALETTE.okText : PALETTE.badText }).height + 2;
    // The title keeps two lines at most; the context gets the lines left below it.
    const title = t.place('title', left, top, wrapLines(view.page.title, room, 2, measureFor(TITLE)).join('\n'), TITLE);
    top += title.height + 2;
    const contextLine = t.lineHeight(CONTEXT);
    const lines = Math.max(0, Math.floor((bottom - top) / contextLine));
    t.place('context', left, top, wrapLines(view.page.context, room, lines, measureFor(CONTEXT)).join('\n'), CONTEXT);
    // Texts painted with the panel: they change when the page does, with the edge.
    this.surface.paint((context, w, h) => {
      paintPanel(context, w, h, { color: edge, width: 2 });
      t.paint(context, this.bounds);
    });
    return true;
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}
