/**
 * Drill results as xAPI 1.0.3 statements, for a company's learning record store (LRS), and the sender that posts
 * them. Each person's part in a drill becomes three statements: attempted, completed and scored.
 *
 * Statement ids are derived from the drill, the person and the verb, so exporting the same records twice sends the
 * same statements and an LRS keeps one copy. The LRS compares a known id's content and answers 409 Conflict when it
 * differs, so everything a statement holds must follow from the record alone: no export time, nothing random.
 *
 * The types come from @xapi/xapi; its client is not used (see `sendStatements`), so the import is type-only.
 * Where statements may be sent is decided in lrs-address.ts.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Activity, Agent, Context, Statement, Verb } from '@xapi/xapi';
import { CATEGORIES } from '../../engine/policy/rubric';
import type { PersonDrillResult } from '../model';
import { checkedAddresses, LrsAddressError, parseAllowHosts, type Lookup, type ResolvedAddress } from './lrs-address';

export { LrsAddressError } from './lrs-address';

export const XAPI_VERSION = '1.0.3';

export const VERBS = {
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  scored: { id: 'http://adlnet.gov/expapi/verbs/scored', display: { 'en-US': 'scored' } },
} as const satisfies Record<string, Verb>;
type VerbName = keyof typeof VERBS;

const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';

export interface StatementOptions {
  /** The Firedrill deployment's address: the account home page that person ids belong to. */
  homePage: string;
  /** IRI prefix for Firedrill's activities and extensions, e.g. https://firedrill.example.com/xapi. */
  activityBase: string;
  /** Overall score at or above which `scored` reports success: 75, "Ready with support" in the default rubric. */
  passingScore?: number;
}

// RFC 4122 appendix C's URL namespace, for naming Firedrill's own namespace after the activity base.
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based UUID, version 5 (RFC 4122 section 4.3): SHA-1 of namespace and name, with the version and variant
 * bits set. Name-based ids are what make a re-export idempotent.
 */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids are IRIs: a scenario or drill id is put in one path segment, percent-encoded if it needs to be. */
const segment = (id: string) => encodeURIComponent(id);

function iriBase(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${option} must be an absolute IRI such as https://firedrill.example.com/xapi, not ${JSON.stringify(value)}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new TypeError(`${option} must be an http(s) address, not ${JSON.stringify(value)}`);
  return value.replace(/\/+$/, '');
}

/** xAPI timestamps must be ISO 8601; a record's playedAt is normalised to UTC with milliseconds, or refused. */
function timestampOf(row: PersonDrillResult): string {
  const time = new Date(row.playedAt);
  if (!/^\d{4}-\d{2}-\d{2}/.test(row.playedAt) || Number.isNaN(time.getTime())) {
    throw new RangeError(`drill ${row.drillId}: playedAt ${JSON.stringify(row.playedAt)} is not an ISO 8601 date-time`);
  }
  return time.toISOString();
}

function checkScore(row: PersonDrillResult): void {
  const scores = [row.overall, ...CATEGORIES.map((c) => row.categories[c])];
  // A score outside 0-100 would make score.scaled leave [-1, 1] and the LRS reject the whole batch: fail here instead,
  // naming the record.
  if (scores.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > 100)) {
    throw new RangeError(`drill ${row.drillId}, person ${row.person.id}: scores must be numbers from 0 to 100`);
  }
}

/**
 * The three statements for each record, in record order. The actor is identified by an account on `homePage`
 * (the person's Firedrill id), never by e-mail: the records hold no addresses, and an id does not leak one.
 */
