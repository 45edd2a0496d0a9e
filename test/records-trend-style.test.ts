/** The trend chart's lines told apart without colour, and coinciding points found and said, never moved. */
import { describe, expect, it } from 'vitest';
import type { Trend } from '../src/web/records/readiness';
import { coinciding, seriesStyle } from '../src/web/records/trend-style';

describe('the trend chart’s series styles', () => {
  it('should give every one of eight people a different point shape, dash pattern and colour, and nested point sizes', () => {
    const styles = Array.from({ length: 8 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.map((s) => s.point)).size).toBe(8);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(8);
    expect(new Set(styles.map((s) => s.words)).size).toBe(8);
    // Dashes: seven patterns, and the eighth differs from the first by its point shape.
    expect(new Set(styles.slice(0, 7).map((s) => JSON.stringify(s.dash))).size).toBe(7);
    // Two lines on one point show as rings of different sizes.
    for (let i = 1; i < 4; i++) expect(styles[i]!.radius).toBeGreaterThan(styles[i - 1]!.radius);
  });
});

describe('coinciding points', () => {
  const person = (n: string) => ({ id: n, displayName: n });
  const trend: Trend = {
    drills: [1, 2, 3].map((i) => ({ drillId: `d${i}`, playedAt: '2026-03-0${i}T10:00:00Z', scenarioTitle: 'S' })),
    series: [
      { person: person('Ana'), scores: [70, 85, null] },
      { person: person('Ben'), scores: [64, 85, 90] },
      { person: person('Cy'), scores: [70, 85, 90] },
    ],
  };

  it('should name, per drill, the people whose scores coincide, and the score, and skip drills they did not play', () => {
    expect(coinciding(trend)).toEqual([
      { drill: 0, score: 70, people: ['Ana', 'Cy'] },
      { drill: 1, score: 85, people: ['Ana', 'Ben', 'Cy'] },
      { drill: 2, score: 90, people: ['Ben', 'Cy'] },
    ]);
    expect(coinciding({ drills: trend.drills, series: [trend.series[0]!] })).toEqual([]);
  });
});
