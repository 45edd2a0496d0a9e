import type { CommandInput, RunView } from '../../engine/index';
import type { Session } from '../session';

/** What every panel gets: the session to read, and one way to send a command and show its outcome. */
export interface PanelContext {
  session: Session;
  /** Sends a command as the player; returns true when the engine accepted it. Refusals are announced. */
  send(command: CommandInput, by?: string): boolean;
  hints: boolean;
  /** Confirms what happened, on screen and to screen readers. */
  announce(message: string): void;
  /** Asks before something that cannot be undone; resolves true when the player confirms. */
  confirm(title: string, body: string, action: string): Promise<boolean>;
}

export interface Panel {
  id: string;
  title: string;
  /** The key that opens this panel (with Alt), shown in the help overlay. */
  key: string;
  element: HTMLElement;
  update(view: RunView): void;
}

/**
 * Replaces a region's children but keeps keyboard focus on the element with the same `data-key`, so re-rendering
 * as the incident moves never throws the player's focus away.
 */
export function replaceKeepingFocus(container: HTMLElement, children: Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  // What the player chose in a list or typed in a field survives the re-render too.
  const values = new Map<string, string>();
  for (const field of container.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select[data-key], input[data-key]')) values.set(field.dataset.key!, field.value);
  container.replaceChildren(...children);
  for (const field of container.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select[data-key], input[data-key]')) {
    const kept = values.get(field.dataset.key!);
    if (kept === undefined) continue;
    if (field instanceof HTMLSelectElement ? [...field.options].some((o) => o.value === kept) : true) field.value = kept;
  }
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

export function responderName(view: RunView, id: string | null): string {
  if (!id) return 'nobody';
  return view.responders.find((r) => r.id === id)?.name ?? view.stakeholders.find((s) => s.id === id)?.name ?? id;
}

export { formatMinute as formatClock } from '../../engine/index';
