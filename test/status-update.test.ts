import { describe, expect, it } from 'vitest';
import { parseStatusUpdate } from '../src/engine/index';

describe('status update parser', () => {
  it('should read the module template', () => {
    const parsed = parseStatusUpdate('[15:20] [SEV-1] Update #2\n\nCurrent Status: Checkout API returning 500s\nImpact: All purchases failing\nActions: Rollback in progress, monitoring error rate\nNext Update: In 15 minutes');
    expect(parsed).toEqual({
      time: '15:20',
      severity: 'SEV1',
      number: 2,
      currentStatus: 'Checkout API returning 500s',
      impact: 'All purchases failing',
      actions: 'Rollback in progress, monitoring error rate',
      nextUpdate: 'In 15 minutes',
      nextUpdateMinutes: 15,
    });
  });

  it('should tolerate the module\'s bracket-less example and other common variants', () => {
    const parsed = parseStatusUpdate('15:20 SEV1 Update #2\nStatus - investigating\n- impact: some users\n* Next steps: rolling back\n  and watching\nnext update in half an hour');
    expect(parsed.severity).toBe('SEV1');
    expect(parsed.number).toBe(2);
    expect(parsed.currentStatus).toBe('investigating');
    expect(parsed.impact).toBe('some users');
    expect(parsed.actions).toBe('rolling back and watching');
    expect(parsed.nextUpdateMinutes).toBe(30);
  });

  it('should leave missing fields empty rather than guess', () => {
    const parsed = parseStatusUpdate('Looking into it, will update soon');
    expect(parsed.severity).toBeNull();
    expect(parsed.impact).toBeNull();
    expect(parsed.nextUpdateMinutes).toBeNull();
  });

  it('should read hours and bare numbers as minutes', () => {
    expect(parseStatusUpdate('Next Update: in 1 hour').nextUpdateMinutes).toBe(60);
    expect(parseStatusUpdate('Next Update: 20').nextUpdateMinutes).toBe(20);
    expect(parseStatusUpdate('Next Update: 10 min').nextUpdateMinutes).toBe(10);
  });
});

describe('status update parser, as people really write', () => {
  it('should read a clock-time promise against the update\'s own time', () => {
    expect(parseStatusUpdate('[09:02] [SEV-1] Update #1\nNext Update: 09:17').nextUpdateMinutes).toBe(15);
    expect(parseStatusUpdate('09:02 SEV1 update 1. We will post again by 09:32.').nextUpdateMinutes).toBe(30);
    expect(parseStatusUpdate('Next Update: 09:17').nextUpdateMinutes).toBeNull();
  });

  it('should read number words and plain phrases', () => {
    expect(parseStatusUpdate('Next Update: in fifteen minutes').nextUpdateMinutes).toBe(15);
    expect(parseStatusUpdate('SEV2 Update #3 — we\'ll post again in an hour').nextUpdateMinutes).toBe(60);
  });

  it('should read Markdown-bold labels and "What we\'re doing"', () => {
    const parsed = parseStatusUpdate('**Current Status:** rolling back\n**Impact:** all purchases failing\nWhat we\'re doing: watching the error rate');
    expect(parsed.currentStatus).toBe('rolling back');
    expect(parsed.impact).toBe('all purchases failing');
    expect(parsed.actions).toBe('watching the error rate');
  });
});
