import { describe, expect, it } from 'vitest';
import { createRun, playerSeat, type GameEvent, type Run } from '../src/engine/index';
import { loadValid } from './support/scenarios';

const checkout = loadValid('scenarios/checkout-launch.json');
const minimal = loadValid('test/fixtures/minimal.json');

/** Finds a seed whose drawn variant is the one wanted, so tests can play each root cause. */
function runWithVariant(variant: string): Run {
  for (let seed = 1; seed < 100; seed++) {
    const run = createRun({ scenario: checkout, seed });
    if (run.state().context.variant === variant) return run;
  }
  throw new Error(`no seed draws ${variant}`);
}
function events<T extends GameEvent['type']>(run: Run, type: T): Array<Extract<GameEvent, { type: T }> & { at: number }> {
  return run.journal().flatMap((e) => (e.kind === 'event' && e.event.type === type ? [{ at: e.at, ...(e.event as Extract<GameEvent, { type: T }>) }] : []));
}
const seat = (run: Run) => playerSeat(run.scenario.roster.onCall.primary);
const view = (run: Run) => run.view(seat(run));
const live = (run: Run) => run.live(seat(run));
const errorRate = (run: Run) => live(run).dashboards[0]!.metrics[0]!.current;

describe('incident rules', () => {
  it('should reject commands before the page is acknowledged, saying why', () => {
    const run = createRun({ scenario: checkout, seed: 1 });
    const result = run.send('alex', { type: 'diagnose', action: 'check-deploys', performer: 'alex' });
    expect(result).toMatchObject({ ok: false, reason: 'acknowledge the page first' });
    expect(events(run, 'command.rejected')).toHaveLength(1);
  });

  it('should move through the lifecycle as the player acts', () => {
    const run = createRun({ scenario: checkout, seed: 1 });
    const phases = [run.phase()];
    run.send('alex', { type: 'acknowledge' });
    phases.push(run.phase());
    run.send('alex', { type: 'declare-severity', severity: 'SEV1' });
    phases.push(run.phase());
    run.send('alex', { type: 'assign-role', role: 'commander', responder: 'alex' });
    phases.push(run.phase());
    run.send('alex', { type: 'diagnose', action: 'check-deploys', performer: 'sam' });
    phases.push(run.phase());
    expect(phases).toEqual(['paged', 'acknowledged', 'triaged', 'commanded', 'diagnosing']);
  });

  it('should only let present, free and skilled responders perform actions', () => {
    const run = createRun({ scenario: checkout, seed: 1 });
    run.send('alex', { type: 'acknowledge' });
    expect(run.send('alex', { type: 'diagnose', action: 'check-database', performer: 'alex' })).toMatchObject({ ok: false, reason: 'Alex Rivera lacks the skills for "Check database health" (needs database or infra)' });
    expect(run.send('alex', { type: 'diagnose', action: 'check-database', performer: 'dana' })).toMatchObject({ ok: false, reason: 'Dana Kowalski has not been paged: escalate to them first' });
    expect(run.send('alex', { type: 'apply', action: 'rollback-deploy', performer: 'alex' })).toMatchObject({ ok: false, reason: '"Roll back checkout-api to v4.1.3" needs "Check recent deploys" first' });
    expect(run.send('alex', { type: 'diagnose', action: 'check-logs', performer: 'sam' }).ok).toBe(true);
    expect(run.send('alex', { type: 'diagnose', action: 'check-deploys', performer: 'sam' })).toMatchObject({ ok: false, reason: 'Sam Okafor is busy with "Check logs for error patterns"' });
  });

  it('should bring escalated responders in after their join time', () => {
    const run = createRun({ scenario: checkout, seed: 1 });
    run.send('alex', { type: 'acknowledge' });
    run.send('alex', { type: 'escalate', to: 'priya' });
    expect(run.send('alex', { type: 'assign-role', role: 'operations', responder: 'priya' })).toMatchObject({ ok: false, reason: 'Priya Nair is on the way (joins at minute 4)' });
    run.advanceTo(4);
    expect(view(run).responders.find((r) => r.id === 'priya')?.status).toBe('present');
    expect(run.send('alex', { type: 'assign-role', role: 'operations', responder: 'priya' }).ok).toBe(true);
  });

  it('should reveal the finding of the drawn variant when a diagnosis completes', () => {
    for (const [variant, text] of [['bad-deploy', /went out 9 minutes before the page/], ['payment-provider', /more than three hours ago/]] as const) {
      const run = runWithVariant(variant);
      run.send('alex', { type: 'acknowledge' });
      run.send('alex', { type: 'diagnose', action: 'check-deploys', performer: 'alex' });
      run.advanceTo(1);
      expect(view(run).findings).toEqual([]);
      run.advanceTo(2);
      expect(view(run).findings[0]?.text).toMatch(text);
    }
  });

  it('should bring the error rate down after the right fix and not after the wrong one', () => {
    const play = (variant: string, fix: string, prerequisite: string, performer: string) => {
      const run = runWithVariant(variant);
      run.send('alex', { type: 'acknowledge' });
      run.send('alex', { type: 'escalate', to: 'sarah' });
      run.send('alex', { type: 'diagnose', action: prerequisite, performer: 'alex' });
      run.advanceTo(6);
      const before = errorRate(run);
      expect(run.send('alex', { type: 'apply', action: fix, performer }).ok).toBe(true);
      run.advanceTo(25);
      return { before, after: errorRate(run) };
    };
    const right = play('bad-deploy', 'rollback-deploy', 'check-deploys', 'alex');
    expect(right.before).toBeGreaterThan(3);
    expect(right.after).toBeLessThan(1);
    const wrong = play('payment-provider', 'rollback-deploy', 'check-deploys', 'alex');
    expect(wrong.after).toBeGreaterThan(5);
    const fallback = play('payment-provider', 'enable-payment-fallback', 'check-dependencies', 'sarah');
    expect(fallback.after).toBeLessThan(1);
  });

  it('should set the next-update deadline from the update text and meet it with the next update', () => {
    const run = createRun({ scenario: checkout, seed: 1 });
    run.send('alex', { type: 'acknowledge' });
    run.advanceTo(5);
    run.send('alex', { type: 'status-update', text: '[09:05] [SEV-1] Update #1\nCurrent Status: investigating\nImpact: all purchases failing\nActions: checking deploys\nNext Update: In 15 minutes' });
    expect(live(run).deadlines.find((d) => d.id === 'next-update')).toMatchObject({ dueAt: 20, remaining: 15 });
    run.advanceTo(18);
    run.send('alex', { type: 'status-update', text: 'Update #2 ... Next Update: in 30 minutes' });
    expect(events(run, 'deadline.met').map((e) => e.deadline)).toContain('next-update');
    expect(view(run).deadlines.find((d) => d.id === 'next-update')?.dueAt).toBe(48);
  });

  it('should resurface an incident resolved before recovery', () => {
    const run = createRun({ scenario: minimal, seed: 1 });
    run.send('ada', { type: 'acknowledge' });
    run.send('ada', { type: 'resolve' });
    expect(run.phase()).toBe('resolved');
    run.advanceTo(10);
    expect(run.phase()).toBe('diagnosing');
    expect(events(run, 'incident.resurfaced')).toHaveLength(1);
  });

  it('should not resurface a verified recovery, and should reach the debrief', () => {
    const run = createRun({ scenario: minimal, seed: 1 });
    run.send('ada', { type: 'acknowledge' });
    run.send('ada', { type: 'diagnose', action: 'look', performer: 'ada' });
    run.advanceTo(2);
    run.send('ada', { type: 'apply', action: 'fix', performer: 'bob' });
    run.advanceTo(15);
    for (const item of ['fix-deployed', 'metrics-normal', 'logs-stable'] as const) run.send('ada', { type: 'verify', item });
    expect(events(run, 'verification.checked').map((e) => e.ok)).toEqual([true, true, true]);
    run.send('ada', { type: 'resolve' });
    run.advanceTo(40);
    expect(run.phase()).toBe('resolved');
    run.send('ada', { type: 'postmortem', document: { summary: 'Short outage' } });
    expect(run.phase()).toBe('postmortem');
    run.send('ada', { type: 'finish' });
    expect(run.phase()).toBe('debriefed');
    expect(run.isOver()).toBe(true);
    expect(run.send('ada', { type: 'announce', text: 'hello?' })).toMatchObject({ ok: false, reason: 'the drill is over' });
  });

  it('should send an unfinished incident to the postmortem when time runs out', () => {
    const run = createRun({ scenario: minimal, seed: 1 });
    run.advanceTo(minimal.durationMinutes);
    expect(run.phase()).toBe('postmortem');
    expect(events(run, 'drill.time-limit')).toHaveLength(1);
    expect(events(run, 'deadline.missed').map((e) => e.deadline)).toContain('acknowledge');
  });

  it('should keep the variant, the root cause and the true severity out of the player view', () => {
    const run = runWithVariant('payment-provider');
    run.send('alex', { type: 'acknowledge' });
    run.advanceTo(30);
    // The team's policy names every severity; the rest of the view must not.
    const { policy: _policy, ...rest } = view(run);
    const text = JSON.stringify(rest);
    expect(text).not.toMatch(/"variant"/);
    expect(text).not.toContain(checkout.variants[1]!.title);
    expect(text).not.toContain(checkout.variants[1]!.rootCause);
    expect(text).not.toMatch(/"trueSeverity"|SEV1/);
    expect(view(run).severity).toBeNull();
  });

  it('should refuse malformed commands with a reason and keep going', () => {
    const run = createRun({ scenario: checkout, seed: 1 });
    expect(run.send('alex', { type: 'launch-missiles' })).toMatchObject({ ok: false, seq: null });
    expect(run.send('alex', null)).toMatchObject({ ok: false });
    expect(run.send('', { type: 'acknowledge' })).toMatchObject({ ok: false, reason: 'a command needs to say who issued it' });
    expect(run.send('mallory', { type: 'acknowledge' })).toMatchObject({ ok: false, reason: '"mallory" is not on this incident\'s roster' });
    expect(run.send('alex', { type: 'acknowledge' }).ok).toBe(true);
  });
});

