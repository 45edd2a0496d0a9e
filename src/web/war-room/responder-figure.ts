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
import { slideIn, tween } from './motion';
import { FONT, PALETTE } from './palette';

export const FIGURE_TEXTURE = 'firedrill-figure';
export const LAPTOP_TEXTURE = 'firedrill-laptop';

const TINT: Record<CharacterActivity, number> = { paged: PALETTE.bad, joining: PALETTE.warn, working: PALETTE.line, idle: PALETTE.ok, off: 0x5b6478 };

/**
 * Where the i-th responder stands, in game coordinates: a column `width` wide, with the figure at the top (`avatar`
 * is its centre) and two lines of text below it, 62 pixels in all. The same shape as the responders card's slots.
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

  constructor(
    private readonly scene: Scene,
    private readonly width: number,
    avatar: { x: number; y: number },
  ) {
    // Container coordinates: (0, 0) is the slot's top-left corner.
    this.body = scene.add.image(avatar.x, avatar.y, FIGURE_TEXTURE);
    this.laptop = scene.add.image(avatar.x + 17, avatar.y + 10, LAPTOP_TEXTURE).setTint(0xc7d2fe).setVisible(false);
    this.pager = scene.add.image(avatar.x + 17, avatar.y + 6, 'pager').setScale(0.26).setVisible(false);
    this.badge = scene.add.text(avatar.x + 11, avatar.y - 16, '', { fontFamily: FONT, fontSize: '9px', color: '#0f1420', fontStyle: 'bold', backgroundColor: PALETTE.accentText, padding: { x: 3, y: 1 } });
    this.name = scene.add.text(0, 34, '', { fontFamily: FONT, fontSize: '11px', color: PALETTE.text });
    this.caption = scene.add.text(0, 47, '', { fontFamily: FONT, fontSize: '10px', color: PALETTE.muted, fontStyle: 'bold' });
    this.track = scene.add.rectangle(0, 60, width - 8, 3, PALETTE.panelEdge).setOrigin(0, 0).setVisible(false);
    this.fill = scene.add.rectangle(0, 60, width - 8, 3, PALETTE.line).setOrigin(0, 0).setVisible(false);
    this.container = scene.add.container(0, 0, [this.body, this.laptop, this.pager, this.track, this.fill, this.name, this.badge, this.caption]);
    this.restY = avatar.y;
  }

  update(state: CharacterState): void {
    const key = figureKey(state);
    const previous = this.activity;
    if (key !== this.key) {
      this.key = key;
      this.activity = state.activity;
      this.body.setTint(TINT[state.activity]);
      this.name.setText(fit(`${state.firstName}${state.you ? ' (you)' : ''}`, this.width - 4, 5.8));
      this.badge.setText(state.badges.length > 1 ? `${state.badges[0]}+${state.badges.length - 1}` : (state.badges[0] ?? '')).setVisible(state.badges.length > 0);
      this.caption.setColor(state.activity === 'paged' ? PALETTE.badText : state.activity === 'joining' ? PALETTE.warnText : PALETTE.muted);
      this.laptop.setVisible(state.activity === 'working');
      this.pager.setVisible(state.activity === 'paged' || state.activity === 'joining');
      this.track.setVisible(state.activity === 'working');
      this.fill.setVisible(state.activity === 'working');
      this.container.setAlpha(state.activity === 'joining' || state.activity === 'off' ? 0.6 : 1);
      if (state.activity !== previous) this.animate(state.activity, previous);
    }
    // What moves with the clock: set only when it changed, so an unchanged Text is never re-rendered.
    const caption = fit(state.short, this.width - 4, 5.6);
    if (this.caption.text !== caption) this.caption.setText(caption);
    const progress = state.work?.progress ?? 0;
    const scale = Math.round(progress * 100) / 100;
    if (this.fill.scaleX !== scale) this.fill.setScale(scale, 1);
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
    this.more = scene.add.text(0, 0, '', { fontFamily: FONT, fontSize: '11px', color: PALETTE.muted });
  }

  /** The states drawn last, for the test hook. */
  get states(): readonly CharacterState[] {
    return this.last;
  }

  update(view: Pick<SeatView, 'responders' | 'actions' | 'page' | 'seat'>, live: Pick<LiveView, 'now'>): void {
    this.starts = rememberStarts(this.starts, view, live.now);
    const states = characterStates(view, live, this.starts);
    this.last = states;
    const shown = states.length > this.capacity ? states.slice(0, this.capacity - 1) : states;
    const ids = new Set(shown.map((s) => s.id));
    for (const [id, figure] of this.figures) {
      if (!ids.has(id)) {
        figure.destroy();
        this.figures.delete(id);
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
        // Appearing after the room opened (newly paged): a short fade in. Those there from the start just are.
        if (this.seen) slideIn(this.scene, figure.container, { dx: 0, duration: 300 });
        return;
      }
      if (figure.container.x !== slot.x || figure.container.y !== slot.y) {
        // Only a re-layout moves a figure (someone left the list): no tween may fight it.
        this.scene.tweens.killTweensOf(figure.container);
        figure.container.setPosition(slot.x, slot.y).setAlpha(state.activity === 'joining' ? 0.6 : 1);
      }
      figure.update(state);
    });
    const hidden = states.length - shown.length;
    const more = hidden > 0 ? `+${hidden} more` : '';
    if (this.more.text !== more) {
      const slot = this.slot(shown.length);
      this.more.setText(more).setPosition(slot.x, slot.y + 10);
    }
    this.seen = true;
  }

  destroy(): void {
    for (const figure of this.figures.values()) figure.destroy();
    this.figures.clear();
    this.more.destroy();
  }
}

/** Shortens a line to roughly fit a width (`perChar` pixels a character at its size), with an ellipsis. */
function fit(text: string, width: number, perChar: number): string {
  const max = Math.max(4, Math.floor(width / perChar));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
