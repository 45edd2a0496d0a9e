/**
 * The part of the game a drill is played with: the session (and with it the engine, its schema and its lifecycle
 * machine), the war room's panels, and restoring a saved drill. The page loads it on demand: a new drill shows its
 * briefing first and loads this behind it.
 */
export { restoreRun } from './restore';
export { Session } from './session';
export { renderWarRoom } from './war-room-screen';
