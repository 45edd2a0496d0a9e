/** Words and dates the records pages share. */
import type { TeamRole } from '../../records/schema';

/** A date and time people read the same way everywhere (no locale guessing): "2 Mar 2026, 14:05". */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getMonth()]!;
  return `${date.getDate()} ${month} ${date.getFullYear()}, ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Just the day, for chart labels. */
export function formatDay(iso: string): string {
  return formatWhen(iso).replace(/, \d\d:\d\d$/, '');
}

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = { member: 'member', facilitator: 'facilitator', manager: 'manager' };

export { INCIDENT_ROLE_LABELS } from '../../records/describe';

export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
