#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the same sources serve the browser build, the tests and the command line.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`firedrill play … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
} catch (error) {
  process.stderr.write(`firedrill: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 3;
}
