/**
 * Gives the engine zod as it loads, for programs that have it at hand from the start: the command line, the drill
 * server, the build's scenario catalogue, the tests and the benchmarks. Import it first. The browser loads zod later
 * and gives it itself (see lazy-schema.ts).
 */
import { provideZod } from './lazy-schema';
import { zodBuilders } from './zod-builders';

provideZod(zodBuilders);
