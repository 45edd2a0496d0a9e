import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../src/cli/terminal';
import { ROOT } from './support/scenarios';

function firedrill(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/firedrill.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const temp = mkdtempSync(join(tmpdir(), 'firedrill-terminal-'));
// Clears the screen, opens a hyperlink, rings the bell, returns the carriage over what came before, reverses text.
const HOSTILE = 'x\u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\rhidden\u202eesrever\u0085end';
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('safe terminal output', () => {
  it('should show control characters as visible escapes and keep newlines and tabs', () => {
    expect(terminalSafe('a\u001b[2Jb\n\tc\rd')).toBe('a\\u001b[2Jb\n\tc\\u000dd');
  });

  it('should never print a raw control character from player text: timeline, reports on standard output, warnings', () => {
    const script = join(temp, 'hostile.json');
    writeFileSync(
      script,
      JSON.stringify([
        { at: 0, by: 'alex', command: { type: 'acknowledge' } },
        { at: 1, by: 'alex', command: { type: 'announce', text: HOSTILE } },
        { at: 2, by: `mallory${HOSTILE}`, command: { type: 'announce', text: 'hi' } },
        { at: 3, by: 'alex', command: { type: 'status-update', text: `Update #1 ${HOSTILE}` } },
      ]),
    );
    const outputs = [
      firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', script),
      firedrill('report', 'scenarios/checkout-launch.json', '--seed', '1', '--script', script, '--format', 'md'),
      firedrill('report', 'scenarios/checkout-launch.json', '--seed', '1', '--script', script, '--format', 'html'),
    ];
    for (const { code, stdout, stderr } of outputs) {
      expect(code).toBe(0);
      expect(stdout).not.toMatch(RAW_CONTROL);
      expect(stderr).not.toMatch(RAW_CONTROL);
    }
    expect(outputs[0]!.stdout).toContain('\\u001b[2J');
    expect(outputs[0]!.stderr).toContain('warning');
  });

  it('should shorten a long argument it quotes back', () => {
    const { code, stderr } = firedrill('play', 'scenarios/checkout-launch.json', '--seed', '1', '--script', 'test/scripts/checkout-launch/expert.json', '--until', '9'.repeat(5000));
    expect(code).toBe(2);
    expect(stderr.length).toBeLessThan(300);
  });
});
