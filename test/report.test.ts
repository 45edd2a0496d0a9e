import { describe, expect, it } from 'vitest';
import { replay, type ScriptEntry } from '../src/engine/index';
import { grade } from '../src/grading/index';
import { buildReport, debrief, renderHtml, renderMarkdown } from '../src/report/index';
import { defaultRubric, play, script } from './support/grading';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');
const PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '[click](javascript:alert(1))', '| broken | table |', '</textarea><iframe src=//evil>'];

/** The expert run with hostile text in every field a player writes, and in a facilitator's note and message. */
function hostileScript(): ScriptEntry[] {
  const payload = PAYLOADS.join(' ');
  const facilitator: ScriptEntry[] = [
    { at: 0, by: 'facilitator', command: { type: 'observe', about: 'team', text: payload } },
    { at: 0, by: 'facilitator', command: { type: 'custom-inject', kind: 'other', from: PAYLOADS[1]!, message: payload } },
  ];
  return [...facilitator, ...script('checkout-launch', 'expert')].map((e) => {
    const c = e.command;
    switch (c.type) {
      case 'status-update':
      case 'announce':
      case 'respond':
        return { ...e, command: { ...c, text: `${c.text}\n${payload}` } };
      case 'postmortem':
        return {
          ...e,
          command: {
            ...c,
            document: {
              ...c.document,
              summary: `${payload} ${c.document.summary}`,
              rootCause: payload,
              actionItems: c.document.actionItems.map((i) => ({ ...i, action: `${i.action} ${payload}`, owner: PAYLOADS[1]! })),
            },
          },
        };
      default:
        return e;
    }
  });
}

describe('debrief report', () => {
  it('should have every section of the module postmortem, the score and what to practise next', () => {
    const { report } = play(scenario, script('checkout-launch', 'silent-updates'));
    const md = renderMarkdown(report);
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Root cause', '## What went well', '## What needs improvement', '## Action items', '## Score', '## Score evidence', '## Practise next']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| Action | Owner | Priority | Status |');
    expect(md).toContain('Silent incident updates');
    expect(report.timeline.length).toBeGreaterThan(10);
  });

  it('should cite evidence on every score line of the Markdown', () => {
    const { report } = play(scenario, script('checkout-launch', 'no-commander'));
    const lines = renderMarkdown(report).split('\n').filter((l) => /^- \*\*[+-]\d/.test(l));
    expect(lines.length).toBe(report.score.findings.length);
    for (const line of lines) expect(line).toMatch(/_Evidence:_ #\d+ T\+\d\d:\d\d /);
  });

  it('should give a byte-identical report for the same journal, in every format', () => {
    const rubric = defaultRubric();
    const commands = script('checkout-launch', 'unverified-resolution');
    for (const format of ['md', 'html', 'json'] as const) {
      const a = debrief(scenario, replay(scenario, 1, commands).journal(), rubric, format, { seed: '1' });
      const b = debrief(scenario, replay(scenario, 1, commands).journal(), rubric, format, { seed: '1' });
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThan(1000);
    }
  });

  it('should render the JSON report with the overall score, every category and findings', () => {
    const json = JSON.parse(debrief(scenario, replay(scenario, 1, script('checkout-launch', 'expert')).journal(), defaultRubric(), 'json', { seed: '1' }));
    expect(json.score.overall).toBeGreaterThanOrEqual(95);
    expect(Object.keys(json.score.categories).sort()).toEqual(['command', 'communication', 'learning', 'resolution', 'triage', 'verification']);
    expect(json.score.findings[0]).toMatchObject({ category: expect.any(String), points: expect.any(Number), message: expect.any(String), evidence: expect.any(Array) });
  });

  it('should keep script-injection payloads inert in the HTML', () => {
    const journal = replay(scenario, 1, hostileScript()).journal();
    const html = renderHtml(buildReport(scenario, journal, grade(scenario, journal, defaultRubric()), { seed: '1', date: '<b>today</b>' }));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<svg[^>]*onload/i);
    expect(html).not.toMatch(/<b>today/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('should keep payloads inert in Markdown and JSON too', () => {
    const journal = replay(scenario, 1, hostileScript()).journal();
    const rubric = defaultRubric();
    const md = debrief(scenario, journal, rubric, 'md', { seed: '1' });
    expect(md).not.toMatch(/<script|<img|<iframe|<svg/i);
    expect(md).toContain('\\[click\\]');
    // A pipe in player text must not break the action items table.
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('onerror'));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
    const json = debrief(scenario, journal, rubric, 'json', { seed: '1' });
    expect(json).not.toMatch(/<script/);
    expect(JSON.parse(json).postmortem.rootCause).toBe(PAYLOADS.join(' '));
    expect(JSON.parse(json).observations[0].text).toBe(PAYLOADS.join(' '));
  });

  it('should suggest action items when the player wrote none, and recommend practice for weak categories', () => {
    const commands = script('checkout-launch', 'expert').filter((e) => e.command.type !== 'postmortem');
    const { report } = play(scenario, commands);
    expect(report.actionItems.length).toBeGreaterThan(0);
    expect(report.actionItems.every((a) => a.source === 'suggested')).toBe(true);
    expect(report.practiseNext.length).toBeGreaterThan(0);
  });
});

describe('the duration in the summary', () => {
  /** The whole minutes between two "T+HH:MM" readings. */
  const minutesBetween = (from: string, to: string) => {
    const at = (t: string) => {
      const [, h, m] = /^T\+(\d+):(\d+)$/.exec(t)!;
      return Number(h) * 60 + Number(m);
    };
    return at(to) - at(from);
  };

  it('counts the minutes its span shows, also when the incident ends part way through a minute', () => {
    // Each run ends at a fraction of a minute after the page (the expert script shifted by that fraction), which is
    // where rounding the duration and flooring the span's clock readings disagreed: "37 minutes (T+00:00 to T+00:36)".
    for (const shift of [0, 0.2, 0.5, 0.6, 0.99]) {
      const shifted = script('checkout-launch', 'expert').map((e) => ({ ...e, at: e.at + shift }));
      const run = replay(scenario, 1, shifted);
      const report = buildReport(scenario, run.journal(), grade(scenario, run.journal(), defaultRubric()), { seed: '1' });
      const { durationMinutes, startedAt, endedAt } = report.summary;
      expect(durationMinutes, `shift ${shift}: ${durationMinutes} minutes (${startedAt} to ${endedAt})`).toBe(minutesBetween(startedAt, endedAt));
      expect(renderMarkdown(report)).toContain(`- **Duration:** ${durationMinutes} minutes (${startedAt} to ${endedAt})`);
    }
  });
});
