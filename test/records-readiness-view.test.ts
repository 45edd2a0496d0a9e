/**
 * The manager's view's arithmetic, without a browser: the readiness matrix from people's latest drills, the weakest
 * practice, severities and roles never practised, recommended next drills, and the trend of the last drills.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../src/engine/policy/rubric';
import { castOf } from '../src/server/cast';
import { loadScenario } from '../src/engine/index';
import { readFileSync } from 'node:fs';
import { buildMatrix, chronological, mergeResults, mistakeCellWords, personalWeakest, practiceGaps, recommend, stresses, trend, weakestOfAverages, weakestPractice, type ScenarioInfo } from '../src/web/records/readiness';
import type { PersonDrillResult } from '../src/records/model';
import { personResult } from './support/person-results';
import { ownPart, ownPartWords } from '../src/records/describe';

const ana = { id: 'p-ana', displayName: 'Ana' };
const ben = { id: 'p-ben', displayName: 'Ben' };
const cy = { id: 'p-cy', displayName: 'Cy' };

const scores = (overrides: Partial<Record<Category, number>>, base = 80) => ({ ...(Object.fromEntries(CATEGORIES.map((c) => [c, base])) as Record<Category, number>), ...overrides });

const info = (id: string, severity: ScenarioInfo['severity'], topics: string[], suggestedRoles: ScenarioInfo['suggestedRoles'] = { alex: 'commander', sarah: 'communications', priya: 'operations', sam: 'scribe' }): ScenarioInfo => ({ id, title: `Title of ${id}`, severity, topics, suggestedRoles });

describe('the readiness matrix', () => {
  it('should give each person the practice scores and mistakes of their latest drill, in the order people were given', () => {
    const results = [
      personResult({ drillId: 'd2', person: ana, playedAt: '2026-03-02T10:00:00.000Z', categories: scores({ triage: 40 }), mistakes: ['silent-updates'] }),
      personResult({ drillId: 'd1', person: ana, playedAt: '2026-03-01T10:00:00.000Z', categories: scores({ triage: 90 }), mistakes: ['silent-updates', 'no-clear-commander'] }),
      personResult({ drillId: 'd1', person: ben, playedAt: '2026-03-01T10:00:00.000Z', categories: scores({ learning: 55 }), mistakes: [] }),
    ];
    const rows = buildMatrix([ben, ana, cy], results);
    expect(rows.map((r) => r.person.id)).toEqual(['p-ben', 'p-ana', 'p-cy']);
    const [b, a, c] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    expect(a.latest?.drillId).toBe('d2');
    expect(a.drills).toBe(2);
    expect(a.categories.triage).toBe(40);
    expect(a.mistakes['silent-updates']).toEqual({ latest: true, count: 2 });
    expect(a.mistakes['no-clear-commander']).toEqual({ latest: false, count: 1 });
    expect(b.categories.learning).toBe(55);
    expect(b.mistakes['silent-updates']).toEqual({ latest: false, count: 0 });
    // Someone who never played has a row, with nothing in it.
    expect(c).toMatchObject({ drills: 0, latest: null, categories: { triage: null } });
    expect(c.mistakes['silent-updates']).toEqual({ latest: null, count: 0 });
  });

  it('should say a mistake cell without running “not seen” and “seen in some drills” together', () => {
    expect(mistakeCellWords({ latest: false, count: 1 }, 2)).toBe('Not in latest · seen in 1 of 2 drills');
    expect(mistakeCellWords({ latest: false, count: 0 }, 2)).toBe('Not seen in any of 2 drills');
    expect(mistakeCellWords({ latest: true, count: 2 }, 3)).toBe('Seen · in 2 of 3 drills');
    expect(mistakeCellWords({ latest: true, count: 1 }, 1)).toBe('Seen');
    expect(mistakeCellWords({ latest: false, count: 0 }, 1)).toBe('Not seen');
    expect(mistakeCellWords({ latest: null, count: 0 }, 0)).toBe('no drill');
  });

  it('should merge rows from several answers once per person and drill, keeping a re-grade over the original', () => {
    const first = personResult({ drillId: 'd1', person: ana, overall: 50, resultVersion: 1 });
    const regraded = personResult({ drillId: 'd1', person: ana, overall: 70, resultVersion: 2 });
    const solo = personResult({ drillId: 'd0', person: ana, kind: 'solo', teamId: null, playedAt: '2026-01-01T00:00:00.000Z' });
    const merged = mergeResults([first], [regraded, solo], [first]);
    expect(merged.map((r) => [r.drillId, r.overall])).toEqual([
      ['d0', solo.overall],
      ['d1', 70],
    ]);
  });

  it('should order by date, then drill id, whatever order the rows came in', () => {
    const rows = [personResult({ drillId: 'b', playedAt: '2026-03-01T00:00:00.000Z' }), personResult({ drillId: 'a', playedAt: '2026-03-01T00:00:00.000Z' }), personResult({ drillId: 'z', playedAt: '2026-02-01T00:00:00.000Z' })];
    expect(chronological(rows).map((r) => r.drillId)).toEqual(['z', 'a', 'b']);
  });
});

describe('the weakest practice', () => {
  it('should be the lowest average over people’s latest drills, ties to the earlier practice', () => {
    const rows = buildMatrix(
      [ana, ben, cy],
      [
        personResult({ drillId: 'old', person: ana, playedAt: '2026-01-01T00:00:00.000Z', categories: scores({ communication: 0 }) }),
        personResult({ drillId: 'd1', person: ana, categories: scores({ communication: 60, verification: 70 }) }),
        personResult({ drillId: 'd1', person: ben, categories: scores({ communication: 80, verification: 50 }) }),
      ],
    );
    // Communication (60+80)/2 = 70 and verification (70+50)/2 = 60: verification; Ana's old 0 does not count.
    expect(weakestPractice(rows)).toEqual({ categories: ['verification'], average: 60, people: 2 });
    expect(weakestPractice(buildMatrix([cy], []))).toBeNull();
  });

  it('should name every practice tied at the lowest average, not just the first', () => {
    const tied = buildMatrix([ana, ben], [personResult({ person: ana, categories: scores({ communication: 0, verification: 0 }) }), personResult({ person: ben, categories: scores({ communication: 0, verification: 0 }) })]);
    expect(weakestPractice(tied)).toEqual({ categories: ['communication', 'verification'], average: 0, people: 2 });
    // Tied as shown: 59.5 and 60.4 both read 60.
    const close = buildMatrix([ana, ben], [personResult({ person: ana, categories: scores({ command: 59, learning: 60.4 }) }), personResult({ person: ben, categories: scores({ command: 60, learning: 60.4 }) })]);
    expect(weakestPractice(close)?.categories).toEqual(['command', 'learning']);
  });

  it('should read the weakest of averages already made, skipping practices with none, and name ties', () => {
    expect(weakestOfAverages({ triage: null, command: 70, communication: 65, resolution: 90, verification: 66, learning: null })).toEqual({ categories: ['communication'], average: 65 });
    expect(weakestOfAverages({ triage: 80, command: 70, communication: 0, resolution: 90, verification: 0, learning: null })).toEqual({ categories: ['communication', 'verification'], average: 0 });
    expect(weakestOfAverages({ triage: null, command: null, communication: null, resolution: null, verification: null, learning: null })).toBeNull();
  });

  it('should take a person’s weakest over their last three drills only', () => {
    const rows = [
      personResult({ drillId: 'd1', playedAt: '2026-01-01T00:00:00.000Z', categories: scores({ triage: 0 }) }),
      personResult({ drillId: 'd2', playedAt: '2026-01-02T00:00:00.000Z', categories: scores({ learning: 50 }) }),
      personResult({ drillId: 'd3', playedAt: '2026-01-03T00:00:00.000Z', categories: scores({ learning: 60 }) }),
      personResult({ drillId: 'd4', playedAt: '2026-01-04T00:00:00.000Z', categories: scores({ learning: 70 }) }),
    ];
    expect(personalWeakest(rows)).toEqual({ category: 'learning', average: 60 });
  });
});

describe('severities and roles never practised', () => {
  const scenarios = new Map([
    ['sev1-a', info('sev1-a', 'SEV1', [])],
    ['sev2-a', info('sev2-a', 'SEV2', [])],
    ['sev3-a', info('sev3-a', 'SEV3', [])],
  ]);

  // Records made before roles were kept: no roles from the server, so the scenario's suggestion stands in.
  const old: Partial<PersonDrillResult> = { roles: [], rolesSource: 'suggested' };

  it('should count a scenario’s true severity and, for an older record, the responder’s suggested role, and only severities some scenario has', () => {
    const gaps = practiceGaps(
      [ana, ben],
      [personResult({ person: ana, scenarioId: 'sev1-a', responder: 'alex', ...old }), personResult({ drillId: 'd2', person: ana, scenarioId: 'sev3-a', responder: 'sarah', ...old })],
      scenarios,
    );
    expect(gaps[0]).toMatchObject({ severities: { practised: ['SEV1', 'SEV3'], never: ['SEV2'] }, roles: { practised: ['commander', 'communications'], never: ['operations', 'scribe'] }, unknownScenario: 0, unknownRole: 0 });
    // SEV4 is nobody's gap: no scenario here has it.
    expect(gaps[1]).toMatchObject({ severities: { practised: [], never: ['SEV1', 'SEV2', 'SEV3'] }, roles: { never: ['commander', 'communications', 'operations', 'scribe'] } });
  });

  it('should say how many drills could not be counted, rather than guess', () => {
    const [gap] = practiceGaps([ana], [personResult({ person: ana, scenarioId: 'gone', ...old }), personResult({ drillId: 'd2', person: ana, scenarioId: 'sev1-a', responder: 'nobody', ...old })], scenarios);
    expect(gap).toMatchObject({ unknownScenario: 1, unknownRole: 2, severities: { practised: ['SEV1'] }, roles: { practised: [] } });
  });

  it('should count the roles held in the drill, not the responder’s suggested role', () => {
    const [gap] = practiceGaps(
      [ana],
      [
        // Alex is suggested as commander, but here held scribe and operations.
        personResult({ person: ana, scenarioId: 'sev1-a', responder: 'alex', roles: ['operations', 'scribe'], rolesSource: 'drill' }),
        // Held no role at all: nothing practised, and nothing unknown either.
        personResult({ drillId: 'd2', person: ana, scenarioId: 'sev3-a', responder: 'sarah', roles: [], rolesSource: 'drill' }),
        // A scenario not known here still has its recorded roles.
        personResult({ drillId: 'd3', person: ana, scenarioId: 'gone', responder: 'kim', roles: ['communications'], rolesSource: 'drill' }),
      ],
      scenarios,
    );
    expect(gap).toMatchObject({ roles: { practised: ['communications', 'operations', 'scribe'], never: ['commander'] }, unknownRole: 0, unknownScenario: 1 });
  });

  it('should read a solo run as the paged on-call, whom the lobby suggests as commander (the shipped scenarios)', () => {
    const loaded = loadScenario(readFileSync('scenarios/checkout-launch.json', 'utf8'), 'checkout-launch.json');
    if (!loaded.ok) throw new Error('the scenario must load');
    const roles = Object.fromEntries(castOf(loaded.value).map((s) => [s.responder, s.suggestedRole]));
    expect(roles[loaded.value.roster.onCall.primary]).toBe('commander');
  });
});

describe('recommended next drills', () => {
  const library = [info('comms-sev1', 'SEV1', ['communication', 'deploys']), info('triage-sev3', 'SEV3', ['triage', 'severity']), info('quiet-sev2', 'SEV2', ['deploys']), info('played-sev1', 'SEV1', ['communication'])];

  it('should prefer an unplayed scenario stressing the weakest practice, then a new severity, with the reasons', () => {
    const mine = [personResult({ scenarioId: 'played-sev1', categories: scores({ communication: 40 }) })];
    const picks = recommend(mine, library);
    expect(picks.map((p) => p.scenarioId)).toEqual(['comms-sev1', 'quiet-sev2']);
    expect(picks[0]!.reasons).toEqual([{ kind: 'stresses-weakest', category: 'communication', average: 40 }]);
    // SEV2 is new to them; triage-sev3 is too, and ties go by id: quiet- before triage-.
    expect(picks[1]!.reasons).toEqual([{ kind: 'new-severity', severity: 'SEV2' }]);
  });

  it('should suggest the easiest scenarios to someone with no drills', () => {
    const difficulty: Record<string, number> = { 'comms-sev1': 1, 'triage-sev3': 0, 'quiet-sev2': 2, 'played-sev1': 1 };
    const picks = recommend([], library, (id) => difficulty[id] ?? 1);
    expect(picks.map((p) => p.scenarioId)).toEqual(['triage-sev3', 'comms-sev1']);
    expect(picks[0]!.reasons).toEqual([{ kind: 'first-drill' }]);
  });

  it('should suggest replaying where the weakest practice scored lowest once everything is played', () => {
    const small = [info('a', 'SEV1', []), info('b', 'SEV2', [])];
    const mine = [personResult({ drillId: 'd1', scenarioId: 'a', categories: scores({ verification: 50 }) }), personResult({ drillId: 'd2', scenarioId: 'b', categories: scores({ verification: 30 }) })];
    expect(recommend(mine, small, undefined, 1)).toEqual([{ scenarioId: 'b', title: 'Title of b', reasons: [{ kind: 'replay', category: 'verification', score: 30 }] }]);
  });

  it('should know which topics stress which practice, resolution being every scenario’s', () => {
    expect(stresses({ topics: ['incident-command'] }, 'command')).toBe(true);
    expect(stresses({ topics: ['deploys'] }, 'command')).toBe(false);
    expect(stresses({ topics: [] }, 'resolution')).toBe(true);
    expect(recommend([], [])).toEqual([]);
  });
});

describe('the trend', () => {
  it('should give the last drills in order, each person’s score in each, and nobody who played none of them', () => {
    const results = [
      personResult({ drillId: 'd1', person: ana, playedAt: '2026-01-01T00:00:00.000Z', overall: 50 }),
      personResult({ drillId: 'd2', person: ana, playedAt: '2026-01-02T00:00:00.000Z', overall: 60 }),
      personResult({ drillId: 'd2', person: ben, playedAt: '2026-01-02T00:00:00.000Z', overall: 60 }),
      personResult({ drillId: 'd3', person: ben, playedAt: '2026-01-03T00:00:00.000Z', overall: 75 }),
      personResult({ drillId: 'x', person: { id: 'stranger', displayName: 'S' }, playedAt: '2026-01-04T00:00:00.000Z', overall: 10 }),
    ];
    const shown = trend([ana, ben, cy], results, 2);
    expect(shown.drills.map((d) => d.drillId)).toEqual(['d2', 'd3']);
    expect(shown.series).toEqual([
      { person: ana, scores: [60, null] },
      { person: ben, scores: [60, 75] },
    ]);
    expect(trend([cy], results)).toEqual({ drills: [], series: [] });
  });
});

describe('the own part, as the records pages say it', () => {
  it('should say a solo run is all the person’s, not a share of its points', () => {
    // The person's own commands earned 31 of the drill's 62 points and lost 30 of its 35: in a group drill that would read 50%.
    const solo = personResult({ kind: 'solo', credited: { triage: 31 }, deducted: { communication: -30 }, drillPoints: { earned: 62, lost: 35 } });
    expect(ownPartWords(ownPart([solo]))).toBe('Solo: all of it; lost 35 points');
    expect(ownPartWords(ownPart([solo, solo]))).toBe('Solo (2 runs): all of it; lost 70 points');
    expect(ownPartWords(ownPart([{ ...solo, drillPoints: { earned: 62, lost: 0 } }]))).toBe('Solo: all of it; no points lost');
    // Recorded before the drill's totals were kept: the person's own lost points, which are the drill's.
    expect(ownPartWords(ownPart([{ ...solo, drillPoints: null }]))).toBe('Solo: all of it; lost 30 points');
  });

  it('should keep a group drill as a share, and say a mix of both apart', () => {
    const group = personResult({ kind: 'group', credited: { triage: 31 }, deducted: { communication: -30 }, drillPoints: { earned: 62, lost: 35 } });
    const solo = personResult({ kind: 'solo', credited: { triage: 10 }, deducted: { communication: -5 }, drillPoints: { earned: 20, lost: 5 } });
    expect(ownPartWords(ownPart([group]))).toBe('50% of the points earned; lost 30 of 35 points');
    expect(ownPartWords(ownPart([group, solo]))).toBe('Group drills (1): 50% of the points earned; lost 30 of 35 points · Solo runs (1): all of it; lost 5 points');
  });
});
