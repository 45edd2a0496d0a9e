import { describe, expect, it } from 'vitest';
import type { Severity } from '../src/engine/index';
import { CATEGORIES, type Category } from '../src/grading/index';
import { randomScript } from './support/random-player';
import { defaultRubric, play, script } from './support/grading';
import { loadValid } from './support/scenarios';

const SCENARIOS = ['checkout-launch', 'filters-broken'] as const;
const MISTAKES: Array<[name: string, category: Category, mistake: string]> = [
  ['no-commander', 'command', 'no-clear-commander'],
  ['silent-updates', 'communication', 'silent-updates'],
  ['unverified-resolution', 'verification', 'fixing-without-verification'],
  ['postmortem-without-owners', 'learning', 'postmortem-without-follow-through'],
];

describe('grading', () => {
  for (const id of SCENARIOS) {
    const scenario = loadValid(`scenarios/${id}.json`);
    const expert = play(scenario, script(id, 'expert'));

    it(`should score the scripted expert run of ${id} at least 95`, () => {
      expect(expert.score.overall).toBeGreaterThanOrEqual(95);
      for (const category of CATEGORIES) expect(expert.score.categories[category], category).toBeGreaterThanOrEqual(90);
      expect(expert.report.mistakes).toEqual([]);
    });

    for (const [name, category, mistake] of MISTAKES) {
      it(`should take at least 15 ${category} points for ${name} in ${id} and name the mistake with evidence`, () => {
        const { score, report, journal } = play(scenario, script(id, name));
        expect(expert.score.categories[category] - score.categories[category]).toBeGreaterThanOrEqual(15);
        const named = report.mistakes.find((m) => m.mistake === mistake);
        expect(named, `report names ${mistake}`).toBeDefined();
        expect(named!.evidence.length).toBeGreaterThan(0);
        for (const e of named!.evidence) expect(journal.find((j) => j.seq === e.seq)?.at).toBe(e.at);
      });
    }

    it(`should penalize a wrong severity in ${id}`, () => {
      const wrong: Severity = scenario.severity.true === 'SEV1' ? 'SEV3' : 'SEV1';
      const commands = script(id, 'expert').map((e) => (e.command.type === 'declare-severity' ? { ...e, command: { ...e.command, severity: wrong } } : e));
      const { score } = play(scenario, commands);
      expect(score.categories.triage).toBeLessThan(expert.score.categories.triage);
      const finding = score.findings.find((f) => f.check === 'severity-correct');
      expect(finding!.points).toBeLessThan(0);
      expect(finding!.message).toMatch(wrong === 'SEV1' ? /over-reaction/ : /under-reaction/);
    });

    it(`should penalize a late acknowledgement in ${id}`, () => {
      // Late for this severity under the default rubric (15 minutes for SEV1–2, an hour for SEV3).
      const limit = defaultRubric().acknowledgeMinutes[scenario.severity.true]!;
      const late = script(id, 'expert').map((e) => ({ ...e, at: e.at + limit + 10 }));
      const { score } = play(scenario, late);
      const finding = score.findings.find((f) => f.check === 'acknowledge-on-time');
      expect(finding!.points).toBeLessThan(0);
      expect(score.categories.triage).toBeLessThan(expert.score.categories.triage);
    });

    it(`should cite real journal entries for every point given or taken in ${id}`, () => {
      for (const name of ['expert', ...MISTAKES.map(([n]) => n)]) {
        const { score, journal } = play(scenario, script(id, name));
        for (const finding of score.findings) {
          expect(finding.evidence.length, `${name}: ${finding.message}`).toBeGreaterThan(0);
          for (const e of finding.evidence) expect(journal.find((j) => j.seq === e.seq)?.at).toBe(e.at);
        }
      }
    });

    it(`should keep a random player's average at most 45 over 500 seeds in ${id}`, () => {
      const rubric = defaultRubric();
      let total = 0;
      for (let seed = 1; seed <= 500; seed++) total += play(scenario, randomScript(scenario, seed), seed, rubric).score.overall;
      expect(total / 500).toBeLessThanOrEqual(45);
    });
  }

  it('should grade with another rubric when a team supplies one', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const strict = defaultRubric();
    strict.acknowledgeMinutes.SEV1 = 1;
    strict.responseMinutes.SEV1 = 1;
    const commands = script('checkout-launch', 'expert').map((e) => ({ ...e, at: e.at + 2 }));
    const relaxed = play(scenario, commands).score.categories.triage;
    const tight = play(scenario, commands, 1, strict).score.categories.triage;
    expect(tight).toBeLessThan(relaxed);
  });
});

