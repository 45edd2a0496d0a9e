import { describe, expect, it } from 'vitest';
import { formatGameMinute, formatTick, timeTicks, unitName, valueScale } from '../src/web/war-room/chart-scale';
import { ellipsize, ellipsizeKeepingSuffix, fitFirst, wrapLines, type Measure } from '../src/web/war-room/text-fit';

/** A stand-in font: every character 6 px wide, except "W" (10 px), so widths are not character counts. */
const measure: Measure = (text) => [...text].reduce((sum, ch) => sum + (ch === 'W' ? 10 : 6), 0);

describe('fitting text by measured width', () => {
  it('leaves text that fits alone and cuts the rest with an ellipsis inside the width', () => {
    expect(ellipsize('commander named', 200, measure)).toBe('commander named');
    const cut = ellipsize('commander named and briefed', 60, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(60);
    // Wide letters take more room: fewer of them fit than narrow ones.
    expect(ellipsize('WWWWWWWWWW', 60, measure).length).toBeLessThan(ellipsize('aaaaaaaaaa', 60, measure).length);
    expect(ellipsize('anything', 3, measure)).toBe('');
  });

  it('picks the first candidate that fits, else cuts the last', () => {
    expect(fitFirst(['joins T+00:03', 'T+00:03'], 60, measure)).toBe('T+00:03');
    expect(fitFirst(['joins T+00:03', 'T+00:03'], 200, measure)).toBe('joins T+00:03');
    expect(measure(fitFirst(['a very long name', 'still too long'], 30, measure))).toBeLessThanOrEqual(30);
  });

  it('keeps a suffix such as a unit whole and cuts the text before it', () => {
    const title = ellipsizeKeepingSuffix('Object storage front end · Request error rate (all APIs)', ' (%)', 150, measure);
    expect(title.endsWith('… (%)')).toBe(true);
    expect(measure(title)).toBeLessThanOrEqual(150);
  });

  it('wraps within the width and line count, breaking words longer than a line', () => {
    const lines = wrapLines('Error rate 70% (threshold 1%) for 3 minutes across GET, PUT, LIST and DELETE', 120, 3, measure);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(120);
    expect(lines[2]!.endsWith('…')).toBe(true);
    const broken = wrapLines('DELETEOBJECTSFROMTHEBUCKET now', 60, 5, measure);
    for (const line of broken) expect(measure(line)).toBeLessThanOrEqual(60);
    expect(broken.join('').replace(/\s/g, '')).toBe('DELETEOBJECTSFROMTHEBUCKETnow');
    expect(wrapLines('short', 120, 2, measure)).toEqual(['short']);
    expect(wrapLines('anything', 120, 0, measure)).toEqual([]);
  });
});

describe('chart axes', () => {
  it('chooses round value steps with the top above the highest value', () => {
    expect(valueScale(5.2)).toEqual({ top: 6, step: 2, ticks: [0, 2, 4, 6] });
    const big = valueScale(1480);
    expect(big.top).toBeGreaterThanOrEqual(1480);
    expect(big.ticks.length).toBeGreaterThanOrEqual(3);
    expect(big.ticks.length).toBeLessThanOrEqual(5);
    expect(valueScale(0).ticks).toEqual([0, 0.5, 1]);
  });

  it('formats ticks with the decimals their step needs, percentages with "%"', () => {
    expect(formatTick(1200, 500, '')).toBe('1,200');
    expect(formatTick(0.5, 0.5, '%')).toBe('0.5%');
    expect(formatTick(4, 2, '%')).toBe('4%');
  });

  it('labels game minutes before and after the page, at round minutes', () => {
    expect(timeTicks(-30, 0)).toEqual([-30, -20, -10, 0]);
    expect(timeTicks(7, 37)).toEqual([10, 20, 30]);
    expect(timeTicks(0, 12)).toEqual([0, 5, 10]);
    expect(formatGameMinute(-10)).toBe('T−00:10');
    expect(formatGameMinute(0)).toBe('T+00:00');
    expect(formatGameMinute(75)).toBe('T+01:15');
    expect(unitName('')).toBe('count');
    expect(unitName('ms')).toBe('ms');
  });
});
