/**
 * One mistake, one finding, in words true of the run: the cases a team lead's review found false or counted twice.
 */
import { describe, expect, it } from 'vitest';
import type { ScriptEntry, Severity } from '../src/engine/index';
import type { Finding } from '../src/grading/index';
import { play, script } from './support/grading';
import { loadValid, scenarioFiles } from './support/scenarios';

const checkout = loadValid('scenarios/checkout-launch.json');
const dbPool = loadValid('scenarios/db-pool-exhaustion.json');
const byMinute = (a: ScriptEntry, b: ScriptEntry) => a.at - b.at;
const triage = (findings: Finding[]) => findings.filter((f) => f.category === 'triage');

/** The checkout expert, declaring `first` and then, `after` minutes later, `then`. */
function declaring(first: Severity, then?: { severity: Severity; after: number }): ScriptEntry[] {
  return script('checkout-launch', 'expert')
    .flatMap((e): ScriptEntry[] => {
      if (e.command.type !== 'declare-severity') return [e];
      const call: ScriptEntry = { ...e, command: { type: 'declare-severity', severity: first } };
      return then ? [call, { ...e, at: e.at + then.after, command: { type: 'declare-severity', severity: then.severity } }] : [call];
    })
    .sort(byMinute);
}

describe('a wrong severity costs once', () => {
  for (const file of scenarioFiles()) {
    const scenario = loadValid(file);
    it(`should take points for the wrong call in ${scenario.id} in one finding only`, () => {
      const lost = triage(play(scenario, script(scenario.id, 'wrong-severity')).score.findings).filter((f) => f.points < 0);
      expect(lost.map((f) => f.check)).toEqual(['severity-correct']);
    });
  }

  it('should give an early wrong call that was corrected partial credit, and say it was corrected', () => {
    const findings = triage(play(checkout, declaring('SEV2', { severity: 'SEV1', after: 4 })).score.findings);
    const call = findings.find((f) => f.check === 'severity-correct')!;
    expect(call.message).toBe('Declared SEV2 for a SEV1 incident: under-reaction slows the response while the damage grows; it was corrected to SEV1 4 minutes later.');
    expect(call.points).toBeLessThan(0);
    expect(call.points).toBeGreaterThan(-40 * 0.5);
    // Nothing else in triage says the severity was never set right.
    for (const f of findings) expect(f.message).not.toMatch(/never|No fitting/);
    expect(findings.filter((f) => f.points < 0)).toHaveLength(1);
  });

  it('should credit a call that the impact grew into as early rather than wrong', () => {
    // db-pool-exhaustion starts as SEV2 and grows to SEV1 at minute 35 unless the pool is relieved. A SEV1 call at the
    // start, never changed, over-reacted for 34 minutes and then matched the impact.
    const commands = script('db-pool-exhaustion', 'expert')
      .filter((e) => e.at <= 9 && e.command.type !== 'status-update')
      .map((e): ScriptEntry => (e.command.type === 'declare-severity' ? { ...e, command: { type: 'declare-severity', severity: 'SEV1' } } : e))
      .concat([{ at: 60, by: 'noah', command: { type: 'finish' } }]);
    const findings = triage(play(dbPool, commands).score.findings);
    const call = findings.find((f) => f.check === 'severity-correct')!;
    expect(call.message).toBe('Declared SEV1 for a SEV2 incident: over-reaction pulls people and urgency the incident does not need; the impact grew to SEV1 34 minutes later, so the call was early rather than wrong from then on.');
    expect(call.points).toBeLessThan(0);
    expect(call.points).toBeGreaterThan(-40);
    // The escalation needed no re-declaration: the declared SEV1 already fitted it.
    expect(findings.filter((f) => f.check === 'redeclared-on-change')).toEqual([]);
  });

  it('should say a wrong call was never set right only when it was not', () => {
    const never = triage(play(checkout, declaring('SEV3')).score.findings).find((f) => f.check === 'severity-correct')!;
    expect(never.message).toMatch(/the declared severity never came to match the impact\.$/);
    const stillWrong = triage(play(checkout, declaring('SEV3', { severity: 'SEV2', after: 4 })).score.findings);
    expect(stillWrong.find((f) => f.check === 'severity-correct')!.message).toMatch(/never came to match the impact\.$/);
    expect(stillWrong.find((f) => f.check === 'severity-on-time')!.points).toBeGreaterThan(0);
  });
});

describe('status update messages', () => {
  const expert = script('checkout-launch', 'expert');
  const updates = expert.filter((e) => e.command.type === 'status-update');

  it('should report a repeated update number as a repeat, not as vague', () => {
    const second = updates[1]!;
    const repeated = expert.map((e) => (e === second && e.command.type === 'status-update' ? { ...e, command: { ...e.command, text: e.command.text.replace('Update #2', 'Update #1') } } : e));
    const finding = play(checkout, repeated).score.findings.find((f) => f.check === 'template-fields' && f.points < 0)!;
    expect(finding.message).toBe('Update #2: numbered #1, a number already used where #2 was due.');
  });

  it('should say how late the next update came against the cadence when a longer promise was kept', () => {
    // db-pool-exhaustion is a SEV2: a 60-minute cadence. The first update promises 90 minutes and the next comes
    // after exactly 90: the promise was kept, the cadence was not, and the message says so in those words.
    const update = (number: number, at: number): ScriptEntry => ({
      at,
      by: 'noah',
      command: { type: 'status-update', text: `[09:00] [SEV-2] Update #${number}\nCurrent Status: Investigating the orders API\nImpact: About a third of orders API requests fail\nActions: Checking pool metrics\nNext Update: In 90 minutes` },
    });
    const opening = script('db-pool-exhaustion', 'expert').filter((e) => e.at <= 9 && e.command.type !== 'status-update');
    const commands = [...opening, update(1, 2), update(2, 92), { at: 100, by: 'noah', command: { type: 'finish' } } as ScriptEntry].sort(byMinute);
    const finding = play(dbPool, commands).score.findings.find((f) => f.check === 'cadence-kept')!;
    expect(finding.message).toBe("Update #1 promised the next update in 90 minutes, longer than SEV2's 60-minute cadence, but the next came 90 minutes after it, 30 minutes past due: silent updates erode trust.");
  });
});

describe('announcements cite the message that named the change', () => {
  for (const file of scenarioFiles()) {
    const scenario = loadValid(file);
    it(`should cite, for each of ${scenario.id}'s expert changes, a message before it that names it`, () => {
      const { score, journal } = play(scenario, script(scenario.id, 'expert'));
      const announced = score.findings.filter((f) => f.check === 'changes-announced');
      expect(announced.length).toBeGreaterThan(0);
      for (const finding of announced) {
        const [announcement, change] = finding.evidence.map((e) => journal.find((j) => j.seq === e.seq)!);
        expect(announcement!.kind === 'command' && ['announce', 'status-update'].includes(announcement!.command.type)).toBe(true);
        expect(change!.kind === 'command' && change!.command.type === 'apply').toBe(true);
        expect(announcement!.seq).toBeLessThan(change!.seq);
      }
    });
  }
});
