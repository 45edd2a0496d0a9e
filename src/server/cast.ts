/**
 * The seats of a group drill: which roster responders people can play, each with the role a team would usually
 * give them. Players still take command and assign roles in the game (that is graded); the suggested role only tells
 * a team lead who should sit where.
 */
import type { Role, Scenario } from '../engine/index';

export interface CastSeat {
  /** The roster responder this seat plays: commands from this seat are issued as them. */
  responder: string;
  name: string;
  title: string;
  suggestedRole: Role | null;
}

/** A drill seats at most this many players; anyone else watches. */
export const MAX_PLAYER_SEATS = 8;

export function castOf(scenario: Scenario): CastSeat[] {
  const roster = scenario.roster;
  const byId = new Map(roster.responders.map((r) => [r.id, r]));
  const chosen: Array<[string, Role | null]> = [];
  const take = (id: string | undefined, role: Role | null) => {
    if (id !== undefined && byId.has(id) && !chosen.some(([c]) => c === id)) chosen.push([id, role]);
  };
  // The paged on-call leads until someone else is named; the team lead first on the escalation chain usually
  // speaks to stakeholders; the secondary on-call works the systems; someone already there keeps the notes.
  take(roster.onCall.primary, 'commander');
  take(roster.escalation[0], 'communications');
  take(roster.onCall.secondary, 'operations');
  take(roster.responders.find((r) => r.present && !chosen.some(([c]) => c === r.id))?.id, 'scribe');
  if (!chosen.some(([, role]) => role === 'scribe')) take(roster.responders.find((r) => !chosen.some(([c]) => c === r.id))?.id, 'scribe');
  for (const r of roster.responders) take(r.id, null);
  return chosen.slice(0, MAX_PLAYER_SEATS).map(([id, suggestedRole]) => {
    const r = byId.get(id)!;
    return { responder: id, name: r.name, title: r.title, suggestedRole };
  });
}
