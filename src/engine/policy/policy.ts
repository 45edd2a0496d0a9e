/**
 * The team's incident policy, read from the rubric in force: every deadline the game sets and every table or hint a
 * panel shows comes from here, so the game and the grader never disagree.
 */
import { SEVERITIES, type Role, type Severity } from '../scenario/schema';
import type { Rubric } from './rubric';

/** The policy for one severity, as a view shows it beside the severity choice. */
export interface SeverityPolicy {
  severity: Severity;
  definition: string;
  example: string;
  /** Minutes; null means no limit for this severity. */
  acknowledgeMinutes: number | null;
  responseMinutes: number | null;
  updateCadenceMinutes: number | null;
  mitigateMinutes: number | null;
  /** Roles besides the commander a response of this severity fills. */
  rolesExpected: Role[];
}

export interface PolicyView {
  rubric: { id: string; title: string };
  severities: SeverityPolicy[];
}

export function severityPolicy(rubric: Rubric, severity: Severity): SeverityPolicy {
  return {
    severity,
    definition: rubric.severityTable[severity].definition,
    example: rubric.severityTable[severity].example,
    acknowledgeMinutes: rubric.acknowledgeMinutes[severity],
    responseMinutes: rubric.responseMinutes[severity],
    updateCadenceMinutes: rubric.updateCadenceMinutes[severity],
    mitigateMinutes: rubric.mitigateMinutes[severity],
    rolesExpected: [...rubric.rolesExpected[severity]],
  };
}

export function policyView(rubric: Rubric): PolicyView {
  return { rubric: { id: rubric.id, title: rubric.title }, severities: SEVERITIES.map((severity) => severityPolicy(rubric, severity)) };
}

/** "15 minutes", "4 hours", "no limit": how a policy time reads in a table or a hint. */
export function describeMinutes(minutes: number | null, none = 'no limit'): string {
  if (minutes === null) return none;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
