/**
 * The printable readiness report: a standalone, script-free page per team and period, with per-person readiness,
 * what each practised, a drill log, and careful wording on the NIST SP 800-53 controls the drills evidence.
 */
import { describe, expect, it } from 'vitest';
import { readinessReportHtml } from '../src/records/exports/readiness-report';
import type { PersonDrillResult } from '../src/records/model';
import { personResult } from './support/person-results';

const ana = { id: 'p-ana', displayName: 'Ana' };
const ben = { id: 'p-ben', displayName: 'Ben' };
const cats = (n: number) => ({ triage: n, command: n, communication: n, resolution: n, verification: n, learning: n });

const ROWS: PersonDrillResult[] = [
  personResult({ drillId: 'd1', playedAt: '2026-03-02T14:05:00Z', person: ana, responder: 'alex', overall: 60, level: 'Developing', categories: cats(60), mistakes: ['silent-updates'] }),
  personResult({ drillId: 'd1', playedAt: '2026-03-02T14:05:00Z', person: ben, responder: 'sarah', responderName: 'Sarah Chen', roles: ['communications', 'scribe'], overall: 60, level: 'Developing', categories: cats(60), mistakes: ['silent-updates'] }),
  personResult({
    drillId: 'd2',
    kind: 'solo',
    playedAt: '2026-03-09T09:00:00Z',
    person: ana,
    responder: 'sarah',
    responderName: 'Sarah Chen',
    // Recorded before roles and the drill's point totals were kept: the suggested role, labelled so; no share.
    roles: ['communications'],
    rolesSource: 'suggested',
    drillPoints: null,
    scenarioId: 'db-failover',
    scenarioTitle: 'Database failover',
    overall: 91,
    level: 'Ready to lead',
    categories: cats(91),
    mistakes: [],
  }),
  // A re-grade of Ana's first drill: counted once, at its latest version.
  personResult({ drillId: 'd1', playedAt: '2026-03-02T14:05:00Z', person: ana, responder: 'alex', resultVersion: 2, overall: 70, level: 'Developing', categories: cats(70), mistakes: ['silent-updates', 'no-clear-commander'] }),
  personResult({ drillId: 'd0', playedAt: '2026-02-20T10:00:00Z', person: ben, overall: 40, level: 'Not yet ready', categories: cats(40) }),
];

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the readiness report', () => {
  const html = readinessReportHtml({ team: { name: 'Payments' }, generatedOn: '2026-04-01', rows: ROWS, from: '2026-03-01', to: '2026-03-31' });

  it('should be a standalone page with print rules and no scripts or outside resources', () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|\son[a-z]+=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('should give the team, the period and the drills in it, counting a re-graded drill once', () => {
    const t = text(html);
    expect(t).toContain('Incident response readiness: Payments');
    expect(t).toContain('Period 2026-03-01 to 2026-03-31');
    expect(t).toContain('Generated on 2026-04-01');
    // d0 is before the period.
    expect(t).toContain('Drills 2 drills (1 group, 1 solo): this team’s group drills and members’ solo runs');
    expect(t).toContain('People 2');
    expect(t).toContain('Graded under rubric default');
  });

  it('should give per person the drills, latest level and average per category', () => {
    const rows = [...html.matchAll(/<tr><th scope="row">(.*?)<\/tr>/g)].map((m) => text(m[1]!).trim());
    // Ana: d1 at version 2 (70) and d2 (91): average 81 (80.5 rounded); latest is d2.
    expect(rows).toEqual(['Ana 2 Ready to lead (2026-03-09) 81 81 81 81 81 81 81', 'Ben 1 Developing (2026-03-02) 60 60 60 60 60 60 60']);
    expect(html).toContain('<th scope="col" class="n">Diagnosis and resolution</th>');
  });

  it('should list who each played by name with the roles they held, scenarios, their own part and common mistakes per person', () => {
    const t = text(html);
    // Ana's own part: 15.5 of the 62 points earned in group drill d1; d2 is a solo run, all of it hers, said apart.
    expect(t).toContain('Ana Played as Alex Rivera (Incident commander), Sarah Chen (suggested: Communications) Scenarios practised Checkout launch outage, Database failover Own part Group drills (1): 25% of the points earned; lost 3 of 12 points · Solo runs (1): all of it; lost 3 points Common mistakes seen No clear incident commander (in 1 of 2 drills); Silent incident updates (in 1 of 2 drills)');
    expect(t).toContain('Ben Played as Sarah Chen (Communications, Scribe) Scenarios practised Checkout launch outage Own part 25% of the points earned; lost 3 of 12 points Common mistakes seen Silent incident updates (in 1 of 1 drill)');
    // No seat ids, and no raw points beside the 0–100 scores.
    expect(t).not.toMatch(/Played as (alex|sarah)\b|as (alex|sarah)\b|points earned,/);
    expect(t).toContain('A finding citing several people’s commands counts for each');
    expect(t).toContain('In a solo run the person issued every command: their own part is all of it.');
  });

  it('should give a solo run’s own part as all of it, not as a share of the points', () => {
    // As recorded: the person's own commands earned 31 of the 62 points and lost 30 of the 35 (a deadline passed too).
    const solo = personResult({ drillId: 's1', kind: 'solo', playedAt: '2026-03-05T09:00:00Z', person: ana, teamId: null, credited: { triage: 31 }, deducted: { communication: -30 }, drillPoints: { earned: 62, lost: 35 } });
    const t = text(readinessReportHtml({ team: { name: 'Payments' }, generatedOn: '2026-04-01', rows: [solo], from: '2026-03-01', to: '2026-03-31' }));
    expect(t).toContain('Own part Solo: all of it; lost 35 points Common');
    expect(t).not.toContain('50% of the points earned');
  });

  it('should escape the roster names it shows', () => {
    const report = readinessReportHtml({ team: { name: 'T' }, generatedOn: '2026-04-01', rows: [personResult({ responderName: '<img src=x onerror=alert(1)>' })] });
    expect(report).not.toContain('<img');
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt; (Incident commander)');
  });

  it('should log each drill once with its participants', () => {
    const t = text(html);
    expect(t).toContain('2026-03-02 14:05 UTC Checkout launch outage Group standard Ana as Alex Rivera (Incident commander) Ben as Sarah Chen (Communications, Scribe) 70, 60 Developing');
    expect(t).toContain('2026-03-09 09:00 UTC Database failover Solo standard Ana as Sarah Chen (suggested: Communications) 91 Ready to lead');
    expect(t).not.toContain('2026-02-20');
  });

  it('should state the NIST SP 800-53 controls as evidence toward them, not compliance', () => {
    const t = text(html);
    expect(t).toContain('IR-2 Incident Response Training');
    expect(t).toContain('IR-3 Incident Response Testing');
    expect(t).toContain('NIST SP 800-53 Revision 5');
    expect(t).toContain('not a certification');
    expect(t).toContain('In this period 2 people practised in 2 drills');
    expect(t).toContain('exercised its response together in 1 group drill;');
    expect(t).not.toMatch(/\b(complies|compliant|certified|satisfies)\b/i);
  });

  it('should escape every recorded string', () => {
    const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; alert(1); '", '</style><script>alert(1)</script>', '&lt;b&gt;'];
    const hostile = payloads.map((p, i) =>
      personResult({
        drillId: `x${i}`,
        person: { id: `p${i}`, displayName: p },
        scenarioTitle: p,
        responder: p,
        difficulty: p,
        level: p,
        rubricId: p,
      }),
    );
    const page = readinessReportHtml({ team: { name: payloads[0]! }, generatedOn: payloads[1]!, rows: hostile });
    expect(page).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&amp;lt;b&amp;gt;');
    // The only style element is ours, closed once.
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
  });

  it('should give the same page for the same input, whatever the order of the rows', () => {
    const again = readinessReportHtml({ team: { name: 'Payments' }, generatedOn: '2026-04-01', rows: [...ROWS].reverse(), from: '2026-03-01', to: '2026-03-31' });
    expect(again).toBe(html);
  });

  it('should cover the whole recorded span when no period is given, and say when there is nothing', () => {
    expect(text(readinessReportHtml({ team: { name: 'Payments' }, generatedOn: '2026-04-01', rows: ROWS }))).toContain('Period all records: 2026-02-20 to 2026-03-09');
    const empty = text(readinessReportHtml({ team: { name: 'Payments' }, generatedOn: '2026-04-01', rows: ROWS, from: '2027-01-01' }));
    expect(empty).toContain('No drills were recorded for this team in this period.');
    expect(empty).toContain('offers no evidence toward either control');
  });

  it('should include the whole last day of a period given as dates, and refuse a date it cannot read', () => {
    const late = personResult({ drillId: 'late', playedAt: '2026-03-31T23:59:59.999Z' });
    expect(text(readinessReportHtml({ team: { name: 'T' }, generatedOn: 'today', rows: [late], to: '2026-03-31' }))).toContain('Drills 1 drill');
    expect(text(readinessReportHtml({ team: { name: 'T' }, generatedOn: 'today', rows: [late], to: '2026-03-31T12:00:00Z' }))).toContain('Drills 0 drills');
    expect(() => readinessReportHtml({ team: { name: 'T' }, generatedOn: 'today', rows: [], from: 'March' })).toThrow(/from "March" is not an ISO 8601/);
  });
});