export function statementsFor(rows: PersonDrillResult[], options: StatementOptions): Statement[] {
  const homePage = iriBase(options.homePage, 'homePage');
  const base = iriBase(options.activityBase, 'activityBase');
  const passingScore = options.passingScore ?? 75;
  // Ids are named within the deployment's own namespace, so two Firedrill servers' "drill-1" never collide.
  const namespace = uuidV5(base, NAMESPACE_URL);
  const extension = (name: string) => `${base}/extensions/${name}`;

  return rows.flatMap((row) => {
    checkScore(row);
    const timestamp = timestampOf(row);
    // Built afresh for each statement (as functions), so a caller editing one statement cannot change another.
    const actor = (): Agent => ({ objectType: 'Agent', name: row.person.displayName, account: { homePage, name: row.person.id } });
    const object = (): Activity => ({
      objectType: 'Activity',
      id: `${base}/scenarios/${segment(row.scenarioId)}`,
      definition: { name: { 'en-US': row.scenarioTitle }, type: SIMULATION },
    });
    const drill = (): Activity => ({
      objectType: 'Activity',
      id: `${base}/drills/${segment(row.drillId)}`,
      definition: { name: { 'en-US': `${row.scenarioTitle} (drill ${row.drillId})` }, type: SIMULATION },
    });
    // JSON arrays as names keep the parts apart: ("a-b", "c") and ("a", "b-c") must not name the same statement.
    const registration = uuidV5(JSON.stringify(['registration', row.drillId, row.person.id]), namespace);
    const context = (more: Record<string, unknown> = {}): Context => ({
      registration,
      contextActivities: { grouping: [drill()] },
      platform: 'Firedrill',
      language: 'en-US',
      extensions: {
        [extension('kind')]: row.kind,
        [extension('difficulty')]: row.difficulty,
        [extension('seed')]: row.seed,
        [extension('responder')]: row.responder,
        ...(row.teamId === null ? {} : { [extension('team')]: row.teamId }),
        ...more,
      },
    });
    const statement = (verb: VerbName, idParts: unknown[], rest: Partial<Statement>): Statement => ({
      id: uuidV5(JSON.stringify(['statement', row.drillId, row.person.id, verb, ...idParts]), namespace),
      actor: actor(),
      verb: { id: VERBS[verb].id, display: { ...VERBS[verb].display } },
      object: object(),
      timestamp,
      ...rest,
    });

    return [
      statement('attempted', [], { context: context() }),
      statement('completed', [], { context: context(), result: { completion: true } }),
      // A re-grade changes the score: it gets its own statement (the version is in its id) rather than reusing an
      // id the LRS would refuse with 409 Conflict. The rubric and version live here only, so the attempted and
      // completed statements stay identical across re-grades and re-exports.
      statement('scored', [row.resultVersion], {
        context: context({ [extension('rubric')]: row.rubricId, [extension('result-version')]: row.resultVersion }),
        result: {
          score: { scaled: row.overall / 100, raw: row.overall, min: 0, max: 100 },
          success: row.overall >= passingScore,
          completion: true,
          extensions: {
            [extension('level')]: row.level,
            ...Object.fromEntries(CATEGORIES.map((c) => [extension(`category/${c}`), row.categories[c]])),
          },
        },
      }),
    ];
  });
}

export interface LrsOptions {
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi; statements go to {endpoint}/statements. */
  endpoint: string;
  username: string;
  password: string;
  /** Statements per request, at most 50 (the default). */
  batchSize?: number;
  /**
   * Hosts (`host` or `host:port`) the administrator trusts although they are private or local, e.g. an intranet LRS
   * (FIREDRILL_XAPI_ALLOW_HOSTS). Every other private or local endpoint is refused with LrsAddressError.
   */
  allowHosts?: string | readonly string[];
  /** How host names are resolved: node:dns by default; tests pass their own. */
  lookup?: Lookup;
  /**
   * The fetch to use instead of the built-in sender (tests). The endpoint is still checked, but fetch looks the name
   * up again itself, so the connection is not pinned to the checked address: not for production use.
   */
  fetch?: typeof fetch;
}

/** An LRS refused a batch or could not be reached. Earlier batches were stored: `sent` lists their ids. */
export class LrsError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** What the LRS said, for the server's log only: never shown to the client, who may have aimed at anything. */
    readonly lrsMessage: string,
    readonly sent: string[],
  ) {
    super(message);
    this.name = 'LrsError';
  }
}

export const MAX_BATCH = 50;
/** Longest reply read from an LRS; a batch's ids take a few kilobytes. */
const MAX_REPLY_BYTES = 1 << 20;
const REQUEST_TIMEOUT_MS = 30_000;

/** Basic credentials as UTF-8 (RFC 7617), so a non-ASCII password is sent as the LRS will read it. */
function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** What the LRS said: its JSON `message` (the common shape for LRS errors) or the text, kept short for a log line. */
function lrsMessage(text: string): string {
  let message = text.trim();
  try {
    const body = JSON.parse(message) as unknown;
    if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') message = (body as { message: string }).message;
  } catch {
    // Not JSON: the text is the message.
  }
  return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}

