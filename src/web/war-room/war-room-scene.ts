import { Scene } from 'phaser';
import type { LiveView, SeatView } from '../../engine/index';
import type { Card, Rect, TextBox } from './card';
import { DashboardChartCard } from './dashboard-chart-card';
import { DeadlinesCard } from './deadlines-card';
import { HeaderCard } from './header-card';
import { CHART_COUNT, chartBounds } from './layout';
import { LIFE_CHANGED, tweensMoving } from './motion';
import { PagerCard } from './pager-card';
import { HEIGHT, WIDTH } from './palette';
import { PartialRedraw } from './partial-redraw';
import { RESPONDER_SLOTS, RespondersCard, responderSlot } from './responders-card';
import { RibbonCard } from './ribbon-card';
import { RoomLife } from './room-life';

/** What the scene needs from the page: the run's view to draw, and a way to send the one command it offers. */
/** The registry key the page sets the room's source under. */
export const SOURCE = 'source';

export interface WarRoomSource {
  /** What happened (rebuilt by the run only when its journal grows). */
  view(): SeatView;
  /** What moves with the clock: the dashboards' values and the countdowns. */
  live(): LiveView;
  status(): { speed: number; paused: boolean };
  acknowledge(): void;
}

/** The canvas's cards and texts, in game coordinates (for the test hook). */
export interface WarRoomLayout {
  /** `overlay`: drawn over the other cards (opaque), for a while. */
  cards: Array<{ card: string; overlay?: boolean } & Rect>;
  texts: TextBox[];
}

/** What the clock moves (countdowns, values, progress bars) is drawn at most this often; commands show at once. */
const CLOCK_REDRAW_MS = 50;

/**
 * The war room: clock and deadlines, the pager, dashboards whose lines move with game time, the responders as figures
 * with their role badges, and a ribbon of what just happened. It draws the run's view and nothing else: each card
 * redraws only what changed in what it shows, and the room's life (room-life.ts: the figures, the ringing pager,
 * arrivals, the alarm) is fed the same frames and moves by tweens. A frame is drawn only when something changed or a
 * tween is moving something, and then only the regions that changed (partial-redraw.ts).
 */
export class WarRoomScene extends Scene {
  private source!: WarRoomSource;
  private cards: Card[] = [];
  private shownView: SeatView | null = null;
  private sinceRefresh = 0;
  /** Something changed since the canvas was last drawn. */
  private dirty = true;
  private header!: HeaderCard;
  /** The responders as figures, the ringing pager, arrivals and the alarm. */
  life!: RoomLife;
  /** Draws only the regions of the canvas that changed. */
  redraw!: PartialRedraw;

  constructor() {
    super('WarRoom');
  }

  create(): void {
    this.source = this.registry.get(SOURCE) as WarRoomSource;
    this.redraw = new PartialRedraw(this, { width: WIDTH, height: HEIGHT });
    // A restored WebGL context starts blank: everything is drawn again.
    this.game.renderer.on('restorewebgl', this.drawAll, this);
    this.events.once('shutdown', () => {
      this.game.renderer.off('restorewebgl', this.drawAll, this);
      this.redraw.destroy();
    });
    this.header = new HeaderCard(this);
    const pager = new PagerCard(this, () => this.source.acknowledge());
    const ribbon = new RibbonCard(this);
    this.cards = [this.header, pager, new DeadlinesCard(this), new RespondersCard(this), ...Array.from({ length: CHART_COUNT }, (_, i) => new DashboardChartCard(this, i)), ribbon];
    // Made after the cards' surfaces, so it sits on them; the cards' texts, made on the first refresh, sit above the
    // ribbon's highlight. Arrivals show over the top-right chart, flush with its right edge.
    const topRight = chartBounds(1);
    const arrivalWidth = 360;
    this.life = new RoomLife(this, {
      size: { width: WIDTH, height: HEIGHT },
      pager: { icon: pager.icon, card: pager.bounds },
      responders: { slot: (i) => responderSlot(i), capacity: RESPONDER_SLOTS },
      arrivals: { x: topRight.x + topRight.width - arrivalWidth, y: topRight.y + 6, width: arrivalWidth },
      ribbon: { x: ribbon.bounds.x + 6, width: ribbon.bounds.width - 12, lineHeight: ribbon.lineHeight, lines: ribbon.lineCount, lineY: (index) => ribbon.lineTop(index) },
    });
    // A timer of the room's life changed what shows (a card went away): the next frame is drawn.
    this.events.on(LIFE_CHANGED, () => {
      this.dirty = true;
    });
    this.refresh(0, true);
    // Reported after the first frame is drawn, for the loading screen and the benchmark.
    this.game.events.once('postrender', () => this.game.events.emit('firedrill:first-frame'));
  }

  /**
   * Brings every card up to date, before the game steps; returns whether the canvas must be drawn this frame (see
   * `startWarRoom`, which skips drawing frames that would look like the last one).
   */
  refresh(delta: number, force = false): boolean {
    this.sinceRefresh += delta;
    const view = this.source.view();
    // What the player did (a new view) shows at once; what the clock moves, at most every CLOCK_REDRAW_MS.
    if (force || view !== this.shownView || this.sinceRefresh >= CLOCK_REDRAW_MS) {
      this.sinceRefresh = 0;
      this.shownView = view;
      const frame = { view, live: this.source.live(), status: this.source.status() };
      for (const card of this.cards) {
        if (!card.update(frame)) continue;
        this.dirty = true;
        // A card's surface is a texture: the display list cannot see its pixels change, so the card's region is given.
        this.redraw.damage(card.bounds);
      }
      // After the cards, so the severity chip it may pulse is the one just placed.
      if (this.life.update(frame.view, frame.live, this.header.severity)) this.dirty = true;
    }
    // Tweens move their objects in the step that follows, so while one moves each frame is drawn; the step in which
    // the last one ends is drawn too (it was moving before it), and then drawing stops again.
    const draw = this.dirty || tweensMoving(this);
    this.dirty = false;
    return draw;
  }

  /** The next frame draws the whole canvas. */
  drawAll(): void {
    this.redraw.damageAll();
    this.dirty = true;
  }

  /**
   * Every card's place and every text shown on the canvas, in game coordinates: the cards' own and the room's life's
   * (figures' names, badges and captions in the responders card). An arriving message's card is drawn over the
   * others while it shows: it is listed as a card with `overlay` set.
   */
  layout(): WarRoomLayout {
    return {
      cards: [...this.cards.map((c) => ({ card: c.id, ...c.bounds })), ...this.life.overlays().map((o) => ({ ...o, overlay: true }))],
      texts: [...this.cards.flatMap((c) => c.textBoxes()), ...this.life.texts()],
    };
  }
}
