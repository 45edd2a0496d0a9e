/** Responders: who is present, on the way or busy, with their role badges, four to a row. */
import type { Scene } from 'phaser';
import { formatMinute, type SeatView } from '../../engine/index';
import { CardSurface, CardTexts, css, measureFor, paintPanel, PAD, type Card, type TextBox, type Rect, type TextStyle, type WarRoomFrame } from './card';
import { RESPONDERS } from './layout';
import { PALETTE } from './palette';
import { ellipsize, fitFirst } from './text-fit';

const TITLE: TextStyle = { size: 12, color: PALETTE.muted, bold: true };
const INITIALS: TextStyle = { size: 13, bold: true, color: '#0f1420' };
const NAME: TextStyle = { size: 11 };
const BADGE: TextStyle = { size: 10, bold: true };
const ROLE_BADGES: Record<string, string> = { commander: 'IC', communications: 'COMMS', operations: 'OPS', scribe: 'SCRIBE' };
const COLUMNS = 4;
const ROWS = 2;
const RADIUS = 16;

type Responder = SeatView['responders'][number];

/**
 * The place of the i-th responder shown, in game coordinates: a column of the card with the avatar at the top
 * (`avatar` is its centre) and two lines of text below. Whatever draws a responder (a circle today) fits in it.
 */
export function responderSlot(i: number, card: Rect = RESPONDERS): { x: number; y: number; width: number; avatar: { x: number; y: number } } {
  const width = (card.width - 2 * PAD) / COLUMNS;
  const x = card.x + PAD + (i % COLUMNS) * width;
  const y = card.y + 28 + Math.floor(i / COLUMNS) * 62;
  return { x, y, width, avatar: { x: x + RADIUS + 2, y: y + RADIUS } };
}

export class RespondersCard implements Card {
  readonly id = 'responders';
  readonly bounds = RESPONDERS;
  private readonly texts: CardTexts;
  private readonly surface: CardSurface;
  private shown = '';

  constructor(scene: Scene) {
    this.surface = new CardSurface(scene, 'card:responders', this.bounds);
    this.texts = new CardTexts(scene, this.id);
  }

  update({ view }: WarRoomFrame): boolean {
    const people = view.responders.filter((r) => r.status !== 'not-paged');
    const key = JSON.stringify(people.map((r) => [r.name, r.status, r.joinsAt, r.busyWith !== null, r.roles]));
    if (key === this.shown) return false;
    this.shown = key;
    const shown = people.length > COLUMNS * ROWS ? people.slice(0, COLUMNS * ROWS - 1) : people;
    const more = people.length - shown.length;
    this.paint(shown);
    const { x, y, width } = this.bounds;
    const t = this.texts;
    t.begin();
    t.place('title', x + PAD, y + 8, ellipsize('RESPONDERS', width - 2 * PAD, measureFor(TITLE)), TITLE);
    shown.forEach((r, i) => {
      const slot = responderSlot(i);
      const room = slot.width - 6;
      t.place(`person${i}:initials`, slot.avatar.x, slot.avatar.y, initials(r.name), INITIALS, { x: 0.5, y: 0.5 });
      t.place(`person${i}:name`, slot.x, slot.y + 34, fitFirst([r.name, r.name.split(' ')[0] ?? r.name], room, measureFor(NAME)), NAME);
      const [badges, colour] = badge(r);
      t.place(`person${i}:badge`, slot.x, slot.y + 48, fitFirst(badges, room, measureFor(BADGE)), { ...BADGE, color: colour });
    });
    if (more > 0) {
      const slot = responderSlot(shown.length);
      t.place('more', slot.x, slot.y + 10, fitFirst([`+${more} more`, `+${more}`], slot.width - 6, measureFor(NAME)), { ...NAME, color: PALETTE.muted });
    }
    t.end();
    return true;
  }

  private paint(people: Responder[]): void {
    this.surface.paint((context, width, height) => {
      paintPanel(context, width, height);
      people.forEach((r, i) => {
        const { avatar } = responderSlot(i);
        const colour = r.status === 'on-the-way' ? PALETTE.warn : r.busyWith ? PALETTE.line : PALETTE.ok;
        context.fillStyle = css(colour, r.status === 'present' ? 1 : 0.35);
        context.beginPath();
        context.arc(avatar.x - this.bounds.x, avatar.y - this.bounds.y, RADIUS, 0, Math.PI * 2);
        context.fill();
      });
    });
  }

  textBoxes(): TextBox[] {
    return this.texts.boxes();
  }
}

/** The line under a name, longest form first, and its colour. */
function badge(r: Responder): [string[], string] {
  if (r.roles.length > 0) {
    const roles = r.roles.map((role) => ROLE_BADGES[role] ?? role);
    return [roles.length > 1 ? [roles.join(' '), `${roles[0]} +${roles.length - 1}`] : roles, PALETTE.accentText];
  }
  if (r.status === 'on-the-way') {
    const at = r.joinsAt === null ? '' : formatMinute(r.joinsAt);
    return [at ? [`joins ${at}`, at] : ['joining'], PALETTE.muted];
  }
  return [[r.busyWith ? 'busy' : ''], PALETTE.muted];
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}
