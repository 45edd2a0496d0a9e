/**
 * The responders as people in the room: a figure each (a white silhouette generated here in code and tinted by what
 * they are doing), their name and role badge, and a caption with their state: paged (the pager wiggles), joining
 * (walking in, with an arrival countdown), working (at a laptop, with a progress bar to the expected end) or free.
 *
 * Their state comes from `characterStates` (character-state.ts, pure and tested); this file only draws it. A figure
 * changes its look only when its state's key changes; the countdown text and the progress bar's scale move on their
 * own, and walking, arriving and the pager's wiggle are tweens, so nothing is redrawn each frame.
 */
import type { LiveView, SeatView } from '../../engine/index';
import type { GameObjects as PhaserObjects, Scene, Tweens } from 'phaser';
import { characterStates, figureKey, rememberStarts, type CharacterActivity, type CharacterState, type StartsSeen } from './character-state';
import { lineHeight, measureFor, phaserTextStyle, type TextBox, type TextStyle } from './card';
import { slideIn, tween } from './motion';
import { PAGER_TEXTURE } from './pager-icon';
import { PALETTE } from './palette';
import { ellipsize, fitFirst } from './text-fit';

export const FIGURE_TEXTURE = 'firedrill-figure';
export const LAPTOP_TEXTURE = 'firedrill-laptop';

const NAME: TextStyle = { size: 11 };
const CAPTION: TextStyle = { size: 10, bold: true };
const BADGE: TextStyle = { size: 9, bold: true };
/** The badge's padding (it has a background), left and right. */
const BADGE_PAD = 3;
/** Where the figure's name starts, below the figure (32 pixels tall). */
const NAME_TOP = 33;
/** The progress bar's height, and the most a slot is tall (the responders card's rows are this far apart). */
const BAR = 3;
const SLOT_HEIGHT = 62;

const TINT: Record<CharacterActivity, number> = { paged: PALETTE.bad, joining: PALETTE.warn, working: PALETTE.line, idle: PALETTE.ok, off: 0x5b6478 };

/**
 * Where the i-th responder stands, in game coordinates: a column `width` wide, with the figure at the top (`avatar`
 * is its centre) and two lines of text below it, 62 pixels in all: the responders card's `responderSlot`.
 */
export interface Slot {
  x: number;
  y: number;
  width: number;
  avatar: { x: number; y: number };
}
/** Draws the figure and laptop textures once per game (white, so a tint colours them). */
export function ensureFigureTextures(scene: Scene): void {
  if (!scene.textures.exists(FIGURE_TEXTURE)) {
    const g = scene.make.graphics({}, false);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(12, 7, 6.5);
    g.fillRoundedRect(2, 15, 20, 17, { tl: 9, tr: 9, bl: 2, br: 2 });
    g.generateTexture(FIGURE_TEXTURE, 24, 32);
    g.destroy();
  }
  if (!scene.textures.exists(LAPTOP_TEXTURE)) {
    const g = scene.make.graphics({}, false);
    g.fillStyle(0xffffff, 1);
    g.fillRoundedRect(2, 0, 12, 8, 1);
    g.fillRect(0, 9, 16, 2);
    g.generateTexture(LAPTOP_TEXTURE, 16, 11);
    g.destroy();
  }
}

class ResponderFigure {
  readonly container: PhaserObjects.Container;
  private readonly body: PhaserObjects.Image;
  private readonly laptop: PhaserObjects.Image;
  private readonly pager: PhaserObjects.Image;
  private readonly name: PhaserObjects.Text;
  private readonly badge: PhaserObjects.Text;
  private readonly caption: PhaserObjects.Text;
  private readonly track: PhaserObjects.Rectangle;
  private readonly fill: PhaserObjects.Rectangle;
  private key = '';
  private activity: CharacterActivity | null = null;
  private loops: Tweens.Tween[] = [];
  private readonly restY: number;
  /** The badge's widest text: from its left edge to the slot's right, less its padding. */
  private readonly badgeRoom: number;

