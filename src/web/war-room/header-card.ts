/** The header: game clock, phase, severity and speed, on one line across the top. */
import type { GameObjects, Scene } from 'phaser';
import { formatMinute } from '../../engine/names';
import { CardTexts, GAP, measureFor, type Card, type TextBox, type TextStyle, type WarRoomFrame } from './card';
import { HEADER } from './layout';
import { PALETTE } from './palette';
import { ellipsize } from './text-fit';

const CLOCK: TextStyle = { size: 26, bold: true };
const LABEL: TextStyle = { size: 14, color: PALETTE.muted, bold: true };
const BADGE: TextStyle = { size: 16, bold: true };

export class HeaderCard implements Card {
  readonly id = 'header';
  readonly bounds = HEADER;
  private readonly texts: CardTexts;
  private shown = '';

  constructor(scene: Scene) {
    this.texts = new CardTexts(scene, this.id);
  }

  update({ view, live, status }: WarRoomFrame): boolean {
    const clock = formatMinute(live.now);
    const speed = status.paused ? 'PAUSED' : `${status.speed}×`;
    const severity = view.severity ?? 'SEV ?';
    const key = `${clock}|${view.phaseLabel}|${speed}|${severity}`;
    if (key === this.shown) return false;
    this.shown = key;
    const { x, y, width, height } = this.bounds;
    const middle = y + height / 2;
    const t = this.texts;
    t.begin();
    const right = x + width - 6;
    const speedText = t.place('speed', right, middle, speed, { ...BADGE, color: status.paused ? PALETTE.warnText : PALETTE.muted }, { x: 1, y: 0.5 });
    const severityRight = right - speedText.width - 2 * GAP;
    const severityText = t.place('severity', severityRight, middle, severity, { ...BADGE, color: view.severity ? PALETTE.accentText : PALETTE.muted }, { x: 1, y: 0.5 });
    const clockText = t.place('clock', x + 6, middle, clock, CLOCK, { y: 0.5 });
    // The phase gets what is left between the clock and the severity.
    const phaseLeft = x + 6 + clockText.width + 2 * GAP;
    const room = severityRight - severityText.width - 2 * GAP - phaseLeft;
    t.place('phase', phaseLeft, middle, ellipsize(view.phaseLabel.toUpperCase(), room, measureFor(LABEL)), LABEL, { y: 0.5 });
    t.end();
    return true;
  }

  /** The severity chip (the room's life pulses it when the severity changes or the impact grows). */
  get severity(): GameObjects.Text | null {
    return this.texts.get('severity') ?? null;
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}
