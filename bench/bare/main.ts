// The benchmark's baseline: the smallest Phaser 4 WebGL scene, built by the same Vite, marking its first frame.
import { Game, Scene, WEBGL } from 'phaser';

class Bare extends Scene {
  constructor() {
    super('Bare');
  }

  create(): void {
    this.add.rectangle(480, 300, 200, 120, 0xf97316);
    this.add.text(400, 380, 'bare scene', { color: '#ffffff' });
    this.game.events.once('postrender', () => performance.mark('bare:first-frame'));
  }
}

new Game({ type: WEBGL, parent: 'stage', width: 960, height: 600, banner: false, audio: { noAudio: true }, scene: [Bare] });
