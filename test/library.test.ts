import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../src/engine/index';
import { loadValid, scenarioFiles } from './support/scenarios';

const scenarios = scenarioFiles().map((file) => ({ file, scenario: loadValid(file) }));
const REAL_OUTAGES = ['aws.amazon.com/message/41926', 'blog.cloudflare.com', 'github.blog', 'slack.engineering', 'fastly.com'];

describe('scenario library', () => {
  it('should hold at least 12 scenarios covering SEV1 to SEV4', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    const severities = new Set(scenarios.map((s) => s.scenario.severity.true));
    for (const severity of SEVERITIES) expect(severities, severity).toContain(severity);
  });

  for (const { file, scenario } of scenarios) {
    it(`should give ${scenario.id} two variants, a red herring, two injects, a runbook and sources`, () => {
      expect(scenario.variants.length, file).toBeGreaterThanOrEqual(2);
      const herring = scenario.diagnosis.some((d) => d.redHerring || Object.values(d.byVariant ?? {}).some((o) => o.redHerring));
      expect(herring, `${file} has a red herring`).toBe(true);
      expect(scenario.injects.length, file).toBeGreaterThanOrEqual(2);
      expect(scenario.runbooks.length, file).toBeGreaterThanOrEqual(1);
      expect(scenario.sources.length, file).toBeGreaterThanOrEqual(1);
      expect(new Set(scenario.variants.map((v) => v.rightFix)).size, `${file}: each variant its own right fix`).toBe(scenario.variants.length);
    });
  }

  it('should include the module\'s scenarios and at least four built on real outages, citing them', () => {
    const ids = new Set(scenarios.map((s) => s.scenario.id));
    for (const id of ['checkout-launch', 'payment-retries', 'login-errors', 'filters-broken', 'minor-ui-bug', 'db-pool-exhaustion', 'tls-cert-expired', 'noisy-oncall']) expect(ids, id).toContain(id);
    const real = scenarios.filter((s) => s.scenario.sources.some((url) => REAL_OUTAGES.some((r) => url.includes(r))));
    expect(real.length).toBeGreaterThanOrEqual(4);
    expect(scenarios.find((s) => s.scenario.id === 'noisy-oncall')!.scenario.alertQueue.length).toBeGreaterThanOrEqual(4);
  });
});
