/**
 * The war room's panels, clock controls and keyboard: loaded on demand, after the drill part. A new drill loads them
 * once its display has drawn its first frame, so their download and compiling do not hold that frame back.
 */
export { renderWarRoom } from './war-room-screen';
