/**
 * A tiny learning record store for tests: POST {endpoint}/statements on a loopback port, with the version header
 * and Basic auth checked and each statement validated against the xAPI 1.0.3 rules the exports must keep. It answers
 * as an LRS would (400 with the reason, 401, 409 for a known id with different content, 200 with the ids) and keeps
 * what it accepted, so tests can see exactly what reached it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

export interface TinyLrs {
  /** The xAPI endpoint to give a client: statements go to `${endpoint}/statements`. */
  endpoint: string;
  /** Statements stored, in the order accepted. */
  statements: Record<string, unknown>[];
  /** Every POST to /statements that passed auth, with how many statements it carried. */
  requests: { count: number }[];
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// RFC 3339's profile of ISO 8601, which the xAPI spec recommends and conformance tests use.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An IRI: a scheme, then no spaces; the URL parser catches the rest. Unicode is allowed, as IRIs allow it. */
function isIri(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function languageMap(value: unknown, where: string): string | null {
  if (!isObject(value) || Object.keys(value).length === 0) return `${where} must be a non-empty language map`;
  for (const [tag, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG.test(tag)) return `${where} has "${tag}", which is not an RFC 5646 language tag`;
    if (typeof text !== 'string') return `${where}["${tag}"] must be a string`;
  }
  return null;
}

function extensions(value: unknown, where: string): string | null {
  if (value === undefined) return null;
  if (!isObject(value)) return `${where} must be an object`;
  const bad = Object.keys(value).find((key) => !isIri(key));
  return bad === undefined ? null : `${where} key "${bad}" is not an IRI`;
}

function unknownKeys(value: Json, allowed: string[], where: string): string | null {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `${where} has an unknown property "${extra}"`;
}

function agent(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} must be an object`;
  if (value.objectType !== undefined && value.objectType !== 'Agent' && value.objectType !== 'Group') return `${where}.objectType must be Agent or Group`;
  const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((key) => value[key] !== undefined);
  const anonymousGroup = value.objectType === 'Group' && ifis.length === 0 && Array.isArray(value.member);
  if (!anonymousGroup && ifis.length !== 1) return `${where} must have exactly one inverse functional identifier, has ${ifis.length}`;
  if (value.mbox !== undefined && (typeof value.mbox !== 'string' || !/^mailto:\S+@\S+$/.test(value.mbox))) return `${where}.mbox must be a mailto: IRI`;
  if (value.account !== undefined) {
    const account = value.account;
    if (!isObject(account) || !isIri(account.homePage) || typeof account.name !== 'string' || account.name === '') {
      return `${where}.account needs an IRL homePage and a name`;
    }
  }
  if (value.name !== undefined && typeof value.name !== 'string') return `${where}.name must be a string`;
  return null;
}

function activity(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} must be an object`;
  if (value.objectType !== undefined && value.objectType !== 'Activity') return `${where}.objectType must be Activity`;
  if (!isIri(value.id)) return `${where}.id must be an IRI`;
  const definition = value.definition;
  if (definition === undefined) return null;
  if (!isObject(definition)) return `${where}.definition must be an object`;
  if (definition.name !== undefined) {
    const problem = languageMap(definition.name, `${where}.definition.name`);
    if (problem) return problem;
  }
  if (definition.type !== undefined && !isIri(definition.type)) return `${where}.definition.type must be an IRI`;
  return extensions(definition.extensions, `${where}.definition.extensions`);
}

function result(value: unknown): string | null {
  if (!isObject(value)) return 'result must be an object';
  const score = value.score;
  if (score !== undefined) {
    if (!isObject(score)) return 'result.score must be an object';
    const { scaled, raw, min, max } = score;
    for (const [name, n] of Object.entries({ scaled, raw, min, max })) {
      if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n))) return `result.score.${name} must be a number`;
    }
    if (typeof scaled === 'number' && (scaled < -1 || scaled > 1)) return `result.score.scaled ${scaled} is outside [-1, 1]`;
    if (typeof min === 'number' && typeof max === 'number' && min >= max) return 'result.score.min must be below max';
    if (typeof raw === 'number' && ((typeof min === 'number' && raw < min) || (typeof max === 'number' && raw > max))) {
      return `result.score.raw ${raw} is not between min and max`;
    }
  }
  for (const flag of ['success', 'completion'] as const) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') return `result.${flag} must be true or false`;
  }
  return extensions(value.extensions, 'result.extensions');
}

