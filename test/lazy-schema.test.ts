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
    vi.doUnmock('zod');
    vi.resetModules();
  });

  it('builds no schema until one is used: a new drill pays for none before the war room is drawn', async () => {
    // The scenario is read here, outside the engine loaded below (the page gets it checked at build time).
    const loaded = loadScenario(readFileSync(new URL('../scenarios/checkout-launch.json', import.meta.url), 'utf8'), 'checkout-launch.json');
    if (!loaded.ok) throw new Error('the scenario does not load');
    vi.resetModules();
    let built = 0;
    vi.doMock('zod', async (importOriginal) => {
      const actual = await importOriginal<typeof import('zod')>();
      // Every schema starts from one of z's lowercase builders: count the calls, build as ever.
      const counted = Object.fromEntries(
        Object.entries(actual.z).map(([name, value]) => [name, typeof value === 'function' && /^[a-z]/.test(name) ? (...args: unknown[]) => (built++, (value as (...a: unknown[]) => unknown)(...args)) : value]),
      );
      return { ...actual, z: counted };
    });
    const engine = await import('../src/engine/index');
    const run = engine.createRun({ scenario: loaded.value, seed: 1 });
    const onCall = loaded.value.roster.responders[0]!.id;
    expect(run.view(engine.playerSeat(onCall)).page.acknowledgedAt).toBeNull();
    expect(built).toBe(0);
    // The first command checked builds them (so the count above could have seen them).
    expect(run.send(onCall, { type: 'acknowledge' }).ok).toBe(true);
    expect(built).toBeGreaterThan(0);
  });
});
