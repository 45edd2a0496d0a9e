/**
 * The part of the game that runs a drill: the session, and with it the engine, its schema and its lifecycle machine,
 * and restoring a saved drill. Loaded on demand: a new drill shows its briefing first and loads this behind it, and
 * the war room's display draws its first frame from it before the panels (`panels-part.ts`) load at all.
 */
export { restoreRun } from './restore';
export { Session } from './session';