function context(value: unknown): string | null {
  if (!isObject(value)) return 'context must be an object';
  if (value.registration !== undefined && (typeof value.registration !== 'string' || !UUID.test(value.registration))) {
    return 'context.registration must be a UUID';
  }
  const activities = value.contextActivities;
  if (activities !== undefined) {
    if (!isObject(activities)) return 'context.contextActivities must be an object';
    for (const [kind, list] of Object.entries(activities)) {
      if (!['parent', 'grouping', 'category', 'other'].includes(kind)) return `context.contextActivities has an unknown property "${kind}"`;
      for (const [index, item] of (Array.isArray(list) ? list : [list]).entries()) {
        const problem = activity(item, `context.contextActivities.${kind}[${index}]`);
        if (problem) return problem;
      }
    }
  }
  return extensions(value.extensions, 'context.extensions');
}

/** The first rule the statement breaks, or null when it is valid. */
export function statementProblem(statement: unknown): string | null {
  if (!isObject(statement)) return 'a statement must be an object';
  const s = statement;
  return (
    unknownKeys(s, ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'], 'the statement') ??
    (s.id !== undefined && (typeof s.id !== 'string' || !UUID.test(s.id)) ? 'id must be a UUID' : null) ??
    agent(s.actor, 'actor') ??
    (!isObject(s.verb) || !isIri(s.verb.id) ? 'verb.id must be an IRI' : null) ??
    // Display is only recommended by the spec; this LRS insists, since reporting tools show it.
    languageMap((s.verb as Json).display, 'verb.display') ??
    (isObject(s.object) && s.object.objectType !== undefined && s.object.objectType !== 'Activity' ? 'this LRS stores Activity objects only' : null) ??
    activity(s.object, 'object') ??
    (s.result === undefined ? null : result(s.result)) ??
    (s.context === undefined ? null : context(s.context)) ??
    (s.timestamp !== undefined && (typeof s.timestamp !== 'string' || !TIMESTAMP.test(s.timestamp) || Number.isNaN(Date.parse(s.timestamp)))
      ? 'timestamp must be an ISO 8601 date-time'
      : null)
  );
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `host` is the loopback address to listen on: 127.0.0.1 unless a test needs the LRS apart from other loopback services. */
export async function startTinyLrs(credentials: { username: string; password: string }, host = '127.0.0.1'): Promise<TinyLrs> {
  const statements: Json[] = [];
  const byId = new Map<string, Json>();
  const requests: { count: number }[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;

  const server = createServer((req, res) => {
    void (async () => {
      if (req.url !== '/xapi/statements') return send(res, 404, { message: `no resource at ${req.url}` });
      if (req.method !== 'POST') return send(res, 405, { message: 'this LRS accepts POST only' });
      if (req.headers.authorization !== expectedAuth) return send(res, 401, { message: 'Unauthorized: unknown credentials' });
      const version = req.headers['x-experience-api-version'];
      if (typeof version !== 'string' || !/^1\.0(\.\d+)?$/.test(version)) return send(res, 400, { message: 'X-Experience-API-Version header missing or not 1.0.x' });
      if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 400, { message: 'expected application/json' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await body(req));
      } catch {
        return send(res, 400, { message: 'the body is not JSON' });
      }
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      requests.push({ count: batch.length });
      // Validate the whole batch first: an LRS stores all of a batch or none of it.
      const seen = new Map<string, unknown>();
      for (const [index, statement] of batch.entries()) {
        const problem = statementProblem(statement);
        if (problem) return send(res, 400, { message: `statement ${index}: ${problem}` });
        const id = (statement as Json).id;
        if (typeof id !== 'string') continue;
        if (seen.has(id) && !isDeepStrictEqual(seen.get(id), statement)) return send(res, 400, { message: `statement ${index}: id ${id} appears twice with different content` });
        seen.set(id, statement);
        const known = byId.get(id);
        if (known && !isDeepStrictEqual(known, statement)) return send(res, 409, { message: `statement ${index}: id ${id} is already stored with different content` });
      }
      const ids = batch.map((statement) => {
        const s = statement as Json;
        const id = typeof s.id === 'string' ? s.id : randomUUID();
        // A statement the LRS already holds, unchanged, is accepted again without storing a second copy.
        if (!byId.has(id)) {
          const stored = { ...s, id };
          byId.set(id, stored);
          statements.push(stored);
        }
        return id;
      });
      send(res, 200, ids);
    })().catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}/xapi`,
    statements,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
