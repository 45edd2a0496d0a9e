/**
 * What each responder in the war room is doing, as the room shows it: derived from the seat's view and the clock
 * alone, with no Phaser and no drawing, so it can be tested on its own and the figures only redraw when it changes.
 */
import type { LiveView, Role, SeatView } from '../../engine/index';

/**
 * - `paged`: the page is ringing for this person and nobody has acknowledged it yet (the player on call, at the start);
 * - `joining`: paged and on the way, with an arrival countdown;
 * - `working`: present and busy with an action (work in progress);
 * - `idle`: present and free;
 * - `off`: not paged, not in the room.
 */
export type CharacterActivity = 'paged' | 'joining' | 'working' | 'idle' | 'off';

export interface CharacterWork {
  action: string;
  label: string;
  /** 0…1 from the action's start to its expected end; null when the view cannot say when it started. */
  progress: number | null;
  /** Game minutes until it is expected to end (never negative); null when unknown. */
  remaining: number | null;
}

export interface CharacterState {
  id: string;
  name: string;
  firstName: string;
  initials: string;
  /** Short role badges, in the order of the roles list (`IC`, `COMMS`, `OPS`, `SCRIBE`). */
  badges: string[];
  activity: CharacterActivity;
  /** Game minutes until a joining responder arrives (never negative); null otherwise. */
  arrivesIn: number | null;
  work: CharacterWork | null;
  /** One line saying what they are doing. */
  caption: string;
  /** The same, short enough to sit under a figure in a narrow column. */
  short: string;
  /** Whether this responder is the seat's own player. */
  you: boolean;
}

export const ROLE_BADGES: Record<Role, string> = { commander: 'IC', communications: 'COMMS', operations: 'OPS', scribe: 'SCRIBE' };

/** Minutes each action was first seen running: the view gives only its end, so a ranged action's start is remembered. */
export type StartsSeen = ReadonlyMap<string, number>;

/**
 * Notes the start of every action running now that was not already noted, and forgets those no longer running.
 * Returns the same map when nothing changed, so a caller can compare by identity.
 */
export function rememberStarts(seen: StartsSeen, view: Pick<SeatView, 'actions'>, now: number): StartsSeen {
  const running = view.actions.filter((a) => a.status === 'running');
  const stale = [...seen.keys()].some((id) => !running.some((a) => a.id === id));
  const fresh = running.filter((a) => !seen.has(a.id));
  if (!stale && fresh.length === 0) return seen;
  const next = new Map<string, number>();
  for (const a of running) next.set(a.id, seen.get(a.id) ?? now);
  return next;
}

/**
 * Every responder the room shows, in roster order: those in the room or on their way, plus the player (paged by the
 * page itself). Responders not paged stay out of the room; `includeOff` keeps them (dimmed) for a full roster.
 */
export function characterStates(view: Pick<SeatView, 'responders' | 'actions' | 'page' | 'seat'>, live: Pick<LiveView, 'now'>, starts: StartsSeen = new Map(), options: { includeOff?: boolean } = {}): CharacterState[] {
  const now = live.now;
  const player = view.seat.kind === 'player' ? view.seat.responder : null;
  const ringing = view.page.acknowledgedAt === null;
  return view.responders.flatMap((r): CharacterState[] => {
    const you = r.id === player;
    let activity: CharacterActivity;
    // Whoever the page rings for, on every seat's screen (the projector's and the facilitator's too).
    if (r.id === view.page.to && ringing) activity = 'paged';
    else if (r.status === 'on-the-way') activity = 'joining';
    else if (r.status === 'present') activity = r.busyWith ? 'working' : 'idle';
    else activity = 'off';
    if (activity === 'off' && !options.includeOff) return [];

    const arrivesIn = activity === 'joining' && r.joinsAt !== null ? Math.max(0, r.joinsAt - now) : null;
    const work = activity === 'working' ? workOf(r.busyWith!, view.actions, now, starts) : null;
    return [
      {
        id: r.id,
        name: r.name,
        firstName: r.name.split(/\s+/)[0] || r.name,
        initials: initials(r.name),
        badges: r.roles.map((role) => ROLE_BADGES[role]),
        activity,
        arrivesIn,
        work,
        caption: caption(activity, arrivesIn, work),
        short: shortCaption(activity, arrivesIn, work),
        you,
      },
    ];
  });
}

function workOf(actionId: string, actions: SeatView['actions'], now: number, starts: StartsSeen): CharacterWork {
  const action = actions.find((a) => a.id === actionId);
  if (!action) return { action: actionId, label: actionId, progress: null, remaining: null };
  const until = action.until;
  const remaining = until === null ? null : Math.max(0, until - now);
  // A fixed duration ("5") gives the start exactly; a range ("3–7") does not, so the first sight of it is used.
  const fixed = /^\d+(\.\d+)?$/.test(action.minutes) ? Number(action.minutes) : null;
  const start = until !== null && fixed !== null ? until - fixed : (starts.get(action.id) ?? null);
  const progress = until === null || start === null || until <= start ? null : clamp((now - start) / (until - start));
  return { action: action.id, label: action.label, progress, remaining };
}

function caption(activity: CharacterActivity, arrivesIn: number | null, work: CharacterWork | null): string {
  switch (activity) {
    case 'paged':
      return 'Paged: not acknowledged';
    case 'joining':
      return arrivesIn === null ? 'On the way' : `Joining in ${formatCountdown(arrivesIn)}`;
    case 'working':
      return work!.remaining === null ? work!.label : `${work!.label} · ${formatCountdown(work!.remaining)} left`;
    case 'idle':
      return 'Free';
    case 'off':
      return 'Not paged';
  }
}

function shortCaption(activity: CharacterActivity, arrivesIn: number | null, work: CharacterWork | null): string {
  switch (activity) {
    case 'paged':
      return 'PAGED';
    case 'joining':
      return arrivesIn === null ? 'on the way' : `in ${formatCountdown(arrivesIn)}`;
    case 'working':
      return work!.remaining === null ? 'working' : `${formatCountdown(work!.remaining)} left`;
    case 'idle':
      return 'free';
    case 'off':
      return 'not paged';
  }
}

/** Game minutes as `4m 05s`, or `1h 02m` from an hour. */
export function formatCountdown(minutes: number): string {
  const seconds = Math.max(0, Math.round(minutes * 60));
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/**
 * What a figure's drawing depends on, as one string: the figure redraws its body, badge and caption only when this
 * changes (the countdown and progress bar move on their own, without a redraw).
 */
export function figureKey(state: CharacterState): string {
  return `${state.activity}|${state.badges.join(',')}|${state.work?.action ?? ''}|${state.you}`;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
