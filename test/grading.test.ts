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
      expect(finding!.message).toMatch(wrong === 'SEV1' ? /over-reaction/ : /under-reacting/);
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
