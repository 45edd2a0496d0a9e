import { describe, expect, it } from 'vitest';
import { withThousands } from '../src/engine/names';
import { formatTick } from '../src/web/war-room/chart-scale';

describe('numbers with commas between thousands, without Intl', () => {
  it('should write whole numbers exactly as toLocaleString("en") does', () => {
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 12_345, 99_999, 100_000, 1_234_567, 2 ** 31, Number.MAX_SAFE_INTEGER];
    for (const v of [...values, ...values.map((n) => -n).filter((n) => n !== 0)]) expect(withThousands(v), String(v)).toBe(v.toLocaleString('en'));
  });

  it('should round to the decimals asked for as toLocaleString("en") does, over many values', () => {
    let checked = 0;
    for (let i = -2000; i <= 2000; i += 7) {
      for (const decimals of [0, 1, 2, 3]) {
        const v = i * 13.37 + i / 1000;
        const expected = v.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        // Intl writes "-0" for a negative value that rounds to zero; nobody should read that, so it is "0" here.
        if (/^-0(\.0*)?$/.test(expected)) continue;
        expect(withThousands(v, decimals), `${v} to ${decimals}`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(withThousands(-0.04, 1)).toBe('0.0');
    // Carried across the point and into a new thousand; and values too small or large for plain decimals.
    for (const [v, d] of [[999.96, 1], [999_999.5, 0], [0.05, 1], [1e-7, 2], [1.5e21, 0], [26274.015, 2]] as const) {
      expect(withThousands(v, d), `${v} to ${d}`).toBe(v.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true }));
    }
  });

  it("should label a chart axis with the step's decimals and commas", () => {
    expect(formatTick(1200, 200, 'ms')).toBe('1,200');
    expect(formatTick(0.5, 0.5, '%')).toBe('0.5%');
    expect(formatTick(2, 0.01, '')).toBe('2.00');
    expect(formatTick(0.3, 0.1, '')).toBe('0.3');
  });
});
