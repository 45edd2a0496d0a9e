/**
 * Reading what the player wrote: status updates against the module's template, and postmortem or update wording
 * against blameless practice.
 */
import type { Scenario } from '../engine/scenario/schema';
import { parseStatusUpdate } from '../engine/status-update';

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
const VAGUE_IMPACT = /^(?:some|a few|many|several)?\s*(?:users?|customers?|people|things|services?)?\s*(?:are|may be|might be)?\s*(?:affected|impacted|having issues|seeing issues|seeing errors)?\.?$/i;

export interface UpdateReview {
  missing: UpdateField[];
  vague: UpdateField[];
}

/** Names each template field an update lacks or leaves vague. `expectedNumber` checks the update's numbering. */
export function reviewUpdate(text: string, expectedNumber: number): UpdateReview {
  const parsed = parseStatusUpdate(text);
  const missing: UpdateField[] = [];
  const vague: UpdateField[] = [];
  if (parsed.time === null) missing.push('time');
  if (parsed.severity === null) missing.push('severity');
  if (parsed.number === null) missing.push('number');
  else if (parsed.number !== expectedNumber) vague.push('number');
  for (const field of ['currentStatus', 'impact', 'actions'] as const) {
    const value = parsed[field];
    if (value === null || value.trim() === '') missing.push(field);
    else if (VAGUE.test(value.trim()) || (field === 'impact' && VAGUE_IMPACT.test(value.trim()))) vague.push(field);
  }
  if (parsed.nextUpdate === null) missing.push('nextUpdate');
  else if (parsed.nextUpdateMinutes === null) vague.push('nextUpdate');
  return { missing, vague };
}

export interface BlameFlag {
  phrase: string;
  suggestion: string;
}

const BLAME_WORDS: Array<[RegExp, string]> = [
  [/\bcareless(?:ly|ness)?\b/i, 'describe the missing safeguard instead, e.g. "the deploy pipeline had no check for this"'],
  [/\bshould have known\b/i, 'ask what information was missing at the time and how the system could surface it'],
  [/\bshould have\b/i, 'say what the process or tooling will do differently, e.g. "the checklist will include…"'],
  [/\b(?:negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|lazy|stupid|dumb|idiot(?:ic)?)\b/i, 'describe the conditions that made the mistake easy to make, not the person'],
  [/\bhuman error\b/i, 'human error is where an investigation starts: name the system conditions that allowed it'],
  [/\bdropped the ball\b/i, 'describe the gap in the hand-off or process that let the task fall through'],
  [/\b(?:to blame|blamed?|at fault|(?:his|her|their) fault)\b/i, 'focus on what in the system let this happen, not on fault'],
];

const FAILURE_VERBS = 'caused|broke|break|messed up|screwed up|forgot|failed to|missed|ignored|didn\'t|did not|pushed a bad|deployed a bad|made a mistake';

/**
 * Flags person-blaming wording: judgemental words, and a person's name (or "the engineer", "someone") as the subject
 * of a failure. Each flag carries a suggestion phrased in terms of systems and process.
 */
export function blameFlags(text: string, scenario: Scenario): BlameFlag[] {
  const flags: BlameFlag[] = [];
  for (const [pattern, suggestion] of BLAME_WORDS) {
    const match = pattern.exec(text);
    if (match) flags.push({ phrase: match[0], suggestion });
  }
  const names = new Set<string>();
  for (const person of [...scenario.roster.responders, ...scenario.roster.stakeholders]) {
    names.add(person.name);
    const first = person.name.split(/\s+/)[0];
    if (first && first.length > 2) names.add(first);
  }
  const subjects = [...names].map(escapeRegExp).concat(['the engineer', 'the developer', 'someone', 'somebody', 'the on-?call', 'he', 'she']);
  const subject = new RegExp(`\\b(${subjects.join('|')})\\s+(?:(?:had|has|just|accidentally|clearly|simply)\\s+)?(${FAILURE_VERBS})\\b`, 'i');
  const match = subject.exec(text);
  if (match) {
    flags.push({
      phrase: match[0],
      suggestion: `make the system the subject: instead of "${match[0]}", say what allowed it, e.g. "a change reached production without a check that would have caught it"`,
    });
  }
  return flags;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ALERT_PARTS: Array<[string, RegExp]> = [
  ['a specific title', /\btitle\s*:\s*\S.{8,}/i],
  ['context with the value against its threshold', /\bcontext\s*:.*\d.*\(\s*threshold\b.*\d|\bcontext\s*:.*\d+(?:\.\d+)?\s*%?.*(?:threshold|>|above|over)\s*\d/i],
  ['a runbook link', /\brunbook\s*:\s*(?!none\b)\S+/i],
  ['a dashboard link', /\bdashboard\s*:\s*(?!none\b)\S+/i],
];

/** Which parts of the module's good-alert shape a rewritten alert lacks. */
export function missingAlertParts(rewrite: string): string[] {
  return ALERT_PARTS.filter(([, pattern]) => !pattern.test(rewrite)).map(([part]) => part);
}
