import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../src/engine/index';
import { loadValid, ROOT, scenarioFiles } from './support/scenarios';

const fixture = (name: string) => `test/fixtures/broken/${name}.json`;
const problemsOf = (name: string) => {
  const file = fixture(name);
  const result = loadScenario(readFileSync(join(ROOT, file), 'utf8'), file);
  if (result.ok) throw new Error(`${file} unexpectedly loaded`);
  return result.problems.map(formatProblem);
};

describe('scenario loading', () => {
  it('should load every shipped scenario and the minimal fixture', () => {
    for (const file of [...scenarioFiles(), 'test/fixtures/minimal.json']) {
      const scenario = loadValid(file);
      expect(scenario.id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(scenarioFiles().length).toBeGreaterThanOrEqual(2);
  });

  it('should load the authoring template in docs/, which new authors copy', () => {
    expect(loadValid('docs/scenario-template.json').variants).toHaveLength(2);
  });

  it('should fill in defaults a writer may leave out', () => {
    const scenario = loadValid('test/fixtures/minimal.json');
    expect(scenario.injects[0]!.byVariant).toBeUndefined();
    expect(scenario.roster.escalation).toEqual([]);
    expect(scenario.grading.verification).toEqual(['fix-deployed', 'metrics-normal', 'logs-stable', 'stakeholders-notified']);
    expect(scenario.variants[0]!.weight).toBe(1);
  });

  it('should give the same hash for the same content and another for changed content', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/minimal.json'), 'utf8');
    const a = loadScenario(text, 'a.json');
    const b = loadScenario(text.replace('"Minimal scenario"', '"Minimal scenario 2"'), 'b.json');
    const c = loadScenario(text, 'c.json');
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixture should load');
    expect(a.hash).toBe(c.hash);
    expect(a.hash).not.toBe(b.hash);
  });

  // Each broken fixture is the minimal scenario with one kind of mistake; every problem is located exactly.
  const expectations: Record<string, string[]> = {
    'syntax-missing-comma': ['4:18 (syntax): JSON syntax: expected "," between items'],
    'missing-required-field': ['1:1 title: missing required field "title"'],
    'unknown-field': ['5:3 tittle: unknown field "tittle" (did you mean "title"?)'],
    'wrong-type': ['9:23 estimatedMinutes: expected a number, found the text "five"'],
    'bad-enum': [
      '8:17 difficulty: must be one of "beginner", "intermediate", "advanced", found the text "hard"',
      '39:13 severity.true: must be one of "SEV1", "SEV2", "SEV3", "SEV4", found the text "SEV5"',
    ],
    'bad-id': [
      '55:13 diagnosis[0].id: ids use lowercase letters, digits and dashes, like "check-deploys" or "alex"',
      '59:96 resolution[0].requires[0]: ids use lowercase letters, digits and dashes, like "check-deploys" or "alex"',
      '65:109 variants[0].keyDiagnosis[0]: ids use lowercase letters, digits and dashes, like "check-deploys" or "alex"',
    ],
    'unknown-responder': ['49:28 roster.onCall.primary: unknown responder "adam" (did you mean "ada"?)'],
    'unknown-action': [
      '59:96 resolution[0].requires[0]: unknown action "loook" (did you mean "look"?)',
      '65:85 variants[0].rightFix: the right fix "fix" can never be performed (see the problems reported on resolution[0])',
    ],
    'unknown-variant': ['55:118 diagnosis[0].byVariant.other: unknown variant "other" (known: only)'],
    'unknown-inject-action': ['62:60 injects[0].after.action: unknown action "nothing" (known: look, wander, fix)'],
    'duplicate-ids': ['56:13 diagnosis[1].id: duplicate action id "look" (first used at diagnosis[0])'],
    'unreachable-action': [
      '55:133 diagnosis[0].requires: unreachable action "look": its requirements can never all be met ("fix" never becomes possible)',
      '59:95 resolution[0].requires: unreachable action "fix": its requirements can never all be met ("look" never becomes possible)',
      '65:85 variants[0].rightFix: the right fix "fix" can never be performed (see the problems reported on resolution[0])',
    ],
    'nobody-has-skill': [
      '59:70 resolution[0].skills: no responder has the skill "kubernetes": nobody can perform this action',
      '65:85 variants[0].rightFix: the right fix "fix" can never be performed (see the problems reported on resolution[0])',
    ],
    'right-fix-does-not-fix': ['65:85 variants[0].rightFix: "fix" does not fix variant "only": its effect there is "mitigates"'],
    'inject-without-time': ['62:5 injects[0]: needs "at" (a minute) or "after" (an action) to say when it fires'],
    'upside-down-range': ['56:64 diagnosis[1].minutes: the range is upside down: min 5 is more than max 2'],
    'bad-url-and-empty-text': [
      '11:15 sources[0]: must be a web address like "https://…", found the text "see the wiki"',
      '14:13 service.name: must not be empty',
    ],
    'unknown-runbook-and-dashboard': [
      '35:16 page.runbook: unknown runbook "api-error" (did you mean "api-errors"?)',
      '36:18 page.dashboard: unknown dashboard "mian" (did you mean "main"?)',
    ],
    'many-problems': [
      '3:20 formatVersion: must be 1, found the number 2',
      '49:48 roster.onCall.secondary: the secondary on-call must be someone other than the primary',
      '62:28 injects[0].kind: must be one of "message", "support-surge", "alert", "metric", "dependency", found the text "email"',
      '71:16 grading.notify[0]: unknown stakeholder "dog" (known: cat)',
    ],
    'empty-file': ['1:1 (syntax): JSON syntax: expected a value'],
    'trailing-comma': ['10:24 (syntax): JSON syntax: trailing comma: remove the comma after the last item'],
    comment: ['12:3 (syntax): JSON syntax: comments are not allowed in JSON files'],
    'duplicate-field': ['6:3 title: duplicate field "title": JSON keeps only the last one, so the first is lost'],
    'dependency-loop': ['16:50 service.components[0].dependsOn: components depend on each other in a loop: api → db → api'],
    'numbers-too-large': [
      '12:22 durationMinutes: must be at most 1440, found the number 1e+308',
      '55:61 diagnosis[0].minutes: must be at most 1440, found the number 99999999999',
    ],
    'missing-roster-list': ['44:13 roster.responders: missing required field "responders"', '45:5 roster.people: unknown field "people"'],
  };

  for (const [name, expected] of Object.entries(expectations)) {
    it(`should report every problem in ${name}.json at its exact line and column`, () => {
      expect(problemsOf(name)).toEqual(expected.map((line) => `${fixture(name)}:${line}`));
    });
  }

  it('should have an expectation for every broken fixture', () => {
    const files = readdirSync(join(ROOT, 'test/fixtures/broken'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(expectations).sort());
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it('should ignore a byte-order mark that some editors add', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/minimal.json'), 'utf8');
    expect(loadScenario(`\ufeff${text}`, 'bom.json').ok).toBe(true);
  });

  it('should never throw, whatever the text', () => {
    const inputs = ['', 'null', '[]', '42', '"text"', '{', '{"id": }', '{"formatVersion": 1, "service": []}', '\u0000\u0001', '{"diagnosis": [null, 1, {"requires": 5}]}'];
    for (const text of inputs) {
      const result = loadScenario(text, 'junk.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});
