import { describe, expect, it } from 'vitest';
import { createRun, FACILITATOR_SEAT, loadSave, scenarioHash, type Scenario } from '../src/engine/index';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');
const catalog = (s: Scenario) => (id: string) => (id === s.id ? { scenario: s, hash: scenarioHash(s) } : undefined);

describe('save and load', () => {
  it('should resume mid-incident with pending deadlines that still fire at their minute', () => {
    const run = createRun({ scenario, seed: 11 });
    run.send('alex', { type: 'acknowledge' });
    run.advanceTo(3);
    run.send('alex', { type: 'status-update', text: '[09:03] [SEV-1] Update #1\nCurrent Status: investigating\nImpact: checkout failing\nActions: checking deploys\nNext Update: In 20 minutes' });
    run.advanceTo(9);
    const save = run.save();
    expect(save.minute).toBe(9);

    const loaded = loadSave(JSON.stringify(save), 'save.json', catalog(scenario));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const resumed = loaded.run;
    expect(resumed.now()).toBe(9);
    expect(resumed.journal()).toEqual(run.journal());
    expect(resumed.view(FACILITATOR_SEAT).deadlines.map((d) => [d.id, d.dueAt])).toEqual(run.view(FACILITATOR_SEAT).deadlines.map((d) => [d.id, d.dueAt]));
    expect(resumed.view(FACILITATOR_SEAT).deadlines.find((d) => d.id === 'next-update')?.dueAt).toBe(23);

    // Both runs miss the promised update at minute 23, the same way.
    run.advanceTo(30);
    resumed.advanceTo(30);
    const missed = (r: typeof run) => r.journal().filter((e) => e.kind === 'event' && e.event.type === 'deadline.missed').map((e) => [e.at, e.kind === 'event' && e.event.type === 'deadline.missed' ? e.event.deadline : '']);
    expect(missed(resumed)).toEqual(missed(run));
    expect(missed(resumed)).toContainEqual([23.5, 'next-update']);
    expect(resumed.journal()).toEqual(run.journal());
  });

  it('should report a corrupt save instead of crashing', () => {
    for (const text of ['', '{not json', '[]', '{"formatVersion": 1}', JSON.stringify({ formatVersion: 1, scenarioId: 'checkout-launch', scenarioHash: 'x', seed: 1, commands: [{ at: 'soon' }] })]) {
      const loaded = loadSave(text, 'save.json', catalog(scenario));
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) {
        expect(loaded.reason).toBe('corrupt');
        expect(loaded.problems.length).toBeGreaterThan(0);
      }
    }
  });

  it('should refuse a save made against another version of the scenario or format', () => {
    const save = createRun({ scenario, seed: 2 }).save();
    const stale = loadSave(JSON.stringify({ ...save, scenarioHash: '0000' }), 'save.json', catalog(scenario));
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.reason).toBe('outdated');
      expect(stale.problems[0]!.message).toMatch(/another version of "checkout-launch"/);
    }
    const future = loadSave(JSON.stringify({ ...save, formatVersion: 99 }), 'save.json', catalog(scenario));
    expect(!future.ok && future.reason).toBe('outdated');
    const unknown = loadSave(JSON.stringify({ ...save, scenarioId: 'gone' }), 'save.json', catalog(scenario));
    expect(!unknown.ok && unknown.reason).toBe('unknown-scenario');
  });

  it('should save the scenario hash it was given, or the one it computes, in every save and every copy', () => {
    // A caller that has the hash (the page's catalog, built with scenarioHash) spares the run from hashing the scenario.
    const given = createRun({ scenario, seed: 3, scenarioHash: 'given-hash' });
    expect(given.save().scenarioHash).toBe('given-hash');
    given.send('alex', { type: 'acknowledge' });
    expect(given.save().scenarioHash).toBe('given-hash');
    expect(given.fork().save().scenarioHash).toBe('given-hash');
    const computed = createRun({ scenario, seed: 3 });
    expect(computed.save().scenarioHash).toBe(scenarioHash(scenario));
    expect(computed.save().scenarioHash).toBe(scenarioHash(scenario));
    expect(computed.fork().save().scenarioHash).toBe(scenarioHash(scenario));
    // A loaded save's run keeps the hash its scenario was found by.
    const loaded = loadSave(JSON.stringify(computed.save()), 'save.json', catalog(scenario));
    expect(loaded.ok && loaded.run.save().scenarioHash).toBe(scenarioHash(scenario));
  });
});
