/**
 * Responders: the card's panel and title, and its slots, four to a row. The people in it are the room's life's
 * figures (responder-figure.ts), placed by `responderSlot`: a figure for each, their name, role badge and what they
 * are doing, and a progress bar while they work.
 */
import type { Scene } from 'phaser';
import { CardSurface, measureFor, paintPanel, PAD, PaintedTexts, type Card, type Rect, type TextBox, type TextStyle } from './card';
import { RESPONDERS } from './layout';
import { PALETTE } from './palette';
import { ellipsize } from './text-fit';

const TITLE: TextStyle = { size: 12, color: PALETTE.muted, bold: true };
const COLUMNS = 4;
const ROWS = 2;
/** Half the figure's width and height (a 24×32 figure), and the room left of it. */
const FIGURE = { halfWidth: 12, halfHeight: 16, left: 6 };

/** How many people the card has places for (one more than fit is shown as "+N more" in the last). */
export const RESPONDER_SLOTS = COLUMNS * ROWS;

/**
 * The place of the i-th responder shown, in game coordinates: a column of the card, 62 pixels tall, with the figure
 * at the top (`avatar` is its centre) and two lines of text and a progress bar below.
 */
export function responderSlot(i: number, card: Rect = RESPONDERS): { x: number; y: number; width: number; avatar: { x: number; y: number } } {
  const width = (card.width - 2 * PAD) / COLUMNS;
  const x = card.x + PAD + (i % COLUMNS) * width;
  const y = card.y + 28 + Math.floor(i / COLUMNS) * 62;
  return { x, y, width, avatar: { x: x + FIGURE.left + FIGURE.halfWidth, y: y + FIGURE.halfHeight } };
}

export class RespondersCard implements Card {
  readonly id = 'responders';
  readonly bounds = RESPONDERS;
  private readonly texts = new PaintedTexts(this.id);
  private readonly surface: CardSurface;
  private drawn = false;

  constructor(scene: Scene) {
    this.surface = new CardSurface(scene, 'card:responders', this.bounds);
  }

  update(): boolean {
    if (this.drawn) return false;
    this.drawn = true;
    const { x, y, width } = this.bounds;
    this.texts.begin();
    this.texts.place('title', x + PAD, y + 8, ellipsize('RESPONDERS', width - 2 * PAD, measureFor(TITLE)), TITLE);
    this.surface.paint((context, w, h) => {
      paintPanel(context, w, h);
      this.texts.paint(context, this.bounds);
    });
    return true;
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}
