/**
 * The pager-sound toggle beside the war room's controls, and what makes the pager ring aloud. A plain button with
 * `aria-pressed` (keyboard operable as every button is), named "Pager sound" whatever its state: screen readers say
 * pressed or not, and sighted players see "on" or "off" beside the name. Off by default; the choice is kept in
 * localStorage (see sound-preference.ts for reduced sound and reduced motion).
 */
import { h } from './dom';
import { readSoundOn, ringPlan, shouldRing, writeSoundOn } from './sound-preference';
import { createPagerSound, type PagerSound } from './war-room/pager-sound';

export interface SoundToggle {
  element: HTMLButtonElement;
  /** Called as the run moves: the pager sounds while the page waits for an acknowledgement and the clock runs. */
  update(state: { pageWaiting: boolean; paused: boolean }): void;
  destroy(): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function soundToggle(options: { announce?(message: string): void; sound?: PagerSound } = {}): SoundToggle {
  const sound = options.sound ?? createPagerSound();
  let on = readSoundOn(storage());
  let lastRingAt: number | null = null;
  const motion = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

  const state = h('span', { class: 'sound-state', 'aria-hidden': 'true' });
  const element = h('button', { type: 'button', class: 'secondary sound-toggle', 'aria-pressed': 'false' }, 'Pager sound', state);
  const show = () => {
    element.setAttribute('aria-pressed', String(on));
    state.textContent = on ? ' · on' : ' · off';
  };
  show();

  element.addEventListener('click', () => {
    on = !on;
    writeSoundOn(storage(), on);
    // The click is the user gesture a browser needs before it lets a page make a sound.
    if (on) sound.unlock();
    lastRingAt = null;
    show();
    options.announce?.(on ? 'Pager sound on.' : 'Pager sound off.');
  });

  // Sound turned on in an earlier visit: the AudioContext may start only on a gesture, so the first one unlocks it.
  const unlockOnGesture = () => {
    if (on) sound.unlock();
  };
  document.addEventListener('pointerdown', unlockOnGesture, { once: true });
  document.addEventListener('keydown', unlockOnGesture, { once: true });

  return {
    element,
    update({ pageWaiting, paused }) {
      // A new page rings (or chimes) afresh; an acknowledged one is silent.
      if (!pageWaiting) lastRingAt = null;
      const plan = ringPlan({ soundOn: on, reducedMotion: motion?.matches ?? false });
      const now = performance.now();
      if (!shouldRing(plan, pageWaiting && !paused, lastRingAt, now) || !sound.ready()) return;
      sound.play(plan === 'chime' ? 'chime' : 'ring');
      lastRingAt = now;
    },
    destroy() {
      document.removeEventListener('pointerdown', unlockOnGesture);
      document.removeEventListener('keydown', unlockOnGesture);
      sound.close();
    },
  };
}
