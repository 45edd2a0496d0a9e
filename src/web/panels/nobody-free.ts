/**
 * Why no one can take an action now, in words the player can act on: the people who could are busy, or paged and on
 * their way, or not in the incident at all. Read from the seat's view only (who is present, busy, on the way).
 */
import { formatMinute, type ActionView, type SeatView } from '../../engine/index';

const names = (people: ReadonlyArray<{ name: string }>) => {
  const all = people.map((p) => p.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
};

export function nobodyFree(view: Pick<SeatView, 'responders'>, action: Pick<ActionView, 'skills'>): string {
  const able = view.responders.filter((r) => action.skills.length === 0 || action.skills.some((skill) => r.skills.includes(skill)));
  const coming = able.filter((r) => r.status === 'on-the-way');
  const busy = able.filter((r) => r.status === 'present' && r.busyWith !== null);
  if (coming.length > 0) {
    const soonest = Math.min(...coming.map((r) => r.joinsAt ?? Number.POSITIVE_INFINITY));
    const when = Number.isFinite(soonest) ? ` (first joins ${formatMinute(soonest)})` : '';
    return `Nobody who can is free yet: ${names(coming)} ${coming.length === 1 ? 'is' : 'are'} on the way${when}.`;
  }
  if (busy.length > 0) return `Nobody who can is free: ${names(busy)} ${busy.length === 1 ? 'is' : 'are'} busy. Wait, or page someone else who can.`;
  return 'Nobody in the incident can do this: page someone who can.';
}
