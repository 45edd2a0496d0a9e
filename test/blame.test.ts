/**
 * The blame detector, measured on labelled sentences: a sentence counts as flagged when it gets at least one flag.
 *
 * test/fixtures/blame-corpus.json is the corpus the detector was developed against. test/fixtures/blame-heldout.json
 * was written before any tuning and never tuned against: its numbers say how the detector does on wording it was
 * not fitted to. Both sets were written for this project, half blaming and half blameless.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/engine/index';
import { blameFlags } from '../src/grading/index';
import { loadValid, ROOT } from './support/scenarios';

interface Labelled {
  text: string;
  blame: boolean;
  why: string;
}

const scenario = loadValid('scenarios/checkout-launch.json');
const corpus = (name: string): Labelled[] => JSON.parse(readFileSync(join(ROOT, 'test/fixtures', name), 'utf8')) as Labelled[];
const main = corpus('blame-corpus.json');
const heldOut = corpus('blame-heldout.json');

function measure(sentences: Labelled[]): { precision: number; recall: number; missed: string[]; wrong: string[] } {
  let truePositives = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const { text, blame } of sentences) {
    const flagged = blameFlags(text, scenario).length > 0;
    if (flagged && blame) truePositives++;
    else if (flagged) wrong.push(text);
    else if (blame) missed.push(text);
  }
  return {
    precision: truePositives / Math.max(1, truePositives + wrong.length),
    recall: truePositives / Math.max(1, truePositives + missed.length),
    missed,
    wrong,
  };
}

const flagged = (text: string, on: Scenario = scenario) => blameFlags(text, on).map((f) => f.phrase);

describe('blame corpora', () => {
  it('should be labelled sets of fresh, distinct sentences, half blaming and half not', () => {
    for (const [set, min] of [[main, 80], [heldOut, 40]] as const) {
      expect(set.length).toBeGreaterThanOrEqual(min);
      expect(set.filter((s) => s.blame).length).toBe(set.length / 2);
      expect(new Set(set.map((s) => s.text)).size).toBe(set.length);
      for (const s of set) expect(s.why.length, s.text).toBeGreaterThan(0);
    }
    // The held-out sentences are not in the corpus the detector was tuned on.
    const tuned = new Set(main.map((s) => s.text));
    expect(heldOut.filter((s) => tuned.has(s.text))).toEqual([]);
  });

  it('should find blame in the labelled corpus with precision and recall of at least 0.9', () => {
    const { precision, recall, missed, wrong } = measure(main);
    console.log(`blame corpus: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (n=${main.length})`);
    expect(precision, `flagged but blameless:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(recall, `blaming but not flagged:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('should do as well as it honestly does on the held-out set', () => {
    const { precision, recall, missed, wrong } = measure(heldOut);
    console.log(`blame held-out: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (n=${heldOut.length})`);
    // Floors below what the detector reached (precision 1.00, recall 0.68, the same at every measurement while it was
    // developed): the held-out set measures generalization, and its misses are wording no rule anticipated
    // ("left the debug flag on", "too busy arguing", a rhetorical "why did…", "blame the new guy"). A drop below
    // these means a change made the detector worse at wording it was not fitted to.
    expect(precision, `flagged but blameless:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(recall, `blaming but not flagged:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.65);
  });
});

describe('blame aimed at anyone', () => {
  it('should flag a person named as the cause, whether or not they are on the roster', () => {
    // Bob is on no roster: names are found by how they are used, not looked up.
    expect(scenario.roster.responders.some((r) => r.name.startsWith('Bob'))).toBe(false);
    expect(flagged('Bob caused the outage.')).toEqual(['Bob caused']);
    expect(flagged('Bob caused the outage by restarting the primary.')).toEqual(['Bob caused']);
    expect(flagged('Priya caused the outage.')).toEqual(['Priya caused']);
    expect(flagged('Kofi is the reason checkout was down.')).toEqual(['Kofi is the reason']);
    expect(flagged('The outage happened thanks to Lena\u2019s change.')).toEqual(['thanks to Lena\u2019s change']);
  });

  it('should flag pronouns, roles and groups as the subject of a failure', () => {
    expect(flagged('He forgot to check the flag.')).toEqual(['He forgot']);
    expect(flagged('She forgot the flag.')).toEqual(['She forgot']);
    expect(flagged('They ignored the alert.')).toEqual(['They ignored']);
    expect(flagged('The intern pushed a broken config to production.')).toEqual(['The intern pushed a broken']);
    expect(flagged('The engineer should have checked the lag first.')).toEqual(['The engineer should have']);
    expect(flagged('The on-call engineer ignored the page.')).toEqual(['The on-call engineer ignored']);
    expect(flagged('The frontend team is responsible for the broken checkout.')).toEqual(['The frontend team is responsible for the broken']);
    expect(flagged('QA never tested the guest path.')).toEqual(['QA never tested']);
    expect(flagged('Ops didn\'t check the certificate.')).toEqual(['Ops didn\'t check']);
    expect(flagged('If the DBA had just run the dry run, we would have known.')).toEqual(['If the DBA had']);
  });

  it('should flag judgements, sarcasm and insinuation whoever they are about', () => {
    expect(flagged('A careless change.')).toEqual(['careless']);
    expect(flagged('Great job, Luis, deleting the backups.')).toEqual(['Great job']);
    expect(flagged('I\'m not saying it was the intern, but nobody else had access.')).toHaveLength(1);
    expect(flagged('Some genius disabled the rate limiter.')).toEqual(['Some genius']);
  });

  it('should not flag plain factual sentences about people or about the system', () => {
    for (const text of [
      'Bob rolled back the deploy at 14:05.',
      'He joined the bridge at 03:20 and took over as incident commander.',
      'The intern caught the bad config in the canary metrics.',
      'The deploy caused the outage.',
      'The cache forgot stale keys after the restart.',
      'The alert should have fired at 5%, but its threshold was 50%.',
      'It should have been caught by the schema linter.',
      'We should have a runbook for the fallback.',
      'The engineer on call had been paged eleven times that night.',
      'Thanks to Sam\'s quick rollback, the impact lasted six minutes.',
      'It was Sam who noticed the spike first.',
      'If Sam had been paged, he would have seen the alert within minutes.',
      'Sam missed the alert because it was routed to an archived channel.',
      'Checkout failed to load for eight minutes.',
      '',
    ]) {
      expect(flagged(text), text).toEqual([]);
    }
  });

  it('should not flag blame that is denied', () => {
    for (const text of [
      'Nobody is to blame: the pipeline allowed it.',
      'No one made a mistake; the failover script assumed the old hostnames.',
      'Nobody forgot anything.',
      'This was nobody\'s fault.',
      'It wasn\'t Sam\'s fault.',
      'No one on the team was negligent.',
      'Sam didn\'t cause this.',
      'Priya\'s fix broke nothing.',
    ]) {
      expect(flagged(text), text).toEqual([]);
    }
  });

  it('should give every flag a suggestion in terms of systems and process', () => {
    for (const { text } of [...main, ...heldOut]) {
      for (const flag of blameFlags(text, scenario)) {
        expect(text, flag.phrase).toContain(flag.phrase);
        expect(flag.suggestion, flag.phrase).toMatch(/system|process|tooling|checklist|conditions|safeguard|information|guardrail|paging|change|check/);
      }
    }
  });

  it('should take the scenario\'s people for people and its tools for things', () => {
    const withTool: Scenario = { ...scenario, service: { ...scenario.service, components: [...scenario.service.components, { id: 'zephyr', name: 'Zephyr', dependsOn: [] }] } };
    expect(flagged('Zephyr failed to start.')).toEqual(['Zephyr failed to']);
    expect(flagged('Zephyr failed to start.', withTool)).toEqual([]);
    const withWill: Scenario = { ...scenario, roster: { ...scenario.roster, responders: [...scenario.roster.responders, { ...scenario.roster.responders[0]!, id: 'will', name: 'Will Turner' }] } };
    expect(flagged('Will forgot to renew the certificate.', withWill)).toEqual(['Will forgot']);
  });

  it('should read any text at the length limit without throwing, flagging every occurrence once', () => {
    const limit = 20_000;
    const shapes = [
      'Sam forgot the flag. ',
      'the engineer who ',
      "Kai's ",
      'if Sam had ',
      'Great job deleting ',
      'Sam, ',
      'badly ',
      'Zoë’s typo — ünïcødé 🚒 ',
      ' ',
      '\n',
      'a-',
    ];
    for (const shape of shapes) {
      const text = shape.repeat(Math.floor(limit / shape.length));
      expect(() => blameFlags(text, scenario), shape).not.toThrow();
    }
    expect(blameFlags('Sam forgot the flag. '.repeat(900), scenario)).toHaveLength(900);
    expect(blameFlags(`Sam${' '.repeat(limit)}forgot`, scenario)).toHaveLength(1);
    expect(blameFlags(`Sam forgot ${'x'.repeat(limit)}`, scenario)).toHaveLength(1);
  });
});
