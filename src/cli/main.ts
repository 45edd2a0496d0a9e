/**
 * The `firedrill` command line: check, play and draw scenarios headless. Bad input of any kind gets one clear line
 * (or, for scenario files, every problem with its position), never a stack trace.
 *
 * This is the entry: it picks the subcommand (one module each under commands/), prints the usage, and turns a usage
 * error into its one line and exit 2. bin/firedrill.js adds exit 3 for anything else and survives a closed pipe.
 */
import '../engine/with-zod';
import { shorten } from '../engine/limits';
import { check } from './commands/check';
import { graph } from './commands/graph';
import { play } from './commands/play';
import { regrade } from './commands/regrade';
import { report } from './commands/report';
import { schema } from './commands/schema';
import { validate } from './commands/validate';
import { EXIT, UsageError } from './exit';
import type { Io } from './io';
import { safeIo } from './terminal';

export type { Io };
export { EXIT };

const USAGE = `Usage: firedrill <command> [options]

Commands:
  validate <files...>                      check scenario files; exit 1 with every problem when any is invalid
  check <files...> [--max-states N] [--script FILE]
                                           validate, then prove each scenario sound by exploring its reachable
                                           states: no dead end, every action, inject and variant reachable,
                                           and its expert script (test/scripts/<id>/expert.json) scores 95+
  play <scenario> --seed N --script FILE   play a command script headless and print the timeline and final state
       [--until MINUTE] [--json]           (--until stops the run at that minute, or runs the clock on to it)
  report <scenario> --seed N --script FILE --format md|html|json
         [--rubric FILE] [--date TEXT] [--out FILE]
                                           grade a run and print its blameless debrief; FILE may be a
                                           command script or a run saved from the browser
  regrade <drill-id...> | --all --rubric FILE [--data FOLDER]
                                           grade recorded drills again under a rubric: each gets a new
                                           result beside the old (records: DATABASE_URL, else PGlite in
                                           FOLDER, default $FIREDRILL_DATA/records or data/records)
  graph <scenario>                         print a Mermaid diagram of the scenario's flow
  schema [--rubric]                        print the scenario (or rubric) JSON Schema

Run "firedrill help" for this text.`;

export async function main(argv: string[], terminal: Io): Promise<number> {
  // Everything printed passes through one filter, so no player or scenario text can drive the terminal.
  const io = safeIo(terminal);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest, io);
      case 'play':
        return play(rest, io);
      case 'graph':
        return graph(rest, io);
      case 'report':
        return report(rest, io);
      case 'check':
        return check(rest, io);
      case 'schema':
        return schema(rest, io);
      case 'regrade':
        return await regrade(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${shorten(command)}" (commands: validate, check, play, report, graph, schema)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`firedrill: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
