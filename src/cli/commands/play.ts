/** `firedrill play`: plays a command script or a save headless and prints the timeline and final state. */
import { describeJournal } from '../../engine/timeline';
import { FACILITATOR_SEAT } from '../../engine/seats';
import { formatMinute, personName } from '../../engine/names';
import { scenarioHash } from '../../engine/scenario/load';
import { MAX_MINUTE, shorten } from '../../engine/limits';
import { args, seedArgument } from '../args';
import { EXIT, UsageError } from '../exit';
import type { Io } from '../io';
import { playScript } from '../play-script';

export function play(argv: string[], io: Io): number {
  const { positionals, values } = args(argv, { seed: { type: 'string' }, script: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean' } }, 1);
  const seed = values.seed === undefined ? undefined : seedArgument(values.seed);
  if (!values.script) throw new UsageError('--script is required (a JSON list of { "at", "by", "command" })');
  let until: number | undefined;
  if (values.until !== undefined) {
    until = Number(values.until);
    if (!Number.isFinite(until) || until < 0 || until > MAX_MINUTE) throw new UsageError(`--until must be a minute from 0 to ${MAX_MINUTE.toLocaleString('en')}, got "${shorten(values.until)}"`);
  }
  const run = playScript(positionals[0]!, seed, values.script, io, until);
  if (!run) return EXIT.invalid;
  // The CLI is the author's and facilitator's tool: it shows the truth beside what the players saw.
  const view = run.view(FACILITATOR_SEAT);
  const truth = view.truth!;
  const context = { variant: truth.variant.id, trueSeverity: truth.trueSeverity };
  if (values.json) {
    io.out(`${JSON.stringify({ scenario: run.scenario.id, scenarioHash: scenarioHash(run.scenario), seed: run.seed, variant: context.variant, minute: run.now(), phase: run.phase(), severity: view.severity, roles: view.roles, deadlines: view.deadlines, journal: run.journal() }, null, 2)}\n`);
    return EXIT.ok;
  }
  const name = (id: string | null) => personName(run.scenario, id);
  io.out(`${run.scenario.title} — seed ${run.seed}, variant "${context.variant}"\n\nTimeline\n`);
  for (const line of describeJournal(run.journal(), run.scenario, 'facilitator')) io.out(`  ${formatMinute(line.at)}  ${line.text}\n`);
  io.out(`\nFinal state at ${formatMinute(run.now())}\n`);
  io.out(`  phase:     ${view.phaseLabel}\n`);
  io.out(`  severity:  ${view.severity ?? 'not declared'} (true: ${context.trueSeverity})\n`);
  const roles = Object.entries(view.roles).filter(([, id]) => id).map(([role, id]) => `${role} ${name(id)}`);
  io.out(`  roles:     ${roles.length > 0 ? roles.join(', ') : 'none assigned'}\n`);
  io.out(`  findings:  ${view.findings.length}, updates sent: ${view.updates.length}\n`);
  const open = view.deadlines.map((d) => `${d.label} (due ${formatMinute(d.dueAt)})`);
  io.out(`  deadlines: ${open.length > 0 ? open.join('; ') : 'none open'}\n`);
  return EXIT.ok;
}
