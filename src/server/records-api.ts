/**
 * The records endpoints: sign-in by invitation or by creating a team, the manager's and a person's views, solo run
 * uploads. Every endpoint decides who is asking from the session cookie (or, when configured, a trusted SSO header)
 * and lets Access decide what they may see.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { loadSave, scenarioHash } from '../engine/index';
import { MAX_ID_CHARS } from '../engine/limits';
import { Access } from '../records/access';
import { invitationId, invitationReference, MAX_INVITATION_LABEL, MAX_TEAM_NAME, Records, RecordsError } from '../records/records';
import { hashToken } from './codes';
import { TEAM_ROLES } from '../records/schema';
import { resultsCsv } from '../records/exports/csv';
import { readinessReportHtml } from '../records/exports/readiness-report';
import { LrsAddressError, LrsError, sendStatements, statementsFor } from '../records/exports/xapi';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import type { ScenarioLibrary } from './library';
import { cleanName } from './lobby';

export interface RecordsApiOptions {
  records: Records;
  library: ScenarioLibrary;
  /**
   * A header a trusted SSO proxy sets to the signed-in user's identity (e.g. `x-forwarded-email`). Only set it when
   * every request reaches the server through that proxy: otherwise anyone could send the header.
   */
  trustedHeader?: string;
  /**
   * Private or local hosts (`host` or `host:port`) the xAPI export may send to, e.g. an intranet LRS
   * (FIREDRILL_XAPI_ALLOW_HOSTS). Every other loopback, private, link-local or similar endpoint is refused.
   */
  xapiAllowHosts?: readonly string[];
}

type Reply = (status: number, body: unknown, headers?: Record<string, string>) => void;

