import type { Session } from './session';
import type { RoomLifeState } from './war-room/game';
import type { WarRoomScreen } from './war-room-screen';

declare global {
  interface Window {
    __firedrill?: {
      session(): Session | null;
      fps(): number;
      /** Every text shown on the war room canvas, in page CSS pixels, with the card it belongs to. */
      canvasTexts(): ReturnType<WarRoomScreen['canvasTexts']>;
      /** The war room canvas's cards, in page CSS pixels. */
      canvasCards(): ReturnType<WarRoomScreen['canvasCards']>;
      /** The war room's life (figures, pager, motion); null until the Phaser display has started. */
      life(): RoomLifeState | null;
      /** Pixels of the war room canvas that differ from it drawn whole at once; -1 until it runs. */
      redrawDifference(): number;
    };
  }
}

/** Browser tests reach the running session through this; it exists only in test builds (vite build --mode test). */
export function installTestHook(current: () => { session: Session | null; warRoom: WarRoomScreen | null }): void {
  if (!__FIREDRILL_TEST__) return;
  window.__firedrill = {
    session: () => current().session,
    fps: () => current().warRoom?.fps() ?? 0,
    canvasTexts: () => current().warRoom?.canvasTexts() ?? [],
    canvasCards: () => current().warRoom?.canvasCards() ?? [],
    life: () => current().warRoom?.life() ?? null,
    redrawDifference: () => current().warRoom?.redrawDifference() ?? -1,
  };
}
