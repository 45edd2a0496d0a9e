import { describe, expect, it } from 'vitest';
import { namesChange } from '../src/grading/change-names';
import { play, script } from './support/grading';
import { loadValid, scenarioFiles } from './support/scenarios';

describe('an announcement counts only when it names the change', () => {
  const s3 = loadValid('scenarios/s3-playbook-typo.json');
  const filters = loadValid('scenarios/filters-broken.json');
  const checkout = loadValid('scenarios/checkout-launch.json');

  it('should not take a shared word for the change', () => {
    expect(namesChange(filters, 'flag-off', 'Reviewing deploys and flag changes')).toBe(false);
    expect(namesChange(filters, 'flag-off', 'Checking the recent facet-schema flag rollout and search API logs')).toBe(false);
    expect(namesChange(s3, 'restart-index', 'The index engineers are paged and on their way.')).toBe(false);
    expect(namesChange(checkout, 'rollback-deploy', 'We will write again in about 15 minutes.')).toBe(false);
  });

  it('should recognise the change named in other words', () => {
    expect(namesChange(filters, 'flag-off', 'Change: turning the new-facet-schema flag off now')).toBe(true);
    expect(namesChange(checkout, 'rollback-deploy', 'Change: Priya is rolling back checkout-api from v4.2.0 to v4.1.3.')).toBe(true);
    expect(namesChange(s3, 'restart-index', 'Change: Devika will fully restart the index subsystem.')).toBe(true);
    expect(namesChange(s3, 'restart-placement', 'Change: Devika will fully restart the index subsystem.')).toBe(false);
  });

  for (const file of scenarioFiles()) {
    it(`should credit the expert's announcements and catch the unannounced change (${file})`, () => {
      const scenario = loadValid(file);
      const findings = (name: string) => play(scenario, script(scenario.id, name)).score.findings.filter((f) => f.check === 'changes-announced');
      expect(findings('expert').every((f) => f.points > 0)).toBe(true);
      const flawed = findings('unannounced-change').filter((f) => f.points < 0);
      expect(flawed.length).toBeGreaterThan(0);
      for (const f of flawed) expect(f.message).toMatch(/was made without announcing it first/);
    });
  }
});
