/**
 * The messages a drill's clients may send, checked before anything acts on them. Anything else, oversized or
 * malformed, is answered with a `refused` message saying why; nothing a client sends can crash a room.
 */
import { z } from 'zod';
import { SPEEDS } from '../engine/index';
import { MAX_ID_CHARS } from '../engine/limits';

/** The largest message a client may send, as JSON: a full postmortem fits with room to spare. */
export const MAX_MESSAGE_CHARS = 128 * 1024;
/** Messages per second a client may send on average, and the burst it may send at once. */
export const MESSAGE_RATE = { perSecond: 10, burst: 30 };

const Id = z.string().min(1).max(MAX_ID_CHARS);
const SeatChoice = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('observer') }), z.strictObject({ kind: z.literal('player'), responder: Id })]);

export const ClientMessages = {
  /** The client is listening: send it who it is and its seat's view (messages sent before that would be lost). */
  ready: z.strictObject({}),
  claim: z.strictObject({ seat: SeatChoice }),
  /** `id`, when given, comes back in a `result` message saying whether the engine took the command. */
  command: z.strictObject({ command: z.unknown(), id: z.string().min(1).max(40).optional() }),
  control: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('start') }),
    z.strictObject({ action: z.literal('pause') }),
    z.strictObject({ action: z.literal('resume') }),
    z.strictObject({ action: z.literal('skip') }),
    z.strictObject({ action: z.literal('speed'), speed: z.union(SPEEDS.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<5>, z.ZodLiteral<10>]) }),
  ]),
  move: z.strictObject({ participant: Id, seat: SeatChoice }),
} as const;

export type ClientMessageType = keyof typeof ClientMessages;
export const CLIENT_MESSAGE_TYPES = Object.keys(ClientMessages) as ClientMessageType[];

/**
 * Sent by the server (with the debrief, and as a `recording` message once known): whether the finished drill is in
 * the readiness records. `team` is null when it was hosted for no team (it is then kept only in the signed-in
 * players' own histories); not kept when the server keeps no records, or could not write them (it tries again after a
 * restart).
 */
export type DrillRecording = { state: 'pending' } | { state: 'recorded'; team: { id: string; name: string } | null } | { state: 'not-recorded'; reason: 'no-records' | 'failed' };

/** Options a client joins with: a display name, and the token that brings them back to their seat. */
export const JoinOptions = z.object({
  name: z.unknown().optional(),
  token: z.string().max(200).optional(),
});

/** The size of a decoded message as JSON, or Infinity when it cannot be measured (cycles cannot come off the wire). */
export function messageChars(message: unknown): number {
  try {
    return JSON.stringify(message ?? null).length;
  } catch {
    return Infinity;
  }
}

/** A token bucket per client: steady senders are never refused, floods are. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly now: () => number,
    private readonly rate = MESSAGE_RATE,
  ) {
    this.tokens = rate.burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.last) / 1000) * this.rate.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
