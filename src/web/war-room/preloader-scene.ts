import { Scene } from 'phaser';
import { ensurePagerTexture } from './pager-icon';
import { PALETTE } from './palette';
import { ensureFigureTextures } from './responder-figure';
import { SOURCE } from './war-room-scene';

/**
 * Makes the war room's textures and hands over to the room once it has something to show. Every picture is drawn in
 * code (see assets/CREDITS.md), so there is nothing to download or decode. A new drill starts Phaser while its engine
 * is still loading: the room then starts when the page gives it the run (`source` in the registry).
 */
export class PreloaderScene extends Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    // The canvas is not cleared between frames (see game.ts): the camera paints the background itself.
    this.cameras.main.setBackgroundColor(PALETTE.background);
    ensurePagerTexture(this);
    ensureFigureTextures(this);
    this.game.events.emit('firedrill:load-progress', 1);
    if (this.registry.has(SOURCE)) this.scene.start('WarRoom');
    else {
      const start = (_parent: unknown, key: string) => {
        if (key !== SOURCE) return;
        this.registry.events.off('setdata', start);
        this.scene.start('WarRoom');
      };
      this.registry.events.on('setdata', start);
    }
  }
}
