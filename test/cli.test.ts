import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
      [['fly'], 'firedrill: unknown command "fly" (commands: validate, play, graph, schema)\n'],
      [['play', 'scenarios/checkout-launch.json', '--script', 'x.json'], 'firedrill: --seed is required (a whole number, e.g. --seed 1)\n'],
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
