/**
 * Starts the Phaser war room inside a container. Loaded on demand, so the briefing and panels are usable before
 * Phaser has even downloaded.
 */
import { Game, Scale, WEBGL } from 'phaser';
import { BootScene } from './boot-scene';
import type { CharacterState } from './character-state';
import { motionStats } from './motion';
import type { RingMode } from './pager-ring';
import { HEIGHT, PALETTE, WIDTH } from './palette';
import { PreloaderScene } from './preloader-scene';
import { WarRoomScene, type WarRoomSource } from './war-room-scene';

/** The room's life as the browser tests read it (test builds only expose it). */
export interface RoomLifeState {
  tweensStarted: number;
  tweensActive: number;
  reducedMotion: boolean;
  pager: RingMode | null;
  alarm: boolean;
  characters: CharacterState[];
}

export interface WarRoomHandle {
  destroy(): void;
  fps(): number;
  life(): RoomLifeState;
}

export function startWarRoom(parent: HTMLElement, source: WarRoomSource, hooks: { onProgress(value: number): void; onFirstFrame(): void; onError(message: string): void }): WarRoomHandle {
  const game = new Game({
    type: WEBGL,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: PALETTE.background,
    scale: { mode: Scale.FIT, autoCenter: Scale.CENTER_HORIZONTALLY },
    banner: false,
    audio: { noAudio: true },
    scene: [BootScene, PreloaderScene, WarRoomScene],
    callbacks: {
      preBoot: (g) => {
        g.registry.set('source', source);
      },
    },
  });
  game.events.on('firedrill:load-progress', hooks.onProgress);
  game.events.once('firedrill:first-frame', hooks.onFirstFrame);
  return {
    destroy: () => game.destroy(true),
    fps: () => game.loop.actualFps,
    life: () => {
      const stats = motionStats(game);
      const scene = game.scene.getScene('WarRoom') as WarRoomScene | null;
      const life = scene?.life;
      return { tweensStarted: stats.started, tweensActive: stats.active, reducedMotion: stats.reduced, pager: life?.pager.current ?? null, alarm: life?.alarm.showing ?? false, characters: [...(life?.responders.states ?? [])] };
    },
  };
}
