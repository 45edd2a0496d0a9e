/** Reading the files a subcommand is given. */
import { readFileSync } from 'node:fs';
import { UsageError } from './exit';

/** A file's text, or a one-line usage error saying why it cannot be read (missing, a folder, not UTF-8). */
export function readText(file: string): string {
  try {
    const bytes = readFileSync(file);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError(`"${file}" is not UTF-8 text: save it with the UTF-8 encoding`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot find "${file}"` : code === 'EISDIR' ? `"${file}" is a folder, not a file` : `cannot read "${file}" (${code ?? 'unknown error'})`);
  }
}
