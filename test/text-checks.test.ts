import { describe, expect, it } from 'vitest';
import { blameFlags, missingAlertParts, reviewUpdate } from '../src/grading/index';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');

describe('status update review', () => {
  it('should pass a complete update in the module template', () => {
    expect(reviewUpdate('[15:20] [SEV-1] Update #2\nCurrent Status: Checkout API returning 500s\nImpact: All purchases failing\nActions: Rollback in progress\nNext Update: In 15 minutes', 2)).toEqual({ missing: [], vague: [], misnumbered: null });
  });

  it('should name each missing or vague field', () => {
    const review = reviewUpdate('Update #3\nCurrent Status: investigating\nImpact: some users affected\nNext Update: soon', 2);
    expect(review.missing).toEqual(['time', 'severity', 'actions']);
    expect(review.vague).toEqual(['currentStatus', 'impact', 'nextUpdate']);
    expect(review.misnumbered).toBe(3);
  });
});

describe('blameless check', () => {
  it('should flag person-blaming wording with a suggestion about systems and process', () => {
    const flags = blameFlags('Alex caused the outage because he was careless. Sam should have known better.', scenario);
    const phrases = flags.map((f) => f.phrase);
    expect(phrases).toContain('careless');
    expect(phrases.some((p) => /should have/.test(p))).toBe(true);
    expect(phrases.some((p) => /^Alex caused/.test(p))).toBe(true);
    expect(phrases).toHaveLength(3);
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

describe('blameless check, on a team lead\'s examples', () => {
  const flagged = (text: string) => blameFlags(text, scenario).map((f) => f.phrase);
  it('should catch blame in its many forms, every occurrence, each once', () => {
    expect(flagged("This was Priya's fault; if Sam had reviewed the adapter properly this would not have happened")).toEqual(["Priya's fault", 'if Sam had']);
    expect(flagged('Priya pushed v4.2.0 to production without running the guest-checkout tests.')).toHaveLength(1);
    expect(flagged('Priya rushed the deploy.')).toEqual(['Priya rushed']);
    expect(flagged('The root cause is Priya.')).toEqual(['root cause is Priya']);
    expect(flagged('The engineer who wrote the adapter forgot the null check.')).toHaveLength(1);
    expect(flagged('The engineer forgot to test. Sam missed the null check.')).toEqual(['The engineer forgot', 'Sam missed']);
    expect(flagged('Alex should have known better.')).toEqual(['Alex should have']);
    expect(flagged('They should have known.')).toEqual(['should have known']);
  });

  it('should leave innocent sentences alone', () => {
    for (const text of [
      "We don't blame anyone for this.",
      'We should have a runbook step for the fallback.',
      "After the rollback Priya didn't see any new errors.",
      'Jordan broke the tie between the two options.',
      'Sam missed nothing in the review.',
      "Sam's rollback fixed it.",
      'The deploy caused errors for guest checkouts.',
      'Nobody is to blame: the pipeline allowed it.',
    ]) {
      expect(flagged(text), text).toEqual([]);
    }
  });
});
