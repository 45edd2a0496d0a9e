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

/** What a status template promises when the policy sets no update cadence for any severity it could fall back to. */
const CADENCE_WHEN_POLICY_SETS_NONE = 60;

/**
 * The minutes a status template promises until the next update: the declared severity's update cadence. Until a
 * severity is declared, or when the declared one sets no cadence, it is SEV1's: an incident not yet judged is
 * treated as the most severe, so the first promise is one the team can keep whatever the severity turns out to be.
 */
export function promisedUpdateMinutes(policy: PolicyView, severity: Severity | null): number {
  const cadence = (level: Severity) => policy.severities.find((p) => p.severity === level)?.updateCadenceMinutes ?? null;
  return (severity === null ? null : cadence(severity)) ?? cadence('SEV1') ?? CADENCE_WHEN_POLICY_SETS_NONE;
}
