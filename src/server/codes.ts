/**
 * Secrets a drill hands out: join codes people type or follow as a link, and tokens that prove who someone is when
 * they come back. Only hashes of tokens are kept, so a stolen record does not let anyone take a seat.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be confused when read aloud or off a projector (no 0/O, 1/I/L, U). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
/** 10 characters from 30: log2(30^10) ≈ 49 bits, beyond the 40 a guesser would need to try. */
export const JOIN_CODE_LENGTH = 10;
export const JOIN_CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export function newJoinCode(): string {
  // Rejection sampling: 256 is not a multiple of 30, so bytes of 240 and above are drawn again to keep every
  // character equally likely.
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= 240 || code.length === JOIN_CODE_LENGTH) continue;
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** A join code as someone typed it: spaces, dashes and lower case forgiven. Null when it cannot be one. */
export function normalizeJoinCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one `hash` was made from, in constant time. */
export function tokenMatches(token: unknown, hash: string): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