describe('harm and walking away', () => {
  it('should make a harmful change add to the impact, whatever else changes the impact', () => {
    const worsenThenGrow = runWithVariant('bad-deploy');
    worsenThenGrow.send('alex', { type: 'acknowledge' });
    worsenThenGrow.send('alex', { type: 'apply', action: 'restart-db-pool', performer: 'alex' });
    worsenThenGrow.advanceTo(40);
    const growth = events(worsenThenGrow, 'impact.changed')[0]!;
    const harm = events(worsenThenGrow, 'effect.landed')[0]!;
    expect(harm.impact).toBeCloseTo(1.3);
    // The launch email grows the impact to 1.4; the harm done earlier stays on top of it.
    expect(growth.impact).toBeCloseTo(1.7);

    const growThenWorsen = runWithVariant('bad-deploy');
    growThenWorsen.send('alex', { type: 'acknowledge' });
    growThenWorsen.advanceTo(29);
    growThenWorsen.send('alex', { type: 'apply', action: 'restart-db-pool', performer: 'alex' });
    growThenWorsen.advanceTo(40);
    expect(events(growThenWorsen, 'effect.landed')[0]!.impact).toBeCloseTo(1.7);
  });

  it('should bring an unfixed incident back instead of finishing the drill', () => {
    const run = createRun({ scenario: minimal, seed: 1 });
    run.send('ada', { type: 'acknowledge' });
    run.send('ada', { type: 'resolve' });
    expect(run.send('ada', { type: 'finish' })).toMatchObject({ ok: false, reason: 'save the postmortem first (even a short one): the debrief grades it' });
    run.send('ada', { type: 'postmortem', document: { summary: 'done?' } });
    expect(run.send('ada', { type: 'finish' }).ok).toBe(true);
    expect(run.phase()).toBe('diagnosing');
    expect(events(run, 'incident.resurfaced')).toHaveLength(1);
    expect(run.isOver()).toBe(false);
  });

  it('should close every deadline when the drill ends', () => {
    const run = createRun({ scenario: minimal, seed: 1 });
    run.send('ada', { type: 'acknowledge' });
    run.send('ada', { type: 'status-update', text: 'Next Update: in 60 minutes' });
    run.send('ada', { type: 'diagnose', action: 'look', performer: 'ada' });
    run.advanceTo(2);
    run.send('ada', { type: 'apply', action: 'fix', performer: 'bob' });
    run.advanceTo(15);
    run.send('ada', { type: 'resolve' });
    run.send('ada', { type: 'postmortem', document: { summary: 'Short outage' } });
    expect(view(run).deadlines.length).toBeGreaterThan(0);
    run.send('ada', { type: 'finish' });
    expect(run.phase()).toBe('debriefed');
    expect(view(run).deadlines).toEqual([]);
  });

  it('should explain refusals after the time limit', () => {
    const run = createRun({ scenario: minimal, seed: 1 });
    run.advanceTo(minimal.durationMinutes + 5);
    expect(run.send('ada', { type: 'acknowledge' })).toMatchObject({ ok: false, reason: 'the time limit has passed: the incident went to the next shift; write the postmortem' });
  });
});

describe('commands per phase', () => {
  it('should mirror the machine: allowed and valid means accepted, not allowed means refused', async () => {
    const { commandAllowed } = await import('../src/engine/lifecycle/authority');
    const { randomScript } = await import('./support/random-player');
    const { CommandSchema } = await import('../src/engine/index');
    let accepted = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const run = createRun({ scenario: checkout, seed });
      for (const entry of randomScript(checkout, seed, 40)) {
        run.advanceTo(entry.at);
        const phase = run.phase();
        const allowed = view(run).available.includes(entry.command.type);
        const valid = commandAllowed(checkout, run.state().context, entry.by, CommandSchema.parse(entry.command), run.now()) === null;
        const result = run.send(entry.by, entry.command);
        expect(result.ok, `${phase} ${entry.command.type}`).toBe(allowed && valid);
        if (result.ok) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
