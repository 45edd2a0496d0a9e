/**
 * Grading and the debrief on journals far longer than a drill: thousands of updates, and a command at minute 1e12.
 * These assert what the report says, never how long it took (the bench measures speed); they only need to finish.
 */
import { describe, expect, it } from 'vitest';
import { replay, type JournalEntry, type ScriptEntry } from '../src/engine/index';
import { impactAt, RECOVERED_LEVEL } from '../src/engine/rules';
import seedrandom from 'seedrandom';
import { parseStatusUpdate } from '../src/engine/status-update';
import { grade } from '../src/grading/index';
import { Facts } from '../src/grading/facts';
import { blameFlags, missingAlertParts, reviewUpdate } from '../src/grading/text-checks';
import { buildReport, escapeMarkdown, renderHtml, renderMarkdown, safeJson } from '../src/report/index';
import { PER_MINUTE_CHART_LIMIT } from '../src/report/model';
import { randomScript } from './support/random-player';
import { defaultRubric, script } from './support/grading';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');
const rubric = defaultRubric();
const expert = script('checkout-launch', 'expert');
const played = expert.filter((e) => e.command.type !== 'finish');
const lastMinute = played.at(-1)!.at;

/** A wall-clock "HH:MM" for a game minute, the drill starting at 09:00. */
const clock = (minute: number) => {
  const total = (9 * 60 + minute) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

function update(number: number, at: number): ScriptEntry {
  const text = `[${clock(at)}] [SEV-1] Update #${number}\nCurrent Status: Resolved; checkout is being watched\nImpact: None since 09:15; purchases succeed\nActions: Watching error rates\nNext Update: In 30 minutes`;
  return { at, by: 'sarah', command: { type: 'status-update', text } };
}

/** Grades a journal and renders every format, as `firedrill report` and the debrief screen do. */
function debriefAll(journal: readonly JournalEntry[]) {
  const score = grade(scenario, journal, rubric);
  const report = buildReport(scenario, journal, score, { seed: '1' });
  return { score, report, md: renderMarkdown(report), html: renderHtml(report), json: JSON.parse(safeJson(report)) as typeof report };
}

const gridLines = (html: string) => html.match(/class="tick"/g)?.length ?? 0;

describe('grading at scale', () => {
  it('should grade and report a run with thousands of extra updates and announcements, each one accounted for', () => {
    const extra = 1_500;
    const updatesBefore = played.filter((e) => e.command.type === 'status-update').length;
    const commands: ScriptEntry[] = [...played];
    for (let i = 0; i < extra; i++) {
      const at = lastMinute + 1 + i;
      commands.push(update(updatesBefore + i + 1, at), { at, by: 'alex', command: { type: 'announce', text: `Still watching checkout, check ${i + 1}.` } });
    }
    commands.push({ at: lastMinute + 1 + extra, by: 'alex', command: { type: 'finish' } });
    const journal = replay(scenario, 1, commands).journal();
    expect(journal.length).toBeGreaterThan(7_000);

    const { score, report, md, html, json } = debriefAll(journal);
    const updates = updatesBefore + extra;
    // Every update is read: one template finding each, in order. (The engine reads update numbers of up to three
    // digits, so the check looks at #999.)
    const templateFindings = score.findings.filter((f) => f.check === 'template-fields');
    expect(templateFindings).toHaveLength(updates);
    expect(templateFindings[998]!.message).toBe('Update #999 has every template field, with explicit impact.');
    expect(score.findings.filter((f) => f.check === 'cadence-kept' && f.points < 0)).toEqual([]);
    expect(report.updates).toHaveLength(updates);
    expect(report.chart.updates).toHaveLength(updates);
    expect(report.chart.deadlines.length).toBeGreaterThanOrEqual(extra);
    expect(report.timeline.filter((t) => t.text.includes('announced: Still watching checkout'))).toHaveLength(extra);

    // The grading itself is the expert's: the extra messages name nobody and change nothing.
    const expertScore = grade(scenario, replay(scenario, 1, expert).journal(), rubric);
    for (const category of ['triage', 'command', 'resolution', 'verification'] as const) expect(score.categories[category], category).toBe(expertScore.categories[category]);

    expect(md).toContain(`Still watching checkout, check ${extra}.`);
    expect(md).toContain(`Update #${updates}`);
    expect(html).toContain(`Status update at minute ${lastMinute + extra}`);
    expect(json.updates).toHaveLength(updates);
    // Longer than a day: the impact chart is drawn from the curve's corners, and the grid stays readable.
    expect(journal.at(-1)!.at).toBeGreaterThan(PER_MINUTE_CHART_LIMIT);
    expect(report.chart.impact.length).toBeLessThan(50);
    expect(gridLines(html)).toBeLessThanOrEqual(25);
  });

  it('should grade and report a journal whose last command is at minute 1e12, as the same drill it was', () => {
    const far = 1e12;
    const updatesBefore = played.filter((e) => e.command.type === 'status-update').length;
    // Played on from the script rather than scripted: a script may not name a minute this late, but a run's clock can
    // reach it and the grader must cope with whatever journal it is given.
    const run = replay(scenario, 1, played);
    run.advanceTo(far);
    expect(run.send('sarah', update(updatesBefore + 1, far).command).ok).toBe(true);
    expect(run.send('alex', { type: 'finish' }).ok).toBe(true);
    const journal = run.journal();
    expect(journal.at(-1)!.at).toBe(far);

    const { score, report, md, html, json } = debriefAll(journal);
    const expertReport = buildReport(scenario, replay(scenario, 1, expert).journal(), grade(scenario, replay(scenario, 1, expert).journal(), rubric), { seed: '1' });
    expect(score.findings.length).toBeGreaterThan(10);
    // The incident was over long before: it lasted as long, and ended when it did.
    expect(report.impact.affectedMinutes).toBe(expertReport.impact.affectedMinutes);
    expect(report.summary).toMatchObject({ outcome: 'Resolved', endedAt: expertReport.summary.endedAt, durationMinutes: expertReport.summary.durationMinutes });
    expect(report.chart.end).toBe(far);
    expect(report.chart.impact.length).toBeLessThan(50);
    expect(report.chart.impact.at(-1)).toEqual([far, 0]);

    expect(md).toContain(`Impact lasted about ${expertReport.impact.affectedMinutes} minutes`);
    expect(md).toContain(`Update #${updatesBefore + 1}`);
    expect(html).toContain(`Status update at minute ${far}`);
    expect(gridLines(html)).toBeGreaterThan(2);
    expect(gridLines(html)).toBeLessThanOrEqual(25);
    expect(json.chart.end).toBe(far);
  });
});

describe('the impact timeline searched by minute', () => {
  // Runs with many impact changes: resolved too early (it resurfaces), and players clicking about.
  const runs = [
    replay(scenario, 1, script('checkout-launch', 'unverified-resolution')).journal(),
    ...[1, 2, 3, 4, 5, 6].map((seed) => replay(scenario, seed, randomScript(scenario, seed, 80)).journal()),
  ];

  it("should give the engine's impact level at every minute, whole or not", () => {
    for (const journal of runs) {
      const facts = new Facts(scenario, journal);
      const history = [...facts.impactHistory()];
      const differ: number[] = [];
      for (let minute = -10; minute <= facts.end + 5; minute += 0.25) if (!Object.is(facts.impactAt(minute), impactAt(history, minute))) differ.push(minute);
      expect(differ).toEqual([]);
    }
  });

  it('should count the minutes at an impact level as a walk minute by minute would', () => {
    const round2 = (n: number) => Math.round(n * 100) / 100;
    const tests = [(level: number) => round2(level) >= RECOVERED_LEVEL, (level: number) => level > 0.5, (level: number) => level === 0];
    for (const journal of runs) {
      const facts = new Facts(scenario, journal);
      const to = Math.ceil(facts.end);
      for (const test of tests) {
        for (const from of [-7, 0, 3.5]) {
          let walked = 0;
          for (let minute = Math.ceil(from); minute <= to; minute++) if (test(facts.impactAt(minute))) walked++;
          expect(facts.countMinutes(from, to, test)).toBe(walked);
        }
      }
    }
  });
});

describe('long player texts', () => {
  // The patterns as first written: the reference the faster ones must agree with, on texts short enough for them.
  const CONTEXT_AS_WRITTEN = /\bcontext\s*:.*\d.*\(\s*threshold\b.*\d|\bcontext\s*:.*\d+(?:\.\d+)?\s*%?.*(?:threshold|>|above|over)\s*\d/i;
  const VAGUE_AS_WRITTEN = /^(?:-+|\?+|n\/?a|tbd|tbc|unknown|none|some|various|issues?|problems?|stuff|things|working on it|looking into it|investigating|ongoing|see above|same as before|same)\.?$/i;
  const VAGUE_IMPACT_AS_WRITTEN = /^(?:some|a few|many|several)?\s*(?:users?|customers?|people|things|services?)?\s*(?:are|may be|might be)?\s*(?:affected|impacted|having issues|seeing issues|seeing errors)?\.?$/i;
  const CONTEXT_PART = 'context with the value against its threshold';
  const impactUpdate = (impact: string) => `[09:00] [SEV-1] Update #1\nCurrent Status: Rolling back\nImpact: ${impact}\nActions: Rollback\nNext Update: In 10 minutes`;

  it('should judge an alert context as the pattern first written does', () => {
    const rng = seedrandom('alert context');
    const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
    const parts = ['context', ':', ' ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '5', '12', '.', '3.5', '%', '(', ')', '(threshold', 'threshold', 'thresholds', '>', 'above', 'over', 'x', ' > 5', '(threshold 4)'];
    let withContext = 0;
    const differ: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const text = (rng() < 0.8 ? pick(['context:', 'Context :', 'context\n:', 'x context: ']) : '') + Array.from({ length: 1 + Math.floor(rng() * 10) }, () => pick(parts)).join('');
      const expected = CONTEXT_AS_WRITTEN.test(text);
      if (expected) withContext++;
      if (!missingAlertParts(text).includes(CONTEXT_PART) !== expected) differ.push(text);
    }
    expect(differ).toEqual([]);
    expect(withContext).toBeGreaterThan(500);
  });

  it('should judge an impact vague as the pattern first written does', () => {
    const rng = seedrandom('vague impact');
    const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
    const words = ['some', 'a few', 'a', 'few', 'many', 'several', 'users', 'user', 'customers', 'people', 'things', 'services', 'are', 'may be', 'might be', 'be', 'affected', 'impacted', 'having issues', 'seeing errors', ' ', '  ', '\t', '.', 'x', 'Some', 'AFFECTED'];
    let vague = 0;
    const differ: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const update = impactUpdate(Array.from({ length: 1 + Math.floor(rng() * 7) }, () => pick(words)).join(''));
      const impact = parseStatusUpdate(update).impact?.trim() ?? '';
      const expected = impact !== '' && (VAGUE_AS_WRITTEN.test(impact) || VAGUE_IMPACT_AS_WRITTEN.test(impact));
      if (expected) vague++;
      if (reviewUpdate(update, 1).vague.includes('impact') !== expected) differ.push(update);
    }
    expect(differ).toEqual([]);
    expect(vague).toBeGreaterThan(500);
  });

  it('should escape Markdown as the expressions first written do', () => {
    const asWritten = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]|~])/g, '\\$1').replace(/^(\s*)([#+\-=]|\d+\.)/gm, '$1\\$2');
    const rng = seedrandom('markdown');
    const parts = ['#', '+', '-', '=', '1', '12.', '.', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u00a0', '\v', 'x', '&', '<', '*', '|', '\\', '['];
    const differ: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(rng() * 14) }, () => parts[Math.floor(rng() * parts.length)]!).join('');
      if (escapeMarkdown(text) !== asWritten(text)) differ.push(text);
    }
    expect(differ).toEqual([]);
  });

  it('should read texts at the length limit, however they are built', () => {
    const limit = 20_000;
    expect(missingAlertParts(`Title: Checkout errors\nContext: ${'1'.repeat(limit)}`)).toContain(CONTEXT_PART);
    expect(missingAlertParts(`Title: Checkout errors\nContext: error rate 12% (threshold 5%)${' '.repeat(limit)}x`)).not.toContain(CONTEXT_PART);
    expect(reviewUpdate(impactUpdate(`users${' '.repeat(limit)}x`), 1).vague).not.toContain('impact');
    expect(reviewUpdate(impactUpdate(`some users${' '.repeat(limit)}affected`), 1).vague).toContain('impact');
    expect(escapeMarkdown(`${'\n'.repeat(limit - 3)}# x`)).toBe(`${'\n'.repeat(limit - 3)}\\# x`);
    // Every occurrence is flagged once, however many there are.
    const careless = 'A careless change. '.repeat(1_000);
    expect(careless.length).toBeLessThanOrEqual(limit);
    expect(blameFlags(careless, scenario)).toHaveLength(1_000);
  });
});
