import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, COMMANDS, CommandSchema, commandReference, createRun, LIFECYCLE_STATES } from '../src/engine/index';
import { ROOT, loadValid } from './support/scenarios';

describe('the command registry', () => {
  it('should define every command of the union once, keyed by its own type, with every part', () => {
    expect(COMMAND_TYPES).toEqual(CommandSchema.options.map((o) => o.shape.type.value));
    for (const type of COMMAND_TYPES) {
      const definition = COMMANDS[type];
      expect(definition.type).toBe(type);
      expect(definition.summary.length).toBeGreaterThan(10);
      expect(definition.who.length).toBeGreaterThan(0);
      expect(definition.accepted.length).toBeGreaterThan(0);
      for (const a of definition.accepted) expect(Object.keys(LIFECYCLE_STATES)).toContain(a.in);
    }
  });

  it('should refuse, at typecheck, a command definition that lacks a part', async () => {
    const { z } = await import('zod');
    const { defineCommand } = await import('../src/engine/commands/define');
    // @ts-expect-error -- no `apply`, `describe` or `check`: `npm run typecheck` fails if this ever compiles.
    const incomplete = defineCommand({ type: 'wave', schema: z.strictObject({ type: z.literal('wave') }), summary: 'waves', fields: '', who: ['anyone'], accepted: [{ in: 'active' }], samples: () => ({ type: 'wave' }) });
    expect(incomplete.type).toBe('wave');
  });

  it('should keep docs/commands.md in step with the registry (run `npm run docs` after changing a command)', () => {
    const docs = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');
    expect(docs).toContain(commandReference());
  });

  it('should derive what a seat may do now from the lifecycle machine', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const run = createRun({ scenario, seed: 1 });
    // Solo: the one player holds every seat but the facilitator's own (injects and notes stay the facilitator's).
    expect(run.available({ kind: 'player', responder: 'alex' })).toEqual(['acknowledge']);
    expect(createRun({ scenario, seed: 1, seating: 'team' }).available({ kind: 'player', responder: 'alex' })).toEqual(['acknowledge']);
    run.send('alex', { type: 'acknowledge' });
    const now = run.available({ kind: 'player', responder: 'alex' });
    expect(now).toContain('diagnose');
    expect(now).not.toContain('acknowledge');
    expect(now).not.toContain('postmortem');
  });

  it('should refuse an unknown command type with the kinds it knows', () => {
    const scenario = loadValid('scenarios/checkout-launch.json');
    const result = createRun({ scenario, seed: 1 }).send('alex', { type: 'launch-missiles' });
    expect(result).toMatchObject({ ok: false, seq: null, reason: expect.stringContaining('not a valid command') });
  });
});
