/**
 * The pager's sound: off unless the player turns it on, and the choice kept in localStorage. Pure apart from the
 * storage passed in, so the rules are tested without a browser.
 *
 * Reduced sound: there is no standard "prefers reduced sound" setting, so sound is simply off by default and stays
 * off until the player asks for it; no stored value, an unreadable one or storage that cannot be read all mean off.
 *
 * Reduced motion as a hint: people who ask their system for less motion often do so because sudden, repeated
 * stimuli are hard on them (vestibular disorders, migraine, attention). It is not a request for silence, and a player
 * who turned sound on has said what they want, so it never mutes the pager; but it does make the pager quieter in
 * kind: one soft chime when the page arrives instead of a ring repeated until it is acknowledged.
 */
export const SOUND_KEY = 'firedrill:pager-sound';

/** How often (real time) an unacknowledged pager rings again. */
export const RING_INTERVAL_MS = 4000;

export type RingPlan = 'silent' | 'ring' | 'chime';

type Readable = Pick<Storage, 'getItem'>;
type Writable = Pick<Storage, 'setItem'>;

/** Whether the player turned the pager sound on; anything else (never chosen, unreadable storage) is off. */
export function readSoundOn(storage: Readable | null): boolean {
  try {
    return storage?.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Keeps the choice; false when the browser would not store it (the choice still holds for this page). */
export function writeSoundOn(storage: Writable | null, on: boolean): boolean {
  try {
    if (!storage) return false;
    storage.setItem(SOUND_KEY, on ? 'on' : 'off');
    return true;
  } catch {
    return false;
  }
}

/** What the pager sounds like, given the player's choice and the system's reduced-motion setting (see above). */
export function ringPlan(options: { soundOn: boolean; reducedMotion: boolean }): RingPlan {
  if (!options.soundOn) return 'silent';
  return options.reducedMotion ? 'chime' : 'ring';
}

/**
 * Whether the pager should sound now. `lastRingAt` is when it last sounded for this page (real milliseconds), null
 * if it has not yet. A ring repeats every RING_INTERVAL_MS while the page waits; a chime sounds once per page.
 */
export function shouldRing(plan: RingPlan, ringing: boolean, lastRingAt: number | null, nowMs: number): boolean {
  if (plan === 'silent' || !ringing) return false;
  if (lastRingAt === null) return true;
  return plan === 'ring' && nowMs - lastRingAt >= RING_INTERVAL_MS;
}
