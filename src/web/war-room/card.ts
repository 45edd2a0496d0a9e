/**
 * What every war-room card shares: where it sits, what it is given each frame, its text objects (fitted by measured
 * width, hidden when unused) and its painted surface (a canvas texture repainted only when what it shows changes).
 */
import type { GameObjects, Scene, Textures, Types } from 'phaser';
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

/** What a font measures once: the height of one line, and the ascent and descent Phaser draws text by. */
interface FontFacts {
  lineHeight: number;
  metrics: { ascent: number; descent: number; fontSize: number };
}

const fontFacts = new Map<string, FontFacts>();
/** The string Phaser measures a font's ascent and descent by (its TextStyle's default `testString`). */
const PHASER_TEST_STRING = '|M\u00C3\u2030qgy';
let measuring: CanvasRenderingContext2D | null = null;

/**
 * Measured once per font, the way Phaser measures it (the test string's bounding box on a 2D canvas), so Phaser's
 * texts and the texts painted into cards stack alike. Phaser would measure every text it makes unless the style
 * brings these metrics, and a probe text object per font would cost a canvas and a texture each.
 */
function factsOf(style: TextStyle): FontFacts {
  const font = fontOf(style);
  let facts = fontFacts.get(font);
  if (facts === undefined) {
    measuring ??= document.createElement('canvas').getContext('2d')!;
    measuring.font = font;
    const box = measuring.measureText(PHASER_TEST_STRING);
    const size = box.actualBoundingBoxAscent + box.actualBoundingBoxDescent;
    facts = { lineHeight: size, metrics: { ascent: box.actualBoundingBoxAscent, descent: box.actualBoundingBoxDescent, fontSize: size } };
    fontFacts.set(font, facts);
  }
  return facts;
}

/** The height of one line of text in `style`, as Phaser sizes its text objects (measured once per font). */
export function lineHeight(style: TextStyle): number {
  return factsOf(style).lineHeight;
}

/** A Phaser text style for `style`, with its font's metrics already measured (see `factsOf`). */
export function phaserTextStyle(style: TextStyle, extra: { padding?: { x: number; y: number } } = {}): Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONT,
    fontSize: `${style.size}px`,
    fontStyle: style.bold ? 'bold' : 'normal',
    color: style.color ?? PALETTE.text,
    ...(style.background === undefined ? {} : { backgroundColor: style.background }),
    ...(extra.padding === undefined ? {} : { padding: extra.padding }),
    metrics: { ...factsOf(style).metrics },
  };
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
      text = this.scene.add.text(x, y, value, phaserTextStyle(style));
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
    return lineHeight(style);
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

/** A text painted into a card's surface: where it is in game coordinates, and how it looks. */
interface PaintedText {
  value: string;
  left: number;
  top: number;
  width: number;
  height: number;
  style: TextStyle;
}

/**
 * A card's texts painted into its surface instead of made Phaser text objects. A Phaser text is a canvas and a WebGL
 * texture of its own: the charts' sixty-odd labels made the first war-room frame wait for sixty canvases, sixty
 * uploads and sixty draws. Painted, they cost one `fillText` each when the card repaints, and nothing in between.
 * Same calls as `CardTexts`; the card paints them with `paint` inside its surface's `paint`.
 */
export class PaintedTexts {
  private readonly placed = new Map<string, PaintedText>();

  constructor(readonly card: string) {}

  begin(): void {
    this.placed.clear();
  }

  /** Places a text at (x, y) with the given origin (0 left/top, 1 right/bottom); it shows once the card paints. */
  place(key: string, x: number, y: number, value: string, style: TextStyle, origin: { x?: number; y?: number } = {}): { text: string; width: number; height: number } {
    const lines = value === '' ? [] : value.split('\n');
    const measure = measureFor(style);
    const width = Math.ceil(Math.max(0, ...lines.map((line) => measure(line))));
    const height = Math.max(1, lines.length) * lineHeight(style);
    this.placed.set(key, { value, left: x - (origin.x ?? 0) * width, top: y - (origin.y ?? 0) * height, width, height, style });
    return { text: value, width, height };
  }

  lineHeight(style: TextStyle): number {
    return lineHeight(style);
  }

  /** Paints every placed text; `origin` is the surface's top-left corner in game coordinates. */
  paint(context: CanvasRenderingContext2D, origin: { x: number; y: number }): void {
    context.textBaseline = 'alphabetic';
    for (const text of this.placed.values()) {
      if (text.value === '') continue;
      const left = text.left - origin.x;
      const top = text.top - origin.y;
      if (text.style.background !== undefined) {
        context.fillStyle = text.style.background;
        context.fillRect(left, top, text.width, text.height);
      }
      const facts = factsOf(text.style);
      context.font = fontOf(text.style);
      context.fillStyle = text.style.color ?? PALETTE.text;
      text.value.split('\n').forEach((line, i) => context.fillText(line, left, top + facts.metrics.ascent + i * facts.lineHeight));
    }
  }

  /** Texts shown now, as boxes in game coordinates. */
  boxes(): TextBox[] {
    return [...this.placed.entries()].filter(([, t]) => t.value !== '').map(([key, t]) => ({ key: `${this.card}/${key}`, card: this.card, text: t.value, x: t.left, y: t.top, width: t.width, height: t.height }));
  }
}

/**
 * A card's painted layer: a canvas texture the size of the card, shown as one image. Painting it costs a 2D-canvas
 * draw and one texture upload, and only happens when the card's picture changes; every other frame it is one quad.
 *
 * The texture is made from the first picture: made blank with the card, it was uploaded once blank and again when
 * first painted, eight uploads the first war-room frame waited for and did not need.
 */
export class CardSurface {
  private texture: Textures.CanvasTexture | null = null;
  private readonly canvas: HTMLCanvasElement;
  /** The card's image; transparent (Phaser's empty texture) until first painted. */
  readonly image: GameObjects.Image;

  constructor(
    private readonly scene: Scene,
    private readonly key: string,
    readonly bounds: Rect,
  ) {
    if (scene.textures.exists(key)) scene.textures.remove(key);
    this.canvas = document.createElement('canvas');
    this.canvas.width = bounds.width;
    this.canvas.height = bounds.height;
    // Made now, so it sits under whatever the card and the room add after it.
    this.image = scene.add.image(bounds.x, bounds.y, '__DEFAULT').setOrigin(0, 0);
  }

  /** Repaints the whole card: `draw` gets a cleared context in card coordinates. */
  paint(draw: (context: CanvasRenderingContext2D, width: number, height: number) => void): void {
    // The context Phaser's canvas texture asks for, so the texture made from this canvas shares it.
    const context = this.texture?.getContext() ?? this.canvas.getContext('2d', { willReadFrequently: true })!;
    context.clearRect(0, 0, this.bounds.width, this.bounds.height);
    draw(context, this.bounds.width, this.bounds.height);
    if (this.texture) {
      this.texture.refresh();
      return;
    }
    this.texture = this.scene.textures.addCanvas(this.key, this.canvas)!;
    this.image.setTexture(this.key).setOrigin(0, 0);
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
