/**
 * Reading what the player wrote: status updates against the module's template, and alert rewrites against the
 * good-alert shape. Wording against blameless practice is read in ./blame, and re-exported here for callers.
 */
export { blameFlags, type BlameFlag } from './blame';
export { reviewParsedUpdate, reviewUpdate, UPDATE_FIELD_LABELS, UPDATE_FIELDS, type UpdateField, type UpdateReview } from './update-review';

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
