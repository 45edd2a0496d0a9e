/** Deadlines: each open deadline's label and the game time left, soonest first. */
import type { Scene } from 'phaser';
import { CardSurface, GAP, measureFor, paintPanel, PAD, PaintedTexts, type Card, type TextBox, type TextStyle, type WarRoomFrame } from './card';
import { DEADLINES } from './layout';
import { PALETTE } from './palette';
import { ellipsize } from './text-fit';
import { formatCountdown } from './character-state';

const TITLE: TextStyle = { size: 12, color: PALETTE.muted, bold: true };
const LABEL: TextStyle = { size: 12 };
const TIME: TextStyle = { size: 14, bold: true };
const ROW = 29;
const FIRST_ROW = 30;
/** Rows that fit below the title; with more deadlines the last row says how many more there are. */
const ROWS = 5;
/** Room kept for the countdown, whatever its digits, so labels do not jump as it counts down. */
const WIDEST_TIME = '00m 00s';

export class DeadlinesCard implements Card {
  readonly id = 'deadlines';
  readonly bounds = DEADLINES;
  /** Painted with the panel: the countdowns change often, and one texture costs less than a dozen. */
  private readonly texts = new PaintedTexts(this.id);
  private readonly surface: CardSurface;
  private shown = '';

  constructor(scene: Scene) {
    this.surface = new CardSurface(scene, 'card:deadlines', this.bounds);
  }

  update({ live }: WarRoomFrame): boolean {
    const all = live.deadlines;
    const shown = all.length > ROWS ? all.slice(0, ROWS - 1) : all;
    const rows = shown.map((d) => ({ label: d.label, time: d.remaining < 0 ? 'due now' : formatCountdown(d.remaining), urgent: d.remaining < 3 }));
    const more = all.length - shown.length;
    const key = JSON.stringify([rows, more]);
    if (key === this.shown) return false;
    this.shown = key;
    const { x, y, width } = this.bounds;
    const left = x + PAD;
    const right = x + width - PAD;
    const t = this.texts;
    t.begin();
    t.place('title', left, y + 8, ellipsize('DEADLINES (GAME TIME)', right - left, measureFor(TITLE)), TITLE);
    const reserve = measureFor(TIME)(WIDEST_TIME);
    rows.forEach((row, i) => {
      const top = y + FIRST_ROW + i * ROW;
      const time = t.place(`deadline${i}:time`, right, top, row.time, { ...TIME, color: row.urgent ? PALETTE.badText : PALETTE.okText }, { x: 1 });
      // The label gets the card's width less the countdown's and a gap: it never runs into the countdown.
      const room = right - left - Math.max(reserve, time.width) - GAP;
      t.place(`deadline${i}:label`, left, top + 1, ellipsize(row.label, room, measureFor(LABEL)), LABEL);
    });
    if (more > 0) t.place('more', left, y + FIRST_ROW + rows.length * ROW + 1, ellipsize(`+ ${more} more`, right - left, measureFor(LABEL)), { ...LABEL, color: PALETTE.muted });
    if (rows.length === 0) t.place('none', left, y + FIRST_ROW + 1, 'Nothing due.', { ...LABEL, color: PALETTE.muted });
    this.surface.paint((context, w, h) => {
      paintPanel(context, w, h);
      t.paint(context, this.bounds);
    });
    return true;
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}
