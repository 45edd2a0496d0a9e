/**
 * Reads a status update written in the module's template:
 *
 *   [TIME] [SEV-X] Update #N
 *   Current Status: …
 *   Impact: …
 *   Actions: …
 *   Next Update: In X minutes
 *
 * It tolerates the usual variants (brackets or not, "SEV1"/"SEV-1"/"Sev 1", "Update 2"/"#2", "Status:" for
 * "Current Status:", "Next update in 15 min", labels in any case, bullet points) so players are graded on what
 * they said, not on typography.
 */
import { MAX_PROMISE_MINUTES } from './limits';
import type { Severity } from './scenario/schema';

export interface ParsedStatusUpdate {
  time: string | null;
  severity: Severity | null;
  number: number | null;
  currentStatus: string | null;
  impact: string | null;
  actions: string | null;
  nextUpdate: string | null;
  /** The promised minutes until the next update, when "Next Update" says so. */
  nextUpdateMinutes: number | null;
}

const FIELD_LABELS: Array<[keyof Pick<ParsedStatusUpdate, 'currentStatus' | 'impact' | 'actions' | 'nextUpdate'>, RegExp]> = [
  ['currentStatus', /^(?:current\s+status|status|current\s+state)\s*[:\-–]\s*/i],
  ['impact', /^(?:impact|customer\s+impact|user\s+impact)\s*[:\-–]\s*/i],
  ['actions', /^(?:actions?|next\s+steps|actions?\s+in\s+progress|mitigation|what\s+we(?:'|’)?re\s+doing|what\s+we\s+are\s+doing)\s*[:\-–]\s*/i],
  ['nextUpdate', /^(?:next\s+update)\s*(?:[:\-–]\s*|(?=in\b|at\b))/i],
];

export function parseStatusUpdate(text: string): ParsedStatusUpdate {
  const result: ParsedStatusUpdate = {
    time: null,
    severity: null,
    number: null,
    currentStatus: null,
    impact: null,
    actions: null,
    nextUpdate: null,
    nextUpdateMinutes: null,
  };
  // Bullets and Markdown emphasis around labels ("**Impact:**") are typography, not content.
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[-*•]\s+)?/, '').replace(/^(?:\*\*|__)([^*_:]+):(?:\*\*|__)/, '$1:').replace(/^(?:\*\*|__)([^*_:]+)(?:\*\*|__):/, '$1:').trim());
  let current: (typeof FIELD_LABELS)[number][0] | null = null;
  for (const line of lines) {
    if (line === '') continue;
    const header = parseHeader(line);
    if (header && result.severity === null && result.number === null && result.time === null) {
      Object.assign(result, header);
      current = null;
      continue;
    }
    const field = FIELD_LABELS.find(([, label]) => label.test(line));
    if (field) {
      const [name, label] = field;
      current = name;
      result[name] = line.replace(label, '').trim() || null;
      continue;
    }
    // Continuation lines belong to the field above them.
    if (current) {
      const previous = result[current];
      result[current] = typeof previous === 'string' ? `${previous} ${line}` : line;
    }
  }
  if (result.nextUpdate === null) {
    // A one-line update may still promise the next one mid-sentence.
    // One way to read the gap after the label: two optional runs of spaces around an optional colon would let a long
    // run of spaces be split every possible way.
    const inline = /(?:next\s+update|(?:post|update|write)\s+again)\s*(?:[:\-–]\s*)?((?:in|by|at)\s+[^.;\n]*|[^.;\n]*)/i.exec(text);
    if (inline && inline[1]!.trim() !== '') result.nextUpdate = inline[1]!.trim();
  }
  const promised = result.nextUpdate === null ? null : minutesFrom(result.nextUpdate, result.time);
  // A promise beyond a week (or beyond counting) is no concrete promise: it sets no deadline.
  result.nextUpdateMinutes = promised !== null && Number.isFinite(promised) && promised <= MAX_PROMISE_MINUTES ? promised : null;
  return result;
}

function parseHeader(line: string): Partial<ParsedStatusUpdate> | null {
  const severity = /\bsev(?:erity)?\s*(?:[-_]\s*)?([1-4])\b/i.exec(line);
  // Each run of spaces can be read one way only: a long run must not be split every possible way.
  const number = /\bupdate\s*(?:(?:#|no\.?|number)\s*)?(\d{1,6})\b/i.exec(line);
  const time = /\b(\d{1,2}:\d{2})(?:\s*(?:utc|am|pm))?\b/i.exec(line);
  if (!severity && !number) return null;
  return {
    severity: severity ? (`SEV${severity[1]}` as Severity) : null,
    number: number ? Number(number[1]) : null,
    time: time ? time[1]! : null,
  };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20,
  'twenty-five': 25, thirty: 30, forty: 40, 'forty-five': 45, sixty: 60, ninety: 90, a: 1, an: 1,
};

/**
 * "In 15 minutes", "15 min", "in fifteen minutes", "in half an hour", "in 1 hour" → minutes. A clock time
 * ("09:17", "by 9:17") is measured from the update's own time when it has one.
 */
export function minutesFrom(text: string, updateTime: string | null = null): number | null {
  const lower = text.toLowerCase();
  if (/half\s+an?\s+hour/.test(lower)) return 30;
  const clock = /\b(\d{1,2}):(\d{2})\b/.exec(lower);
  if (clock) {
    const from = updateTime ? /(\d{1,2}):(\d{2})/.exec(updateTime) : null;
    if (!from) return null;
    const minutes = (Number(clock[1]) * 60 + Number(clock[2]) - (Number(from[1]) * 60 + Number(from[2])) + 24 * 60) % (24 * 60);
    return minutes > 0 && minutes <= 12 * 60 ? minutes : null;
  }
  const match = /(\d+(?:\.\d+)?)\s*(m\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b)?/.exec(lower);
  if (match) {
    const value = Number(match[1]);
    const unit = match[2] ?? 'minutes';
    return unit.startsWith('h') ? value * 60 : value;
  }
  const words = /\b(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty-five|twenty|thirty|forty-five|forty|sixty|ninety|an?)\s+(minutes?|mins?|hours?)\b/.exec(lower);
  if (words) {
    const value = NUMBER_WORDS[words[1]!]!;
    return words[2]!.startsWith('h') ? value * 60 : value;
  }
  return null;
}

/** Renders the template with what is known, for the composer's pre-filled text. */
export function statusUpdateTemplate(fields: {
  time: string;
  severity: Severity | null;
  number: number;
  nextUpdateMinutes: number;
}): string {
  return [
    `[${fields.time}] [${fields.severity ? fields.severity.replace('SEV', 'SEV-') : 'SEV-?'}] Update #${fields.number}`,
    '',
    'Current Status: ',
    'Impact: ',
    'Actions: ',
    `Next Update: In ${fields.nextUpdateMinutes} minutes`,
  ].join('\n');
}
