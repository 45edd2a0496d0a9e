/**
 * The records endpoints as the browser calls them. The session is an HTTP-only cookie the server sets, so a
 * same-origin fetch carries it and no script here ever sees it. Every call answers with a value or a reason in words
 * (the server's own when it gave one), and tells a page served without the Firedrill server (a static server, `vite
 * preview`) from a refusal, so each surface can say which it was.
 */
import type { SaveFile } from '../../engine/index';
import type { TeamView } from '../../records/access';
import type { PersonDrillResult, PersonRef } from '../../records/model';
import type { OpenInvitation } from '../../records/records';
import type { TeamRole } from '../../records/schema';

export type { OpenInvitation };

export interface InvitationPreview {
  teamName: string;
  invitedBy: string;
  role: TeamRole;
}
import { ME_CHANGED } from './events';

export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; status: number; reason: string; noServer: boolean };

export interface Me {
  person: PersonRef;
  teams: Array<{ id: string; name: string; roles: TeamRole[] }>;
}

export const NO_SERVER = 'records need the Firedrill server (npm start); this page is served without it';

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { ok: false, status: 0, reason: 'the server could not be reached', noServer: true };
  }
  if (response.status === 204) return { ok: true, status: 204, value: null as T };
  // Only our server answers /api/ with JSON: a static server gives the page itself, or its own 404.
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  const answer: unknown = json ? await response.json().catch(() => null) : null;
  if (!json) return { ok: false, status: response.status, reason: NO_SERVER, noServer: true };
  if (!response.ok) {
    const error = (answer as { error?: unknown } | null)?.error;
    return { ok: false, status: response.status, reason: typeof error === 'string' ? error : `the server answered ${response.status}`, noServer: false };
  }
  return { ok: true, status: response.status, value: answer as T };
}

let meCache: Promise<ApiResult<Me>> | null = null;

/**
 * Nobody signed in, as the pages handle it: the server answers "who am I?" with 200 `{ person: null }` (a 401 would
 * be a console error on every page that asks), and this client turns that into a refusal with status 401, so each
 * page says "not signed in" as it says any other refusal.
 */
const NOT_SIGNED_IN: ApiResult<Me> = { ok: false, status: 401, reason: 'not signed in', noServer: false };

/** Who is signed in, asked once per page (and again after signing in or out); `ask` asks again even if known. */
export function me(options: { ask?: boolean } = {}): Promise<ApiResult<Me>> {
  if (options.ask) meCache = null;
  meCache ??= call<{ person: PersonRef | null; teams: Me['teams'] }>('GET', '/api/me').then((answer): ApiResult<Me> => {
    if (answer.ok && answer.value.person === null) return NOT_SIGNED_IN;
    return answer as ApiResult<Me>;
  });
  return meCache;
}

export function forgetMe(): void {
  meCache = null;
  window.dispatchEvent(new Event(ME_CHANGED));
}

export async function createTeam(teamName: string, displayName: string): Promise<ApiResult<{ team: { id: string; name: string }; person: PersonRef }>> {
  const result = await call<{ team: { id: string; name: string }; person: PersonRef }>('POST', '/api/teams', { teamName, displayName });
  forgetMe();
  return result;
}

export async function signOut(): Promise<ApiResult<null>> {
  const result = await call<null>('POST', '/api/sign-out');
  forgetMe();
  return result;
}

/** `label`: who it is for (a name or an email), optional. */
export function invite(teamId: string, role: TeamRole, label = ''): Promise<ApiResult<{ invitationPath: string; role: TeamRole; id: string; label: string | null; reference: string }>> {
  return call('POST', `/api/teams/${encodeURIComponent(teamId)}/invitations`, { role, ...(label.trim() ? { label: label.trim() } : {}) });
}

/** A team's invitations not used yet (a manager's): never their links, which only the person who made one saw. */
export function openInvitations(teamId: string): Promise<ApiResult<{ invitations: OpenInvitation[] }>> {
  return call('GET', `/api/teams/${encodeURIComponent(teamId)}/invitations`);
}

export function revokeInvitation(teamId: string, id: string): Promise<ApiResult<{ role: TeamRole }>> {
  return call('POST', `/api/teams/${encodeURIComponent(teamId)}/invitations/${encodeURIComponent(id)}/revoke`, {});
}

/** What an invitation link offers (the team, who invited, the role), without using it. */
export function previewInvitation(token: string): Promise<ApiResult<InvitationPreview>> {
  return call('POST', '/api/invitations/preview', { token });
}

export async function acceptInvitation(token: string, displayName?: string): Promise<ApiResult<{ teamId: string; role: TeamRole; person: PersonRef }>> {
  const result = await call<{ teamId: string; role: TeamRole; person: PersonRef }>('POST', '/api/invitations/accept', { token, ...(displayName !== undefined ? { displayName } : {}) });
  forgetMe();
  return result;
}

export function teamView(teamId: string): Promise<ApiResult<TeamView>> {
  return call('GET', `/api/teams/${encodeURIComponent(teamId)}`);
}

export function personRecords(personId: string): Promise<ApiResult<PersonDrillResult[]>> {
  return call('GET', `/api/people/${encodeURIComponent(personId)}/records`);
}

/** Keeps a finished solo run; the same run again answers with the drill already kept (`duplicate: true`, status 200). */
export function uploadSoloRun(save: SaveFile): Promise<ApiResult<{ drillId: string; duplicate?: boolean }>> {
  return call('POST', '/api/solo-runs', { save });
}

export function closeActionItem(id: number): Promise<ApiResult<unknown>> {
  return call('POST', `/api/action-items/${encodeURIComponent(String(id))}/close`, {});
}

export function sendXapi(teamId: string, lrs: { endpoint: string; username: string; password: string }): Promise<ApiResult<unknown>> {
  return call('POST', `/api/teams/${encodeURIComponent(teamId)}/xapi`, lrs);
}

export interface HostedScenario {
  id: string;
  title: string;
  severity: string;
}

export function scenarios(): Promise<ApiResult<HostedScenario[]>> {
  return call('GET', '/api/scenarios');
}

/** Where the team's exports are downloaded from (the server makes them; these are plain links). */
export const exportPaths = (teamId: string) => ({
  csv: `/api/teams/${encodeURIComponent(teamId)}/results.csv`,
  report: `/api/teams/${encodeURIComponent(teamId)}/readiness-report`,
});
