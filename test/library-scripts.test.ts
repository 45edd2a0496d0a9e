/**
 * Every library scenario played by its expert and by each flawed script beside it: the expert ranks at the top, and
 * every flaw costs in the category it belongs to and keeps the run from "Ready to lead". Prints, per scenario, the
 * expert's score and the highest score a flawed script reached.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Category } from '../src/grading/index';
import { defaultRubric, play, script } from './support/grading';
import { loadValid, ROOT, scenarioFiles } from './support/scenarios';

/** Each flawed script, the category its flaw belongs to, and the least it must cost there. */
const FLAWS: Array<{ name: string; categories: readonly Category[]; atLeast: number; cap: string }> = [
  { name: 'no-commander', categories: ['command'], atLeast: 15, cap: 'no clear incident commander' },
  { name: 'silent-updates', categories: ['communication'], atLeast: 15, cap: 'silent incident updates' },
  { name: 'unverified-resolution', categories: ['verification'], atLeast: 15, cap: 'fixing without verification' },
  { name: 'postmortem-without-owners', categories: ['learning'], atLeast: 15, cap: 'postmortems without follow-through' },
  { name: 'wrong-severity', categories: ['triage'], atLeast: 15, cap: 'a wrong severity' },
  { name: 'commander-hands-on', categories: ['command'], atLeast: 15, cap: 'a commander doing hands-on work' },
  { name: 'unannounced-change', categories: ['command'], atLeast: 10, cap: 'a change made without announcing it' },
  // Slowness is graded where time is: acknowledging and declaring (triage), the first update, the cadence and the
  // answers (communication), and time to mitigate (resolution). It must cost at least 15 in the one it hurt most.
  { name: 'slow', categories: ['triage', 'communication', 'resolution'], atLeast: 15, cap: 'mitigation beyond the target' },
];

const table: string[] = [];

describe('every library scenario, played well and played with each common flaw', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace(/^scenarios\//, '').replace(/\.json$/, '');
    const scenario = loadValid(file);
    const expert = play(scenario, script(id, 'expert'));
    const flawed = FLAWS.filter((flaw) => existsSync(join(ROOT, `test/scripts/${id}/${flaw.name}.json`)));
    let highest = { name: '', overall: -1 };

    it(`should rank the expert run of ${id} at least 95 and "Ready to lead"`, () => {
      expect(expert.score.overall).toBeGreaterThanOrEqual(95);
      expect(expert.score.readiness.level).toBe('Ready to lead');
      expect(expert.score.readiness.cappedBecause).toBeNull();
    });

    it(`should have every flawed script for ${id}`, () => {
      // The commander-hands-on script is left out only where the rubric expects no roles besides the commander: with
      // nobody to delegate to, hands-on work is not a flaw there.
      const missing = FLAWS.filter((flaw) => !flawed.includes(flaw)).map((flaw) => flaw.name);
      const soloResponse = ['SEV3', 'SEV4'].includes(scenario.severity.true);
      expect(missing).toEqual(soloResponse ? ['commander-hands-on'] : []);
    });

    for (const flaw of flawed) {
      it(`should cost ${id}'s ${flaw.name} run at least ${flaw.atLeast} in ${flaw.categories.join(' or ')} and keep it from "Ready to lead"`, () => {
        const { score } = play(scenario, script(id, flaw.name));
        const losses = flaw.categories.map((category) => expert.score.categories[category] - score.categories[category]);
        expect(Math.max(...losses), `${flaw.categories.join('/')} lost ${losses.join('/')}`).toBeGreaterThanOrEqual(flaw.atLeast);
        expect(score.readiness.level).not.toBe('Ready to lead');
        // Where the score alone would have read "Ready to lead", the debrief says why it does not, naming this flaw.
        if (score.overall >= defaultRubric().readiness[0]!.min) expect(score.readiness.cappedBecause ?? '').toContain(flaw.cap);
        else expect(score.readiness.cappedBecause).toBeNull();
        if (score.overall > highest.overall) highest = { name: flaw.name, overall: score.overall };
      });
    }

    afterAll(() => {
      table.push(`${id.padEnd(22)} expert ${expert.score.overall}  highest flawed ${highest.overall} (${highest.name})`);
    });
  }
});

afterAll(() => {
  console.log(`Expert and highest flawed score per scenario:\n${table.sort().join('\n')}`);
});
