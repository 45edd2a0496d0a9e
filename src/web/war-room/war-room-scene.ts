import { GameObjects, Scene } from 'phaser';
import { formatMetric, formatMinute as formatClock, type LiveView, type SeatView } from '../../engine/index';
import { FONT, HEIGHT, PALETTE, WIDTH } from './palette';
import { RoomLife } from './room-life';

/** What the scene needs from the page: the run's view to draw, and a way to send the one command it offers. */
export interface WarRoomSource {
  /** What happened (rebuilt by the run only when its journal grows). */
  view(): SeatView;
  /** What moves with the clock: the dashboards' values and the countdowns. */
  live(): LiveView;
  status(): { speed: number; paused: boolean };
  acknowledge(): void;
}

const REDRAW_MS = 100;

/** The i-th responder's place in the responders card: four columns, two rows, the figure at the top of each. */
function responderSlot(i: number) {
  const width = 74;
  const x = 22 + (i % 4) * width;
  const y = 390 + Math.floor(i / 4) * 64;
  return { x, y, width, avatar: { x: x + 18, y: y + 16 } };
}

/**
 * The war room: clock and deadlines, the pager, dashboards whose lines move with game time, the responders with
 * their role badges, and a ribbon of what just happened. It draws the run's view and nothing else.
 */
export class WarRoomScene extends Scene {
  private source!: WarRoomSource;
  private graphics!: GameObjects.Graphics;
  private texts = new Map<string, GameObjects.Text>();
  private images = new Map<string, GameObjects.Image>();
  private sinceRedraw = REDRAW_MS;
  private firstFrame = true;
  /** The responders as figures, the ringing pager, arrivals and the alarm (room-life.ts). */
  life!: RoomLife;

  constructor() {
    super('WarRoom');
  }

  create(): void {
    this.source = this.registry.get('source') as WarRoomSource;
    this.graphics = this.add.graphics();
    const pager = this.add.image(44, 106, 'pager');
    this.images.set('pager', pager);
    // The whole pager card answers a click, as its label promises.
    const card = this.add.rectangle(170, 111, 320, 110, 0x000000, 0).setInteractive({ useHandCursor: true });
    card.on('pointerdown', () => this.source.acknowledge());
    this.life = new RoomLife(this, {
      size: { width: WIDTH, height: HEIGHT },
      pager: { icon: pager, card: { x: 10, y: 56, width: 320, height: 110 } },
      responders: { slot: responderSlot, capacity: 8 },
      arrivals: { x: WIDTH - 16 - 360, y: 62, width: 360 },
      ribbon: { x: 16, width: WIDTH - 32, lineHeight: 16, lines: 3, lineY: (index) => 537 + index * 16 },
    });
    this.draw();
  }

  override update(_time: number, delta: number): void {
    this.sinceRedraw += delta;
    if (this.sinceRedraw < REDRAW_MS) return;
    this.sinceRedraw = 0;
    this.draw();
  }

  private text(key: string, x: number, y: number, value: string, style: { size?: number; color?: string; bold?: boolean; wrap?: number; align?: 'left' | 'right' | 'center' } = {}): GameObjects.Text {
    let text = this.texts.get(key);
    if (!text) {
      text = this.add.text(x, y, '', {
        fontFamily: FONT,
        fontSize: `${style.size ?? 14}px`,
        color: style.color ?? PALETTE.text,
        fontStyle: style.bold ? 'bold' : 'normal',
        wordWrap: style.wrap ? { width: style.wrap } : undefined,
        align: style.align ?? 'left',
      });
      if (style.align === 'right') text.setOrigin(1, 0);
      this.texts.set(key, text);
    }
    text.setPosition(x, y);
    if (text.text !== value) text.setText(value);
    if (style.color && text.style.color !== style.color) text.setColor(style.color);
    text.setVisible(true);
    return text;
  }

  private hideFrom(prefix: string, keep: number): void {
    for (const [key, text] of this.texts) {
      if (key.startsWith(prefix) && Number(key.slice(prefix.length).split(':')[0]) >= keep) text.setVisible(false);
    }
  }

  private draw(): void {
    const view = this.source.view();
    const live = this.source.live();
    const g = this.graphics;
    g.clear();
    this.drawHeader(view, live);
    this.drawPager(view, g);
    this.drawDeadlines(live, g);
    this.drawResponders(g);
    this.drawDashboards(view, live, g);
    this.drawRibbon(view, g);
    this.life.update(view, live, this.texts.get('severity'));
    if (this.firstFrame) {
      this.firstFrame = false;
      // Reported after the frame is drawn, for the loading screen and the benchmark.
      this.game.events.once('postrender', () => this.game.events.emit('firedrill:first-frame'));
    }
  }

  private drawHeader(view: SeatView, live: LiveView): void {
    const { speed, paused } = this.source.status();
    this.text('clock', 16, 12, formatClock(live.now), { size: 26, bold: true });
    this.text('phase', 150, 20, view.phaseLabel.toUpperCase(), { size: 14, color: PALETTE.muted, bold: true });
    this.text('speed', WIDTH - 16, 18, paused ? 'PAUSED' : `${speed}×`, { size: 16, color: paused ? PALETTE.warnText : PALETTE.muted, bold: true, align: 'right' });
    this.text('severity', WIDTH - 110, 18, view.severity ?? 'SEV ?', { size: 16, color: view.severity ? PALETTE.accentText : PALETTE.muted, bold: true, align: 'right' });
  }

