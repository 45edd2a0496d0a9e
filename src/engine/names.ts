/** How the game names people, actions and moments, in one place so every screen and report says them alike. */
import type { Scenario } from './scenario/schema';

/** A responder's or stakeholder's name, or the id itself when the roster has no such person. */
export function personName(scenario: Scenario, id: string | null | undefined): string | null {
  if (!id) return null;
  return scenario.roster.responders.find((r) => r.id === id)?.name ?? scenario.roster.stakeholders.find((s) => s.id === id)?.name ?? id;
}

/**
 * Who sent an inject, by name. A scenario's inject names a person of the roster by id; a facilitator's custom inject
 * carries the sender's name as the facilitator wrote it, which stays a name even if it happens to match an id.
 */
export function injectSender(scenario: Scenario, inject: string, from: string | null): string | null {
  if (from === null) return null;
  return scenario.injects.some((i) => i.id === inject) ? personName(scenario, from) : from;
}

export function actionLabel(scenario: Scenario, id: string): string {
  return scenario.diagnosis.find((a) => a.id === id)?.label ?? scenario.resolution.find((a) => a.id === id)?.label ?? id;
}

/** Game time as "T+HH:MM", minutes since the page. */
export function formatMinute(minute: number): string {
  // Loaders bound every minute; this keeps a stray non-number from ever reading "T+NaN:NaN".
  if (!Number.isFinite(minute)) return 'T+—';
  const whole = Math.max(0, Math.floor(minute));
  return `T+${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * A number as English writes it, with commas between thousands and `decimals` digits after the point ("12,345",
 * "-1,500.5"); a value that rounds to zero never reads "-0". Written out rather than `toLocaleString('en')`: the first
 * use of Intl costs tens of milliseconds of start-up (~50 ms on a slow machine), which a new drill paid before its
 * first war-room frame, and a new number format per call after that.
 */
export function withThousands(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = roundDecimal(Math.abs(value), decimals);
  const sign = value < 0 && /[1-9]/.test(whole + fraction) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals > 0 ? `.${fraction}` : ''}`;
}

/**
 * `value` (not negative) rounded half up to `decimals` digits, as its whole and fraction digits. Rounded from the
 * shortest decimal that reads back as the value ("26274.015"), as Intl does, not from its binary value (which
 * `toFixed` rounds down to "26274.01").
 */
function roundDecimal(value: number, decimals: number): [string, string] {
  const text = String(value);
  if (/e/i.test(text)) {
    // Written with an exponent: past 1e21 a whole number (which `toFixed` too would write so), or tiny.
    if (value >= 1e21) return [BigInt(value).toString(), '0'.repeat(decimals)];
    const [whole, fraction = ''] = value.toFixed(decimals).split('.');
    return [whole!, fraction];
  }
  const [whole, fraction = ''] = text.split('.') as [string, string | undefined];
  if (fraction.length <= decimals) return [whole, fraction.padEnd(decimals, '0')];
  // Round the digits as one integer string, then split it again.
  const digits = (whole + fraction.slice(0, decimals)).split('').map(Number);
  if (Number(fraction[decimals]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i]! += 1;
    else digits.unshift(1);
  }
  const joined = digits.join('');
  return [joined.slice(0, joined.length - decimals) || '0', joined.slice(joined.length - decimals)];
}

/** A metric's value with its unit, as dashboards, checks and reports print it ("12.5%", "140 req/min"). */
export function formatMetric(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 100 ? withThousands(Math.round(value)) : String(Math.round(value * 10) / 10);
  return `${rounded}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
}
