/** Escaping for every place player or author text is shown. Nothing a player writes may become markup. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
    .replace(/^(\s*)([#+\-=]|\d+\.)/gm, '$1\\$2');
}

/** A Markdown table cell: escaped, and on one line. */
export function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, ' ').trim() || '—';
}

/** JSON that stays inert even if someone pastes it into a page. */
export function safeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}
