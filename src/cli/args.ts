/** Argument parsing for the subcommands: every mistake becomes a one-line usage error. */
import { shorten } from '../engine/limits';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit';

export function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, positionals: number | 'many') {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message);
    if (ambiguous && /ambiguous|argument missing/.test(message)) {
      throw new UsageError(`${ambiguous[1]} needs a value: ${ambiguous[1] === '--seed' ? 'a whole number from 0' : ambiguous[1] === '--until' ? 'a minute from 0' : 'see "firedrill help"'}`);
    }
    const clean = message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option '(.*)'$/, 'unknown option "$1"');
    throw new UsageError(clean.charAt(0).toLowerCase() + clean.slice(1));
  }
  if (positionals === 'many' ? parsed.positionals.length === 0 : parsed.positionals.length !== positionals) {
    throw new UsageError(positionals === 0 ? `unexpected argument "${shorten(parsed.positionals[0] ?? '')}"` : positionals === 'many' ? 'give at least one file' : `expected ${positionals} file${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
  }
  return parsed;
}

export function seedArgument(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--seed is required (a whole number, e.g. --seed 1)');
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`--seed must be a whole number, got "${shorten(value)}"`);
  // "001" and "1" are the same seed to a person, so they must be the same run.
  return String(Number(value));
}
