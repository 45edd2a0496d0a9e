import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenarios';

function firedrill(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/firedrill.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const temp = mkdtempSync(join(tmpdir(), 'firedrill-cli-'));
const write = (name: string, text: string) => {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
};

describe('firedrill CLI', () => {
  it('should exit 0 when every scenario is valid', () => {
    const { code, stdout } = firedrill('validate', 'scenarios/checkout-launch.json', 'scenarios/filters-broken.json');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ scenarios/checkout-launch.json');
  });

  it('should exit 1 and print every problem as file:line:col path: message', () => {
    const { code, stderr, stdout } = firedrill('validate', 'scenarios/checkout-launch.json', 'test/fixtures/broken/many-problems.json');
    expect(code).toBe(1);
    expect(stdout).toContain('✓ scenarios/checkout-launch.json');
    expect(stderr).toContain('test/fixtures/broken/many-problems.json:3:20 formatVersion: must be 1, found the number 2');
    expect(stderr).toContain('4 problems in 1 file.');
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('should exit 2 with one line for unknown flags, missing files and unknown commands', () => {
    for (const [args, message] of [
      [['validate', '--strict', 'scenarios/checkout-launch.json'], 'firedrill: unknown option "--strict"\n'],
      [['validate', 'nope.json'], 'firedrill: cannot find "nope.json"\n'],
      [['validate'], 'firedrill: give at least one file\n'],
      [['fly'], 'firedrill: unknown command "fly" (commands: validate, check, play, report, graph, schema)\n'],
      [['play', 'scenarios/checkout-launch.json', '--script', 'test/scripts/checkout-launch/smoke.json'], 'firedrill: --seed is required (a whole number, e.g. --seed 1)\n'],
      [['play', 'scenarios/checkout-launch.json', '--seed', '-1', '--script', 'x.json'], 'firedrill: --seed needs a value: a whole number from 0\n'],
      [['play', 'scenarios/checkout-launch.json', '--seed', '1', '--until', '-5', '--script', 'x.json'], 'firedrill: --until needs a value: a minute from 0\n'],
      [['play', 'scenarios/checkout-launch.json', '--seed', 'abc', '--script', 'x.json'], 'firedrill: --seed must be a whole number, got "abc"\n'],
      [['play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', 'missing.json'], 'firedrill: cannot find "missing.json"\n'],
    ] as const) {
      const { code, stderr } = firedrill(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toBe(message);
    }
  });

  it('should exit 2 with one located line for a bad script', () => {
    const notJson = write('not-json.json', '[ { "at": 0, ');
    const badCommand = write('bad-command.json', JSON.stringify([{ at: 0, by: 'alex', command: { type: 'dance' } }], null, 2));
    const outOfOrder = write('out-of-order.json', JSON.stringify([{ at: 5, by: 'alex', command: { type: 'acknowledge' } }, { at: 1, by: 'alex', command: { type: 'resolve' } }], null, 2));
    for (const script of [notJson, badCommand, outOfOrder]) {
      const { code, stderr } = firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', script);
      expect(code, script).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`^firedrill: bad script: ${script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
    }
  });

  it('should play a script and print the timeline and final state', () => {
    const { code, stdout } = firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/smoke.json', '--until', '10');
    expect(code).toBe(0);
    expect(stdout).toContain('T+00:00  Alex Rivera acknowledged the page');
    expect(stdout).toContain('T+00:01  Alex Rivera declared SEV1');
    expect(stdout).toMatch(/T\+00:04 {2}Finding \(Check recent deploys\): /);
    expect(stdout).toContain('Final state at T+00:10');
    expect(stdout).toContain('phase:     Diagnosing');
    expect(stdout).toContain('roles:     commander Alex Rivera');
  });

  it('should print the journal as JSON with --json', () => {
    const { code, stdout } = firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/smoke.json', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.phase).toBe('diagnosing');
    expect(result.journal.filter((e: { kind: string }) => e.kind === 'command')).toHaveLength(4);
  });

  it('should exit 1 with the problems when playing an invalid scenario', () => {
    const { code, stderr } = firedrill('play', 'test/fixtures/broken/wrong-type.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/smoke.json');
    expect(code).toBe(1);
    expect(stderr).toContain('wrong-type.json:9:23 estimatedMinutes: expected a number');
  });

  it('should draw a Mermaid flowchart of a scenario', () => {
    const { code, stdout } = firedrill('graph', 'scenarios/checkout-launch.json');
    expect(code).toBe(0);
    expect(stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(stdout).toContain('d_check_database["Check database health (red herring)"]');
    expect(stdout).toContain('d_check_deploys -. unlocks .-> r_rollback_deploy');
  });
});

describe('firedrill report', () => {
  const expert = ['scenarios/checkout-launch.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/expert.json'];

  it('should print a complete blameless debrief in Markdown whose score lines cite evidence', () => {
    const { code, stdout } = firedrill('report', ...expert, '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Debrief: Checkout down during the launch/);
    expect(stdout).toMatch(/\*\*\d+\/100: Ready to lead\.\*\*/);
    const scoreLines = stdout.split('\n').filter((l) => /^- \*\*[+-]\d/.test(l));
    expect(scoreLines.length).toBeGreaterThan(15);
    for (const line of scoreLines) expect(line).toMatch(/_Evidence:_ #\d+ T\+/);
  });

  it('should print JSON with the overall score, six categories and findings', () => {
    const { code, stdout } = firedrill('report', ...expert, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.score.overall).toBeGreaterThanOrEqual(95);
    expect(Object.keys(json.score.categories)).toHaveLength(6);
    expect(json.score.findings.every((f: { evidence: unknown[] }) => f.evidence.length > 0)).toBe(true);
  });

  it('should write standalone HTML to a file with --out', () => {
    const out = join(temp, 'debrief.html');
    const { code, stdout } = firedrill('report', ...expert, '--format', 'html', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<link|<script|src="http/);
  });

  it('should grade with another rubric and report a broken one with positions', () => {
    const strict = firedrill('report', 'scenarios/checkout-launch.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/silent-updates.json', '--format', 'json', '--rubric', 'test/fixtures/rubrics/strict.json');
    expect(strict.code).toBe(0);
    expect(JSON.parse(strict.stdout).score.rubric).toBe('strict');
    const broken = firedrill('report', ...expert, '--rubric', 'test/fixtures/rubrics/broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('test/fixtures/rubrics/broken.json:7:44 responseMinutes.SEV2: expected a number, found the text "an hour"');
    expect(broken.stderr).toContain('weights.comand: unknown field "comand" (did you mean "command"?)');
    expect(broken.stderr).toContain('readiness[3].min: the last readiness level must start at 0');
  });

  it('should report a run saved from the browser to the same score as its script', () => {
    const save = write('run.json', JSON.stringify({
      formatVersion: 1,
      scenarioId: 'checkout-launch',
      scenarioHash: JSON.parse(firedrill('play', ...expert, '--json').stdout).scenarioHash,
      seed: '1',
      commands: JSON.parse(readFileSync(join(ROOT, 'test/scripts/checkout-launch/expert.json'), 'utf8')),
      minute: 31,
    }));
    const fromSave = firedrill('report', 'scenarios/checkout-launch.json', '--script', save, '--format', 'json');
    expect(fromSave.code, fromSave.stderr).toBe(0);
    const fromScript = firedrill('report', ...expert, '--format', 'json');
    expect(JSON.parse(fromSave.stdout).score).toEqual(JSON.parse(fromScript.stdout).score);
    const wrongSeed = firedrill('report', 'scenarios/checkout-launch.json', '--seed', '2', '--script', save);
    expect(wrongSeed.code).toBe(2);
    expect(wrongSeed.stderr).toBe("firedrill: --seed 2 does not match the save's seed 1\n");
  });

  it('should exit 2 for a bad format or a save of another scenario version', () => {
    expect(firedrill('report', ...expert, '--format', 'pdf')).toMatchObject({ code: 2, stderr: 'firedrill: --format must be one of md, html, json, got "pdf"\n' });
    const stale = write('stale.json', JSON.stringify({ formatVersion: 1, scenarioId: 'checkout-launch', scenarioHash: 'abc', seed: '1', commands: [] }));
    const result = firedrill('report', 'scenarios/checkout-launch.json', '--script', stale);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^firedrill: bad save: .*another version of "checkout-launch"/);
  });
});

describe('firedrill CLI, as a new author meets it', () => {
  it('should stop a run at --until, leaving later commands unplayed', () => {
    const { code, stdout } = firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/expert.json', '--until', '10');
    expect(code).toBe(0);
    expect(stdout).toContain('Final state at T+00:10');
    expect(stdout).not.toContain('T+00:12  Sarah Chen answered');
  });

  it('should validate every readable file before reporting one it cannot read', () => {
    const { code, stdout, stderr } = firedrill('validate', 'scenarios/checkout-launch.json', 'nope.json', 'test/fixtures/broken/wrong-type.json');
    expect(code).toBe(2);
    expect(stdout).toContain('✓ scenarios/checkout-launch.json');
    expect(stderr).toContain('wrong-type.json:9:23 estimatedMinutes');
    expect(stderr).toContain('firedrill: cannot find "nope.json"');
  });

  it('should say a file is not UTF-8 instead of misreading it', () => {
    const latin1 = join(temp, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0x49, 0x6e, 0xe8, 0x73, 0x22, 0x7d]));
    const { code, stderr } = firedrill('validate', latin1);
    expect(code).toBe(2);
    expect(stderr).toBe(`firedrill: "${latin1}" is not UTF-8 text: save it with the UTF-8 encoding\n`);
  });

  it('should name the valid command types when a script uses an unknown one', () => {
    const script = write('unknown-type.json', '[{ "at": 0, "by": "alex", "command": { "type": "acknowledge-page" } }]');
    const { code, stderr } = firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', script);
    expect(code).toBe(2);
    expect(stderr).toContain('[0].command.type: unknown type "acknowledge-page" (did you mean "acknowledge"?); it must be one of "acknowledge", "declare-severity"');
  });

  it('should warn when a script seems written for another scenario, and treat seed 001 as seed 1', () => {
    const { code, stderr, stdout } = firedrill('play', 'scenarios/filters-broken.json', '--seed', '001', '--script', 'test/scripts/checkout-launch/smoke.json');
    expect(code).toBe(0);
    expect(stderr).toContain('"alex" is not on the roster of "filters-broken"');
    expect(stdout).toContain('seed 1,');
  });
});

describe('firedrill check', () => {
  it('should prove a scenario sound and print its states, time and path lengths', () => {
    const { code, stdout } = firedrill('check', 'scenarios/filters-broken.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ filters-broken: [\d,]+ states over 2 variants in [\d.]+ s; shortest path \d+ min, longest \d+ min to the debrief, mitigation possible by \d+ min; expert \d+/);
    expect(stdout).toContain('1 of 1 scenario proven sound');
  });

  it('should stop with a clear message when the state space passes the bound', () => {
    const { code, stdout } = firedrill('check', 'scenarios/filters-broken.json', '--max-states', '25');
    expect(code).toBe(1);
    expect(stdout).toContain('passes the bound of 25 states: simplify the scenario (fewer actions that unlock others) or raise --max-states');
  });

  it('should name a variant the seeds never draw and a missing expert script', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/minimal.json'), 'utf8')
      .replace('"$schema": "../../scenarios/schema/scenario.schema.json"', '"$schema": "x"')
      .replace('"id": "minimal"', '"id": "lopsided"')
      .replace('{ "id": "only", "title": "The only variant",', '{ "id": "only", "weight": 1000, "title": "The only variant",')
      .replace('"keyDiagnosis": ["look"] }', '"keyDiagnosis": ["look"] },\n    { "id": "rare", "weight": 0.001, "title": "Rare", "rootCause": "Rare.", "rightFix": "fix", "keyDiagnosis": ["look"] }');
    const file = write('lopsided.json', text);
    const { code, stdout } = firedrill('check', file);
    expect(code).toBe(1);
    expect(stdout).toContain('variant "rare" is never drawn by seeds 1 to 500: raise its weight');
    expect(stdout).toContain('no expert script at test/scripts/lopsided/expert.json');
  });

  it('should require a scenario\'s id to match its file name, and ids to be unique', () => {
    const folder = join(temp, 'scenarios');
    mkdirSync(folder, { recursive: true });
    const text = readFileSync(join(ROOT, 'scenarios/filters-broken.json'), 'utf8');
    writeFileSync(join(folder, 'copy.json'), text);
    writeFileSync(join(folder, 'filters-broken.json'), text);
    const { code, stderr } = firedrill('validate', join(folder, 'copy.json'), join(folder, 'filters-broken.json'));
    expect(code).toBe(1);
    expect(stderr).toContain('copy.json:1:1 id: the id "filters-broken" must match the file name "copy" (rename one of them)');
    expect(stderr).toContain('filters-broken.json:1:1 id: the id "filters-broken" is already used by');
  });
});
