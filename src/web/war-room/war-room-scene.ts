import { Scene } from 'phaser';
import type { LiveView, SeatView } from '../../engine/index';
import type { Card, Rect, TextBox } from './card';
import { DashboardChartCard } from './dashboard-chart-card';
import { DeadlinesCard } from './deadlines-card';
import { HeaderCard } from './header-card';
import { CHART_COUNT } from './layout';
import { PagerCard } from './pager-card';
import { RespondersCard } from './responders-card';
import { RibbonCard } from './ribbon-card';

/** What the scene needs from the page: the run's view to draw, and a way to send the one command it offers. */
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
  cards: Array<{ card: string } & Rect>;
  texts: TextBox[];
}

/** What the clock moves (countdowns, values, the pager's blink) is drawn at most this often; commands show at once. */
const CLOCK_REDRAW_MS = 50;

/**
 * The war room: clock and deadlines, the pager, dashboards whose lines move with game time, the responders with
 * their role badges, and a ribbon of what just happened. It draws the run's view and nothing else: each card every
 * frame, and each card redraws only what changed in what it shows.
 */
export class WarRoomScene extends Scene {
  private source!: WarRoomSource;
  private cards: Card[] = [];
  private shownView: SeatView | null = null;
  private sinceRefresh = 0;
  /** Something changed since the canvas was last drawn. */
  private dirty = true;

  constructor() {
    super('WarRoom');
  }

  create(): void {
    this.source = this.registry.get('source') as WarRoomSource;
    this.cards = [
      new HeaderCard(this),
      new PagerCard(this, () => this.source.acknowledge()),
      new DeadlinesCard(this),
      new RespondersCard(this),
      ...Array.from({ length: CHART_COUNT }, (_, i) => new DashboardChartCard(this, i)),
      new RibbonCard(this),
    ];
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
      for (const card of this.cards) if (card.update(frame)) this.dirty = true;
    }
    const draw = this.dirty;
    this.dirty = false;
    return draw;
  }

  /** Every card's place and every text shown on the canvas, in game coordinates. */
  layout(): WarRoomLayout {
    return {
      cards: this.cards.map((c) => ({ card: c.id, ...c.bounds })),
      texts: this.cards.flatMap((c) => c.textBoxes()),
    };
  }
}
