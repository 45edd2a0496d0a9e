/**
 * Schemas built the first time they are used. Building zod schemas is not free: on a cold page, building the engine's
 * (the scenario format, the rubric, every command) took ~50 ms of the main thread, most of it the first calls into
 * zod itself, and a new drill paid it before the war room's first frame though it checks nothing until the player
 * sends a command. The engine declares its schemas with `lazySchema`: loading the engine builds none.
 *
 * The value stands for the schema: it has the schema's type, and reading any property of it builds the schema once
 * and reads the built one, so `Schema.parse(x)` and `z.object({ field: Schema })` work unchanged. Only identity
 * differs (the stand-in is not the built object), which matters to code keyed by the object: pass
 * `builtSchema(Schema)` to such code (zod's JSON Schema export reads descriptions from a registry keyed by schema).
 *
 * The engine does not import zod itself either: each builder is handed zod, which the program gives once with
 * `provideZod` (Node programs at start, see `with-zod.ts`; the browser after the war room's first frame, when it
 * loads zod beside the panels). Zod is nearly half of the engine's code, and a new drill's first frame waited for it
 * to download and compile though nothing is checked before the player acts.
 */
import type { z } from 'zod';

/** The zod builders the engine's schemas are made with, as the builders are given them (see zod-builders.ts). */
export type Zod = Pick<typeof z, 'strictObject' | 'object' | 'array' | 'number' | 'string' | 'boolean' | 'literal' | 'enum' | 'union' | 'discriminatedUnion' | 'url' | 'record'>;

let provided: Zod | null = null;

/** Gives the engine zod; its schemas can be used from now on. */
export function provideZod(zod: Zod): void {
  provided = zod;
}

/** Whether schemas can be built now. */
export function zodProvided(): boolean {
  return provided !== null;
}

function zod(): Zod {
  if (provided === null) throw new Error('Firedrill: a schema was used before zod was provided (a program must call provideZod first)');
  return provided;
}

const BUILT: unique symbol = Symbol('built schema');

export function lazySchema<T extends object>(build: (z: Zod) => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build(zod()));
  return new Proxy({} as T, {
    get(_target, key) {
      if (key === BUILT) return schema();
      return Reflect.get(schema(), key);
    },
    has: (_target, key) => key === BUILT || Reflect.has(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor(_target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may only report a property its (empty) target lacks as configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** The schema a `lazySchema` stands for, built now (any other value is returned as it is). */
export function builtSchema<T extends object>(schema: T): T {
  return (BUILT in schema ? (schema as unknown as Record<typeof BUILT, T>)[BUILT] : schema);
}
