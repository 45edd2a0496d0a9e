/**
 * What just happened in the room that deserves motion: new timeline lines (the ribbon slides them in), new messages
 * (injects and alerts arriving), and escalations (the impact grew). Pure: it compares the seat's view with what the
 * room had already seen, so the scene animates each arrival once and never on a redraw.
 *
 * Escalations are the timeline lines the engine marks as such (`describeJournal`): the impact rose, an action made
 * things worse, the incident resurfaced. Which line escalates is the engine's rule, not this view's.
 */
import type { SeatView } from '../../engine/index';

export interface RoomMemo {
  /** The last timeline sequence number seen; -1 before the first view. */
  lastSeq: number;
  messages: number;
  severity: SeatView['severity'];
}

export interface RoomSignals {
  memo: RoomMemo;
  /** Timeline lines that arrived since the last look, oldest first. */
  arrivals: Array<{ seq: number; at: number; text: string; escalation: boolean }>;
  /** Messages (injects) that arrived since the last look. */
  messages: SeatView['messages'];
  escalation: boolean;
  /** The declared severity changed (the chip pulses). */
  severityChanged: boolean;
}

export const FIRST_LOOK: RoomMemo = { lastSeq: -1, messages: 0, severity: null };

/**
 * Compares a view with the memo. The first look (a fresh scene, or a restored run) only takes note: what was already
 * on the timeline when the room opened did not just arrive, so nothing animates for it.
 */
export function roomSignals(memo: RoomMemo, view: Pick<SeatView, 'timeline' | 'messages' | 'severity'>): RoomSignals {
  const lastSeq = view.timeline.length > 0 ? view.timeline[view.timeline.length - 1]!.seq : memo.lastSeq;
  const next: RoomMemo = { lastSeq: Math.max(lastSeq, memo.lastSeq), messages: view.messages.length, severity: view.severity };
  if (memo === FIRST_LOOK) return { memo: next, arrivals: [], messages: [], escalation: false, severityChanged: false };
  const arrivals = view.timeline.filter((line) => line.seq > memo.lastSeq).map((line) => ({ ...line, escalation: line.escalation === true }));
  const messages = view.messages.slice(memo.messages);
  return {
    memo: next,
    arrivals,
    messages,
    escalation: arrivals.some((line) => line.escalation),
    severityChanged: memo.severity !== view.severity,
  };
}
