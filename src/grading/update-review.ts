/**
 * Reading a status update against the module's template: which fields are missing or vague, and whether it is
 * numbered as due. Kept apart from the other text checks so that the comms panel's live check loads without them.
 */
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
