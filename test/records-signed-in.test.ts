/**
 * Who is signed in, as the group drill pages read it (the join form's name, the host form's team): `/api/me` answers
 * nobody with 401 today and with `{ person: null, teams: [] }` soon; both must read as nobody.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultHostTeam, hostableTeams, nameToFill, signedIn, signedInFrom } from '../src/web/group/signed-in';

const mia = { person: { id: 'per_1', displayName: 'Mia Manager' }, teams: [
  { id: 'team_b', name: 'B team', roles: ['member' as const] },
  { id: 'team_c', name: 'C team', roles: ['facilitator' as const] },
  { id: 'team_d', name: 'D team', roles: ['member' as const, 'manager' as const] },
] };

function answering(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('who is signed in', () => {
  it('should read 401, person null, a refusal and nonsense as nobody, and a person as them', () => {
    expect(signedInFrom({ ok: false })).toBeNull();
    expect(signedInFrom({ ok: true, value: { person: null, teams: [] } })).toBeNull();
    expect(signedInFrom({ ok: true, value: null })).toBeNull();
    expect(signedInFrom({ ok: true, value: { person: { id: 1 } } })).toBeNull();
    expect(signedInFrom({ ok: true, value: mia })).toEqual(mia);
  });

  it('should ask the server, and take either way of saying nobody', async () => {
    answering(401, { error: 'not signed in' });
    expect(await signedIn()).toBeNull();
    vi.resetModules();
    answering(200, { person: null, teams: [] });
    expect(await (await import('../src/web/group/signed-in')).signedIn()).toBeNull();
    vi.resetModules();
    answering(200, mia);
    expect((await (await import('../src/web/group/signed-in')).signedIn())?.person.displayName).toBe('Mia Manager');
  });
});

describe('the team a drill is hosted for, to start with', () => {
  it('should offer the teams they facilitate or manage, and start on the one, or the first they manage', () => {
    const teams = hostableTeams(mia);
    expect(teams.map((t) => t.id)).toEqual(['team_c', 'team_d']);
    expect(defaultHostTeam(teams)).toBe('team_d');
    expect(defaultHostTeam([teams[0]!])).toBe('team_c');
    expect(defaultHostTeam([])).toBe('');
    expect(hostableTeams(null)).toEqual([]);
  });
});

describe('filling a name field from the sign-in (the join form’s player, the host form’s facilitator)', () => {
  it('should fill an untouched field with the signed-in name, and never replace what the person typed', () => {
    // Empty, or holding the name this browser remembered: the signed-in name goes in.
    expect(nameToFill('', '', 'Mia Manager')).toBe('Mia Manager');
    expect(nameToFill('Mia from last time', 'Mia from last time', 'Mia Manager')).toBe('Mia Manager');
    // Typed over before the answer came: left alone.
    expect(nameToFill('Fran', '', 'Mia Manager')).toBeNull();
    // Nobody signed in, or the field already says it.
    expect(nameToFill('', '', null)).toBeNull();
    expect(nameToFill('', '', undefined)).toBeNull();
    expect(nameToFill('Mia Manager', 'Mia Manager', 'Mia Manager')).toBeNull();
  });
});
