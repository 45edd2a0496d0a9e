/**
 * How the trend chart tells its lines apart without colour alone: each person's line has its own colour, point shape
 * and dash pattern, said in words too. People with the same score in a drill (everyone in one group drill has the
 * team's score) have points in the same place: the points are drawn nested (each a different size) and the page says
 * in words whose scores coincide. Values are never moved to make them visible. Pure, so it is tested without a browser.
 */
import type { Trend } from './readiness';

/** Okabe–Ito colours (told apart with colour blindness) that read on the dark panel. */
const COLOURS = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#ffffff', '#a6b0c3'];
const POINTS = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'] as const;
const POINT_WORDS = ['circles', 'triangles', 'squares', 'diamonds', 'stars', 'crosses (×)', 'crosses (+)', 'rounded squares'];
/** Dash patterns (drawn length, gap, …); the empty one is a solid line. Coprime with the points' count, so pairs vary. */
const DASHES: ReadonlyArray<{ dash: number[]; words: string }> = [
  { dash: [], words: 'solid line' },
  { dash: [10, 5], words: 'dashed line' },
  { dash: [2, 4], words: 'dotted line' },
  { dash: [12, 4, 2, 4], words: 'dash-dot line' },
  { dash: [5, 5], words: 'short-dashed line' },
  { dash: [16, 6], words: 'long-dashed line' },
  { dash: [12, 4, 2, 4, 2, 4], words: 'dash-dot-dot line' },
];

export interface SeriesStyle {
  colour: string;
  point: (typeof POINTS)[number];
  /** Chart.js draws the first dataset on top: later ones are larger, so points in one place show as nested rings. */
  radius: number;
  dash: number[];
  /** The style in words, for the key beside the chart. */
  words: string;
}

export function seriesStyle(index: number): SeriesStyle {
  const dash = DASHES[index % DASHES.length]!;
  const point = index % POINTS.length;
  return { colour: COLOURS[index % COLOURS.length]!, point: POINTS[point]!, radius: 4 + 2 * (index % 4), dash: dash.dash, words: `${dash.words}, ${POINT_WORDS[point]}` };
}

/** Where two or more people's points coincide: per drill (index into `trend.drills`), the score and who had it. */
export function coinciding(trend: Trend): Array<{ drill: number; score: number; people: string[] }> {
  const found: Array<{ drill: number; score: number; people: string[] }> = [];
  trend.drills.forEach((_, drill) => {
    const byScore = new Map<number, string[]>();
    for (const s of trend.series) {
      const score = s.scores[drill];
      if (score === null || score === undefined) continue;
      byScore.set(score, [...(byScore.get(score) ?? []), s.person.displayName]);
    }
    for (const [score, people] of byScore) if (people.length > 1) found.push({ drill, score, people });
  });
  return found;
}
