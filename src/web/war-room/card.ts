/**
 * What every war-room card shares: where it sits, what it is given each frame, its text objects (fitted by measured
 * width, hidden when unused) and its painted surface (a canvas texture repainted only when what it shows changes).
 */
import type { GameObjects, Scene, Textures } from 'phaser';
import type { LiveView, SeatView } from '../../engine/index';
import { FONT, PALETTE } from './palette';
import { canvasMeasure, type Measure } from './text-fit';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a card may read each frame: the run's view, the clock's live view and the time controls. */
export interface WarRoomFrame {
  view: SeatView;
  live: LiveView;
  status: { speed: number; paused: boolean };
}

/** A text object on the canvas, in game coordinates, for the test hook. */
export interface TextBox {
  key: string;
  card: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One card of the war room. `update` runs often and must return at once, with false, when nothing it shows changed;
 * true means the canvas must be drawn again.
 */
export interface Card {
  readonly id: string;
  readonly bounds: Rect;
  update(frame: WarRoomFrame): boolean;
  textBoxes(): TextBox[];
}

export interface TextStyle {
  size: number;
  color?: string;
  bold?: boolean;
  /** Painted behind the text, so it stays readable over lines. */
  background?: string;
}

export const fontOf = (style: TextStyle) => `${style.bold ? 'bold' : 'normal'} ${style.size}px ${FONT}`;
export const measureFor = (style: TextStyle): Measure => canvasMeasure(fontOf(style));

const lineHeights = new Map<string, number>();

/** The height of one line of text in `style`, as Phaser sizes its text objects (measured once per font). */
export function lineHeight(scene: Scene, style: TextStyle): number {
  const font = fontOf(style);
  let height = lineHeights.get(font);
  if (height === undefined) {
    const probe = scene.make.text({ text: 'Mg', style: { fontFamily: FONT, fontSize: `${style.size}px`, fontStyle: style.bold ? 'bold' : 'normal' } }, false);
    height = probe.height;
    probe.destroy();
    lineHeights.set(font, height);
  }
  return height;
}

/**
 * A card's text objects by key. Each update of the card places the texts it shows between `begin` and `end`; the
 * ones it did not place are hidden. Setting the same text again costs nothing (Phaser re-renders a text only when it
 * changes).
 */
export class CardTexts {
  private readonly texts = new Map<string, GameObjects.Text>();
  private readonly used = new Set<string>();

  constructor(
    private readonly scene: Scene,
    readonly card: string,
  ) {}

  begin(): void {
    this.used.clear();
  }

  end(): void {
    for (const [key, text] of this.texts) if (!this.used.has(key) && text.visible) text.setVisible(false);
  }

  /**
   * Places a text at (x, y) with the given origin (0 left/top, 1 right/bottom). `value` may be several lines, and is
   * expected to fit already (see `fit`).
   */
  place(key: string, x: number, y: number, value: string, style: TextStyle, origin: { x?: number; y?: number } = {}): GameObjects.Text {
    let text = this.texts.get(key);
    if (!text) {
      text = this.scene.add.text(x, y, value, {
        fontFamily: FONT,
        fontSize: `${style.size}px`,
        fontStyle: style.bold ? 'bold' : 'normal',
        color: style.color ?? PALETTE.text,
        backgroundColor: style.background,
      });
      this.texts.set(key, text);
    }
    if (text.x !== x || text.y !== y) text.setPosition(x, y);
    if (text.originX !== (origin.x ?? 0) || text.originY !== (origin.y ?? 0)) text.setOrigin(origin.x ?? 0, origin.y ?? 0);
    if (text.text !== value) text.setText(value);
    const color = style.color ?? PALETTE.text;
    if (text.style.color !== color) text.setColor(color);
    if (!text.visible) text.setVisible(true);
    this.used.add(key);
    return text;
  }

  /** The text object placed under `key`, if any (say, for a tween on it). */
  get(key: string): GameObjects.Text | undefined {
    return this.texts.get(key);
  }

  /** The height of one line of text in `style`, as Phaser sizes its text objects. */
  lineHeight(style: TextStyle): number {
    return lineHeight(this.scene, style);
  }

  /** Texts shown now, as boxes in game coordinates. */
  boxes(): TextBox[] {
    const boxes: TextBox[] = [];
    for (const [key, text] of this.texts) {
      if (!text.visible || text.text === '') continue;
      const b = text.getBounds();
      boxes.push({ key: `${this.card}/${key}`, card: this.card, text: text.text, x: b.x, y: b.y, width: b.width, height: b.height });
    }
    return boxes;
  }
}

/**
 * A card's painted layer: a canvas texture the size of the card, shown as one image. Painting it costs a 2D-canvas
 * draw and one texture upload, and only happens when the card's picture changes; every other frame it is one quad.
 */
export class CardSurface {
  private readonly texture: Textures.CanvasTexture;
  readonly image: GameObjects.Image;

  constructor(scene: Scene, key: string, readonly bounds: Rect) {
    const existing = scene.textures.exists(key);
    if (existing) scene.textures.remove(key);
    this.texture = scene.textures.createCanvas(key, bounds.width, bounds.height)!;
    this.image = scene.add.image(bounds.x, bounds.y, key).setOrigin(0, 0);
  }

  /** Repaints the whole card: `draw` gets a cleared context in card coordinates. */
  paint(draw: (context: CanvasRenderingContext2D, width: number, height: number) => void): void {
    const context = this.texture.getContext();
    context.clearRect(0, 0, this.bounds.width, this.bounds.height);
    draw(context, this.bounds.width, this.bounds.height);
    this.texture.refresh();
  }
}

/** The card's panel: a filled rounded rectangle, with an edge when given one. */
export function paintPanel(context: CanvasRenderingContext2D, width: number, height: number, edge?: { color: number; width: number }): void {
  context.fillStyle = css(PALETTE.panel);
  context.beginPath();
  context.roundRect(0, 0, width, height, 8);
  context.fill();
  if (edge) {
    context.strokeStyle = css(edge.color);
    context.lineWidth = edge.width;
    context.beginPath();
    context.roundRect(edge.width / 2, edge.width / 2, width - edge.width, height - edge.width, 8);
    context.stroke();
  }
}

/** A palette number (0xrrggbb) as a CSS colour. */
export function css(color: number, alpha = 1): string {
  const r = (color >> 16) & 0xff;
  const g = (color >> 8) & 0xff;
  const b = color & 0xff;
  return alpha === 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`;
}

/** Inner padding of every card. */
export const PAD = 12;
/** The space kept between two texts on one line. */
export const GAP = 8;
