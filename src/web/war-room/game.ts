/**
 * Starts the Phaser war room inside a container. Loaded on demand, so the briefing and panels are usable before
 * Phaser has even downloaded.
 */
import { Game, Scale, WEBGL, type Renderer } from 'phaser';
import { BootScene } from './boot-scene';
import type { CharacterState } from './character-state';
import { motionStats } from './motion';
import type { RingMode } from './pager-ring';
import { HEIGHT, PALETTE, WIDTH } from './palette';
import { PreloaderScene } from './preloader-scene';
import { SOURCE, WarRoomScene, type WarRoomLayout, type WarRoomSource } from './war-room-scene';

/** A box on the page, in CSS pixels. */
export interface PageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The room's life as the browser tests read it (test builds only expose it). */
export interface RoomLifeState {
  tweensStarted: number;
  tweensActive: number;
  reducedMotion: boolean;
  pager: RingMode | null;
  alarm: boolean;
  characters: CharacterState[];
  /** Frames the game has drawn since it started (frames that would look like the last one are not drawn). */
  framesDrawn: number;
  /** Canvas pixels drawn since the war room started (only changed regions are drawn), and the last frame's regions. */
  pixelsDrawn: number;
  lastRegions: Array<{ x: number; y: number; width: number; height: number }>;
}

export interface WarRoomHandle {
  /** Gives the room what to show, when it was started without it. */
  setSource(source: WarRoomSource): void;
  destroy(): void;
  fps(): number;
  /** Every text shown on the canvas, where it is on the page (empty until the war room scene runs). */
  canvasTexts(): Array<{ key: string; card: string; text: string } & PageBox>;
  /** Every card of the canvas, where it is on the page; `overlay` for one drawn over the others for a while. */
  canvasCards(): Array<{ card: string; overlay?: boolean } & PageBox>;
  /** The room's life: figures, pager, alarm and tweens. */
  life(): RoomLifeState;
  /**
   * Draws what changed since the last frame, then tells how many pixels of the canvas differ from the room drawn whole
   * (-1 before the war room runs): the check that drawing only changed regions leaves no trace of what moved.
   */
  redrawDifference(): number;
}

/**
 * Starts Phaser in `parent`. The room itself starts once it has a source: given here, or later with `setSource` (a
 * new drill boots Phaser while its engine still loads).
 */
export function startWarRoom(parent: HTMLElement, source: WarRoomSource | null, hooks: { onProgress(value: number): void; onFirstFrame(): void; onError(message: string): void }): WarRoomHandle {
  const game = new Game({
    type: WEBGL,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: PALETTE.background,
    scale: { mode: Scale.FIT, autoCenter: Scale.CENTER_HORIZONTALLY },
    banner: false,
    // No multisampled drawing buffer: the room is textured quads whose edges the 2D canvases already smooth, and with
    // software WebGL (no GPU) multisampling made each frame cost ~20 ms in the GPU process against ~4 ms without it
    // (`npm run bench`: 38 fps with it, 59 without, at 10× with the pager ringing). One texture per batch: the shader
    // that chooses among many textures per pixel took ~45 ms to compile before the first frame, one texture ~15 ms, and
    // the room's few dozen quads draw as fast either way.
    // The canvas keeps its pixels between frames and is not cleared, so the war room draws only the regions that
    // changed (partial-redraw.ts): with software WebGL a whole frame cost ~12 ms, a ringing pager's corner well under 1.
    render: { antialiasGL: false, maxTextures: 1, preserveDrawingBuffer: true, clearBeforeRender: false },
    audio: { noAudio: true },
    scene: [BootScene, PreloaderScene, WarRoomScene],
    callbacks: {
      preBoot: (g) => {
        if (source) g.registry.set(SOURCE, source);
      },
    },
  });
  // A frame that would look like the last one is not drawn at all: the war room's cards are brought up to date first,
  // and only when one changed, or a tween is moving something, does the game draw. The page's canvas keeps the last drawn frame, and with software
  // WebGL (no GPU) each drawn frame costs a whole-canvas read-back by the compositor, however little changed.
  const draw = game.step.bind(game);
  let framesDrawn = 0;
  game.step = (time: number, delta: number) => {
    const room = game.scene.getScene('WarRoom') as WarRoomScene | null;
    if (room?.sys.isActive() && !room.refresh(delta)) game.headlessStep(time, delta);
    else {
      framesDrawn++;
      draw(time, delta);
    }
  };
  game.events.on('firedrill:load-progress', hooks.onProgress);
  game.events.once('firedrill:first-frame', hooks.onFirstFrame);
  const layout = (): WarRoomLayout => {
    const scene = game.scene.getScene('WarRoom') as WarRoomScene | null;
    return scene?.sys.isActive() ? scene.layout() : { cards: [], texts: [] };
  };
  /** Game coordinates to page CSS pixels: Scale.FIT draws the game scaled by `displayScale` (game px per CSS px). */
  const toPage = (box: { x: number; y: number; width: number; height: number }): PageBox => {
    const canvas = game.canvas.getBoundingClientRect();
    const { x: sx, y: sy } = game.scale.displayScale;
    return { left: canvas.left + box.x / sx, top: canvas.top + box.y / sy, width: box.width / sx, height: box.height / sy };
  };
  return {
    setSource: (given) => {
      if (!game.registry.has(SOURCE)) game.registry.set(SOURCE, given);
    },
    destroy: () => game.destroy(true),
    fps: () => game.loop.actualFps,
    canvasTexts: () => layout().texts.map((t) => ({ key: t.key, card: t.card, text: t.text, ...toPage(t) })),
    canvasCards: () => layout().cards.map((c) => ({ card: c.card, ...(c.overlay ? { overlay: true } : {}), ...toPage(c) })),
    life: () => {
      const stats = motionStats(game);
      const scene = game.scene.getScene('WarRoom') as WarRoomScene | null;
      const life = scene?.life;
      const redraw = scene?.sys.isActive() ? scene.redraw : null;
      return {
        tweensStarted: stats.started,
        tweensActive: stats.active,
        reducedMotion: stats.reduced,
        pager: life?.pager.current ?? null,
        alarm: life?.alarm.showing ?? false,
        characters: [...(life?.responders.states ?? [])],
        framesDrawn,
        pixelsDrawn: redraw?.pixelsDrawn ?? 0,
        lastRegions: redraw ? redraw.lastRegions.map((r) => ({ ...r })) : [],
      };
    },
    redrawDifference: () => {
      const scene = game.scene.getScene('WarRoom') as WarRoomScene | null;
      if (!scene?.sys.isActive()) return -1;
      const renderer = game.renderer as Renderer.WebGL.WebGLRenderer;
      const gl = renderer.gl;
      const { width, height } = game.canvas;
      const read = () => {
        const pixels = new Uint8Array(width * height * 4);
        gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
        return pixels;
      };
      const render = () => {
        renderer.preRender();
        game.scene.render(renderer);
        renderer.postRender();
      };
      // What changed since the last drawn frame is drawn as usual, then the whole room, in this one task: nothing
      // moves in between, so any difference is something the changed regions missed.
      render();
      const now = read();
      scene.redraw.damageAll();
      render();
      const whole = read();
      let differing = 0;
      for (let i = 0; i < now.length; i += 4) {
        if (now[i] !== whole[i] || now[i + 1] !== whole[i + 1] || now[i + 2] !== whole[i + 2] || now[i + 3] !== whole[i + 3]) differing++;
      }
      return differing;
    },
  };
}
