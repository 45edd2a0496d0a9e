import { Scene } from 'phaser';
import { ensurePagerTexture } from './pager-icon';
import { ensureFigureTextures } from './responder-figure';

/**
 * Makes the war room's textures and hands over. Every picture is drawn in code (see assets/CREDITS.md), so there is
 * nothing to download or decode: no progress bar to show, the room follows in the same frame.
 */
export class PreloaderScene extends Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    ensurePagerTexture(this);
    ensureFigureTextures(this);
    this.game.events.emit('firedrill:load-progress', 1);
    this.scene.start('WarRoom');
  }
}
