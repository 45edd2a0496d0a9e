/**
 * Fitting text to the room left for it, by measured width (never by counting characters): a line is cut with an
 * ellipsis, or a shorter alternative is chosen, so that nothing runs into its neighbour or out of its card.
 */

/** The width in pixels of a string in some font. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** `text` if it fits in `maxWidth`, else its longest prefix that fits with an ellipsis (or '' if not even that). */
export function ellipsize(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  if (measure(ELLIPSIS) > maxWidth) return '';
  // Binary search on the prefix length: widths grow with length.
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return text.slice(0, low).trimEnd() + ELLIPSIS;
}

/** The first of `candidates` that fits, else the last one cut to fit: a long form, then shorter ones. */
export function fitFirst(candidates: readonly string[], maxWidth: number, measure: Measure): string {
  for (const candidate of candidates) if (measure(candidate) <= maxWidth) return candidate;
  return ellipsize(candidates[candidates.length - 1] ?? '', maxWidth, measure);
}

/** `text + suffix`, cutting `text` (never the suffix, say a unit) when the whole does not fit. */
export function ellipsizeKeepingSuffix(text: string, suffix: string, maxWidth: number, measure: Measure): string {
  if (measure(text + suffix) <= maxWidth) return text + suffix;
  const room = maxWidth - measure(suffix);
  const cut = room > 0 ? ellipsize(text, room, measure) : '';
  return cut ? cut + suffix : ellipsize(text + suffix, maxWidth, measure);
}

/**
 * Greedy word wrap into at most `maxLines` lines of at most `maxWidth`. A word wider than a line is broken where it
 * must be; when the text does not fit in `maxLines`, the last line ends with an ellipsis.
 */
export function wrapLines(text: string, maxWidth: number, maxLines: number, measure: Measure): string[] {
  if (maxLines <= 0) return [];
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    const joined = current ? `${current} ${word}` : word;
    if (measure(joined) <= maxWidth) {
      current = joined;
      continue;
    }
    if (current) {
      lines.push(current);
      current = '';
    }
    // A word longer than a whole line is broken over lines.
    while (measure(word) > maxWidth && word.length > 1) {
      let take = word.length - 1;
      while (take > 1 && measure(word.slice(0, take)) > maxWidth) take--;
      lines.push(word.slice(0, take));
      word = word.slice(take);
    }
    current = word;
    if (lines.length >= maxLines) break;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]!}${ELLIPSIS}`, maxWidth, measure).replace(/…+$/, ELLIPSIS);
  return kept;
}

const contexts = new Map<string, Measure>();

/** A measure for a CSS font string (as Phaser builds it: "bold 12px family"), from a 2D canvas, with a cache. */
export function canvasMeasure(font: string): Measure {
  let measure = contexts.get(font);
  if (measure) return measure;
  const context = document.createElement('canvas').getContext('2d')!;
  const cache = new Map<string, number>();
  measure = (text: string) => {
    let width = cache.get(text);
    if (width === undefined) {
      context.font = font;
      width = context.measureText(text).width;
      // Countdowns and values make new strings all the time: the cache is bounded.
      if (cache.size > 2000) cache.clear();
      cache.set(text, width);
    }
    return width;
  };
  contexts.set(font, measure);
  return measure;
}
