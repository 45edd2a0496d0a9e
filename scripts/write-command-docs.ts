/**
 * `npm run docs`: writes the command reference, generated from the command registry, into docs/commands.md between
 * its markers (the rest of the page is written by hand). A test fails while the committed page is stale.
 */
import '../src/engine/with-zod';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandReference } from '../src/engine/index';
import { REFERENCE_END, REFERENCE_START } from '../src/engine/commands/reference';

const file = join(import.meta.dirname, '..', 'docs', 'commands.md');
const page = readFileSync(file, 'utf8');
const start = page.indexOf(REFERENCE_START);
const end = page.indexOf(REFERENCE_END);
if (start < 0 || end < start) {
  process.stderr.write(`docs/commands.md: the markers ${REFERENCE_START} and ${REFERENCE_END} are missing; put them where the reference goes\n`);
  process.exit(1);
}
writeFileSync(file, page.slice(0, start) + commandReference() + page.slice(end + REFERENCE_END.length));
process.stdout.write('docs/commands.md: command reference written\n');
