/**
 * Seats: who is looking at a run. A player plays one responder of the roster (and holds whatever roles the team
 * gives them); the facilitator runs the drill and sees the truth, with their own notes and hidden commands; an
 * observer (a projector) only watches.
 */
export type Seat = { kind: 'player'; responder: string } | { kind: 'facilitator' } | { kind: 'observer' };

export const FACILITATOR_SEAT: Seat = { kind: 'facilitator' };
export const OBSERVER_SEAT: Seat = { kind: 'observer' };
export const playerSeat = (responder: string): Seat => ({ kind: 'player', responder });
