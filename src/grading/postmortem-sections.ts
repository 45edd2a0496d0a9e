/** The postmortem's sections, in the module's order, with their headings. Its own module: the editor needs only this. */
import type { Postmortem } from '../engine/commands/postmortem';

export const POSTMORTEM_SECTIONS: Array<[keyof Postmortem, string]> = [
  ['summary', 'Summary'],
  ['impact', 'Impact'],
  ['timeline', 'Timeline'],
  ['rootCause', 'Root Cause'],
  ['wentWell', 'What Went Well'],
  ['needsImprovement', 'What Needs Improvement'],
  ['actionItems', 'Action Items'],
];
