/**
 * The war room's motion, in one place: every tween the room's life adds goes through `tween()`, which adds none when
 * the player's system asks for reduced motion (`prefers-reduced-motion: reduce`, read live, so changing it mid-drill
 * takes effect on the next arrival). Callers then show a static highlight instead.
 *
 * Motion is done with Phaser tweens on game objects (position, alpha, scale, angle), never by redrawing Graphics
 * each frame, so an animation costs no redraw of the cards it sits on.
 */
import type { Game, Scene, Time, Tweens, Types } from 'phaser';

const QUERY = '(prefers-reduced-motion: reduce)';
let query: MediaQueryList | null | undefined;

export function reducedMotion(): boolean {
  if (query === undefined) query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  return query?.matches ?? false;
}

/** Registry key counting the tweens started, for the browser test that checks none run under reduced motion. */
const STARTED = 'firedrill:tweens-started';

/** Adds a tween unless motion is reduced (then null: the caller shows the end state at once). */
export function tween(scene: Scene, config: Types.Tweens.TweenBuilderConfig): Tweens.Tween | null {
  if (reducedMotion()) return null;
  scene.registry.set(STARTED, ((scene.registry.get(STARTED) as number | undefined) ?? 0) + 1);
  return scene.tweens.add(config);
}

/**
 * Scene event emitted when something of the room's life changed outside a tween (a timer hid a card, say): the war
 * room draws only frames that differ from the last one, and this tells it the next one does.
 */
export const LIFE_CHANGED = 'firedrill:life-changed';

/** Runs `then` after `ms` real milliseconds, and has the next frame drawn (it changes what the room shows). */
export function later(scene: Scene, ms: number, then: () => void): Time.TimerEvent {
  return scene.time.delayedCall(ms, () => {
    then();
    scene.events.emit(LIFE_CHANGED);
  });
}

/**
 * Whether a tween is moving something now. One waiting out a delay (before it starts, or between its loops) moves
 * nothing, so frames need not be drawn for it; the frame in which it starts moving again is drawn from the next one.
 */
export function tweensMoving(scene: Scene): boolean {
  return scene.tweens.getTweens().some((t) => !t.isStartDelayed() && !t.isLoopDelayed() && !t.isPaused());
}

/** A brief slide and fade into place (from `dx` to the left, or the right when negative). */
export function slideIn(scene: Scene, target: { x: number; alpha: number }, options: { dx?: number; duration?: number; delay?: number } = {}): Tweens.Tween | null {
  const x = target.x;
  const alpha = target.alpha;
  if (reducedMotion()) return null;
  target.x = x - (options.dx ?? 24);
  target.alpha = 0;
  return tween(scene, { targets: target, x, alpha, duration: options.duration ?? 320, delay: options.delay ?? 0, ease: 'Cubic.easeOut' });
}

/** What the test hook reports: tweens started since the game began, tweens running now, and the setting. */
export function motionStats(game: Game): { started: number; active: number; reduced: boolean } {
  const active = game.scene.getScenes(true).reduce((sum, scene) => sum + scene.tweens.getTweens().length, 0);
  return { started: (game.registry.get(STARTED) as number | undefined) ?? 0, active, reduced: reducedMotion() };
}
