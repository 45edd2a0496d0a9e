/**
 * The war room's display: the stage where Phaser draws the room, its loading indicator, and Phaser itself, loaded on
 * demand. A new drill starts it with its briefing, before the engine has loaded (Phaser boots meanwhile), gives it
 * the session once there is one, and builds the panels once the display has drawn its first frame: on one busy main
 * thread, panels built first held the first frame back by their whole build and layout.
 */
import { h } from './dom';
import type { Session } from './session';
import type { WarRoomHandle } from './war-room/game';
import type { WarRoomSource } from './war-room/war-room-scene';

export interface WarRoomStage {
  element: HTMLElement;
  /** Settles once the display has drawn its first frame, or could not start (the panels work without it). */
  ready: Promise<void>;
  /** The running display, once Phaser has loaded. */
  handle(): WarRoomHandle | null;
  /** The run to show: the room starts drawing once it has it. */
  attach(session: Session): void;
  /** What a click on the canvas's pager does; given by the war room once it can send commands. */
  onAcknowledge(act: () => void): void;
  destroy(): void;
}

/** Phaser and the room's scenes, fetched once; a failed load is tried again next time. */
let display: Promise<typeof import('./war-room/game')> | null = null;
export function loadDisplay(): Promise<typeof import('./war-room/game')> {
  if (!display) {
    display = import('./war-room/game');
    display.catch(() => (display = null));
  }
  return display;
}

/**
 * Starts the display inside a new stage element, for `session` now or for the one `attach` gives later; `room` is the
 * war room's section, marked `stage-ready` once the canvas shows the clock and phase (the bar's copies then stay for
 * screen readers only).
 */
export function startStage(room: HTMLElement, session: Session | null = null): WarRoomStage {
  // Indeterminate while Phaser downloads (its size is what takes time on a slow network); full once the room is made.
  const progress = h('progress', { max: '100', 'aria-label': 'Loading the war room' });
  const loading = h('div', { class: 'stage-loading', role: 'status' }, h('p', {}, 'Loading the war room…'), progress);
  const canvasHost = h('div', { class: 'stage-canvas' });
  const element = h('div', { class: 'stage', role: 'region', 'aria-label': 'War room display: dashboards, pager, deadlines, responders and timeline' }, canvasHost, loading);
  let acknowledge: (() => void) | null = null;
  let handle: WarRoomHandle | null = null;
  let shown: Session | null = session;
  const source = (s: Session): WarRoomSource => ({
    view: () => s.view(),
    live: () => s.live(),
    status: () => ({ speed: s.speed, paused: s.paused }),
    acknowledge: () => acknowledge?.(),
  });
  let destroyed = false;
  let settle = () => {};
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const fail = (text: string) => {
    loading.replaceChildren(h('p', {}, text));
    settle();
  };
  loadDisplay()
    .then(({ startWarRoom }) => {
      if (destroyed) return;
      handle = startWarRoom(
        canvasHost,
        shown && source(shown),
        {
          onProgress: (value) => {
            progress.value = Math.round(value * 100);
          },
          onFirstFrame: () => {
            loading.hidden = true;
            room.classList.add('stage-ready');
            performance.mark('firedrill:first-frame');
            settle();
          },
          onError: (message) => fail(`The war room display could not start: ${message}. The panels still work.`),
        },
      );
    })
    .catch((error: unknown) => fail(`The war room display could not load (${String((error as Error)?.message ?? error)}). The panels still work.`));
  return {
    element,
    ready,
    handle: () => handle,
    attach(given) {
      if (shown) return;
      shown = given;
      handle?.setSource(source(given));
    },
    onAcknowledge(act) {
      acknowledge = act;
    },
    destroy() {
      destroyed = true;
      handle?.destroy();
      settle();
    },
  };
}
