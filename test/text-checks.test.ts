import { describe, expect, it } from 'vitest';
import { blameFlags, missingAlertParts, reviewUpdate } from '../src/grading/index';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');

describe('status update review', () => {
  it('should pass a complete update in the module template', () => {
    expect(reviewUpdate('[15:20] [SEV-1] Update #2\nCurrent Status: Checkout API returning 500s\nImpact: All purchases failing\nActions: Rollback in progress\nNext Update: In 15 minutes', 2)).toEqual({ missing: [], vague: [] });
  });

  it('should name each missing or vague field', () => {
    const review = reviewUpdate('Update #3\nCurrent Status: investigating\nImpact: some users affected\nNext Update: soon', 2);
    expect(review.missing).toEqual(['time', 'severity', 'actions']);
    expect(review.vague).toEqual(['number', 'currentStatus', 'impact', 'nextUpdate']);
  });
});

describe('blameless check', () => {
  it('should flag person-blaming wording with a suggestion about systems and process', () => {
    const flags = blameFlags('Alex caused the outage because he was careless. Sam should have known better.', scenario);
    const phrases = flags.map((f) => f.phrase);
    expect(phrases).toContain('careless');
    expect(phrases).toContain('should have known');
    expect(phrases.some((p) => /^Alex caused/.test(p))).toBe(true);
    for (const flag of flags) expect(flag.suggestion).toMatch(/system|process|tooling|checklist|conditions|safeguard|information/);
  });

  it('should let blameless, system-focused wording through', () => {
    expect(blameFlags('The deploy pipeline allowed a change without guest checkout tests to reach production. The rollback restored service.', scenario)).toEqual([]);
  });
});

describe('alert rewrite', () => {
  it('should name the parts of the good-alert shape a rewrite lacks', () => {
    expect(missingAlertParts('Title: High error rate on /api/checkout\nContext: Error rate 5% (threshold 1%)\nRunbook: link\nDashboard: link')).toEqual([]);
    expect(missingAlertParts('Title: Error\nContext: Something is wrong\nRunbook: None\nDashboard: None')).toEqual([
      'a specific title',
      'context with the value against its threshold',
      'a runbook link',
      'a dashboard link',
    ]);
  });
});
