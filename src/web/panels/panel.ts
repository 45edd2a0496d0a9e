import { html } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { CommandInput, Scenario, SeatView } from '../../engine/index';
import type { Difficulty } from '../difficulty';
import type { DraftStore } from '../drafts';

/**
 * What panels read of a drill: the solo `Session` around a local run, or a group drill's seat fed by the server.
 * Panels only read; they never hold game rules.
 */
export interface SessionLike {
  /** The scenario being played, for names and labels. */
  readonly scenario: Scenario;
  /** The responder this seat plays: commands are issued as them. */
  readonly player: string;
  readonly difficulty: Difficulty;
  /** What this seat may know now. */
  view(): SeatView;
  /** The current game minute. */
  now(): number;
}

/** What every panel gets: the session to read, and one way to send a command and show its outcome. */
export interface PanelContext {
  session: SessionLike;
  /**
   * Sends a command as the player's seat; resolves true when the engine accepted it, false when it was refused
   * (the refusal is shown). A promise because a group drill's engine is on the server: what the player wrote is
   * cleared only once it is known to have gone through.
   */
  send(command: CommandInput): Promise<boolean>;
  hints: boolean;
  /** Confirms what happened, on screen and to screen readers. */
  announce(message: string): void;
  /** Asks before something that cannot be undone; resolves true when the player confirms. */
  confirm(title: string, body: string, action: string): Promise<boolean>;
  /** Every text and choice the player has not sent yet, kept for this run so a reload brings it back. */
  drafts: DraftStore;
}

/**
 * A panel renders with lit-html into its own element, once per update, and lit-html changes only what the view
 * changed: the elements stay, so focus stays where it was.
 *
 * What the player is writing or choosing is theirs, never the view's. Every text field a panel keeps in a draft of
 * its own (saved per run in `ctx.drafts`, so a reload brings it back) and binds with `live()`, which writes only when
 * the draft differs from what is on screen: an update leaves the text, focus and caret alone. Radios are bound by
 * their `checked` attribute (the default), which stops mattering once the player has clicked one, so an update cannot
 * undo a choice; their draft sets it after a reload. Selects keep the player's pick in `Picks`.
 */
export interface Panel {
  id: string;
  title: string;
  /** The key that opens this panel (with Alt), shown in the help overlay. */
  key: string;
  element: HTMLElement;
  update(view: SeatView): void;
}

/** The element a panel renders into. */
export function panelBody(): HTMLDivElement {
  const element = document.createElement('div');
  element.className = 'panel-body';
  return element;
}

/**
 * What the player picked in a panel's selects, by the select's key. The view supplies only the options: a pick
 * stands while its option is offered. Once it is not, the select falls back to the panel's default and the pick is
 * forgotten, so the choice never jumps back later without the player doing anything.
 */
export class Picks {
  private readonly picked = new Map<string, string>();

  /** Picks are kept as drafts too, so a reload shows the same choices. */
  constructor(private readonly drafts: DraftStore) {}

  /** The option a select shows: the player's pick while it is offered, else the fallback if offered, else the first. */
  chosen(key: string, options: readonly string[], fallback: string | null = null): string | undefined {
    const pick = this.picked.get(key) ?? this.drafts.read(pickDraft(key)) ?? undefined;
    if (pick !== undefined && options.includes(pick)) {
      this.picked.set(key, pick);
      return pick;
    }
    if (pick !== undefined) this.forget(key);
    return fallback !== null && options.includes(fallback) ? fallback : options[0];
  }

  /** The select's change listener: records what the player picked; `label` names the choice if it cannot be kept. */
  onChange(key: string, label: string): (event: Event) => void {
    return (event) => {
      if (!(event.currentTarget instanceof HTMLSelectElement)) return;
      this.picked.set(key, event.currentTarget.value);
      this.drafts.write({ name: pickDraft(key), label }, event.currentTarget.value);
    };
  }

  private forget(key: string): void {
    this.picked.delete(key);
    this.drafts.write({ name: pickDraft(key), label: key }, '');
  }
}

const pickDraft = (key: string) => `pick:${key}`;

/**
 * A select's options, keyed so they update in place. `live` compares with the element itself, not with the last
 * render, so the option shown is always `chosen` (the player's pick, or the fallback once the pick is gone).
 */
export function optionList(options: ReadonlyArray<{ value: string; label: string }>, chosen: string | undefined): ReturnType<typeof repeat> {
  return repeat(
    options,
    (option) => option.value,
    (option) => html`<option value=${option.value} .selected=${live(option.value === chosen)}>${option.label}</option>`,
  );
}

/** The text a field holds, for a listener bound to it. */
export function fieldText(event: Event): string {
  const field = event.currentTarget;
  return field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : '';
}

export { formatMinute as formatClock } from '../../engine/index';
