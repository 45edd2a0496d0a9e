/**
 * What the CLI prints goes through here: control characters in player or scenario text (an escape sequence that
 * clears the screen, a hyperlink, a bell, a carriage return that hides what came before, bidirectional overrides)
 * are shown as visible escapes instead of acting on the terminal. Newlines and tabs are the CLI's own layout.
 */
import type { Io } from './io';

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional embedding and isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An Io whose every write is made safe for a terminal. */
export function safeIo(io: Io): Io {
  return { out: (text) => io.out(terminalSafe(text)), err: (text) => io.err(terminalSafe(text)) };
}
