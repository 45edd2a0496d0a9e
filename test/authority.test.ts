import { describe, expect, it } from 'vitest';
import { createRun, replay, type GameEvent, type Run } from '../src/engine/index';
import { script } from './support/grading';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');
const rejections = (run: Run) => run.journal().flatMap((e) => (e.kind === 'event' && e.event.type === 'command.rejected' ? [(e.event as Extract<GameEvent, { type: 'command.rejected' }>).reason] : []));

/** A team drill where Alex (the paged on-call) took command and Sam, present from the start, holds communications. */
function teamDrill(): Run {
  const run = createRun({ scenario, seed: 1, seating: 'team' });
  run.send('alex', { type: 'acknowledge' });
  run.send('alex', { type: 'assign-role', role: 'commander', responder: 'alex' });
  run.send('alex', { type: 'assign-role', role: 'communications', responder: 'sam' });
  expect(rejections(run)).toEqual([]);
  return run;
}

describe('authority: the engine checks who may issue each command', () => {
  it('should let the communications lead send updates and refuse them what only the commander may do, with the reason journaled', () => {
    const run = teamDrill();
    expect(run.send('sam', { type: 'status-update', text: 'Update #1' }).ok).toBe(true);
    const refused = run.send('sam', { type: 'assign-role', role: 'operations', responder: 'sam' });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('may not assign role: the incident commander or the facilitator does') });
    expect(run.send('sam', { type: 'resolve' })).toMatchObject({ ok: false });
    expect(rejections(run)).toHaveLength(2);
    expect(rejections(run)[0]).toMatch(/^Sam .* may not assign role/);
  });

  it('should let a responder do their own diagnosis but not order someone else to', () => {
    const run = teamDrill();
    expect(run.send('sam', { type: 'diagnose', action: 'check-deploys', performer: 'sam' }).ok).toBe(true);
    const ordered = run.send('sam', { type: 'diagnose', action: 'check-logs', performer: 'alex' });
    expect(ordered).toMatchObject({ ok: false, reason: expect.stringContaining('may not diagnose') });
  });

  it('should refuse the facilitator a responder’s work but let them assign roles and end the drill', () => {
    const run = teamDrill();
    expect(run.send('facilitator', { type: 'diagnose', action: 'check-deploys', performer: 'sam' })).toMatchObject({ ok: false, reason: expect.stringContaining('the facilitator does not diagnose') });
    expect(run.send('facilitator', { type: 'hand-off', role: 'communications', to: 'alex', notes: '' }).ok).toBe(true);
  });

  it('should refuse someone who is not in the incident and someone not on the roster', () => {
    const run = teamDrill();
    expect(run.send('priya', { type: 'announce', text: 'hello' })).toMatchObject({ ok: false, reason: expect.stringContaining('has not joined the incident yet') });
    expect(run.send('mallory', { type: 'announce', text: 'hello' })).toMatchObject({ ok: false, reason: '"mallory" is not on this incident\'s roster' });
  });

  it('should let the paged on-call lead until a commander is named, and only the named commander after', () => {
    const run = createRun({ scenario, seed: 1, seating: 'team' });
    run.send('alex', { type: 'acknowledge' });
    expect(run.send('alex', { type: 'declare-severity', severity: 'SEV1' }).ok).toBe(true);
    expect(run.send('sam', { type: 'declare-severity', severity: 'SEV2' }).ok).toBe(false);
    expect(run.send('alex', { type: 'assign-role', role: 'commander', responder: 'sam' }).ok).toBe(true);
    expect(run.send('alex', { type: 'declare-severity', severity: 'SEV2' })).toMatchObject({ ok: false, reason: expect.stringContaining('the incident commander') });
    expect(run.send('sam', { type: 'declare-severity', severity: 'SEV1' }).ok).toBe(true);
  });

  it('should play solo exactly as before: the one player holds every seat', () => {
    const commands = script(scenario.id, 'expert');
    const solo = replay(scenario, 1, commands);
    expect(rejections(solo)).toEqual([]);
    expect(solo.phase()).toBe('debriefed');
  });
});