  private drawPager(view: SeatView, g: GameObjects.Graphics): void {
    const acked = view.page.acknowledgedAt !== null;
    g.fillStyle(PALETTE.panel, 1);
    g.fillRoundedRect(10, 56, 320, 110, 8);
    // Steady: the ringing (a pulsing halo and a shaking pager, or a still halo with reduced motion) is PagerRing's.
    g.lineStyle(2, acked ? PALETTE.panelEdge : PALETTE.accent, 1);
    g.strokeRoundedRect(10, 56, 320, 110, 8);
    this.text('page-state', 84, 64, acked ? `ACKNOWLEDGED ${formatClock(view.page.acknowledgedAt!)}` : view.available.includes('acknowledge') ? 'PAGE · press A or click' : 'PAGE · not acknowledged', { size: 11, color: acked ? PALETTE.okText : PALETTE.badText, bold: true });
    this.text('page-title', 84, 82, view.page.title, { size: 15, bold: true, wrap: 236 });
    this.text('page-context', 84, 124, view.page.context, { size: 12, color: PALETTE.muted, wrap: 236 });
  }

  private drawDeadlines(live: LiveView, g: GameObjects.Graphics): void {
    g.fillStyle(PALETTE.panel, 1);
    g.fillRoundedRect(10, 176, 320, 176, 8);
    this.text('deadlines-title', 22, 184, 'DEADLINES (GAME TIME)', { size: 12, color: PALETTE.muted, bold: true });
    const shown = live.deadlines.slice(0, 5);
    shown.forEach((d, i) => {
      const y = 206 + i * 29;
      const urgent = d.remaining < 3;
      const overdue = d.remaining < 0;
      this.text(`deadline${i}:label`, 22, y, truncate(d.label, 34), { size: 12 });
      this.text(`deadline${i}:time`, 318, y, overdue ? 'due now' : formatCountdown(d.remaining), { size: 14, bold: true, color: overdue || urgent ? PALETTE.badText : PALETTE.okText, align: 'right' });
    });
    this.hideFrom('deadline', shown.length);
    if (shown.length === 0) this.text('deadline0:label', 22, 206, 'Nothing due.', { size: 12, color: PALETTE.muted });
  }

  private drawResponders(g: GameObjects.Graphics): void {
    g.fillStyle(PALETTE.panel, 1);
    g.fillRoundedRect(10, 362, 320, 160, 8);
    this.text('responders-title', 22, 370, 'RESPONDERS', { size: 12, color: PALETTE.muted, bold: true });
    // The people themselves are figures of RoomLife, updated after the cards are drawn.
  }

  private drawDashboards(view: SeatView, live: LiveView, g: GameObjects.Graphics): void {
    const values = new Map(live.dashboards.flatMap((d) => d.metrics.map((m) => [`${d.id}/${m.id}`, m] as const)));
    const metrics = view.dashboards
      .flatMap((d) => d.metrics.map((m) => ({ ...m, dashboard: d.title, ...values.get(`${d.id}/${m.id}`)! })))
      .slice(0, 4);
    metrics.forEach((m, i) => {
      const x = 340 + (i % 2) * 308;
      const y = 56 + Math.floor(i / 2) * 234;
      const w = 298;
      const h = 224;
      g.fillStyle(PALETTE.panel, 1);
      g.fillRoundedRect(x, y, w, h, 8);
      const breached = m.threshold !== null && m.current > m.threshold;
      this.text(`metric${i}:label`, x + 12, y + 8, truncate(`${m.dashboard} · ${m.label}`, 40), { size: 12, color: PALETTE.muted, bold: true });
      this.text(`metric${i}:value`, x + 12, y + 28, formatMetric(m.current, m.unit), { size: 22, bold: true, color: breached ? PALETTE.badText : PALETTE.text });
      const chart = { x: x + 12, y: y + 64, w: w - 24, h: h - 84 };
      const points = m.series.map(([, v]) => v);
      const top = Math.max(...points, m.threshold ?? 0) * 1.15 || 1;
      const px = (index: number) => chart.x + (index / Math.max(1, m.series.length - 1)) * chart.w;
      const py = (value: number) => chart.y + chart.h - (value / top) * chart.h;
      g.lineStyle(1, PALETTE.panelEdge, 1);
      g.strokeRect(chart.x, chart.y, chart.w, chart.h);
      if (m.threshold !== null) {
        g.lineStyle(1, PALETTE.threshold, 0.8);
        g.lineBetween(chart.x, py(m.threshold), chart.x + chart.w, py(m.threshold));
      }
      g.lineStyle(2, breached ? PALETTE.bad : PALETTE.line, 1);
      g.beginPath();
      m.series.forEach(([, v], index) => (index === 0 ? g.moveTo(px(index), py(v)) : g.lineTo(px(index), py(v))));
      g.strokePath();
      this.text(`metric${i}:axis`, chart.x, chart.y + chart.h + 4, `last ${m.series.length - 1} min`, { size: 10, color: PALETTE.muted });
    });
    this.hideFrom('metric', metrics.length);
  }

  private drawRibbon(view: SeatView, g: GameObjects.Graphics): void {
    g.fillStyle(PALETTE.panel, 1);
    g.fillRoundedRect(10, 532, WIDTH - 20, 58, 8);
    const recent = view.timeline.slice(-3);
    recent.forEach((line, i) => {
      this.text(`ribbon${i}:text`, 22, 538 + i * 16, `${formatClock(line.at)}  ${truncate(line.text, 130)}`, { size: 12, color: i === recent.length - 1 ? PALETTE.text : PALETTE.muted });
    });
    this.hideFrom('ribbon', recent.length);
  }
}


function formatCountdown(minutes: number): string {
  const seconds = Math.max(0, Math.round(minutes * 60));
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}


function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export { HEIGHT };
