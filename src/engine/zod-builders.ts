/**
 * The zod builders the engine's schemas are made with. Named one by one, so a bundle keeps only what they need of
 * zod: handing over zod's whole namespace brought every one of its locales along (89 KiB gzipped instead of ~45).
 */
import { z } from 'zod';
import type { Zod } from './lazy-schema';

export const zodBuilders: Zod = {
  strictObject: z.strictObject,
  object: z.object,
  array: z.array,
  number: z.number,
  string: z.string,
  boolean: z.boolean,
  literal: z.literal,
  enum: z.enum,
  union: z.union,
  discriminatedUnion: z.discriminatedUnion,
  url: z.url,
  record: z.record,
};
