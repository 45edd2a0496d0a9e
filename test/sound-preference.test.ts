import { describe, expect, it } from 'vitest';
import { RING_INTERVAL_MS, readSoundOn, ringPlan, shouldRing, SOUND_KEY, writeSoundOn } from '../src/web/sound-preference';

/** A Storage stand-in: a Map, optionally one that refuses every read or write as a browser with storage blocked does. */
function memoryStorage(refuse = false) {
  const data = new Map<string, string>();
  return {
    data,
    getItem(key: string) {
      if (refuse) throw new Error('SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (refuse) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
  };
}

describe('the pager sound preference (sound-preference.ts)', () => {
  it('is off by default: nothing stored, storage missing, blocked, or holding something else', () => {
    expect(readSoundOn(memoryStorage())).toBe(false);
    expect(readSoundOn(null)).toBe(false);
    expect(readSoundOn(memoryStorage(true))).toBe(false);
    const odd = memoryStorage();
    odd.data.set(SOUND_KEY, 'true');
    expect(readSoundOn(odd)).toBe(false);
  });

  it('keeps the choice, on and then off again', () => {
    const storage = memoryStorage();
    expect(writeSoundOn(storage, true)).toBe(true);
    expect(storage.data.get(SOUND_KEY)).toBe('on');
    expect(readSoundOn(storage)).toBe(true);
    expect(writeSoundOn(storage, false)).toBe(true);
    expect(readSoundOn(storage)).toBe(false);
  });

  it('says so when the browser would not keep it', () => {
    expect(writeSoundOn(memoryStorage(true), true)).toBe(false);
    expect(writeSoundOn(null, true)).toBe(false);
  });

  it('stays silent unless turned on, whatever the motion setting', () => {
    expect(ringPlan({ soundOn: false, reducedMotion: false })).toBe('silent');
    expect(ringPlan({ soundOn: false, reducedMotion: true })).toBe('silent');
  });

  it('rings when turned on, and with reduced motion chimes once instead of ringing on', () => {
    expect(ringPlan({ soundOn: true, reducedMotion: false })).toBe('ring');
    expect(ringPlan({ soundOn: true, reducedMotion: true })).toBe('chime');
  });

  it('rings at once for a waiting page, then again every interval until it is acknowledged', () => {
    expect(shouldRing('ring', true, null, 1000)).toBe(true);
    expect(shouldRing('ring', true, 1000, 1000 + RING_INTERVAL_MS - 1)).toBe(false);
    expect(shouldRing('ring', true, 1000, 1000 + RING_INTERVAL_MS)).toBe(true);
    expect(shouldRing('ring', false, null, 1000)).toBe(false);
  });

  it('chimes only once for a page, and never when silent', () => {
    expect(shouldRing('chime', true, null, 0)).toBe(true);
    expect(shouldRing('chime', true, 0, 10 * RING_INTERVAL_MS)).toBe(false);
    expect(shouldRing('silent', true, null, 0)).toBe(false);
  });
});
