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
 */

const BUILT: unique symbol = Symbol('built schema');

export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
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
