/**
 * Who this browser is in each group drill, kept in localStorage by join code: the token that gives the same person
 * their seat back after a reload or a lost connection (the facilitator's comes from hosting, a player's from their
 * first welcome), the name they gave, and whether this screen is the room's projector.
 */
export interface DrillIdentity {
  token?: string;
  name?: string;
  /** This browser hosted the drill: its token is the facilitator's. */
  facilitator?: boolean;
  /** This screen chose to show the projector view. */
  projector?: boolean;
}

const KEY_PREFIX = 'firedrill:drill:';
const NAME_KEY = 'firedrill:display-name';

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readIdentity(code: string): DrillIdentity {
  try {
    const parsed: unknown = JSON.parse(local()?.getItem(KEY_PREFIX + code) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const value = parsed as Record<string, unknown>;
    return {
      ...(typeof value.token === 'string' ? { token: value.token } : {}),
      ...(typeof value.name === 'string' ? { name: value.name } : {}),
      ...(value.facilitator === true ? { facilitator: true } : {}),
      ...(value.projector === true ? { projector: true } : {}),
    };
  } catch {
    return {};
  }
}

/** Adds to what is kept for this drill. A browser that will not store it still plays; it only cannot come back. */
export function writeIdentity(code: string, change: Partial<DrillIdentity>): void {
  const next: DrillIdentity = { ...readIdentity(code), ...change };
  try {
    local()?.setItem(KEY_PREFIX + code, JSON.stringify(next));
  } catch {
    // Storage full or refused: nothing to do but play on.
  }
}

export function forgetToken(code: string): void {
  const { token: _dropped, ...rest } = readIdentity(code);
  try {
    local()?.setItem(KEY_PREFIX + code, JSON.stringify(rest));
  } catch {
    // As above.
  }
}

/** The display name last used in any drill, to fill the next join form. */
export function lastDisplayName(): string {
  try {
    return local()?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberDisplayName(name: string): void {
  try {
    local()?.setItem(NAME_KEY, name);
  } catch {
    // As above.
  }
}

/** A join code as people type it: spaces and dashes forgiven, any case. Null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  // The server decides whether the drill exists; this only keeps nonsense out of addresses and storage keys.
  return /^[A-Z0-9]{4,32}$/.test(code) ? code : null;
}

/** The same rules as the server's, so most mistakes are caught before a round trip. */
export const MAX_DISPLAY_NAME = 40;

export function checkDisplayName(input: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  if (name.length === 0) return { ok: false, reason: 'Enter a display name: it is how the others see you.' };
  if ([...name].length > MAX_DISPLAY_NAME) return { ok: false, reason: `A display name is at most ${MAX_DISPLAY_NAME} characters.` };
  return { ok: true, name };
}