describe('grading, after a team lead\'s review', () => {
  const checkout = loadValid('scenarios/checkout-launch.json');
  const filters = loadValid('scenarios/filters-broken.json');
  const expert = () => script('checkout-launch', 'expert');

  it('should cap readiness when a common mistake is seen, whatever the average', () => {
    for (const name of ['no-commander', 'silent-updates', 'unverified-resolution', 'postmortem-without-owners']) {
      const { score } = play(checkout, script('checkout-launch', name));
      expect(score.readiness.level, name).not.toBe('Ready to lead');
      if (score.overall >= 90) expect(score.readiness.cappedBecause ?? '', name).toMatch(/capped at "Ready with support"/);
    }
    expect(play(checkout, expert()).score.readiness).toMatchObject({ level: 'Ready to lead', cappedBecause: null });
  });

  it('should give no delegation credit when nobody was commander', () => {
    const { score } = play(checkout, script('checkout-launch', 'no-commander'));
    expect(score.findings.filter((f) => f.check === 'commander-delegates')).toEqual([]);
  });

  it('should only count an announcement that names the change', () => {
    const unannounced = expert().filter((e) => e.command.type !== 'announce');
    const finding = play(checkout, unannounced).score.findings.find((f) => f.check === 'changes-announced')!;
    expect(finding.points).toBeLessThan(0);
    expect(finding.message).toMatch(/without announcing it first/);
  });

  it('should make a harmful change its own deduction, beside the credit for the right fix', () => {
    const commands = expert().flatMap((e) => (e.command.type === 'apply' ? [{ at: e.at, by: e.by, command: { type: 'apply' as const, action: 'restart-db-pool', performer: 'alex' } }, { ...e, at: e.at }] : [e]));
    const findings = play(checkout, commands).score.findings.filter((f) => f.check === 'right-fix');
    expect(findings.find((f) => /made things worse/.test(f.message))!.points).toBeLessThan(0);
    expect(findings.find((f) => /The right fix/.test(f.message))!.points).toBeGreaterThan(0);
  });

  it('should give partial credit for correcting one\'s own wrong severity, less the longer it took', () => {
    const corrected = (minutes: number) =>
      expert().flatMap((e) => (e.command.type === 'declare-severity' ? [{ ...e, command: { type: 'declare-severity' as const, severity: 'SEV2' as const } }, { ...e, at: e.at + minutes }] : [e])).sort((a, b) => a.at - b.at);
    // The wrong call is judged once, by severity-correct: partly credited, less the longer the response ran at the
    // wrong urgency (SEV1's response time is 15 minutes).
    const after = (minutes: number) => play(checkout, corrected(minutes)).score.findings.filter((f) => f.category === 'triage' && f.points < 0);
    expect(after(3).map((f) => f.check)).toEqual(['severity-correct']);
    expect(after(3)[0]!.points).toBeGreaterThan(after(30)[0]!.points);
    expect(after(30)[0]!.points).toBeGreaterThan(-40);
    expect(after(3)[0]!.message).toMatch(/corrected to SEV1 3 minutes later/);
  });

  it('should call paging the engineering manager for a SEV3 over-escalation', () => {
    const commands = [...script('filters-broken', 'expert')];
    commands.splice(3, 0, { at: 2, by: 'riley', command: { type: 'escalate', to: 'theo' } }, { at: 2, by: 'riley', command: { type: 'escalate', to: 'ines' } });
    const finding = play(filters, commands).score.findings.find((f) => f.check === 'escalation-follows-chain')!;
    expect(finding.points).toBeLessThan(0);
    expect(finding.message).toMatch(/Over-escalation/);
  });
});
