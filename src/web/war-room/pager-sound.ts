/**
 * The pager's sound, synthesized with WebAudio: no audio files. Phaser runs with `audio: { noAudio: true }`, so this
 * is its own small AudioContext, created only on a user gesture (browsers refuse to start audio otherwise) and only
 * once the player has turned the sound on. Nothing here imports Phaser.
 */
export type PagerTone = 'ring' | 'chime';

export interface PagerSound {
  /** Creates (or resumes) the AudioContext: call it from a click or key press. */
  unlock(): void;
  /** Whether an AudioContext is running and a tone would be heard. */
  ready(): boolean;
  play(tone: PagerTone): void;
  close(): void;
}

type AudioContextConstructor = new () => AudioContext;

export function createPagerSound(): PagerSound {
  let context: AudioContext | null = null;
  const Context: AudioContextConstructor | undefined = typeof window === 'undefined' ? undefined : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext);

  /** One enveloped tone: a quick attack and a decay, so it never clicks. */
  const beep = (at: number, frequency: number, length: number, peak: number, type: OscillatorType) => {
    const ctx = context!;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = type;
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(peak, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + length + 0.02);
  };

  return {
    unlock() {
      if (!Context) return;
      try {
        context ??= new Context();
        if (context.state === 'suspended') void context.resume();
      } catch {
        // No audio device, or audio refused: the pager stays silent and the room still shows it ringing.
        context = null;
      }
    },
    ready: () => context !== null && context.state === 'running',
    play(tone) {
      if (!context || context.state !== 'running') return;
      const t = context.currentTime + 0.01;
      if (tone === 'chime') {
        // One soft, low sine that fades out: for players who asked their system for less motion (see sound-preference.ts).
        beep(t, 660, 0.9, 0.08, 'sine');
        return;
      }
      // The classic pager: two alternating tones, three times, in a triangle wave that is bright but not harsh.
      for (let i = 0; i < 3; i++) {
        beep(t + i * 0.32, 1046, 0.13, 0.16, 'triangle');
        beep(t + i * 0.32 + 0.15, 784, 0.13, 0.16, 'triangle');
      }
    },
    close() {
      void context?.close().catch(() => undefined);
      context = null;
    },
  };
}
