import { Scene } from 'phaser';
import pagerUrl from '../../../assets/war-room/pager.svg?url';
import personUrl from '../../../assets/war-room/person.svg?url';
import { FONT, HEIGHT, PALETTE, WIDTH } from './palette';

/** Loads the war room's assets behind a progress bar, also reported to the page for its own loading indicator. */
export class PreloaderScene extends Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    const box = this.add.graphics();
    box.fillStyle(PALETTE.panel, 1);
    box.fillRoundedRect(WIDTH / 2 - 160, HEIGHT / 2 - 14, 320, 28, 6);
    const bar = this.add.graphics();
    const label = this.add.text(WIDTH / 2, HEIGHT / 2 - 40, 'Setting up the war room…', { fontFamily: FONT, fontSize: '18px', color: PALETTE.text }).setOrigin(0.5);
    this.load.on('progress', (value: number) => {
      bar.clear();
      bar.fillStyle(PALETTE.accent, 1);
      bar.fillRoundedRect(WIDTH / 2 - 156, HEIGHT / 2 - 10, 312 * value, 20, 4);
      this.game.events.emit('firedrill:load-progress', value);
    });
    this.load.once('complete', () => label.destroy());
    this.load.svg('pager', pagerUrl, { width: 64, height: 64 });
    this.load.svg('person', personUrl, { width: 48, height: 48 });
  }

  create(): void {
    this.scene.start('WarRoom');
  }
}
