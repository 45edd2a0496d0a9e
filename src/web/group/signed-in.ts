/**
 * Who is signed in to the records, as the group drill pages need it: the name to fill the join form with, and the
 * team a facilitator most likely hosts for. `/api/me` answers someone not signed in either with 401 or with
 * `{ person: null, teams: [] }`: both mean "nobody", here and everywhere this is used.
 */
import type { TeamRole } from '../../records/schema';

export interface SignedIn {
  person: { id: string; displayName: string };
  teams: Array<{ id: string; name: string; roles: TeamRole[] }>;
}

/** The signed-in person from an answer of `me()`, or null for nobody (401, `person: null`, no server, a refusal). */
export function signedInFrom(answer: { ok: boolean; value?: unknown }): SignedIn | null {
  if (!answer.ok || typeof answer.value !== 'object' || answer.value === null) return null;
  const value = answer.value as { person?: unknown; teams?: unknown };
  const person = value.person as { id?: unknown; displayName?: unknown } | null | undefined;
  if (!person || typeof person.id !== 'string' || typeof person.displayName !== 'string') return null;
  return { person: { id: person.id, displayName: person.displayName }, teams: Array.isArray(value.teams) ? (value.teams as SignedIn['teams']) : [] };
}

/** Asks the records who is signed in (loaded on demand: a page for nobody signed in needs none of it). */
export async function signedIn(): Promise<SignedIn | null> {
  try {
    const { me } = await import('../records/api');
    return signedInFrom(await me());
  } catch {
    return null;
  }
}

/** The teams someone may host a drill for: those they facilitate or manage. */
export function hostableTeams(who: SignedIn | null): SignedIn['teams'] {
  return (who?.teams ?? []).filter((t) => t.roles.includes('facilitator') || t.roles.includes('manager'));
}

/**
 * The team "Record for team" starts on: the one team they may host for, or, with several, the first they manage
 * (else the first they facilitate). "No team" stays one choice away.
 */
export function defaultHostTeam(teams: SignedIn['teams']): string {
  return (teams.find((t) => t.roles.includes('manager')) ?? teams[0])?.id ?? '';
}

/**
 * What a name field should be filled with once the signed-in person's name is known: that name, while the field still
 * holds what the page put there (`untouched`: its starting value, or the name filled in before); null, leaving it as
 * it is, once the person has typed there, or when nobody is signed in or the field already says the name.
 */
export function nameToFill(current: string, untouched: string, signedInName: string | null | undefined): string | null {
  if (!signedInName || current !== untouched || current === signedInName) return null;
  return signedInName;
}
