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
  // Shown escaped, like everything else the CLI prints: the message may quote input.
  const message = (error instanceof Error ? error.message : String(error)).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  process.stderr.write(`firedrill: internal error: ${message.slice(0, 2000)}\n`);
  process.exitCode = 3;
}
