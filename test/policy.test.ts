import { describe, expect, it } from 'vitest';
import { createRun, FACILITATOR_SEAT, loadSave, playerSeat, RubricSchema, scenarioHash, type Rubric, type Run } from '../src/engine/index';
import { grade } from '../src/grading/index';
import { defaultRubric } from './support/grading';
import { loadValid } from './support/scenarios';

// filters-broken is a SEV3: the module gives a SEV3 an hour to acknowledge.
const sev3 = loadValid('scenarios/filters-broken.json');
const primary = sev3.roster.onCall.primary;

function acknowledgedAt(minute: number, rubric: Rubric): Run {
  const run = createRun({ scenario: sev3, seed: 1, rubric });
  run.advanceTo(minute);
  run.send(primary, { type: 'acknowledge' });
  run.advanceTo(minute + 30);
  return run;
}
const missed = (run: Run) => run.journal().flatMap((e) => (e.kind === 'event' && e.event.type === 'deadline.missed' ? [e.event.deadline] : []));
const ackFinding = (run: Run, rubric: Rubric) => grade(sev3, run.journal(), rubric).findings.find((f) => f.check === 'acknowledge-on-time')!;
const teamRubric = (): Rubric => RubricSchema.parse({ ...defaultRubric(), id: 'team', acknowledgeMinutes: { ...defaultRubric().acknowledgeMinutes, SEV3: 20 } });

describe('one policy: the rubric in force sets the game’s deadlines and the grade alike', () => {
  it('should raise no missed deadline and credit a SEV3 acknowledged at minute 30 under the default rubric', () => {
    const rubric = defaultRubric();
    const run = acknowledgedAt(30, rubric);
    expect(missed(run)).not.toContain('acknowledge');
    expect(ackFinding(run, rubric).points).toBeGreaterThan(0);
  });

  it('should miss it in the game and penalize it in the debrief under a team rubric with a 20-minute SEV3 acknowledgement', () => {
    const rubric = teamRubric();
    const run = acknowledgedAt(30, rubric);
    expect(missed(run)).toContain('acknowledge');
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'deadline.set' && e.event.deadline === 'acknowledge' && e.event.dueAt === 20)).toBe(true);
    expect(ackFinding(run, rubric).points).toBeLessThan(0);
  });

  it('should set the response deadline from the rubric’s response time for the declared severity', () => {
    const rubric = RubricSchema.parse({ ...defaultRubric(), responseMinutes: { ...defaultRubric().responseMinutes, SEV3: 45 } });
    const run = createRun({ scenario: sev3, seed: 1, rubric });
    run.send(primary, { type: 'acknowledge' });
    run.send(primary, { type: 'declare-severity', severity: 'SEV3' });
    expect(run.view(FACILITATOR_SEAT).deadlines.find((d) => d.id === 'response')?.dueAt).toBe(45);
  });

  it('should show the rubric’s severity table and times in every seat’s view', () => {
    const rubric = teamRubric();
    const view = createRun({ scenario: sev3, seed: 1, rubric }).view(playerSeat(primary));
    expect(view.policy.rubric.id).toBe('team');
    const row = view.policy.severities.find((s) => s.severity === 'SEV3')!;
    expect(row).toMatchObject({ acknowledgeMinutes: 20, responseMinutes: rubric.responseMinutes.SEV3, updateCadenceMinutes: rubric.updateCadenceMinutes.SEV3, definition: rubric.severityTable.SEV3.definition });
  });

  it('should keep the rubric a run was played under in its save, and restore it', () => {
    const rubric = teamRubric();
    const run = acknowledgedAt(30, rubric);
    const save = run.save();
    expect(save.rubric.id).toBe('team');
    const loaded = loadSave(JSON.stringify(save), 'save.json', (id) => (id === sev3.id ? { scenario: sev3, hash: scenarioHash(sev3) } : undefined));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.run.rubric.id).toBe('team');
    expect(loaded.run.journal()).toEqual(run.journal());
  });
});
