/**
 * The war room's display: the stage where Phaser draws the room, its loading indicator, and Phaser itself, loaded on
 * demand. A new drill starts it with its briefing, before the engine has loaded (Phaser boots meanwhile), gives it
 * the session once there is one, and builds the panels once the display has drawn its first frame: on one busy main
 * thread, panels built first held the first frame back by their whole build and layout.
 */
import { h } from './dom';
import { loadOnce } from './load-once';
import type { Session } from './session';
import type { WarRoomHandle } from './war-room/game';
import type { WarRoomSource } from './war-room/war-room-scene';

/** What the display reads: the run's view, its live values and the clock's state (a pager click is the stage's). */
export type DisplaySource = Omit<WarRoomSource, 'acknowledge'>;

/** A solo session as the display reads it. */
export function sessionSource(session: Session): DisplaySource {
  return { view: () => session.view(), live: () => session.live(), status: () => ({ speed: session.speed, paused: session.paused }) };
}

/** What solo play says when its display fails: the drill goes on in the panels. */
export const PANELS_WORK = 'The panels still work.';

export interface StageOptions {
  /** The display's accessible name. */
  label?: string;
  /** The war room's section: marked `stage-ready` once the canvas shows the clock and phase. */
  room?: HTMLElement;
  /** Said after a failure to start: what still works without the display. */
  without?: string;
  /**
   * Phaser is evaluated only once this settles (however it settles). A new drill passes its drill part: evaluated
   * while that part still downloaded, Phaser's ~0.2 s of main thread held the part back, and the room waited for it.
   */
  after?: Promise<unknown>;
}

export interface WarRoomStage {
  element: HTMLElement;
  /** Settles once the display has drawn its first frame, or could not start (the panels work without it). */
  ready: Promise<void>;
  /** The running display, once Phaser has loaded. */
  handle(): WarRoomHandle | null;
  /** The run to show, when the stage started without one: the room starts drawing once it has it. */
  attach(source: DisplaySource): void;
  /** What a click on the canvas's pager does; given by the war room once it can send commands. */
  onAcknowledge(act: () => void): void;
  destroy(): void;
}

/** Phaser and the room's scenes. */
const loadDisplay = loadOnce(() => import('./war-room/game'));

/**
 * Starts the display inside a new stage element, for `source` now or for the one `attach` gives later. Solo play,
 * a group drill's players and its projector all show their room through this.
 */
export function startStage(source: DisplaySource | null, options: StageOptions = {}): WarRoomStage {
  // Indeterminate while Phaser downloads (its size is what takes time on a slow network); full once the room is made.
  const progress = h('progress', { max: '100', 'aria-label': 'Loading the war room' });
  const loading = h('div', { class: 'stage-loading', role: 'status' }, h('p', {}, 'Loading the war room…'), progress);
  const canvasHost = h('div', { class: 'stage-canvas' });
  const element = h('div', { class: 'stage', role: 'region', 'aria-label': options.label ?? 'War room display: dashboards, pager, deadlines, responders and timeline' }, canvasHost, loading);
  let acknowledge: (() => void) | null = null;
  let handle: WarRoomHandle | null = null;
  let shown: DisplaySource | null = source;
  const withPager = (given: DisplaySource): WarRoomSource => ({ ...given, acknowledge: () => acknowledge?.() });
  let destroyed = false;
  let settle = () => {};
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const without = options.without ? ` ${options.without}` : '';
  const fail = (text: string) => {
    loading.replaceChildren(h('p', {}, text));
    settle();
  };
  (options.after ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => loadDisplay())
    .then(({ startWarRoom }) => {
      if (destroyed) return;
      handle = startWarRoom(canvasHost, shown && withPager(shown), {
        onProgress: (value) => {
          progress.value = Math.round(value * 100);
        },
        onFirstFrame: () => {
          loading.hidden = true;
          options.room?.classList.add('stage-ready');
          performance.mark('firedrill:first-frame');
          settle();
        },
        onError: (message) => fail(`The war room display could not start: ${message}.${without}`),
      });
    })
    .catch((error: unknown) => fail(`The war room display could not load (${String((error as Error)?.message ?? error)}).${without}`));
  return {
    element,
    ready,
    handle: () => handle,
    attach(given) {
      if (shown) return;
      shown = given;
      handle?.setSource(withPager(given));
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
