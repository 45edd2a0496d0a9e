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
    if (response.status === 401) hint(false);
    const error = (answer as { error?: unknown } | null)?.error;
    return { ok: false, status: response.status, reason: typeof error === 'string' ? error : `the server answered ${response.status}`, noServer: false };
  }
  return { ok: true, status: response.status, value: answer as T };
}

/**
 * Whether this browser has been signed in. The server answers "who am I?" with 401 for nobody, and browsers log every
 * 401 as a console error: a page for someone who never signed in (most solo players) does not ask, and says they are
 * signed out. Set whenever the server says who someone is; cleared by signing out or any 401. A person signed in by
 * an SSO proxy without ever signing in here asks once with "Check again" (see `me({ ask: true })`).
 */
const HINT_KEY = 'firedrill:records-signed-in';

function hint(on?: boolean): boolean {
  try {
    if (on === true) window.localStorage.setItem(HINT_KEY, '1');
    else if (on === false) window.localStorage.removeItem(HINT_KEY);
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    // No storage: ask every time (the one 401 is the lesser harm than never showing someone their records).
    return true;
  }
}

let meCache: Promise<ApiResult<Me>> | null = null;

const NOT_SIGNED_IN: ApiResult<Me> = { ok: false, status: 401, reason: 'not signed in', noServer: false };

/** Who is signed in, asked once per page (and again after signing in or out); `ask` asks even without the hint. */
export function me(options: { ask?: boolean } = {}): Promise<ApiResult<Me>> {
  if (!meCache && !options.ask && !hint()) return Promise.resolve(NOT_SIGNED_IN);
  meCache ??= call<Me>('GET', '/api/me').then((answer) => {
    if (answer.ok) hint(true);
    return answer;
  });
  return meCache;
}


export function forgetMe(): void {
  meCache = null;
  window.dispatchEvent(new Event(ME_CHANGED));
}

export async function createTeam(teamName: string, displayName: string): Promise<ApiResult<{ team: { id: string; name: string }; person: PersonRef }>> {
  const result = await call<{ team: { id: string; name: string }; person: PersonRef }>('POST', '/api/teams', { teamName, displayName });
  if (result.ok) hint(true);
  forgetMe();
  return result;
}

export async function signOut(): Promise<ApiResult<null>> {
  const result = await call<null>('POST', '/api/sign-out');
  if (result.ok) hint(false);
  forgetMe();
  return result;
}

export function invite(teamId: string, role: TeamRole): Promise<ApiResult<{ invitationPath: string; role: TeamRole; id: string }>> {
  return call('POST', `/api/teams/${encodeURIComponent(teamId)}/invitations`, { role });
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
  if (result.ok) hint(true);
  forgetMe();
  return result;
}

export function teamView(teamId: string): Promise<ApiResult<TeamView>> {
  return call('GET', `/api/teams/${encodeURIComponent(teamId)}`);
}

export function personRecords(personId: string): Promise<ApiResult<PersonDrillResult[]>> {
  return call('GET', `/api/people/${encodeURIComponent(personId)}/records`);
}

export function uploadSoloRun(save: SaveFile): Promise<ApiResult<{ drillId: string }>> {
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
