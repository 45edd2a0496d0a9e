/**
 * Reading what the player wrote: status updates against the module's template, and postmortem or update wording
 * against blameless practice.
 */
import type { Scenario } from '../engine/scenario/schema';
import { parseStatusUpdate, type ParsedStatusUpdate } from '../engine/status-update';

export const UPDATE_FIELDS = ['time', 'severity', 'number', 'currentStatus', 'impact', 'actions', 'nextUpdate'] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];
export const UPDATE_FIELD_LABELS: Record<UpdateField, string> = {
  time: 'time',
  severity: 'SEV',
  number: 'update number',
  currentStatus: 'Current Status',
  impact: 'Impact',
  actions: 'Actions',
  nextUpdate: 'Next Update',
};

const VAGUE = /^(?:-+|\?+|n\/?a|tbd|tbc|unknown|none|some|various|issues?|problems?|stuff|things|working on it|looking into it|investigating|ongoing|see above|same as before|same)\.?$/i;
/**
 * "Some users affected" and the like. Written as `A?(\s*B)?(\s*C)?(\s*D|\s*)\.?`, which matches exactly what
 * `A?\s*B?\s*C?\s*D?\.?` does, rather than that: there, a long run of spaces could be split between the `\s*`s in
 * every way before failing, which took seconds for one long line.
 */
const VAGUE_IMPACT = /^(?:some|a few|many|several)?(?:\s*(?:users?|customers?|people|things|services?))?(?:\s*(?:are|may be|might be))?(?:\s*(?:affected|impacted|having issues|seeing issues|seeing errors)|\s*)\.?$/i;

export interface UpdateReview {
  missing: UpdateField[];
  vague: UpdateField[];
  /** The number the update carries when it is not the one due (a repeated or skipped number); null when right. */
  misnumbered: number | null;
}

/** Names each template field an update lacks or leaves vague. `expectedNumber` checks the update's numbering. */
export function reviewUpdate(text: string, expectedNumber: number): UpdateReview {
  return reviewParsedUpdate(parseStatusUpdate(text), expectedNumber);
}

/** `reviewUpdate` for an update already parsed. */
export function reviewParsedUpdate(parsed: ParsedStatusUpdate, expectedNumber: number): UpdateReview {
  const missing: UpdateField[] = [];
  const vague: UpdateField[] = [];
  if (parsed.time === null) missing.push('time');
  if (parsed.severity === null) missing.push('severity');
  // A wrong number is not vague (it says something precise), it is wrong: stakeholders lose track of what they missed.
  if (parsed.number === null) missing.push('number');
  for (const field of ['currentStatus', 'impact', 'actions'] as const) {
    const value = parsed[field];
    if (value === null || value.trim() === '') missing.push(field);
    else if (VAGUE.test(value.trim()) || (field === 'impact' && VAGUE_IMPACT.test(value.trim()))) vague.push(field);
  }
  if (parsed.nextUpdate === null) missing.push('nextUpdate');
  else if (parsed.nextUpdateMinutes === null) vague.push('nextUpdate');
  return { missing, vague, misnumbered: parsed.number !== null && parsed.number !== expectedNumber ? parsed.number : null };
}

export interface BlameFlag {
  phrase: string;
  suggestion: string;
}

const SYSTEMS = 'describe the conditions that made the mistake easy to make, not the person';

/** Judgemental words: blame whoever they are about. */
const JUDGEMENTS: Array<[RegExp, string]> = [
  [/\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|lazy|reckless(?:ly)?|stupid|dumb|idiot(?:ic)?)\b/gi, SYSTEMS],
  [/\bhuman error\b/gi, 'human error is where an investigation starts: name the system conditions that allowed it'],
  [/\bdropped the ball\b/gi, 'describe the gap in the hand-off or process that let the task fall through'],
  [/\bshould have known\b/gi, 'ask what information was missing at the time and how the system could surface it'],
  // "should have" + a past participle judges a past act; "we should have a runbook" is a plan, not blame.
  [/\bshould have (?!known\b)(?:[a-z]+ed|seen|caught|done|written|run|been|noticed|tested|checked)\b/gi, 'say what the process or tooling will do differently, e.g. "the checklist will include…"'],
  [/\b(?:(?:his|her|their)\s+fault|at fault)\b/gi, 'focus on what in the system let this happen, not on fault'],
];

const FAILURES = [
  'caused',
  'broke (?:the build|production|prod|checkout|the site|the service|the deploy|things|it|everything)',
  'messed up',
  'screwed up',
  'forgot',
  'failed to',
  'missed (?!nothing\\b|no\\b|none\\b)',
  'ignored',
  'rushed',
  'neglected',
  'made (?:a|the) mistake',
  // A dot inside a version number ("v4.2.0") does not end the sentence.
  '(?:pushed|deployed|shipped|merged|released)\\b(?:[^.;]|\\.(?=\\d)){0,60}\\bwithout\\b',
  "(?:didn't|did not|never) (?:test|check|review|run|notice|follow|read|verify|validate)",
  'should have',
];

/**
 * Flags person-blaming wording: judgemental words, and a person (a name, "the engineer", "someone") as the subject
 * of a failure, as the one at fault, or as the root cause. Each flag carries a suggestion phrased in terms of
 * systems and process. Every occurrence is flagged, each once.
 */