const TeamName = z.string().trim().min(1, 'give the team a name').max(MAX_TEAM_NAME, `a team name is at most ${MAX_TEAM_NAME} characters`);
const CreateTeam = z.strictObject({ teamName: TeamName, displayName: z.unknown().optional() });
const Invite = z.strictObject({
  role: z.enum(TEAM_ROLES as ['member', 'facilitator', 'manager']).default('member'),
  // Who it is for, e.g. a name or an email: optional, blank is none.
  label: z
    .string('say who the invitation is for as text, e.g. a name or an email')
    .trim()
    .max(MAX_INVITATION_LABEL, `say who the invitation is for in at most ${MAX_INVITATION_LABEL} characters, e.g. a name or an email`)
    .nullish()
    .transform((l) => l || null),
});
const Accept = z.strictObject({ token: z.string().min(1).max(200), displayName: z.unknown().optional() });
const Preview = z.strictObject({ token: z.string().min(1).max(200) });
const SoloRun = z.strictObject({ save: z.unknown() });
const XapiTarget = z.strictObject({
  endpoint: z.string().url('endpoint: give the LRS address, e.g. https://lrs.example.com/xapi').max(500).refine((u) => /^https?:\/\//.test(u), 'endpoint: an http or https address'),
  username: z.string().max(200),
  password: z.string().max(500),
});

function problem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'request'}: ${issue.message}`;
}

export function recordsApi(options: RecordsApiOptions) {
  const { records } = options;
  const access = new Access(records);

  async function whoIsAsking(req: IncomingMessage): Promise<string | null> {
    if (options.trustedHeader) {
      const identity = req.headers[options.trustedHeader.toLowerCase()];
      if (typeof identity === 'string' && identity.length > 0 && identity.length <= 200) return records.personForExternalId(identity, identity.split('@')[0] || identity);
    }
    return records.personForSession(readCookie(req.headers, SESSION_COOKIE));
  }

  /** A person for someone not signed in yet: created with the display name they gave, signed in by a new cookie. */
  async function signIn(req: IncomingMessage, displayName: unknown): Promise<{ personId: string; cookie: string } | string> {
    const name = cleanName(displayName);
    if (!name.ok) return name.reason;
    const personId = await records.createPerson(name.name);
    return { personId, cookie: sessionCookie(await records.createSession(personId), req.headers) };
  }

  /** Whoever is asking, or, for someone not signed in yet, a new person signed in by the cookie returned. */
  async function askerOrNew(req: IncomingMessage, displayName: unknown): Promise<{ me: string; cookie?: string } | string> {
    const me = await whoIsAsking(req);
    if (me) return { me };
    const signed = await signIn(req, displayName);
    return typeof signed === 'string' ? signed : { me: signed.personId, cookie: signed.cookie };
  }

  /** Handles a request under /api/ that belongs to records; false when the path is not one of these. */
  return async function handle(req: IncomingMessage, path: string, body: () => Promise<unknown>, reply: Reply): Promise<boolean> {
    const method = req.method ?? 'GET';
    try {
      if (path === '/api/me' && method === 'GET') {
        // Nobody signed in is an answer, not an error: a 401 here would be a console error on every page that asks.
        const me = await whoIsAsking(req);
        if (!me) return reply(200, { person: null, teams: [] }), true;
        return reply(200, { person: await records.person(me), teams: await records.teamsOf(me) }), true;
      }
      if (path === '/api/sign-out' && method === 'POST') {
        const token = readCookie(req.headers, SESSION_COOKIE);
        if (token) await records.endSession(token);
        return reply(204, null, { 'set-cookie': clearedSessionCookie }), true;
      }
      if (path === '/api/teams' && method === 'POST') {
        const parsed = CreateTeam.safeParse(await body());
        if (!parsed.success) return reply(400, { error: problem(parsed.error) }), true;
        const asker = await askerOrNew(req, parsed.data.displayName);
        if (typeof asker === 'string') return reply(400, { error: `displayName: ${asker}` }), true;
        const { me, cookie } = asker;
        const teamId = await records.createTeam(parsed.data.teamName, me);
        return reply(201, { team: { id: teamId, name: parsed.data.teamName }, person: await records.person(me) }, cookie ? { 'set-cookie': cookie } : {}), true;
      }
      if (path === '/api/invitations/accept' && method === 'POST') {
        const parsed = Accept.safeParse(await body());
        if (!parsed.success) return reply(400, { error: problem(parsed.error) }), true;
        const asker = await askerOrNew(req, parsed.data.displayName);
        if (typeof asker === 'string') return reply(400, { error: `displayName: ${asker}` }), true;
        const { me, cookie } = asker;
        const joined = await records.acceptInvitation(parsed.data.token, me);
        return reply(200, { ...joined, person: await records.person(me) }, cookie ? { 'set-cookie': cookie } : {}), true;
      }
      // What a link offers, for the invitation page, before anyone signs in. POST so the token stays out of logged
      // addresses. Unknown and withdrawn links answer alike (a withdrawn one is gone); a used or expired one says so,
      // as accepting it would, and neither tells anything of its team. Tokens are 128 random bits: nothing to probe.
      if (path === '/api/invitations/preview' && method === 'POST') {
        const parsed = Preview.safeParse(await body());
        if (!parsed.success) return reply(400, { error: problem(parsed.error) }), true;
        return reply(200, await records.invitationPreview(parsed.data.token)), true;
      }
      const exportPath = /^\/api\/teams\/([A-Za-z0-9_-]{1,80})\/(results\.csv|readiness-report|xapi)$/.exec(path);
      if (exportPath) {
        const me = await whoIsAsking(req);
        if (!me) return reply(401, { error: 'sign in first' }), true;
        const view = await access.teamView(me, exportPath[1]!);
        // Exports hold every member's results: the team's managers' alone.
        if (view.kind !== 'manager') throw new RecordsError(403, 'only a manager of this team may export its records');
        const rows = view.results;
        if (exportPath[2] === 'results.csv' && method === 'GET') {
          return reply(200, { raw: resultsCsv(rows) }, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="firedrill-${view.team.id}-results.csv"` }), true;
        }
        if (exportPath[2] === 'readiness-report' && method === 'GET') {
          const html = readinessReportHtml({ team: { name: view.team.name }, generatedOn: new Date().toISOString().slice(0, 10), rows });
          return reply(200, { raw: html }, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }), true;
        }
        if (exportPath[2] === 'xapi' && method === 'POST') {
          const parsed = XapiTarget.safeParse(await body());
          if (!parsed.success) return reply(400, { error: problem(parsed.error) }), true;
          const origin = `http://${req.headers.host ?? 'localhost'}`;
          const statements = statementsFor(rows, { homePage: origin, activityBase: `${origin}/xapi` });
          try {
            const sent = await sendStatements(statements, { ...parsed.data, allowHosts: options.xapiAllowHosts ?? [] });
            return reply(200, { sent: sent.length }), true;
          } catch (error) {
            if (error instanceof LrsAddressError) return reply(400, { error: error.message }), true;
            // The LRS's own words go to the server's log (for the administrator), never to the client: the endpoint
            // is the client's choice, so its reply could be anything. No credentials are in either.
            if (error instanceof LrsError && error.lrsMessage) console.warn(`xAPI export for team ${view.team.id}: ${error.message}; the LRS said ${JSON.stringify(error.lrsMessage.slice(0, 200))}`);
            return reply(502, { error: error instanceof LrsError ? error.message : 'Could not send the statements to the LRS' }), true;
          }
        }
        return reply(405, { error: 'method not allowed' }), true;
      }
      const item = /^\/api\/action-items\/(\d{1,12})\/close$/.exec(path);
      if (item && method === 'POST') {
        const me = await whoIsAsking(req);
        if (!me) return reply(401, { error: 'sign in first' }), true;
        await records.closeActionItem(Number(item[1]), me);
        return reply(204, null), true;
      }
      const revoke = /^\/api\/teams\/([A-Za-z0-9_-]{1,80})\/invitations\/([A-Za-z0-9_-]{1,40})\/revoke$/.exec(path);
      if (revoke && method === 'POST') {
        const me = await whoIsAsking(req);
        if (!me) return reply(401, { error: 'sign in first' }), true;
        return reply(200, await records.revokeInvitation(revoke[1]!, revoke[2]!, me)), true;
      }
      const team = /^\/api\/teams\/([A-Za-z0-9_-]{1,80})(\/invitations)?$/.exec(path);
      if (team) {
        const me = await whoIsAsking(req);
        if (!me) return reply(401, { error: 'sign in first: use an invitation link, or create a team' }), true;
        if (team[2] && method === 'POST') {
          const parsed = Invite.safeParse(await body());
          if (!parsed.success) return reply(400, { error: problem(parsed.error) }), true;
          const token = await access.invite(me, team[1]!, parsed.data.role, parsed.data.label);
          const id = invitationId(hashToken(token));
          return reply(201, { invitationPath: `/?invitation=${encodeURIComponent(token)}`, role: parsed.data.role, id, label: parsed.data.label, reference: invitationReference(id) }), true;
        }
        if (team[2] && method === 'GET') return reply(200, { invitations: await records.openInvitations(team[1]!, me) }), true;
        if (!team[2] && method === 'GET') return reply(200, await access.teamView(me, team[1]!)), true;
        return reply(405, { error: 'method not allowed' }), true;
      }
      const person = /^\/api\/people\/([A-Za-z0-9_-]{1,80})\/records$/.exec(path);
      if (person && method === 'GET') {
        const me = await whoIsAsking(req);
        if (!me) return reply(401, { error: 'sign in first' }), true;
        return reply(200, await access.personRecords(me, person[1]!)), true;
      }
      if (path === '/api/solo-runs' && method === 'POST') {
        const me = await whoIsAsking(req);
        if (!me) return reply(401, { error: 'sign in first: a solo run is kept for the person who played it' }), true;
        const parsed = SoloRun.safeParse(await body());
        if (!parsed.success) return reply(400, { error: problem(parsed.error) }), true;
        const loaded = loadSave(JSON.stringify(parsed.data.save), 'uploaded run', (id) => {
          const scenario = options.library.get(id.slice(0, MAX_ID_CHARS));
          return scenario ? { scenario, hash: scenarioHash(scenario) } : undefined;
        });
        if (!loaded.ok) return reply(400, { error: `the run could not be read: ${loaded.problems[0]?.message ?? loaded.reason}` }), true;
        if (!loaded.run.isOver()) return reply(400, { error: 'only a finished run is kept: finish the drill first' }), true;
        const personName = (await records.person(me))!.displayName;
        // The same run uploaded again (a reloaded debrief without IndexedDB) is the drill already kept.
        const kept = await records.recordSoloRun({ personId: me, scenario: loaded.run.scenario, save: loaded.save, playedAt: new Date(), people: [{ personId: me, displayName: personName, responder: loaded.run.scenario.roster.onCall.primary }] });
        return reply(kept.duplicate ? 200 : 201, kept.duplicate ? { drillId: kept.drillId, duplicate: true } : { drillId: kept.drillId }), true;
      }
    } catch (error) {
      if (error instanceof RecordsError) return reply(error.status, { error: error.message }), true;
      throw error;
    }
    return false;
  };
}