interface Reply {
  status: number;
  text: string;
}

/**
 * POST with node's http/https, connected to the addresses checked by `checkedAddresses` (the `lookup` option hands
 * them to the socket: no second DNS query, so a rebinding answer is never used). TLS still verifies the certificate
 * against the endpoint's host name. Redirects are never followed (node's client does not follow them).
 */
function pinnedPost(url: URL, addresses: ResolvedAddress[], headers: Record<string, string>, body: string): Promise<Reply> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  return new Promise<Reply>((resolve, reject) => {
    const request = send(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) return void response.destroy(new Error('the reply is too long'));
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** The same through an injected fetch, with redirects left unfollowed. */
async function fetchPost(doFetch: typeof fetch, url: URL, headers: Record<string, string>, body: string): Promise<Reply> {
  const response = await doFetch(url.href, { method: 'POST', headers, body, redirect: 'manual' });
  // An opaque redirect (status 0) is a redirect too.
  return { status: response.type === 'opaqueredirect' ? 302 : response.status, text: await response.text().catch(() => '') };
}

/**
 * Posts the statements to `{endpoint}/statements` as JSON arrays of at most 50, one batch after another, and
 * returns the ids the LRS stored. It stops at the first refused batch with an LrsError naming the statements and
 * the HTTP status; the LRS's own words stay in `lrsMessage`, for the server's log, never in the message a client sees.
 * Resending everything after fixing the cause is safe: the ids are fixed.
 *
 * The endpoint's host is checked first (LrsAddressError for a private or local address not allow-listed) and every
 * batch is sent to the addresses checked. A redirect is a refusal: following one could lead to an address never
 * checked.
 *
 * Node's http/https rather than @xapi/xapi's client or fetch: the client posts a whole array in one request (no
 * batching) and throws the response body without the status, and neither it nor fetch can be pinned to an address
 * already checked.
 */
export async function sendStatements(statements: Statement[], options: LrsOptions): Promise<string[]> {
  const endpoint = iriBase(options.endpoint, 'endpoint');
  const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.floor(options.batchSize ?? MAX_BATCH)));
  const url = new URL(`${endpoint}/statements`);
  if (url.username || url.password) throw new LrsAddressError('endpoint: give the username and password in their own fields, not in the address');
  const shown = `${url.origin}${url.pathname}`;
  let addresses: ResolvedAddress[];
  try {
    addresses = await checkedAddresses(url, parseAllowHosts(options.allowHosts), options.lookup);
  } catch (error) {
    if (error instanceof LrsAddressError) throw error;
    throw new LrsError(`Could not reach the LRS at ${shown}: its host name could not be resolved`, null, '', []);
  }
  const headers = {
    'Content-Type': 'application/json',
    'X-Experience-API-Version': XAPI_VERSION,
    Authorization: basicAuth(options.username, options.password),
  };
  const stored: string[] = [];
  for (let start = 0; start < statements.length; start += batchSize) {
    const batch = statements.slice(start, start + batchSize);
    const which = `statements ${start + 1}-${start + batch.length} of ${statements.length}`;
    let reply: Reply;
    try {
      const body = JSON.stringify(batch);
      reply = options.fetch ? await fetchPost(options.fetch, url, headers, body) : await pinnedPost(url, addresses, headers, body);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new LrsError(`Could not reach the LRS at ${shown} to send ${which}: ${reason}`, null, '', [...stored]);
    }
    if (reply.status < 200 || reply.status > 299) {
      const hint =
        reply.status === 401 || reply.status === 403
          ? ' (check the LRS username and password)'
          : reply.status >= 300 && reply.status < 400
            ? ' (redirects are not followed: give the address the LRS answers at)'
            : '';
      // The status and the standard reason phrase only: the body (and the server's own phrase) could be anything.
      const reason = STATUS_CODES[reply.status];
      throw new LrsError(`The LRS refused ${which}: HTTP ${reply.status}${reason ? ` ${reason}` : ''}${hint}`, reply.status, lrsMessage(reply.text), [...stored]);
    }
    let ids: unknown = null;
    try {
      ids = JSON.parse(reply.text);
    } catch {
      // Not JSON: see below.
    }
    // The spec's answer is the array of stored ids; an LRS that answers otherwise still stored the batch.
    stored.push(...(Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : batch.map((s) => s.id ?? '')));
  }
  return stored;
}