export function blameFlags(text: string, scenario: Scenario): BlameFlag[] {
  const flags: BlameFlag[] = [];
  // The spans already flagged, by start; they never overlap. One pattern's matches come in order, so each pattern
  // walks the spans once rather than comparing every match with every span (a long text can hold thousands).
  let taken: Array<[number, number]> = [];
  const flagAll = (matches: Iterable<RegExpMatchArray>, suggestionFor: (match: RegExpMatchArray) => string | null) => {
    const added: Array<[number, number]> = [];
    let next = 0;
    for (const match of matches) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      while (next < taken.length && taken[next]![1] <= start) next++;
      if (next < taken.length && taken[next]![0] < end) continue;
      const suggestion = suggestionFor(match);
      if (suggestion === null) continue;
      added.push([start, end]);
      flags.push({ phrase: match[0].trim(), suggestion });
    }
    if (added.length > 0) taken = mergeSpans(taken, added);
  };
  const negated = (index: number) => /\b(?:not|n't|no one|nobody|never)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, index - 20), index));

  for (const [pattern, suggest] of personalPatterns(scenario)) flagAll(text.matchAll(pattern), (match) => suggest(match as RegExpExecArray));
  for (const [pattern, suggestion] of JUDGEMENTS) flagAll(text.matchAll(pattern), (match) => (negated(match.index ?? 0) ? null : suggestion));
  flagAll(text.matchAll(/\bto blame\b/gi), (match) => (negated(match.index ?? 0) ? null : 'focus on what in the system let this happen, not on who is to blame'));
  return flags;
}

/** Two lists of spans, each sorted by start, as one sorted list. */
function mergeSpans(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!);
  return merged;
}

type PersonalPattern = [RegExp, (m: RegExpExecArray) => string];

// The patterns name the scenario's people, so they are built per scenario; a run's thousands of messages share them.
// (matchAll works on a copy of a global pattern, so sharing one across calls is safe.)
const personalPatternsByScenario = new WeakMap<Scenario, PersonalPattern[]>();

/** Patterns for a person (a name, "the engineer", "someone") as the subject of a failure, at fault, or the cause. */
function personalPatterns(scenario: Scenario): PersonalPattern[] {
  const known = personalPatternsByScenario.get(scenario);
  if (known) return known;
  const names = new Set<string>();
  for (const person of [...scenario.roster.responders, ...scenario.roster.stakeholders]) {
    names.add(person.name);
    const first = person.name.split(/\s+/)[0];
    if (first && first.length > 2) names.add(first);
  }
  const person = `(?:${[...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')}|the (?:engineer|developer|on-?call(?:er)?|author|reviewer)|someone|somebody)`;
  const personal: PersonalPattern[] = [
    [new RegExp(`\\b${person}(?:\\s+who\\s+[^,.;]{1,50}?)?\\s+(?:(?:had|has|just|accidentally|clearly|simply|then)\\s+)?(?:${FAILURES.join('|')})`, 'gi'), (m) => `make the system the subject: instead of "${m[0].trim()}", say what allowed it, e.g. "a change reached production without a check that would have caught it"`],
    [new RegExp(`\\b${person}'s\\s+(?:fault|mistake|error|carelessness|oversight)\\b`, 'gi'), () => 'focus on what in the system let this happen, not on whose fault it was'],
    [new RegExp(`\\bif\\s+${person}\\s+had\\b`, 'gi'), () => 'ask which safeguard would have caught it, rather than what a person should have done'],
    [new RegExp(`\\broot cause\\s+(?:is|was)\\s+${person}\\b`, 'gi'), () => 'a person is never a root cause: name the technical cause and the conditions that allowed it'],
  ];
  personalPatternsByScenario.set(scenario, personal);
  return personal;
}

/**
 * "Context:" with a number and then its threshold: "(threshold 5%)", or "above 5" on the same line or, when the line
 * ends in the number, on the next line with words. This matches exactly what
 * `context\s*:.*\d.*\(\s*threshold\b.*\d|context\s*:.*\d+(?:\.\d+)?\s*%?.*(?:threshold|>|above|over)\s*\d` does, but
 * takes the first digit on the line rather than trying every digit with every split of the line around it, which
 * took seconds for a line of a few thousand characters and grew with its cube.
 */
const CONTEXT_WITH_THRESHOLD = /\bcontext\s*:(?:[^\d\n\r\u2028\u2029]*\d(?:.*\(\s*threshold\b.*\d|.*(?:threshold|>|above|over)\s*\d)|.*\d[^\S\n\r\u2028\u2029]*[\n\r\u2028\u2029]\s*(?=\S).*(?:threshold|>|above|over)\s*\d)/i;

const ALERT_PARTS: Array<[string, RegExp]> = [
  ['a specific title', /\btitle\s*:\s*\S.{8,}/i],
  ['context with the value against its threshold', CONTEXT_WITH_THRESHOLD],
  ['a runbook link', /\brunbook\s*:\s*(?!none\b)\S+/i],
  ['a dashboard link', /\bdashboard\s*:\s*(?!none\b)\S+/i],
];

/** Which parts of the module's good-alert shape a rewritten alert lacks. */
export function missingAlertParts(rewrite: string): string[] {
  return ALERT_PARTS.filter(([, pattern]) => !pattern.test(rewrite)).map(([part]) => part);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
