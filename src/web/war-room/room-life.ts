/**
 * The room's life in one object the scene (or its cards) feeds each redraw: the responders as figures, the pager
 * ringing, messages and timeline lines arriving, and the alarm when the impact grows. Everything it adds is made once
 * and then only tweened or shown; `update` returns quickly when nothing changed.
 */
import type { GameObjects, Scene } from 'phaser';
import type { LiveView, SeatView } from '../../engine/index';
import { ArrivalCard, RibbonFlash } from './arrivals';
import type { Rect, TextBox } from './card';
import { PagerRing } from './pager-ring';
import { ResponderRoom, type Slot } from './responder-figure';
import { RoomAlarm } from './room-alarm';
import { FIRST_LOOK, roomSignals, type RoomMemo } from './room-signals';

export interface RoomLifeLayout {
  size: { width: number; height: number };
  pager: { icon: GameObjects.Image; card: { x: number; y: number; width: number; height: number } };
  responders: { slot(i: number): Slot; capacity: number };
  /** Where an arriving message's card shows (its top-left corner and width). */
  arrivals: { x: number; y: number; width: number };
  /** The ribbon's lines: their left edge and width, a line's height, and where the i-th of `count` lines sits. */
  ribbon: { x: number; width: number; lineHeight: number; lineY(index: number, count: number): number; lines: number };
}

export class RoomLife {
  readonly responders: ResponderRoom;
  readonly pager: PagerRing;
  readonly alarm: RoomAlarm;
  readonly card: ArrivalCard;
  private readonly ribbon: RibbonFlash;
  private memo: RoomMemo = FIRST_LOOK;
  private lastView: SeatView | null = null;

  constructor(
    scene: Scene,
    private readonly layout: RoomLifeLayout,
  ) {
    this.ribbon = new RibbonFlash(scene, { x: layout.ribbon.x, width: layout.ribbon.width, height: layout.ribbon.lineHeight });
    this.responders = new ResponderRoom(scene, layout.responders.slot, layout.responders.capacity);
    this.pager = new PagerRing(scene, layout.pager.icon, layout.pager.card);
    this.alarm = new RoomAlarm(scene, layout.size);
    this.card = new ArrivalCard(scene, layout.arrivals);
  }

  /**
   * `severity` is the header's severity chip, pulsed when the severity changes or the impact grows. Returns whether
   * anything shown changed without a tween (tweens have the canvas drawn while they run).
   */
  update(view: SeatView, live: LiveView, severity?: GameObjects.Text | null): boolean {
    let changed = this.responders.update(view, live);
    if (this.pager.update(view.page.acknowledgedAt === null)) changed = true;
    // The journal-derived view is rebuilt only when the journal grows, so an unchanged object means nothing arrived.
    if (view === this.lastView) return changed;
    this.lastView = view;
    const signals = roomSignals(this.memo, view);
    this.memo = signals.memo;
    if (signals.arrivals.length > 0) {
      const shown = Math.min(this.layout.ribbon.lines, view.timeline.length);
      const newest = signals.arrivals[signals.arrivals.length - 1]!;
      this.ribbon.flash(this.layout.ribbon.lineY(shown - 1, shown), newest.escalation);
    }
    const message = signals.messages[signals.messages.length - 1];
    const grew = signals.arrivals.filter((a) => a.escalation).pop();
    if (grew) this.card.show('Impact grew', grew.text, 'alarm');
    else if (message) this.card.show(message.from ? `Message from ${message.from}` : 'New message', message.message);
    if (signals.escalation) this.alarm.escalate(severity);
    else if (signals.severityChanged && severity) this.alarm.pulse(severity);
    // Shown at once under reduced motion (no tween then): the card, the highlight, the alarm's edge.
    return changed || signals.arrivals.length > 0 || signals.messages.length > 0 || signals.escalation;
  }

  /** The texts the room's life shows (figures' names, badges and captions; an arriving card's), for the test hook. */
  texts(): TextBox[] {
    return [...this.responders.textBoxes(), ...this.card.textBoxes()];
  }

  /** Cards of its own drawn over the room's, while they show (the arriving message), for the test hook. */
  overlays(): Array<{ card: string } & Rect> {
    return this.card.showing ? [{ card: 'arrival', ...this.card.bounds }] : [];
  }

  destroy(): void {
    this.responders.destroy();
    this.pager.destroy();
    this.alarm.destroy();
    this.card.destroy();
    this.ribbon.destroy();
  }
}
