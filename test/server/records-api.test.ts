/**
 * The records endpoints over HTTP, and a group drill recorded when it ends: sign-in by creating a team or accepting
 * an invitation (HTTP-only session cookies), single-use invitations, and every refusal a member of one team gets for
 * another team's endpoints and another person's records. Records on PGlite, one instance for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { openDatabase, type RecordsDatabase } from '../../src/records/database';
import { Records } from '../../src/records/records';
import { MemoryDrillStore } from '../../src/server/drill-store';
import { Inbox, startHarness, type Harness } from './harness';
import { startTinyLrs } from '../support/tiny-lrs';

let harness: Harness;
let database: RecordsDatabase;

beforeAll(async () => {
  database = await openDatabase({});
  // The tiny LRS listens on 127.0.0.2, the one private address allowed, so 127.0.0.1 (this server) stays refused.
  harness = await startHarness(new MemoryDrillStore(), new Records(database.db), { xapiAllowHosts: ['127.0.0.2'] });
}, 60_000);

afterAll(async () => {
  await harness.app.close();
  await database.close();
});

interface Response {
  status: number;
  body: any;
  cookie: string | null;
}

async function call(method: string, path: string, options: { body?: unknown; cookie?: string | null } = {}): Promise<Response> {
  const response = await fetch(`http://127.0.0.1:${harness.port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, body: text ? JSON.parse(text) : null, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

/** A manager with a team, and two members who joined by invitation. */
async function team(name: string) {
  const created = await call('POST', '/api/teams', { body: { teamName: name, displayName: `${name} manager` } });
  expect(created.status).toBe(201);
  const manager = created.cookie!;
  const teamId = created.body.team.id as string;
  const members: Array<{ cookie: string; id: string }> = [];
  for (const person of ['Alice', 'Bob']) {
    const invitation = await call('POST', `/api/teams/${teamId}/invitations`, { cookie: manager, body: { role: 'member' } });
    expect(invitation.status).toBe(201);
    const token = decodeURIComponent(/invitation=([^&]+)/.exec(invitation.body.invitationPath)![1]!);
    const accepted = await call('POST', '/api/invitations/accept', { body: { token, displayName: `${person} of ${name}` } });
    expect(accepted.status).toBe(200);
    members.push({ cookie: accepted.cookie!, id: accepted.body.person.id });
  }
  return { teamId, manager, managerId: created.body.person.id as string, alice: members[0]!, bob: members[1]! };
}

