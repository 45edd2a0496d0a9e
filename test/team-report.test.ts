/**
 * A team drill's debrief credits the seat that acted: a section per seat with what it did and the findings that
 * cite its commands, naming who played it; the facilitator's own commands belong to no seat.
 */
import { describe, expect, it } from 'vitest';
import { FACILITATOR, replay, type ScriptEntry } from '../src/engine/index';
import { grade } from '../src/grading/index';
import { buildReport, renderHtml, renderMarkdown } from '../src/report/index';
import { defaultRubric, script } from './support/grading';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');

function teamReport(people: Record<string, string>) {
  // The expert's commands as a team would issue them, plus a facilitator's page of the team lead.
  const commands: ScriptEntry[] = [...script('checkout-launch', 'expert')];
  commands.splice(1, 0, { at: commands[1]!.at, by: FACILITATOR, command: { type: 'observe', about: 'alex', text: 'Calm first minute.' } });
  const rubric = defaultRubric();
  const journal = replay(scenario, 1, commands, undefined, { rubric, seating: 'team' }).journal();
  const score = grade(scenario, journal, rubric);
  return { journal, score, report: buildReport(scenario, journal, score, { seed: '1', people }) };
}

describe('the team debrief', () => {
  it('should give each seat that acted its own section, with its commands and the findings citing them', () => {
    const { report, journal, score } = teamReport({ alex: 'Ana', sarah: 'Ben' });
    const issuers = [...new Set(journal.flatMap((e) => (e.kind === 'command' && e.by !== FACILITATOR ? [e.by] : [])))];
    expect(report.seats.map((s) => s.responder)).toEqual(issuers);
    expect(issuers.length).toBeGreaterThan(1);
    const alex = report.seats.find((s) => s.responder === 'alex')!;
    expect(alex).toMatchObject({ name: 'Alex Rivera', person: 'Ana' });
    expect(alex.did[0]!.text).toMatch(/Alex Rivera acknowledged/);
    // Every credit a seat gets cites one of its own commands.
    for (const seat of report.seats) {
      const own = new Set(journal.filter((e) => e.kind === 'command' && e.by === seat.responder).map((e) => e.seq));
      for (const credit of seat.credits) {
        const finding = score.findings.find((f) => f.message === credit.message && f.points === credit.points)!;
        expect(finding.evidence.some((e) => own.has(e.seq)), `${seat.name}: ${credit.message}`).toBe(true);
      }
    }
    expect(report.seats.some((s) => s.credits.length > 0)).toBe(true);
    expect(report.seats.find((s) => s.responder === FACILITATOR)).toBeUndefined();
  });

  it('should print the seats and who played them in Markdown and HTML, escaping the names people typed', () => {
    const { report } = teamReport({ alex: '<img src=x onerror=alert(1)>', sarah: 'Ben *bold*' });
    const md = renderMarkdown(report);
    const html = renderHtml(report);
    expect(md).toContain('## What each seat did');
    expect(md).toContain('### Alex Rivera (played by &lt;img src=x onerror=alert(1)&gt;)');
    expect(md).toContain('Ben \\*bold\\*');
    expect(html).toContain('What each seat did');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain("## Facilitator's observations");
  });

  it('should leave the section out of a solo run, where one seat did everything', () => {
    const rubric = defaultRubric();
    const journal = replay(scenario, 1, script('checkout-launch', 'expert').map((e) => ({ ...e, by: 'alex' })), undefined, { rubric }).journal();
    const report = buildReport(scenario, journal, grade(scenario, journal, rubric), { seed: '1' });
    expect(report.seats).toHaveLength(1);
    expect(renderMarkdown(report)).not.toContain('What each seat did');
  });
});
