/**
 * What a drill's briefing shows of its scenario: its title and briefing, and who the player is (the responder the
 * scenario pages). The scenario index carries these for every scenario (see catalog-plugin.ts), so a drill link shows
 * its briefing as soon as the page's script runs, without waiting for the scenario's own chunk.
 */
import type { Scenario } from '../engine/scenario/schema';

export interface BriefingFacts {
  title: string;
  briefing: string;
  /** The paged responder: the solo player (see Session.player). */
  player: { id: string; name: string | null; title: string | null };
}

export function briefingFacts(scenario: Scenario): BriefingFacts {
  const id = scenario.roster.onCall.primary;
  const player = scenario.roster.responders.find((r) => r.id === id);
  return { title: scenario.title, briefing: scenario.briefing, player: { id, name: player?.name ?? null, title: player?.title ?? null } };
}