describe('signing in and inviting', () => {
  it('should create a team with its manager, signed in by an HTTP-only cookie, with clear errors for bad input', async () => {
    expect((await call('POST', '/api/teams', { body: { teamName: 'Ops' } })).body.error).toBe('displayName: enter a display name');
    expect((await call('POST', '/api/teams', { body: { teamName: 'x'.repeat(81), displayName: 'Mia' } })).body.error).toBe('teamName: a team name is at most 80 characters');
    expect((await call('POST', '/api/teams', { body: { teamName: 'Ops', displayName: 'Mia', admin: true } })).status).toBe(400);
    const created = await fetch(`http://127.0.0.1:${harness.port}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ teamName: 'Ops', displayName: 'Mia' }) });
    expect(created.headers.get('set-cookie')).toMatch(/^firedrill_session=[^;]+; HttpOnly; SameSite=Lax; Path=\//);
    const me = await call('GET', '/api/me', { cookie: created.headers.get('set-cookie')!.split(';')[0]! });
    expect(me.body.teams).toEqual([{ id: expect.any(String), name: 'Ops', roles: ['manager'] }]);
    // Nobody signed in is an answer, not an error (a 401 is a console error in the browser that asks).
    expect(await call('GET', '/api/me')).toMatchObject({ status: 200, body: { person: null, teams: [] } });
  });

  it('should make an invitation single-use', async () => {
    const a = await team('Single');
    const invitation = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: {} });
    const token = decodeURIComponent(/invitation=([^&]+)/.exec(invitation.body.invitationPath)![1]!);
    expect((await call('POST', '/api/invitations/accept', { body: { token, displayName: 'First' } })).status).toBe(200);
    const again = await call('POST', '/api/invitations/accept', { body: { token, displayName: 'Second' } });
    expect(again).toMatchObject({ status: 410, body: { error: 'this invitation has already been used' } });
    expect((await call('POST', '/api/invitations/accept', { body: { token: 'made-up', displayName: 'Third' } })).status).toBe(404);
  });
});

describe('outstanding invitations and what a link offers', () => {
  const tokenOf = (made: Response) => decodeURIComponent(/invitation=([^&]+)/.exec(made.body.invitationPath)![1]!);

  it('should list a team’s unused, unexpired invitations to its managers only, without tokens, and let them withdraw one', async () => {
    const a = await team('Iota');
    const b = await team('Kappa');
    const forMember = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { role: 'member' } });
    const forFacilitator = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { role: 'facilitator' } });
    const listed = await call('GET', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager });
    expect(listed.status).toBe(200);
    // Alice's and Bob's were used when they joined: only the two new ones are outstanding, newest first.
    expect(listed.body.invitations).toEqual([
      { id: forFacilitator.body.id, role: 'facilitator', createdAt: expect.any(String), expiresAt: expect.any(String), createdBy: { id: a.managerId, displayName: 'Iota manager' }, label: null, reference: forFacilitator.body.id.slice(4, 10) },
      { id: forMember.body.id, role: 'member', createdAt: expect.any(String), expiresAt: expect.any(String), createdBy: { id: a.managerId, displayName: 'Iota manager' }, label: null, reference: forMember.body.id.slice(4, 10) },
    ]);
    const text = JSON.stringify(listed.body);
    for (const made of [forMember, forFacilitator]) {
      const token = tokenOf(made);
      expect(text).not.toContain(token);
      expect(text).not.toContain((await import('../../src/server/codes')).hashToken(token));
    }

    // A member of the team, and another team's manager, are refused listing and withdrawing.
    const memberId = listed.body.invitations[1].id as string;
    for (const cookie of [a.alice.cookie, b.manager]) {
      expect((await call('GET', `/api/teams/${a.teamId}/invitations`, { cookie })).status).toBe(403);
      expect((await call('POST', `/api/teams/${a.teamId}/invitations/${memberId}/revoke`, { cookie })).status).toBe(403);
    }
    // Another team's manager cannot withdraw it through their own team either.
    expect((await call('POST', `/api/teams/${b.teamId}/invitations/${memberId}/revoke`, { cookie: b.manager })).status).toBe(404);
    expect((await call('GET', `/api/teams/${a.teamId}/invitations`)).status).toBe(401);

    // Withdrawn: gone from the list, and its link no longer works.
    expect(await call('POST', `/api/teams/${a.teamId}/invitations/${memberId}/revoke`, { cookie: a.manager })).toMatchObject({ status: 200, body: { role: 'member' } });
    expect((await call('GET', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager })).body.invitations.map((i: any) => i.role)).toEqual(['facilitator']);
    expect((await call('POST', `/api/teams/${a.teamId}/invitations/${memberId}/revoke`, { cookie: a.manager })).status).toBe(404);
    expect((await call('POST', '/api/invitations/accept', { body: { token: tokenOf(forMember), displayName: 'Too late' } })).status).toBe(404);
    // Used: no longer outstanding.
    expect((await call('POST', '/api/invitations/accept', { body: { token: tokenOf(forFacilitator), displayName: 'Fay' } })).status).toBe(200);
    expect((await call('GET', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager })).body.invitations).toEqual([]);
  });

  it('should keep who an invitation is for, checked on the server, and show it in the list', async () => {
    const a = await team('Labelled');
    const made = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { role: 'member', label: ' dana@example.com ' } });
    expect(made).toMatchObject({ status: 201, body: { role: 'member', label: 'dana@example.com', reference: made.body.id.slice(4, 10) } });
    const blank = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { role: 'member', label: '  ' } });
    expect(blank).toMatchObject({ status: 201, body: { label: null, reference: expect.stringMatching(/^[A-Za-z0-9_-]{6}$/) } });
    const tooLong = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { role: 'member', label: 'x'.repeat(81) } });
    expect(tooLong).toMatchObject({ status: 400, body: { error: 'label: say who the invitation is for in at most 80 characters, e.g. a name or an email' } });
    expect((await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { label: 42 } })).status).toBe(400);
    const listed = (await call('GET', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager })).body.invitations;
    expect(listed.map((i: any) => [i.id, i.label])).toEqual([
      [blank.body.id, null],
      [made.body.id, 'dana@example.com'],
    ]);
  });

  it('should tell what a working link offers without using it, and nothing about the team for a used or unknown one', async () => {
    const a = await team('Lambda');
    const made = await call('POST', `/api/teams/${a.teamId}/invitations`, { cookie: a.manager, body: { role: 'facilitator' } });
    const token = tokenOf(made);
    const preview = await call('POST', '/api/invitations/preview', { body: { token } });
    expect(preview).toMatchObject({ status: 200, body: { teamName: 'Lambda', invitedBy: 'Lambda manager', role: 'facilitator' } });
    expect(Object.keys(preview.body).sort()).toEqual(['invitedBy', 'role', 'teamName']);
    // Looking is not using: the link still works, once.
    expect((await call('POST', '/api/invitations/preview', { body: { token } })).status).toBe(200);
    expect((await call('POST', '/api/invitations/accept', { body: { token, displayName: 'Gus' } })).status).toBe(200);
    const used = await call('POST', '/api/invitations/preview', { body: { token } });
    expect(used).toMatchObject({ status: 410, body: { error: 'this invitation has already been used' } });
    const unknown = await call('POST', '/api/invitations/preview', { body: { token: 'made-up' } });
    expect(unknown).toMatchObject({ status: 404, body: { error: 'this invitation does not exist (or the team’s manager withdrew it)' } });
    for (const answer of [used, unknown]) expect(JSON.stringify(answer.body)).not.toContain('Lambda');
    expect((await call('POST', '/api/invitations/preview', { body: {} })).status).toBe(400);
  });
});

describe('access to records, checked on the server', () => {
  it('should refuse a member of team A every endpoint of team B and other people’s records, with 403', async () => {
    const a = await team('Alpha');
    const b = await team('Beta');
    const refusals: Array<[string, string, unknown?]> = [
      ['GET', `/api/teams/${b.teamId}`],
      ['POST', `/api/teams/${b.teamId}/invitations`, { role: 'member' }],
      ['GET', `/api/people/${b.alice.id}/records`],
      ['GET', `/api/people/${b.managerId}/records`],
      ['GET', `/api/people/${a.bob.id}/records`],
      // A member of A may not invite into A either: that is the manager's.
      ['POST', `/api/teams/${a.teamId}/invitations`, { role: 'manager' }],
    ];
    for (const [method, path, body] of refusals) {
      const response = await call(method, path, { cookie: a.alice.cookie, ...(body !== undefined ? { body } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(typeof response.body.error).toBe('string');
    }
    // B's manager does not manage A.
    expect((await call('GET', `/api/teams/${a.teamId}`, { cookie: b.manager })).status).toBe(403);
    expect((await call('GET', `/api/people/${a.alice.id}/records`, { cookie: b.manager })).status).toBe(403);
    // Nobody signed in gets 401, not data.
    expect((await call('GET', `/api/teams/${a.teamId}`)).status).toBe(401);
    // What is allowed: their own records, their team's aggregate; the manager sees everyone.
    expect((await call('GET', `/api/people/${a.alice.id}/records`, { cookie: a.alice.cookie })).status).toBe(200);
    expect((await call('GET', `/api/teams/${a.teamId}`, { cookie: a.alice.cookie })).body.kind).toBe('member');
    expect((await call('GET', `/api/teams/${a.teamId}`, { cookie: a.manager })).body.kind).toBe('manager');
    expect((await call('GET', `/api/people/${a.bob.id}/records`, { cookie: a.manager })).status).toBe(200);
  });
});

describe('a group drill kept in the records', () => {
  it('should let only a facilitator or manager host for a team, and record the finished drill with each signed-in person', async () => {
    const a = await team('Gamma');
    const host = (cookie: string) => call('POST', '/api/drills', { cookie, body: { scenario: 'checkout-launch', seed: '1', team: a.teamId } });
    expect(await host(a.alice.cookie)).toMatchObject({ status: 403, body: { error: 'only a facilitator or manager of that team may host its drills' } });
    const hosted = await host(a.manager);
    expect(hosted.status).toBe(201);
    const { code, facilitatorToken } = hosted.body as { code: string; facilitatorToken: string };

    const join = async (options: Record<string, string>, session?: string) => {
      const client = new Client(`ws://127.0.0.1:${harness.port}`);
      if (session) client.auth.token = decodeURIComponent(session.split('=')[1]!);
      const room = await client.joinById(code, options);
      const inbox = new Inbox(room);
      const state = inbox.next('state');
      room.send('ready', {});
      await state;
      return { room, inbox };
    };
    const facilitator = await join({ name: 'Mia', token: facilitatorToken });
    const alice = await join({ name: 'Alice' }, a.alice.cookie);
    alice.room.send('claim', { seat: { kind: 'player', responder: 'alex' } });
    await alice.inbox.next('state', (s) => s.you.seat.kind === 'player');
    facilitator.room.send('control', { action: 'start' });
    await alice.inbox.next('state', (s) => s.clock.started);
    alice.room.send('command', { command: { type: 'acknowledge' } });
    await alice.inbox.next('state', (s) => s.view.page.acknowledgedAt !== null);
    facilitator.room.send('command', { command: { type: 'call-time' } });
    await facilitator.inbox.next('state', (s) => s.view.phase === 'postmortem');
    const recorded = alice.inbox.next('recording', () => true, 10_000);
    facilitator.room.send('command', { command: { type: 'finish' } });
    expect((await alice.inbox.next('debrief', () => true, 10_000)).recording).toEqual({ state: 'pending' });
    // Once written, everyone is told which team's records hold it.
    expect(await recorded).toEqual({ state: 'recorded', team: { id: a.teamId, name: 'Gamma' } });

    // Recording happens just after the debrief goes out.
    let view: any;
    for (let i = 0; i < 50; i++) {
      view = (await call('GET', `/api/teams/${a.teamId}`, { cookie: a.manager })).body;
      if (view.results.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(view.results).toHaveLength(1);
    expect(view.results[0]).toMatchObject({ kind: 'group', scenarioId: 'checkout-launch', person: { id: a.alice.id }, responder: 'alex', resultVersion: 1 });
    const own = await call('GET', `/api/people/${a.alice.id}/records`, { cookie: a.alice.cookie });
    expect(own.body.map((r: any) => r.drillId)).toEqual([view.results[0].drillId]);
    await facilitator.room.leave(true);
    await alice.room.leave(true);

    // Exports are the manager's: a CSV a spreadsheet opens, the printable report, xAPI to an LRS.
    const csv = await fetch(`http://127.0.0.1:${harness.port}/api/teams/${a.teamId}/results.csv`, { headers: { cookie: a.manager } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.split('\r\n')[1]).toContain('Alice of Gamma');
    const report = await fetch(`http://127.0.0.1:${harness.port}/api/teams/${a.teamId}/readiness-report`, { headers: { cookie: a.manager } });
    expect(await report.text()).toContain('IR-3');
    const lrs = await startTinyLrs({ username: 'lrs', password: 'secret' }, '127.0.0.2');
    try {
      const sent = await call('POST', `/api/teams/${a.teamId}/xapi`, { cookie: a.manager, body: { endpoint: lrs.endpoint, username: 'lrs', password: 'secret' } });
      expect(sent).toMatchObject({ status: 200, body: { sent: 3 } });
      expect(lrs.statements).toHaveLength(3);
      const refused = await call('POST', `/api/teams/${a.teamId}/xapi`, { cookie: a.manager, body: { endpoint: lrs.endpoint, username: 'lrs', password: 'wrong' } });
      expect(refused.status).toBe(502);
      expect(refused.body.error).toBe('The LRS refused statements 1-3 of 3: HTTP 401 Unauthorized (check the LRS username and password)');
      // An allowed host's wrong path: the status, never what the LRS said.
      const wrongPath = await call('POST', `/api/teams/${a.teamId}/xapi`, { cookie: a.manager, body: { endpoint: lrs.endpoint.replace('/xapi', '/nowhere'), username: 'lrs', password: 'secret' } });
      expect(wrongPath).toMatchObject({ status: 502, body: { error: 'The LRS refused statements 1-3 of 3: HTTP 404 Not Found' } });
    } finally {
      await lrs.close();
    }
    // The playtest's probe: this server's own API on loopback, the cloud metadata address, the intranet. Refused before
    // any request, with no word of what is there.
    for (const endpoint of [`http://127.0.0.1:${harness.port}/api/`, `http://localhost:${harness.port}/api/`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://192.168.1.1/']) {
      const probe = await call('POST', `/api/teams/${a.teamId}/xapi`, { cookie: a.manager, body: { endpoint, username: 'a', password: 'b' } });
      expect(probe.status, endpoint).toBe(400);
      expect(probe.body.error, endpoint).toMatch(/^endpoint: .* is a private or local address; the server does not send records there unless FIREDRILL_XAPI_ALLOW_HOSTS lists it$/);
      // Matched as the LRS would word it: the endpoint's own port may hold the digits 404.
      expect(JSON.stringify(probe.body), endpoint).not.toMatch(/no such endpoint|HTTP \d{3}|Not Found/i);
    }
    for (const path of ['results.csv', 'readiness-report']) expect((await call('GET', `/api/teams/${a.teamId}/${path}`, { cookie: a.alice.cookie })).status, path).toBe(403);
    expect((await call('POST', `/api/teams/${a.teamId}/xapi`, { cookie: a.alice.cookie, body: { endpoint: 'http://127.0.0.1:9/x', username: '', password: '' } })).status).toBe(403);
    expect((await call('POST', `/api/teams/${a.teamId}/xapi`, { cookie: a.manager, body: { endpoint: 'file:///etc/passwd', username: '', password: '' } })).status).toBe(400);
  });

  it('should let a team member mark an action item done once, and refuse anyone outside the team', async () => {
    const a = await team('Delta');
    const b = await team('Epsilon');
    const records = new Records(database.db);
    const { replay } = await import('../../src/engine/index');
    const { script, defaultRubric } = await import('../support/grading');
    const { loadValid } = await import('../support/scenarios');
    const scenario = loadValid('scenarios/checkout-launch.json');
    const save = replay(scenario, 1, script('checkout-launch', 'expert'), undefined, { rubric: defaultRubric(), seating: 'team' }).save();
    await records.recordDrill({ kind: 'group', scenario, save, teamId: a.teamId, code: null, playedAt: new Date(), people: [{ personId: a.alice.id, displayName: 'Alice', responder: 'alex' }] });
    const items = (await call('GET', `/api/teams/${a.teamId}`, { cookie: a.manager })).body.openActionItems as Array<{ id: number }>;
    expect(items.length).toBeGreaterThan(0);
    expect((await call('POST', `/api/action-items/${items[0]!.id}/close`, { cookie: b.alice.cookie })).status).toBe(404);
    expect((await call('POST', `/api/action-items/${items[0]!.id}/close`, { cookie: a.bob.cookie })).status).toBe(204);
    expect((await call('POST', `/api/action-items/${items[0]!.id}/close`, { cookie: a.bob.cookie })).status).toBe(409);
    const after = (await call('GET', `/api/teams/${a.teamId}`, { cookie: a.manager })).body.openActionItems as Array<{ id: number; action: string }>;
    expect(after.map((i) => i.id)).not.toContain(items[0]!.id);
    expect(after).toHaveLength(items.length - 1);

    // The team's next drill starts with what is still open, in every participant's lobby.
    const hosted = await call('POST', '/api/drills', { cookie: a.manager, body: { scenario: 'filters-broken', team: a.teamId } });
    const client = new Client(`ws://127.0.0.1:${harness.port}`);
    const room = await client.joinById(hosted.body.code, { name: 'Newcomer' });
    const inbox = new Inbox(room);
    const state = inbox.next('state');
    room.send('ready', {});
    expect((await state).followUps.map((f: { action: string }) => f.action)).toEqual(after.map((i) => i.action));
    await room.leave(true);
  });
});

describe('solo runs kept in the records', () => {
  it('should keep a solo run once however often it is uploaded, and count a member’s solo run in the team’s CSV and report', async () => {
    const a = await team('Theta');
    const outsider = await call('POST', '/api/teams', { body: { teamName: 'Elsewhere', displayName: 'Olga Outsider' } });
    const { replay } = await import('../../src/engine/index');
    const { script, defaultRubric } = await import('../support/grading');
    const { loadValid } = await import('../support/scenarios');
    const save = replay(loadValid('scenarios/checkout-launch.json'), 1, script('checkout-launch', 'silent-updates'), undefined, { rubric: defaultRubric(), seating: 'solo' }).save();
    expect((await call('POST', '/api/solo-runs', { body: { save } })).status).toBe(401);
    const first = await call('POST', '/api/solo-runs', { cookie: a.alice.cookie, body: { save } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ drillId: expect.any(String) });
    // A reloaded debrief (no IndexedDB to remember the upload) sends it again: the same drill, said so.
    expect(await call('POST', '/api/solo-runs', { cookie: a.alice.cookie, body: { save } })).toMatchObject({ status: 200, body: { drillId: first.body.drillId, duplicate: true } });
    const theirs = await call('POST', '/api/solo-runs', { cookie: outsider.cookie, body: { save } });
    expect(theirs.status).toBe(201);
    const own = await call('GET', `/api/people/${a.alice.id}/records`, { cookie: a.alice.cookie });
    expect(own.body.map((r: { drillId: string }) => r.drillId)).toEqual([first.body.drillId]);

    const csv = await (await fetch(`http://127.0.0.1:${harness.port}/api/teams/${a.teamId}/results.csv`, { headers: { cookie: a.manager } })).text();
    const lines = csv.split('\r\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(first.body.drillId);
    expect(lines[1]).toContain('Alice of Theta');
    expect(csv).not.toContain(theirs.body.drillId);
    const report = await (await fetch(`http://127.0.0.1:${harness.port}/api/teams/${a.teamId}/readiness-report`, { headers: { cookie: a.manager } })).text();
    expect(report).toContain('1 drill (0 group, 1 solo): this team’s group drills and members’ solo runs');
    expect(report).toContain('Alex Rivera (Incident commander)');
    expect(report).not.toContain('Olga Outsider');
  });
});

describe('a finished drill outlives a stop before it was recorded', () => {
  it('should record it when its room is rebuilt', async () => {
    const a = await team('Zeta');
    const { Drill } = await import('../../src/server/drill');
    const { loadValid } = await import('../support/scenarios');
    const { defaultRubric } = await import('../support/grading');
    const { hashToken } = await import('../../src/server/codes');
    const scenario = loadValid('scenarios/minor-ui-bug.json');
    // A drill finished in an earlier life of the server: its record says it ended but was not recorded.
    const drill = Drill.create({ code: 'ZZZZZZZZZ2', scenario, seed: '1', difficulty: 'standard', rubric: defaultRubric(), facilitatorTokenHash: hashToken('x'), teamId: a.teamId });
    drill.lobby.add({ id: 'p-1', name: 'Alice', tokenHash: hashToken('y'), seat: { kind: 'player', responder: scenario.roster.onCall.primary }, personId: a.alice.id });
    drill.run.send('facilitator', { type: 'call-time' });
    drill.run.send('facilitator', { type: 'finish' });
    expect(drill.run.isOver()).toBe(true);
    await harness.store.save(drill.record());
    expect(await harness.app.restoreDrills()).toBe(0);
    let results: unknown[] = [];
    for (let i = 0; i < 50 && results.length === 0; i++) {
      results = (await call('GET', `/api/teams/${a.teamId}`, { cookie: a.manager })).body.results;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(results).toHaveLength(1);
    expect((await harness.store.load('ZZZZZZZZZ2'))!.recorded).toBe(true);
  });
});
