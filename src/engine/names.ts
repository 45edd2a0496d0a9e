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

/** A metric's value with its unit, as dashboards, checks and reports print it ("12.5%", "140 req/min"). */
export function formatMetric(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 10) / 10);
  return `${rounded}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
}
