/**
 * Every time-based expectation follows the severity in force: in db-pool-exhaustion an unmitigated SEV2 grows into a
 * SEV1 at minute 35, which shortens the update cadence and the mitigation target from then on, adds the scribe to the
 * roles expected, and expects a re-declaration. The same run graded with the escalation removed is the control.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ScriptEntry } from '../src/engine/index';
import type { Finding } from '../src/grading/index';
import { play, script } from './support/grading';
import { loadValid } from './support/scenarios';

const escalating = loadValid('scenarios/db-pool-exhaustion.json');
const steady: Scenario = { ...escalating, severity: { ...escalating.severity, changes: [] } };
// Without the scenario's own target, the rubric's target for the severity in force applies.
const withoutTarget = (scenario: Scenario): Scenario => ({ ...scenario, grading: { ...scenario.grading, mitigateWithinMinutes: undefined } });

const update = (number: number, at: number, nextInMinutes = 60): ScriptEntry => ({
  at,
  by: 'noah',
  command: { type: 'status-update', text: `[09:00] [SEV-2] Update #${number}\nCurrent Status: Investigating the orders API\nImpact: About a third of orders API requests fail\nActions: Checking pool metrics\nNext Update: In ${nextInMinutes} minutes` },
});

/** The expert's first minutes without the scribe, then updates every 55 minutes and, when `fixAt` is given, the fix. */
function drift(fixAt?: number): ScriptEntry[] {
  const opening = script('db-pool-exhaustion', 'expert').filter((e) => e.at <= 9 && e.command.type !== 'status-update' && !(e.command.type === 'assign-role' && e.command.role === 'scribe'));
  const fix: ScriptEntry[] = fixAt === undefined ? [] : [
    { at: fixAt, by: 'noah', command: { type: 'announce', text: 'Change: Tomás will turn off the reports.sku-breakdown flag now.' } },
    { at: fixAt, by: 'noah', command: { type: 'apply', action: 'disable-report-flag', performer: 'tomas' } },
  ];
  return [...opening, update(1, 2), update(2, 57), ...fix, update(3, 112), update(4, 167), { at: 170, by: 'noah', command: { type: 'finish' } } satisfies ScriptEntry].sort((a, b) => a.at - b.at);
}

const findings = (scenario: Scenario, commands: ScriptEntry[], check: string): Finding[] => play(scenario, commands).score.findings.filter((f) => f.check === check);
const lost = (list: Finding[]) => list.filter((f) => f.points < 0);

describe('the severity in force', () => {
  it('should shorten the update cadence from the escalation on', () => {
    const after = findings(escalating, drift(), 'cadence-kept');
    expect(lost(after).map((f) => f.message)).toEqual([
      "Update #2 promised the next update in 60 minutes, longer than SEV1's 30-minute cadence, but the next came 55 minutes after it, 25 minutes past due: silent updates erode trust.",
      "Update #3 promised the next update in 60 minutes, longer than SEV1's 30-minute cadence, but the next came 55 minutes after it, 25 minutes past due: silent updates erode trust.",
    ]);
    // The update before the escalation is judged by SEV2's hour, which the escalation at 35 cut to minute 65 at most.
    expect(after[0]!.points).toBeGreaterThan(0);
    expect(lost(findings(steady, drift(), 'cadence-kept'))).toEqual([]);
  });

  it('should cut a pending update deadline short when the impact escalates before it', () => {
    // Update #1 at minute 20 promises 90 minutes; SEV2's hour makes it due at 80, but the escalation at 35 starts
    // SEV1's 30 minutes, due at 65.
    const at = (first: number, second: number) =>
      drift()
        .filter((e) => !(e.command.type === 'status-update' && e.at === 2))
        .map((e) => (e.command.type === 'status-update' && e.at === 57 ? { ...e, at: second } : e))
        .concat([update(1, first, 90)])
        .sort((a, b) => a.at - b.at);
    const kept = findings(escalating, at(20, 62), 'cadence-kept')[0]!;
    expect(kept.message).toBe("Update #1 promised the next update in 90 minutes, longer than SEV1's 30-minute cadence from its escalation at minute 35, and the next came on time.");
    expect(kept.points).toBeGreaterThan(0);
    const missed = findings(escalating, at(20, 75), 'cadence-kept')[0]!;
    expect(missed.message).toBe("Update #1 promised the next update in 90 minutes, longer than SEV1's 30-minute cadence from its escalation at minute 35, but the next came 55 minutes after it, 10 minutes past due: silent updates erode trust.");
    expect(missed.points).toBeLessThan(0);
    // Without the escalation, SEV2's hour holds: due at 80, so 75 is on time.
    expect(findings(steady, at(20, 75), 'cadence-kept')[0]!.message).toBe("Update #1 promised the next update in 90 minutes, longer than SEV2's 60-minute cadence, and the next came on time.");
  });

  it('should judge the time to mitigate against the escalated target when the scenario states none', () => {
    const escalated = findings(withoutTarget(escalating), drift(70), 'time-to-mitigate')[0]!;
    expect(escalated.points).toBeLessThan(0);
    expect(escalated.message).toMatch(/beyond SEV1's 30-minute target from its escalation at minute 35\.$/);
    const control = findings(withoutTarget(steady), drift(70), 'time-to-mitigate')[0]!;
    expect(control.points).toBeGreaterThan(0);
    expect(control.message).toMatch(/within SEV2's 90-minute target\.$/);
    // A scenario's own target is what it makes possible, escalation or not.
    expect(findings(escalating, drift(70), 'time-to-mitigate')[0]!.message).toMatch(/beyond this scenario's 20-minute target\.$/);
  });

  it('should expect the roles and the re-declaration the escalated severity calls for', () => {
    expect(lost(findings(escalating, drift(), 'roles-assigned')).map((f) => f.message)).toEqual(['Nobody was given the scribe role, which a SEV1 response needs.']);
    expect(lost(findings(steady, drift(), 'roles-assigned'))).toEqual([]);
    expect(findings(escalating, drift(), 'redeclared-on-change').map((f) => f.message)).toEqual(['The impact grew to SEV1, but the declared SEV2 was never changed to match it.']);
    const redeclared = [...drift(), { at: 45, by: 'noah', command: { type: 'declare-severity', severity: 'SEV1' } } as ScriptEntry].sort((a, b) => a.at - b.at);
    const followed = findings(escalating, redeclared, 'redeclared-on-change');
    expect(followed.map((f) => f.message)).toEqual(['The impact grew to SEV1; SEV1 was declared 10 minutes later.']);
    expect(followed[0]!.points).toBeGreaterThan(0);
    expect(findings(steady, drift(), 'redeclared-on-change')).toEqual([]);
  });
});
