/** Escaping for every place player or author text is shown. Nothing a player writes may become markup. */

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Inline Markdown: backslash-escape what Markdown would interpret, and turn angle brackets into entities so no
 * renderer passes raw HTML through.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // Blank space before a line's first mark, not crossing lines: it escapes the same marks as `^\s*` would, but
    // `^\s*` made every line start in a long blank stretch scan the rest of it (0.5 s for 20,000 newlines).
    .replace(/^([^\S\n\r\u2028\u2029]*)([#+\-=]|\d+\.)/gm, '$1\\$2');
}

/** A Markdown table cell: escaped, and on one line. */
export function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, ' ').trim() || '—';
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** JSON that stays inert even if someone pastes it into a page. */
export function safeJson(value: unknown): string {
  // One pass for the three characters: a long report's JSON runs to tens of megabytes.
  return `${JSON.stringify(value, null, 2).replace(/[<>&]/g, (c) => JSON_ESCAPES[c]!)}\n`;
}
