import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { builtSchema, lazySchema } from '../src/engine/lazy-schema';
import { loadScenario } from '../src/engine/scenario/load';

describe('lazySchema', () => {
  it('builds its schema the first time it is used, once, and parses as the schema does', () => {
    const build = vi.fn(() => z.strictObject({ name: z.string().min(1) }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'Alex' })).toEqual({ name: 'Alex' });
    expect(schema.safeParse({ name: '' }).success).toBe(false);
    expect(schema.safeParse({ name: 'Alex', extra: 1 }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('works inside other schemas, with its methods and as a zod type', () => {
    const Id = lazySchema(() => z.string().regex(/^[a-z]+$/));
    const Entry = z.strictObject({ id: Id, note: Id.optional(), tags: z.array(Id) });
    expect(Entry.parse({ id: 'a', tags: ['b'] })).toEqual({ id: 'a', tags: ['b'] });
    expect(Entry.safeParse({ id: 'A', tags: [] }).success).toBe(false);
    expect(Id instanceof z.ZodType).toBe(true);
    const union = z.discriminatedUnion('type', [lazySchema(() => z.strictObject({ type: z.literal('a') })), z.strictObject({ type: z.literal('b'), n: z.number() })]);
    expect(union.parse({ type: 'a' })).toEqual({ type: 'a' });
    expect(union.safeParse({ type: 'b' }).success).toBe(false);
  });

  it('gives the built schema to code keyed by the object (the JSON Schema export reads descriptions so)', () => {
    const described = lazySchema(() => z.strictObject({ a: z.string() }).describe('A thing.'));
    expect(builtSchema(described)).not.toBe(described);
    expect(builtSchema(builtSchema(described))).toBe(builtSchema(described));
    expect(z.toJSONSchema(builtSchema(described)).description).toBe('A thing.');
    const plain = z.string();
    expect(builtSchema(plain)).toBe(plain);
  });

  it('cannot be written to', () => {
    const schema = lazySchema(() => z.string()) as unknown as Record<string, unknown>;
    expect(() => {
      'use strict';
      schema.parse = () => 'changed';
    }).toThrow(TypeError);
  });
});

describe('loading the engine', () => {
  afterEach(() => {
    vi.resetModules();
  });

  /** The scenario, read outside the engine instances loaded below (the page gets it checked at build time). */
  function scenario() {
    const loaded = loadScenario(readFileSync(new URL('../scenarios/checkout-launch.json', import.meta.url), 'utf8'), 'checkout-launch.json');
    if (!loaded.ok) throw new Error('the scenario does not load');
    return loaded.value;
  }

  it('needs no zod to start a run and show it, and says so plainly when a schema is used before zod is given', async () => {
    const checkout = scenario();
    vi.resetModules();
    // A fresh engine, as the browser's drill part loads it: nobody has given it zod.
    const engine = await import('../src/engine/index');
    const { zodProvided } = await import('../src/engine/lazy-schema');
    expect(zodProvided()).toBe(false);
    const run = engine.createRun({ scenario: checkout, seed: 1 });
    const onCall = checkout.roster.responders[0]!.id;
    expect(run.view(engine.playerSeat(onCall)).page.acknowledgedAt).toBeNull();
    expect(() => run.send(onCall, { type: 'acknowledge' })).toThrow('a schema was used before zod was provided');
  });

  it('builds no schema until one is used: a new drill pays for none before the war room is drawn', async () => {
    const checkout = scenario();
    vi.resetModules();
    let built = 0;
    // Every schema starts from one of z's lowercase builders: count the calls, build as ever.
    const counted = Object.fromEntries(
      Object.entries(z).map(([name, value]) => [name, typeof value === 'function' && /^[a-z]/.test(name) ? (...args: unknown[]) => (built++, (value as (...a: unknown[]) => unknown)(...args)) : value]),
    ) as unknown as typeof z;
    const engine = await import('../src/engine/index');
    (await import('../src/engine/lazy-schema')).provideZod(counted);
    const run = engine.createRun({ scenario: checkout, seed: 1 });
    const onCall = checkout.roster.responders[0]!.id;
    expect(run.view(engine.playerSeat(onCall)).page.acknowledgedAt).toBeNull();
    expect(built).toBe(0);
    // The first command checked builds them (so the count above could have seen them).
    expect(run.send(onCall, { type: 'acknowledge' }).ok).toBe(true);
    expect(built).toBeGreaterThan(0);
  });
});
