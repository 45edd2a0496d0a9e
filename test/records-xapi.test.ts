/**
 * Drill results as xAPI statements, checked by a tiny in-process LRS that applies the xAPI 1.0.3 rules: the
 * statements are accepted, re-sending is idempotent, each kind of invalid statement is refused (so the validator is
 * seen to fail), the sender reports refusals clearly and sends at most 50 statements a request. The tiny LRS is on
 * loopback, so these tests allow-list 127.0.0.1, as an administrator would an intranet LRS; the last block checks that
 * private and local endpoints are refused without it, that no LRS reply is echoed and that redirects are not followed.
 */
import type { Statement } from '@xapi/xapi';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPrivateAddress, type Lookup } from '../src/records/exports/lrs-address';
import { LrsAddressError, LrsError, sendStatements, statementsFor, uuidV5 } from '../src/records/exports/xapi';
import { personResult } from './support/person-results';
import { startTinyLrs, type TinyLrs } from './support/tiny-lrs';

const OPTIONS = { homePage: 'https://firedrill.example.com', activityBase: 'https://firedrill.example.com/xapi/' };
const CREDENTIALS = { username: 'firedrill', password: 'pässword' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let lrs: TinyLrs;
beforeEach(async () => {
  lrs = await startTinyLrs(CREDENTIALS);
});
afterEach(async () => {
  await lrs.close();
});

const send = (statements: Statement[], more: { password?: string; batchSize?: number } = {}) =>
  sendStatements(statements, { endpoint: lrs.endpoint, ...CREDENTIALS, allowHosts: ['127.0.0.1'], ...more });

describe('xAPI statements', () => {
  it('should make RFC 4122 version 5 UUIDs (the RFC test vector for python.org in the DNS namespace)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('should say attempted, completed and scored for each person in each drill', () => {
    const row = personResult({ overall: 82, person: { id: 'p-ana', displayName: 'Ana Núñez' }, scenarioId: 'checkout launch', teamId: null });
    const [attempted, completed, scored, ...rest] = statementsFor([row, personResult({ person: { id: 'p-ben', displayName: 'Ben' } })], OPTIONS);
    expect(rest).toHaveLength(3);
    expect([attempted, completed, scored].map((s) => s!.verb)).toEqual([
      { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
      { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      { id: 'http://adlnet.gov/expapi/verbs/scored', display: { 'en-US': 'scored' } },
    ]);
    for (const s of [attempted!, completed!, scored!]) {
      expect(s.id).toMatch(UUID);
      expect(s.actor).toEqual({ objectType: 'Agent', name: 'Ana Núñez', account: { homePage: 'https://firedrill.example.com', name: 'p-ana' } });
      expect(s.object).toEqual({
        objectType: 'Activity',
        // The trailing slash of the base is dropped and the id encoded into one path segment.
        id: 'https://firedrill.example.com/xapi/scenarios/checkout%20launch',
        definition: { name: { 'en-US': 'Checkout launch outage' }, type: 'http://adlnet.gov/expapi/activities/simulation' },
      });
      expect(s.timestamp).toBe('2026-03-02T14:05:00.000Z');
      expect(s.context!.registration).toMatch(UUID);
      expect(s.context!.registration).toBe(attempted!.context!.registration);
      expect(s.context!.contextActivities!.grouping![0]!.id).toBe('https://firedrill.example.com/xapi/drills/drill-1');
      expect(s.context!.extensions).toMatchObject({
        'https://firedrill.example.com/xapi/extensions/difficulty': 'standard',
        'https://firedrill.example.com/xapi/extensions/seed': '42',
        'https://firedrill.example.com/xapi/extensions/kind': 'group',
      });
    }
    expect(new Set([attempted!.id, completed!.id, scored!.id]).size).toBe(3);
    expect(rest[0]!.context!.registration).not.toBe(attempted!.context!.registration);
    expect(completed!.result).toEqual({ completion: true });
    expect(scored!.context!.extensions).toMatchObject({
      'https://firedrill.example.com/xapi/extensions/rubric': 'default',
      'https://firedrill.example.com/xapi/extensions/result-version': 1,
    });
    expect(scored!.result).toEqual({
      score: { scaled: 0.82, raw: 82, min: 0, max: 100 },
      success: true,
      completion: true,
      extensions: {
        'https://firedrill.example.com/xapi/extensions/level': 'Ready with support',
        'https://firedrill.example.com/xapi/extensions/category/triage': 60,
        'https://firedrill.example.com/xapi/extensions/category/command': 65,
        'https://firedrill.example.com/xapi/extensions/category/communication': 70,
        'https://firedrill.example.com/xapi/extensions/category/resolution': 75,
        'https://firedrill.example.com/xapi/extensions/category/verification': 80,
        'https://firedrill.example.com/xapi/extensions/category/learning': 85,
      },
    });
  });

  it('should judge success against the passing score, 75 unless told', () => {
    const scored = (overall: number, passingScore?: number) => statementsFor([personResult({ overall })], { ...OPTIONS, passingScore })[2]!.result!.success;
    expect([scored(75), scored(74), scored(80, 90), scored(90, 90)]).toEqual([true, false, false, true]);
  });

  it('should give the same ids for the same records, and a re-grade a new scored statement only', () => {
    const first = statementsFor([personResult()], OPTIONS);
    expect(statementsFor([personResult()], OPTIONS)).toEqual(first);
    const regraded = statementsFor([personResult({ resultVersion: 2, overall: 70 })], OPTIONS);
    expect(regraded.map((s) => s.id === first[regraded.indexOf(s)]!.id)).toEqual([true, true, false]);
    expect(regraded.slice(0, 2)).toEqual(first.slice(0, 2));
    // Another deployment's drill-1 is another statement.
    expect(statementsFor([personResult()], { ...OPTIONS, activityBase: 'https://other.example.org/xapi' })[0]!.id).not.toBe(first[0]!.id);
  });

  it('should refuse records that would make invalid statements, and bad options', () => {
    expect(() => statementsFor([personResult({ overall: 140 })], OPTIONS)).toThrow(/scores must be numbers from 0 to 100/);
    expect(() => statementsFor([personResult({ playedAt: 'yesterday' })], OPTIONS)).toThrow(/playedAt "yesterday" is not an ISO 8601/);
    expect(() => statementsFor([personResult()], { ...OPTIONS, activityBase: 'firedrill' })).toThrow(/activityBase must be an absolute IRI/);
  });
});

describe('the tiny LRS and sendStatements', () => {
  it('should accept a valid batch, store it, and take it again without a second copy', async () => {
    const statements = statementsFor([personResult(), personResult({ person: { id: 'p-ben', displayName: 'Ben <script>' } })], OPTIONS);
    expect(await send(statements)).toEqual(statements.map((s) => s.id));
    expect(lrs.statements).toEqual(statements);
    expect(await send(statements)).toEqual(statements.map((s) => s.id));
    expect(lrs.statements).toHaveLength(6);
    // A re-grade sends its new scored statement; the unchanged attempted and completed are not conflicts.
    await send(statementsFor([personResult({ resultVersion: 2, overall: 70 })], OPTIONS));
    expect(lrs.statements).toHaveLength(7);
  });

  const valid = () => statementsFor([personResult()], OPTIONS)[2]!;
  const invalid: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['an id that is not a UUID', (s) => (s.id = 'drill-1-ana-scored'), /id must be a UUID/],
    ['an actor with two identifiers', (s) => (s.actor.mbox = 'mailto:ana@example.com'), /exactly one inverse functional identifier, has 2/],
    ['an actor with none', (s) => delete s.actor.account, /exactly one inverse functional identifier, has 0/],
    ['an account without a home page IRL', (s) => (s.actor.account.homePage = 'firedrill'), /account needs an IRL homePage/],
    ['a verb id that is not an IRI', (s) => (s.verb.id = 'scored'), /verb.id must be an IRI/],
    ['a verb without display', (s) => delete s.verb.display, /verb.display must be a non-empty language map/],
    ['an activity id that is not an IRI', (s) => (s.object.id = 'checkout launch'), /object.id must be an IRI/],
    ['a scenario title that is not a language map', (s) => (s.object.definition.name = 'Checkout'), /object.definition.name must be a non-empty language map/],
    ['a scaled score above 1', (s) => (s.result.score.scaled = 82), /scaled 82 is outside \[-1, 1\]/],
    ['a raw score above max', (s) => (s.result.score.raw = 120), /raw 120 is not between min and max/],
    ['an extension key that is not an IRI', (s) => (s.result.extensions.triage = 60), /result.extensions key "triage" is not an IRI/],
    ['a context extension key that is not an IRI', (s) => (s.context.extensions['seed'] = '42'), /context.extensions key "seed"/],
    ['a timestamp that is not ISO 8601', (s) => (s.timestamp = '02/03/2026 14:05'), /timestamp must be an ISO 8601/],
    ['a registration that is not a UUID', (s) => (s.context.registration = 'drill-1/p-ana'), /registration must be a UUID/],
    ['a grouping activity without an IRI', (s) => (s.context.contextActivities.grouping[0].id = 'drill-1'), /grouping\[0\].id must be an IRI/],
    ['an unknown property', (s) => (s.score = 82), /unknown property "score"/],
  ];
  it.each(invalid)('should refuse %s with a 400 naming the rule, storing nothing of the batch', async (_, spoil, reason) => {
    const statement = structuredClone(valid()) as Record<string, any>;
    spoil(statement);
    const batch = [...statementsFor([personResult({ person: { id: 'p-ben', displayName: 'Ben' } })], OPTIONS), statement as Statement];
    const error = await send(batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LrsError);
    expect(error).toMatchObject({ status: 400, sent: [] });
    expect((error as LrsError).message).toBe('The LRS refused statements 1-4 of 4: HTTP 400 Bad Request');
    expect((error as LrsError).lrsMessage).toMatch(reason);
    expect(lrs.statements).toEqual([]);
  });

  it('should surface wrong credentials as a clear 401', async () => {
    const error = (await send(statementsFor([personResult()], OPTIONS), { password: 'guess' }).catch((e: unknown) => e)) as LrsError;
    expect(error).toBeInstanceOf(LrsError);
    expect(error.status).toBe(401);
    expect(error.message).toBe('The LRS refused statements 1-3 of 3: HTTP 401 Unauthorized (check the LRS username and password)');
    expect(error.lrsMessage).toBe('Unauthorized: unknown credentials');
  });

  it('should answer a conflicting id with 409 and report the ids stored before it', async () => {
    const statements = statementsFor([personResult()], OPTIONS);
    await send(statements);
    const changed = structuredClone(statements);
    changed[2]!.result!.score!.raw = 90;
    changed[2]!.result!.score!.scaled = 0.9;
    const error = (await send([...statementsFor([personResult({ drillId: 'drill-2' })], OPTIONS), ...changed], { batchSize: 3 }).catch((e: unknown) => e)) as LrsError;
    expect(error.status).toBe(409);
    expect(error.message).toBe('The LRS refused statements 4-6 of 6: HTTP 409 Conflict');
    expect(error.lrsMessage).toMatch(/^statement 2: id .* is already stored with different content$/);
    expect(error.sent).toHaveLength(3);
  });

  it('should say when the LRS cannot be reached', async () => {
    const endpoint = lrs.endpoint;
    await lrs.close();
    const error = (await sendStatements(statementsFor([personResult()], OPTIONS), { endpoint, ...CREDENTIALS, allowHosts: ['127.0.0.1'] }).catch((e: unknown) => e)) as LrsError;
    expect(error).toBeInstanceOf(LrsError);
    expect(error.status).toBeNull();
    expect(error.message).toMatch(/^Could not reach the LRS at http:\/\/127\.0\.0\.1:\d+\/xapi\/statements to send statements 1-3 of 3: /);
    lrs = await startTinyLrs(CREDENTIALS);
  });

  it('should send 120 statements as 50, 50 and 20', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => personResult({ drillId: `drill-${i}` }));
    const statements = statementsFor(rows, OPTIONS);
    expect(statements).toHaveLength(120);
    expect(await send(statements)).toEqual(statements.map((s) => s.id));
    expect(lrs.requests).toEqual([{ count: 50 }, { count: 50 }, { count: 20 }]);
    expect(lrs.statements).toHaveLength(120);
  });

  it('should use the fetch it is given, with the version header and Basic auth in UTF-8', async () => {
    const seen: { url: string; headers: Record<string, string>; count: number; redirect: RequestRedirect | undefined }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, headers: init.headers as Record<string, string>, count: (JSON.parse(init.body as string) as unknown[]).length, redirect: init.redirect });
      return new Response(JSON.stringify(['a']), { status: 200 });
    }) as typeof fetch;
    const lookup: Lookup = async () => [{ address: '93.184.215.14', family: 4 }];
    await sendStatements(statementsFor([personResult()], OPTIONS), { endpoint: 'https://lrs.example.com/xapi/', ...CREDENTIALS, fetch: fakeFetch, lookup, batchSize: 2 });
    expect(seen.map((s) => s.redirect)).toEqual(['manual', 'manual']);
    expect(seen.map((s) => [s.url, s.count])).toEqual([
      ['https://lrs.example.com/xapi/statements', 2],
      ['https://lrs.example.com/xapi/statements', 1],
    ]);
    expect(seen[0]!.headers).toMatchObject({
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from('firedrill:pässword', 'utf8').toString('base64')}`,
    });
  });
});

describe('where sendStatements may send', () => {
  const statements = () => statementsFor([personResult()], OPTIONS);
  const refusal = /^endpoint: .* is a private or local address; the server does not send records there unless FIREDRILL_XAPI_ALLOW_HOSTS lists it$/;

  it('should class loopback, private, link-local, unique-local, CGNAT, multicast and unspecified addresses as private, and public ones not', () => {
    const privates = ['127.0.0.1', '127.255.0.9', '10.0.0.5', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.254', '0.0.0.0', '224.0.0.1', '255.255.255.255',
      '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.5', '::ffff:169.254.169.254', '[::ffff:192.168.1.1]', '64:ff9b::a9fe:a9fe', '::127.0.0.1', '2002:c0a8:101::1', 'not-an-address'];
    const publics = ['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '169.255.0.1', '11.0.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2001:db9::1'];
    expect(privates.filter((a) => !isPrivateAddress(a))).toEqual([]);
    expect(publics.filter((a) => isPrivateAddress(a))).toEqual([]);
  });

  it.each([
    'http://127.0.0.1/',
    'http://localhost/',
    'http://10.0.0.5/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://192.168.1.1/',
    'http://0x7f.1/xapi',
    'http://[fd12::1]:8080/xapi',
    'http://100.64.1.1/',
  ])('should refuse %s with a clear message, sending nothing', async (endpoint) => {
    let fetched = 0;
    const error = await sendStatements(statements(), { endpoint, ...CREDENTIALS, fetch: (async () => (fetched++, new Response('[]'))) as typeof fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LrsAddressError);
    expect((error as Error).message).toMatch(refusal);
    expect(fetched).toBe(0);
  });

  it('should refuse the tiny LRS on loopback unless the allow-list names it, by host or host:port', async () => {
    const port = Number(new URL(lrs.endpoint).port);
    await expect(sendStatements(statements(), { endpoint: lrs.endpoint, ...CREDENTIALS })).rejects.toThrow(refusal);
    // Names are matched as written: allowing 127.0.0.1 does not allow localhost, nor another port when a port is given.
    await expect(sendStatements(statements(), { endpoint: lrs.endpoint.replace('127.0.0.1', 'localhost'), ...CREDENTIALS, allowHosts: '127.0.0.1' })).rejects.toThrow(refusal);
    await expect(sendStatements(statements(), { endpoint: lrs.endpoint, ...CREDENTIALS, allowHosts: `127.0.0.1:${port + 1}` })).rejects.toThrow(refusal);
    expect(lrs.requests).toEqual([]);
    expect(await sendStatements(statements(), { endpoint: lrs.endpoint, ...CREDENTIALS, allowHosts: ` lrs.intranet , 127.0.0.1:${port}` })).toHaveLength(3);
    expect(await sendStatements(statements(), { endpoint: lrs.endpoint, ...CREDENTIALS, allowHosts: ['127.0.0.1'] })).toHaveLength(3);
    expect(lrs.requests).toEqual([{ count: 3 }, { count: 3 }]);
  });

  it('should refuse a name that resolves to a private address, even if only one of its addresses is', async () => {
    const lookup: Lookup = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.1.2.3', family: 4 }];
    await expect(sendStatements(statements(), { endpoint: 'https://lrs.example.com/xapi', ...CREDENTIALS, lookup })).rejects.toThrow(refusal);
    const mapped: Lookup = async () => [{ address: '::ffff:169.254.169.254', family: 6 }];
    await expect(sendStatements(statements(), { endpoint: 'https://lrs.example.com/xapi', ...CREDENTIALS, lookup: mapped })).rejects.toThrow(refusal);
  });

  it('should connect to the address it checked, looking the name up once, not again per request', async () => {
    // "lrs.invalid" cannot resolve through DNS: the statements reach the tiny LRS only if the checked address is used.
    let lookups = 0;
    const lookup: Lookup = async (host) => (lookups++, host === 'lrs.invalid' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const endpoint = lrs.endpoint.replace('127.0.0.1', 'lrs.invalid');
    const ids = await sendStatements(statementsFor([personResult(), personResult({ drillId: 'drill-2' })], OPTIONS), { endpoint, ...CREDENTIALS, lookup, allowHosts: 'lrs.invalid', batchSize: 2 });
    expect(ids).toHaveLength(6);
    expect(lrs.requests).toEqual([{ count: 2 }, { count: 2 }, { count: 2 }]);
    expect(lookups).toBe(1);
  });

  it("should not echo a refusing LRS's body or its own reason phrase, only the status", async () => {
    const secret = createServer((_req, res) => {
      res.writeHead(404, 'Internal-Reason-ab12', { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'no such endpoint', message: 'db password is hunter2' }));
    });
    await new Promise<void>((resolve) => secret.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = secret.address() as AddressInfo;
      const error = (await sendStatements(statements(), { endpoint: `http://127.0.0.1:${port}/api/`, ...CREDENTIALS, allowHosts: ['127.0.0.1'] }).catch((e: unknown) => e)) as LrsError;
      expect(error).toBeInstanceOf(LrsError);
      expect(error.message).toBe('The LRS refused statements 1-3 of 3: HTTP 404 Not Found');
      expect(error.message).not.toMatch(/hunter2|no such endpoint|Internal-Reason/);
    } finally {
      secret.closeAllConnections();
      await new Promise((resolve) => secret.close(resolve));
    }
  });

  it('should treat a redirect as a refusal and not follow it', async () => {
    let hits = 0;
    const bouncer = createServer((_req, res) => {
      hits++;
      res.writeHead(307, { location: `${lrs.endpoint}/statements` });
      res.end();
    });
    await new Promise<void>((resolve) => bouncer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = bouncer.address() as AddressInfo;
      const error = (await sendStatements(statements(), { endpoint: `http://127.0.0.1:${port}/xapi`, ...CREDENTIALS, allowHosts: ['127.0.0.1'] }).catch((e: unknown) => e)) as LrsError;
      expect(error).toBeInstanceOf(LrsError);
      expect(error.status).toBe(307);
      expect(error.message).toMatch(/^The LRS refused statements 1-3 of 3: HTTP 307 Temporary Redirect \(redirects are not followed/);
      expect(hits).toBe(1);
      expect(lrs.requests).toEqual([]);
    } finally {
      bouncer.closeAllConnections();
      await new Promise((resolve) => bouncer.close(resolve));
    }
  });
});