  constructor(
    private readonly scene: Scene,
    private readonly width: number,
    avatar: { x: number; y: number },
  ) {
    // Container coordinates: (0, 0) is the slot's top-left corner. The name and the caption are stacked by their
    // measured line heights, the progress bar under them, all within the slot.
    this.body = scene.add.image(avatar.x, avatar.y, FIGURE_TEXTURE);
    this.laptop = scene.add.image(avatar.x + 17, avatar.y + 10, LAPTOP_TEXTURE).setTint(0xc7d2fe).setVisible(false);
    this.pager = scene.add.image(avatar.x + 17, avatar.y + 6, PAGER_TEXTURE).setScale(0.26).setVisible(false);
    this.badge = scene.add.text(avatar.x + 11, avatar.y - 16, '', phaserTextStyle({ ...BADGE, color: '#0f1420', background: PALETTE.accentText }, { padding: { x: BADGE_PAD, y: 1 } }));
    this.name = scene.add.text(0, NAME_TOP, '', phaserTextStyle(NAME));
    const captionTop = NAME_TOP + lineHeight(NAME);
    this.caption = scene.add.text(0, captionTop, '', phaserTextStyle({ ...CAPTION, color: PALETTE.muted }));
    const barTop = Math.min(SLOT_HEIGHT - BAR, captionTop + lineHeight(CAPTION));
    this.track = scene.add.rectangle(0, barTop, width - 8, BAR, PALETTE.panelEdge).setOrigin(0, 0).setVisible(false);
    this.fill = scene.add.rectangle(0, barTop, width - 8, BAR, PALETTE.line).setOrigin(0, 0).setVisible(false);
    this.container = scene.add.container(0, 0, [this.body, this.laptop, this.pager, this.track, this.fill, this.name, this.badge, this.caption]);
    this.restY = avatar.y;
    this.badgeRoom = width - (avatar.x + 11) - 2 - 2 * BADGE_PAD;
  }

  /** Returns whether anything it shows changed (the canvas is drawn again only then). */
  update(state: CharacterState): boolean {
    const key = figureKey(state);
    const previous = this.activity;
    let changed = false;
    if (key !== this.key) {
      changed = true;
      this.key = key;
      this.activity = state.activity;
      this.body.setTint(TINT[state.activity]);
      const names = state.you ? [`${state.firstName} (you)`, state.firstName] : [state.firstName];
      this.name.setText(fitFirst(names, this.width - 4, measureFor(NAME)));
      const badges = state.badges.length > 1 ? [state.badges.join(' '), `${state.badges[0]}+${state.badges.length - 1}`] : state.badges;
      this.badge.setText(badges.length > 0 ? fitFirst(badges, this.badgeRoom, measureFor(BADGE)) : '').setVisible(state.badges.length > 0);
      this.caption.setColor(state.activity === 'paged' ? PALETTE.badText : state.activity === 'joining' ? PALETTE.warnText : PALETTE.muted);
      this.laptop.setVisible(state.activity === 'working');
      this.pager.setVisible(state.activity === 'paged' || state.activity === 'joining');
      this.track.setVisible(state.activity === 'working');
      this.fill.setVisible(state.activity === 'working');
      this.container.setAlpha(state.activity === 'joining' || state.activity === 'off' ? 0.6 : 1);
      if (state.activity !== previous) this.animate(state.activity, previous);
    }
    // What moves with the clock: set only when it changed, so an unchanged Text is never re-rendered.
    const caption = ellipsize(state.short, this.width - 4, measureFor(CAPTION));
    if (this.caption.text !== caption) {
      this.caption.setText(caption);
      changed = true;
    }
    const progress = state.work?.progress ?? 0;
    const scale = Math.round(progress * 100) / 100;
    if (this.fill.scaleX !== scale) {
      this.fill.setScale(scale, 1);
      changed = true;
    }
    return changed;
  }

  /** Its texts shown now, in game coordinates, keyed by the responder. */
  textBoxes(id: string): TextBox[] {
    const boxes: TextBox[] = [];
    for (const [key, text] of [['name', this.name], ['badge', this.badge], ['caption', this.caption]] as const) {
      if (!text.visible || text.text === '') continue;
      const b = text.getBounds();
      boxes.push({ key: `responders/person:${id}:${key}`, card: 'responders', text: text.text, x: b.x, y: b.y, width: b.width, height: b.height });
    }
    return boxes;
  }

