/**
 * Who is in a drill and where they sit. Pure bookkeeping, no network: the room asks it who may do what, and the
 * facilitator moves people through it. Every refusal is a sentence a person can act on.
 */
import type { CastSeat } from './cast';

export type SeatChoice = { kind: 'facilitator' } | { kind: 'observer' } | { kind: 'player'; responder: string };

export interface Participant {
  id: string;
  name: string;
  /** sha256 of the token that lets this person back into their seat. */
  tokenHash: string;
  seat: SeatChoice;
  connected: boolean;
  /** The records' person, when they joined signed in: their part in the drill is kept in their history. */
  personId?: string | null;
}

export interface LobbyView {
  seats: Array<CastSeat & { heldBy: { id: string; name: string; connected: boolean } | null }>;
  people: Array<{ id: string; name: string; seat: SeatChoice; connected: boolean }>;
}

export const MAX_NAME_CHARS = 40;
/** Players and observers together; a projector or two and a team of eight fit well within it. */
export const MAX_PARTICIPANTS = 40;

/** A display name as given, trimmed; null with a reason when it cannot be one. */
export function cleanName(input: unknown): { ok: true; name: string } | { ok: false; reason: string } {
  if (typeof input !== 'string') return { ok: false, reason: 'enter a display name' };
  // Control characters would garble every list the name appears in.
  const name = input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  if (name.length === 0) return { ok: false, reason: 'enter a display name' };
  if ([...name].length > MAX_NAME_CHARS) return { ok: false, reason: `a display name is at most ${MAX_NAME_CHARS} characters` };
  return { ok: true, name };
}

export class Lobby {
  private readonly people = new Map<string, Participant>();

  constructor(
    readonly cast: readonly CastSeat[],
    participants: readonly Participant[] = [],
  ) {
    for (const p of participants) this.people.set(p.id, { ...p, connected: false });
  }

  get(id: string): Participant | undefined {
    return this.people.get(id);
  }

  all(): Participant[] {
    return [...this.people.values()];
  }

  /** The participant whose token hashes to `tokenHash`, if any. */
  byTokenHash(tokenHash: string): Participant | undefined {
    for (const p of this.people.values()) if (p.tokenHash === tokenHash) return p;
    return undefined;
  }

  add(participant: Omit<Participant, 'connected'>): Participant | string {
    if (this.people.size >= MAX_PARTICIPANTS) return `this drill is full (${MAX_PARTICIPANTS} people)`;
    const added = { ...participant, connected: true };
    this.people.set(added.id, added);
    return added;
  }

  setConnected(id: string, connected: boolean): void {
    const p = this.people.get(id);
    if (p) p.connected = connected;
  }

  holderOf(responder: string): Participant | undefined {
    for (const p of this.people.values()) if (p.seat.kind === 'player' && p.seat.responder === responder) return p;
    return undefined;
  }

  /** A participant takes a free player seat, or goes back to watching. Null when done, otherwise why not. */
  claim(id: string, choice: SeatChoice): string | null {
    const p = this.people.get(id);
    if (!p) return 'you are not in this drill';
    if (p.seat.kind === 'facilitator') return 'the facilitator runs the drill and does not take a player seat';
    if (choice.kind === 'facilitator') return 'only the person who hosted the drill is its facilitator';
    return this.seat(p, choice);
  }

  /** The facilitator moves someone to a seat (or to watching), moving whoever held it to watching. */
  move(id: string, choice: SeatChoice): string | null {
    const p = this.people.get(id);
    if (!p) return 'that person is not in this drill';
    if (p.seat.kind === 'facilitator' || choice.kind === 'facilitator') return 'the facilitator’s seat does not move';
    if (choice.kind === 'player') {
      const holder = this.holderOf(choice.responder);
      if (holder && holder.id !== id) holder.seat = { kind: 'observer' };
    }
    return this.seat(p, choice);
  }

  private seat(p: Participant, choice: SeatChoice): string | null {
    if (choice.kind === 'player') {
      const seat = this.cast.find((s) => s.responder === choice.responder);
      if (!seat) return 'there is no such seat in this drill';
      const holder = this.holderOf(choice.responder);
      if (holder && holder.id !== p.id) return `${seat.name}’s seat is taken by ${holder.name}`;
    }
    p.seat = choice;
    return null;
  }

  view(): LobbyView {
    return {
      seats: this.cast.map((seat) => {
        const holder = this.holderOf(seat.responder);
        return { ...seat, heldBy: holder ? { id: holder.id, name: holder.name, connected: holder.connected } : null };
      }),
      people: this.all().map((p) => ({ id: p.id, name: p.name, seat: p.seat, connected: p.connected })),
    };
  }
}
