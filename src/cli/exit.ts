/** How a subcommand ends: an exit code, or a usage error that the entry prints as one line and exits 2 with. */

/** Exit codes: 0 success, 1 the input is invalid (validation failed), 2 the command was used wrongly. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export class UsageError extends Error {}
