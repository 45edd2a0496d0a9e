/**
 * What the player is writing or choosing in a run's panels, kept in localStorage per run so a reload brings it all
 * back. Only the writing tab keeps drafts (a watching tab would overwrite the writer's). A draft the browser refuses
 * to store (too large, or storage full) is reported to the player, never dropped in silence.
 */
import { readDraft, writeDraft } from './storage';

/** One thing being written or chosen: its name in storage, and how to name it to the player. */
export interface DraftField {
  name: string;
  label: string;
}

export class DraftStore {
  /** Drafts the browser last refused to keep: their labels and sizes (in characters). */
  private readonly notKept = new Map<string, { label: string; size: number }>();

  constructor(
    private readonly runId: string,
    private readonly writable: () => boolean,
    private readonly changed: () => void,
  ) {}

  read(name: string): string | null {
    return readDraft(this.runId, name);
  }

  /** Keeps what the field holds now ('' forgets it). */
  write(field: DraftField, text: string): void {
    if (!this.writable()) return;
    const before = [...this.notKept.keys()].join('\n');
    if (writeDraft(this.runId, field.name, text)) this.notKept.delete(field.name);
    else this.notKept.set(field.name, { label: field.label, size: text.length });
    // Told when what is not kept changes, not at every keystroke (the message is an alert, read out each time).
    if ([...this.notKept.keys()].join('\n') !== before) this.changed();
  }

  /** The drafts the browser would not keep, in words: "the status update (5,242,880 characters)". */
  notKeptNow(): string[] {
    return [...this.notKept.values()].map((d) => `${d.label} (${sizeText(d.size)})`);
  }
}

/** A draft's size in words: characters, which is what the player wrote (storage takes two bytes for each). */
function sizeText(characters: number): string {
  return `${characters.toLocaleString('en')} character${characters === 1 ? '' : 's'}`;
}
