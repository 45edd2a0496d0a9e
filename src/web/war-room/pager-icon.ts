/**
 * The pager icon, drawn in code into a canvas texture. It was an SVG file the preloader fetched and rasterised, which
 * took a tenth of a second or more before the first war-room frame (software rendering, a cold image decoder); the
 * same shapes drawn with the 2D canvas cost well under a millisecond and need nothing downloaded.
 */
import type { Scene } from 'phaser';
import { css } from './card';
import { PALETTE } from './palette';

export const PAGER_TEXTURE = 'pager';
/** The icon's side, in game pixels. */
export const PAGER_ICON_SIZE = 64;

/** Makes the pager texture once per game: a body with an orange edge, a dark screen and three buttons. */
export function ensurePagerTexture(scene: Scene): void {
  if (scene.textures.exists(PAGER_TEXTURE)) return;
  const texture = scene.textures.createCanvas(PAGER_TEXTURE, PAGER_ICON_SIZE, PAGER_ICON_SIZE)!;
  const context = texture.getContext();
  context.fillStyle = css(PALETTE.panelEdge);
  context.strokeStyle = css(PALETTE.accent);
  context.lineWidth = 3;
  context.beginPath();
  context.roundRect(6, 14, 52, 36, 6);
  context.fill();
  context.stroke();
  context.fillStyle = css(PALETTE.background);
  context.beginPath();
  context.roundRect(12, 20, 40, 14, 2);
  context.fill();
  // The first button lit, the other two plain.
  const buttons: Array<[number, string]> = [
    [20, css(PALETTE.accent)],
    [32, PALETTE.muted],
    [44, PALETTE.muted],
  ];
  for (const [x, colour] of buttons) {
    context.fillStyle = colour;
    context.beginPath();
    context.arc(x, 42, 3, 0, Math.PI * 2);
    context.fill();
  }
  texture.refresh();
}