  /** Walking in, arriving, a ringing pager: tweens on the figure's parts, none under reduced motion. */
  private animate(activity: CharacterActivity, previous: CharacterActivity | null): void {
    for (const t of this.loops) t.stop();
    this.loops = [];
    this.scene.tweens.killTweensOf([this.body, this.pager]);
    this.body.setY(this.restY);
    this.pager.setAngle(0);
    if (activity === 'joining') {
      const walk = tween(this.scene, { targets: this.body, y: this.restY - 2, duration: 260, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
      if (walk) this.loops.push(walk);
    }
    if (activity === 'paged') {
      const wiggle = tween(this.scene, { targets: this.pager, angle: { from: -18, to: 18 }, duration: 80, yoyo: true, repeat: 3, loop: -1, loopDelay: 800 });
      if (wiggle) this.loops.push(wiggle);
    }
    // Someone who was on the way walks in; anyone else new to the room fades in where they stand.
    if (previous === 'joining' && (activity === 'idle' || activity === 'working')) slideIn(this.scene, this.container, { dx: 28, duration: 420 });
  }

  destroy(): void {
    for (const t of this.loops) t.stop();
    this.scene.tweens.killTweensOf([this.container, this.body, this.pager]);
    this.container.destroy();
  }
}

/**
 * Everyone in the room (and on the way), each in a slot of the responders card. Call `update` on each redraw;
 * figures are made when someone first appears and kept, so an update touches only what changed.
 */
export class ResponderRoom {
  private readonly figures = new Map<string, ResponderFigure>();
  private readonly more: PhaserObjects.Text;
  private starts: StartsSeen = new Map();
  private seen = false;
  private last: CharacterState[] = [];

  /** `slot(i)` places the i-th responder; `capacity` is how many slots the card has. */
  constructor(
    private readonly scene: Scene,
    private readonly slot: (i: number) => Slot,
    private readonly capacity: number,
  ) {
    ensureFigureTextures(scene);
    this.more = scene.add.text(0, 0, '', phaserTextStyle({ ...NAME, color: PALETTE.muted }));
  }

  /** The states drawn last, for the test hook. */
  get states(): readonly CharacterState[] {
    return this.last;
  }

  /** Returns whether anything shown changed. */
  update(view: Pick<SeatView, 'responders' | 'actions' | 'page' | 'seat'>, live: Pick<LiveView, 'now'>): boolean {
    let changed = false;
    this.starts = rememberStarts(this.starts, view, live.now);
    const states = characterStates(view, live, this.starts);
    this.last = states;
    const shown = states.length > this.capacity ? states.slice(0, this.capacity - 1) : states;
    const ids = new Set(shown.map((s) => s.id));
    for (const [id, figure] of this.figures) {
      if (!ids.has(id)) {
        figure.destroy();
        this.figures.delete(id);
        changed = true;
      }
    }
    shown.forEach((state, i) => {
      const slot = this.slot(i);
      let figure = this.figures.get(state.id);
      if (!figure) {
        figure = new ResponderFigure(this.scene, slot.width, { x: slot.avatar.x - slot.x, y: slot.avatar.y - slot.y });
        this.figures.set(state.id, figure);
        figure.container.setPosition(slot.x, slot.y);
        figure.update(state);
        changed = true;
        // Appearing after the room opened (newly paged): a short fade in. Those there from the start just are.
        if (this.seen) slideIn(this.scene, figure.container, { dx: 0, duration: 300 });
        return;
      }
      if (figure.container.x !== slot.x || figure.container.y !== slot.y) {
        // Only a re-layout moves a figure (someone left the list): no tween may fight it.
        this.scene.tweens.killTweensOf(figure.container);
        figure.container.setPosition(slot.x, slot.y).setAlpha(state.activity === 'joining' || state.activity === 'off' ? 0.6 : 1);
        changed = true;
      }
      if (figure.update(state)) changed = true;
    });
    const hidden = states.length - shown.length;
    const slot = this.slot(shown.length);
    const more = hidden > 0 ? fitFirst([`+${hidden} more`, `+${hidden}`], slot.width - 6, measureFor(NAME)) : '';
    if (this.more.text !== more) {
      this.more.setText(more).setPosition(slot.x, slot.y + 10);
      changed = true;
    }
    this.seen = true;
    return changed;
  }

  /** The figures' names, badges and captions, and the "+N more", as the test hook reports them. */
  textBoxes(): TextBox[] {
    const boxes = [...this.figures].flatMap(([id, figure]) => figure.textBoxes(id));
    if (this.more.text !== '') {
      const b = this.more.getBounds();
      boxes.push({ key: 'responders/more', card: 'responders', text: this.more.text, x: b.x, y: b.y, width: b.width, height: b.height });
    }
    return boxes;
  }

  destroy(): void {
    for (const figure of this.figures.values()) figure.destroy();
    this.figures.clear();
    this.more.destroy();
  }
}
