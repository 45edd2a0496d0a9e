import type { Session } from './session';
import type { WarRoomScreen } from './war-room-screen';

declare global {
  interface Window {
    __firedrill?: {
      session(): Session | null;
      fps(): number;
    };
  }
}

/** Browser tests reach the running session through this; it exists only in test builds (vite build --mode test). */
export function installTestHook(current: () => { session: Session | null; warRoom: WarRoomScreen | null }): void {
  if (!__FIREDRILL_TEST__) return;
  window.__firedrill = {
    session: () => current().session,
    fps: () => current().warRoom?.fps() ?? 0,
  };
}
