/** The ribbon: the last few lines of the timeline, newest last, each cut to the card's width. */
import type { Scene } from 'phaser';
import { formatMinute } from '../../engine/names';
import { CardSurface, CardTexts, measureFor, paintPanel, PAD, type Card, type TextBox, type TextStyle, type WarRoomFrame } from './card';
import { RIBBON } from './layout';
import { PALETTE } from './palette';
import { ellipsize } from './text-fit';

const LINE: TextStyle = { size: 12 };
const LINES = 3;
/** Space above the first line and below the last. */
const TOP = 4;
const BOTTOM = 3;

export class RibbonCard implements Card {
  readonly id = 'ribbon';
  readonly bounds = RIBBON;
  private readonly texts: CardTexts;
  private shown = -1;

  constructor(scene: Scene) {
    new CardSurface(scene, 'card:ribbon', this.bounds).paint(paintPanel);
    this.texts = new CardTexts(scene, this.id);
  }

  /** Where lines go (the room's life highlights the newest as it arrives): the height of one, and how many fit. */
  get lineHeight(): number {
    return this.texts.lineHeight(LINE);
  }

  get lineCount(): number {
    return Math.min(LINES, Math.floor((this.bounds.height - TOP - BOTTOM) / this.lineHeight));
  }

  /** The top of the i-th line shown (0 is the oldest shown). */
  lineTop(index: number): number {
    return this.bounds.y + TOP + index * this.lineHeight;
  }

  update({ view }: WarRoomFrame): boolean {
    const newest = view.timeline[view.timeline.length - 1]?.seq ?? 0;
    if (newest === this.shown) return false;
    this.shown = newest;
    const { x, y, width, height } = this.bounds;
    const recent = view.timeline.slice(-LINES);
    const t = this.texts;
    t.begin();
    // Lines stack by their measured height, and only as many as fit are shown (the newest always).
    let top = y + TOP;
    const bottom = y + height - BOTTOM;
    const lineHeight = t.lineHeight(LINE);
    const fit = Math.min(recent.length, Math.floor((bottom - top) / lineHeight));
    recent.slice(recent.length - fit).forEach((line, i, shown) => {
      const text = ellipsize(`${formatMinute(line.at)}  ${line.text.replace(/\s+/g, ' ')}`, width - 2 * PAD, measureFor(LINE));
      t.place(`line${i}`, x + PAD, top, text, { ...LINE, color: i === shown.length - 1 ? PALETTE.text : PALETTE.muted });
      top += lineHeight;
    });
    t.end();
    return true;
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}
