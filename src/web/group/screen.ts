/** What every screen of a group drill shares: how the controller drives it, and how it talks to the person. */
import type { DraftStore } from '../drafts';
import type { CommandResult, DrillConnection, FacilitatorCommand, SeatMessage } from './connection';
import type { RemoteSeat } from './remote-seat';
import type { CommandInput } from '../../engine/index';

export interface GroupScreen {
  element: HTMLElement;
  /** A new state from the server (after every change, and once a second while the clock runs). */
  update(message: SeatMessage): void;
  /** Where focus goes when the screen is first shown. */
  focus(): void;
  destroy(): void;
}

export interface ScreenDeps {
  connection: DrillConnection;
  seat: RemoteSeat;
  /** Said politely to screen readers, and shown briefly. */
  announce(text: string): void;
  /** A refusal or a problem: an alert. */
  alert(text: string): void;
  /** Sends a command as this seat; a refusal is shown as an alert. */
  command(command: CommandInput | FacilitatorCommand): Promise<CommandResult>;
  /** This person's drafts for this drill, so a reload or reconnect brings back what they had not sent. */
  drafts: DraftStore;
  /** Switches this screen to or from the projector view (observers only). */
  setProjector(on: boolean): void;
}
