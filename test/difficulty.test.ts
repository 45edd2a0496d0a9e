import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, loadSave, loadScenario, playerSeat, scenarioHash, type Difficulty, type Scenario } from '../src/engine/index';
import { ROOT } from './support/scenarios';

const raw = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/minimal.json'), 'utf8'));
raw.diagnosis[0].finding = 'The logs show a null pointer in the fix-me module since 10:02.';
raw.diagnosis[0].hint = 'Apply the fix to the fix-me module.';
const loaded = loadScenario(JSON.stringify(raw), 'hinted.json');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const scenario: Scenario = loaded.value;

function diagnosed(difficulty: Difficulty) {
  const run = createRun({ scenario, seed: 1, difficulty });
  run.send('ada', { type: 'acknowledge' });
  run.send('ada', { type: 'diagnose', action: 'look', performer: 'ada' });
  run.advanceTo(5);
  return run;
}

describe('difficulty is honest', () => {
  it('should show what a finding suggests doing only on Guided; Standard and Expert show what was observed', () => {
    for (const difficulty of ['guided', 'standard', 'expert'] as const) {
      const finding = diagnosed(difficulty).view(playerSeat('ada')).findings[0]!;
      expect(finding.text).toBe('The logs show a null pointer in the fix-me module since 10:02.');
      expect(finding.hint).toBe(difficulty === 'guided' ? 'Apply the fix to the fix-me module.' : null);
      expect(JSON.stringify(diagnosed(difficulty).view(playerSeat('ada'))).includes('Apply the fix to the fix-me module.')).toBe(difficulty === 'guided');
    }
  });

  it('should print the difficulty in every report format', async () => {
    const { debrief } = await import('../src/report/index');
    const { defaultRubric } = await import('../src/engine/index');
    const run = diagnosed('guided');
    for (const format of ['md', 'html'] as const) expect(debrief(scenario, run.journal(), defaultRubric(), format, { seed: '1', difficulty: run.difficulty })).toContain('played on guided difficulty');
    expect(JSON.parse(debrief(scenario, run.journal(), defaultRubric(), 'json', { seed: '1', difficulty: run.difficulty })).scenario.difficulty).toBe('guided');
  });

  it('should record the difficulty in the run and its save, and restore it', () => {
    const run = diagnosed('expert');
    expect(run.difficulty).toBe('expert');
    const save = run.save();
    expect(save.difficulty).toBe('expert');
    const back = loadSave(JSON.stringify(save), 'save.json', (id) => (id === scenario.id ? { scenario, hash: scenarioHash(scenario) } : undefined));
    expect(back.ok && back.run.difficulty).toBe('expert');
  });
});
