import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, formatMinute, loadSave, loadScenario, loadScript, parseStatusUpdate, scenarioHash, type Scenario } from '../src/engine/index';
import { explore } from '../src/engine/explore';
import { MAX_NESTING } from '../src/engine/limits';
import { loadRubric } from '../src/grading/index';
import { ROOT } from './support/scenarios';

const minimalText = readFileSync(join(ROOT, 'test/fixtures/minimal.json'), 'utf8');
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const catalog = (s: Scenario) => (id: string) => (id === s.id ? { scenario: s, hash: scenarioHash(s) } : undefined);

function minimalWith(change: (scenario: Record<string, unknown> & { [key: string]: any }) => void): Scenario {
  const raw = JSON.parse(minimalText);
  change(raw);
  const loaded = loadScenario(JSON.stringify(raw, null, 2), 'odd.json');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

describe('bounded input: every loader refuses what is too deep or too large with one positioned message', () => {
  it('should refuse deep nesting in a scenario, rubric, script and save before walking it', () => {
    const deep = nested(2_000);
    const results = [
      loadScenario(deep, 'deep.json'),
      loadRubric(deep, 'deep.json'),
      loadScript(deep, 'deep.json'),
      loadSave(`{"formatVersion": 2, "commands": ${deep}}`, 'deep.json', () => undefined),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.message).toBe(`objects and lists are nested more than ${MAX_NESTING} levels deep here`);
      expect(result.problems[0]!.column).toBeGreaterThan(MAX_NESTING);
    }
  });

  it('should accept nesting up to the limit and count brackets inside strings as text', () => {
    const script = loadScript(`[{"at": 0, "by": "ada", "command": {"type": "announce", "text": "${'['.repeat(500)}"}}]`, 's.json');
    expect(script.ok).toBe(true);
  });

  it('should quote a huge unknown id shortened', () => {
    const raw = JSON.parse(minimalText);
    raw.page.runbook = 'x'.repeat(5_000_000);
    const loaded = loadScenario(JSON.stringify(raw), 'huge.json');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    for (const p of loaded.problems) expect(p.message.length).toBeLessThan(300);
  });

  it('should refuse a command at an absurd minute and a save beyond the last minute', () => {
    const script = loadScript('[{"at": 1e12, "by": "ada", "command": {"type": "acknowledge"}}]', 's.json');
    expect(!script.ok && script.problems[0]!.message).toBe('must be at most 100000, found the number 1000000000000');
    const scenario = loadScenario(minimalText, 'minimal.json');
    if (!scenario.ok) throw new Error('minimal must load');
    const save = { formatVersion: 2, scenarioId: 'minimal', scenarioHash: scenarioHash(scenario.value), seed: '1', seating: 'solo', commands: [], minute: 1e308 };
    const loaded = loadSave(JSON.stringify(save), 'save.json', catalog(scenario.value));
    expect(!loaded.ok && loaded.problems[0]!.path).toBe('minute');
  });

  it('should name a missing seed as missing, and place positions right with CR-only line endings', () => {
    const save = loadSave('{\r"formatVersion": 2,\r"scenarioId": "minimal",\r"scenarioHash": "x",\r"commands": []\r}', 'save.json', () => undefined);
    expect(!save.ok && save.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:1 missing required field "seed"']);
    const script = loadScript('[\r{ "at": 0, "by": "ada", "command": { "type": "acknowledge" } },\r{ "at": 0, "by": "ada", "command": { "type": "acknowlege" } }\r]', 's.json');
    expect(!script.ok && script.problems[0]!.line).toBe(3);
  });
});

describe('messages say what is wrong where it is', () => {
  it('should report a NaN in a script as the syntax error it is, at its place, and nothing else', () => {
    const script = loadScript('[\n  { "at": NaN, "by": "ada", "command": { "type": "acknowledge" } }\n]', 's.json');
    if (script.ok) throw new Error('NaN is not JSON');
    expect(`${script.problems[0]!.line}:${script.problems[0]!.column}`).toBe('2:11');
    expect(script.problems.every((p) => p.path === '(syntax)')).toBe(true);
  });

  it('should guess what a misspelt id in a command meant', () => {
    const scenario = loadScenario(minimalText, 'minimal.json');
    if (!scenario.ok) throw new Error('minimal must load');
    const run = createRun({ scenario: scenario.value, seed: 1 });
    run.send('ada', { type: 'acknowledge' });
    expect(run.send('ada', { type: 'diagnose', action: 'lok', performer: 'ada' })).toMatchObject({ reason: 'there is no diagnosis step "lok" (did you mean "look"?)' });
    expect(run.send('adda', { type: 'announce', text: 'hi' })).toMatchObject({ reason: '"adda" is not on this incident\'s roster (did you mean "ada"?)' });
  });

  it('should bound a variant’s deploy minute like the base one, and dashboard values', () => {
    const raw = JSON.parse(minimalText);
    raw.service.deploys = [{ id: 'd1', component: 'api', version: 'v2', minute: -30, description: 'A deploy', byVariant: { only: { minute: 1e308 } } }];
    raw.service.dashboards[0].metrics[0].incident = 1e308;
    const loaded = loadScenario(JSON.stringify(raw, null, 2), 'odd.json');
    expect(!loaded.ok && loaded.problems.map((p) => p.path).sort()).toEqual(['service.dashboards[0].metrics[0].incident', 'service.deploys[0].byVariant.only.minute']);
  });
});

describe('time always moves', () => {
  const instant = minimalWith((s) => {
    s.injects[0].at = 0;
    s.roster.responders[0].joinMinutes = 0;
    s.roster.responders.push({ id: 'cy', name: 'Cy', title: 'Engineer', skills: ['backend'], joinMinutes: 0 });
    s.diagnosis[0].minutes = 0;
    s.diagnosis[1].minutes = { min: 0, max: 0.4 };
    s.resolution[0].minutes = 0;
    s.resolution[0].effect.after = 0;
  });

  it('should fire timers that fall due at the current minute', () => {
    const run = createRun({ scenario: instant, seed: 1 });
    run.send('ada', { type: 'acknowledge' });
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'inject.fired')).toBe(true);
    run.send('ada', { type: 'diagnose', action: 'look', performer: 'ada' });
    run.advanceTo(run.now());
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'action.completed')).toBe(true);
  });

  it('should prove a scenario with instant actions, joins and an inject at minute 0, without spinning', () => {
    const result = explore(instant, { seed: '1', maxStates: 5_000 });
    expect(result.truncated).toBe(false);
    expect(result.deadEnds).toEqual([]);
    expect(result.shortestMinutes).not.toBeNull();
    expect(result.injectsFired.has('ask')).toBe(true);
  });

  it('should advance to an absurd minute without walking it minute by minute', () => {
    const run = createRun({ scenario: instant, seed: 1 });
    run.advanceTo(1e12);
    expect(run.now()).toBe(1e12);
    expect(run.phase()).toBe('postmortem');
    expect(run.live({ kind: 'observer' }).dashboards[0]!.metrics[0]!.series).toHaveLength(31);
  });
});

describe('status updates of any length', () => {
  it('should read update numbers past 999 and headers after long runs of spaces', () => {
    expect(parseStatusUpdate('[10:00] [SEV-1] Update #1234\nNext Update: In 15 minutes')).toMatchObject({ number: 1234, severity: 'SEV1', nextUpdateMinutes: 15 });
    expect(parseStatusUpdate(`Sev${' '.repeat(5_000)}2 update no. 3`)).toMatchObject({ number: 3, severity: 'SEV2' });
  });
});

describe('honest values', () => {
  it('should set no deadline for an update promised absurdly far out, and never print Infinity or NaN as a time', () => {
    expect(parseStatusUpdate(`Next Update: In ${'9'.repeat(400)} minutes`).nextUpdateMinutes).toBeNull();
    expect(formatMinute(Number.POSITIVE_INFINITY)).toBe('T+—');
    expect(formatMinute(Number.NaN)).toBe('T+—');
  });
});
