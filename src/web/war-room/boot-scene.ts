import { Scene } from 'phaser';
import { PALETTE } from './palette';

/** Sets the stage and hands over to the preloader at once: nothing to load yet. */
export class BootScene extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(PALETTE.background);
    this.scene.start('Preloader');
  }
}
