/**
 * `npm run bench`: speed and memory, printed beside a baseline as a ratio. Not a test: these machines are noisy,
 * so nothing here passes or fails; the numbers are for people to compare across changes.
 */
import '../src/engine/with-zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor, setup, SimulatedClock } from 'xstate';
import { createRun, FACILITATOR_SEAT, loadScenario, loadScript, OBSERVER_SEAT, playerSeat, replay, type JournalEntry, type Run, type Scenario, type ScriptEntry, type Seat } from '../src/engine/index';
import { grade, loadRubric, type Rubric } from '../src/grading/index';
import { buildReport, renderHtml, renderMarkdown, safeJson } from '../src/report/index';
import { browserBenchmarks } from './browser';
import { recordsBenchmarks } from './records';

const ROOT = join(import.meta.dirname, '..');

interface Measurement {
  name: string;
  perSecond: number;
  baselineName: string;
  baselinePerSecond: number;
}

/** Runs `fn` repeatedly for about `seconds` after a warm-up and returns calls per second. */
function measure(fn: () => void, seconds = 2): number {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) fn();
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    fn();
    calls++;
  }
  return calls / ((performance.now() - start) / 1000);
}

/** Measures each function `rounds` times, taking turns, and returns the best calls per second of each. */
function fastestInTurn(fns: Array<() => void>, rounds: number): number[] {
  const best = fns.map(() => 0);
  for (let round = 0; round < rounds; round++) fns.forEach((fn, i) => (best[i] = Math.max(best[i]!, measure(fn, 1.5))));
  return best;
}

function load(): { scenario: Scenario; script: ScriptEntry[] } {
  const file = 'scenarios/checkout-launch.json';
  const scenario = loadScenario(readFileSync(join(ROOT, file), 'utf8'), file);
  const scriptFile = 'test/scripts/checkout-launch/expert.json';
  const script = loadScript(readFileSync(join(ROOT, scriptFile), 'utf8'), scriptFile);
  if (!scenario.ok || !script.ok) throw new Error('the benchmark inputs must be valid');
  return { scenario: scenario.value, script: script.value };
}

/** A bare XState machine run the same way: as many events, one delayed transition, the same clock to the same end. */
function bareMachineRun(events: number, endMinute: number): void {
  const machine = setup({ types: {} as { context: { n: number }; events: { type: 'step' } } }).createMachine({
    context: { n: 0 },
    initial: 'open',
    states: {
      open: { on: { step: { actions: ({ context }) => void context.n } }, after: { 30: 'closed' } },
      closed: { on: { step: {} } },
    },
  });
  const clock = new SimulatedClock();
  const actor = createActor(machine, { clock }).start();
  for (let i = 0; i < events; i++) {
    clock.set(i * (endMinute / events));
    actor.send({ type: 'step' });
  }
  clock.set(endMinute);
  actor.stop();
}

/**
 * A group drill's six seats (four players, the facilitator, a projector): plays the script and, after every change
 * to the journal, builds each seat's view, as a drill server sends them. Returns the views built.
 */
function seatViewsRun(scenario: Scenario, script: ScriptEntry[], seats: Seat[]): number {
  const run: Run = createRun({ scenario, seed: 1 });
  let built = 0;
  let length = -1;
  const buildAll = () => {
    if (run.journal().length === length) return;
    length = run.journal().length;
    for (const seat of seats) run.view(seat);
    built += seats.length;
  };
  for (const entry of script) {
    run.advanceTo(entry.at);
    buildAll();
    run.send(entry.by, entry.command);
    buildAll();
  }
  return built;
}

/** A clock reading for a status update's header, from a game minute (the drill starts at 09:00). */
function clockAt(minute: number): string {
  const total = 9 * 60 + minute;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The expert script with `pairs` minutes appended after its postmortem, each with a status update (in the module's
 * template, numbered on) and an announcement; the drill finishes after the last of them.
 */
function longScript(script: ScriptEntry[], pairs: number): ScriptEntry[] {
  const finish = script.find((e) => e.command.type === 'finish');
  const played = script.filter((e) => e.command.type !== 'finish');
  const from = Math.ceil(played.at(-1)?.at ?? 0) + 1;
  const updatesSoFar = played.filter((e) => e.command.type === 'status-update').length;
  const extra: ScriptEntry[] = [];
  for (let i = 0; i < pairs; i++) {
    const at = from + i;
    const text = `[${clockAt(at)}] [SEV-1] Update #${updatesSoFar + i + 1}\nCurrent Status: Resolved; checkout is healthy and being watched\nImpact: None since 09:15; purchases succeeding normally\nActions: Watching error rates and support tickets\nNext Update: In 30 minutes`;
    extra.push({ at, by: 'sarah', command: { type: 'status-update', text } });
    extra.push({ at, by: 'alex', command: { type: 'announce', text: `Still watching checkout: error rate normal at ${clockAt(at)}.` } });
  }
  return [...played, ...extra, ...(finish ? [{ ...finish, at: from + pairs }] : [])];
}

/**
 * Journals of about each size in `sizes` (in entries): the expert run with as many appended minutes of updates as
 * it takes. Built by replaying the script, which is quick next to what is measured.
 */
function longJournals(scenario: Scenario, script: ScriptEntry[], sizes: readonly number[]): Array<readonly JournalEntry[]> {
  const base = replay(scenario, 1, longScript(script, 0)).journal().length;
  const perPair = (replay(scenario, 1, longScript(script, 100)).journal().length - base) / 100;
  return sizes.map((size) => replay(scenario, 1, longScript(script, Math.max(0, Math.round((size - base) / perPair)))).journal());
}

/** Grading and all three report formats, as `firedrill report` and the debrief screen do it. */
function gradeAndRender(scenario: Scenario, journal: readonly JournalEntry[], rubric: Rubric): void {
  const report = buildReport(scenario, journal, grade(scenario, journal, rubric), { seed: '1' });
  renderMarkdown(report);
  renderHtml(report);
  safeJson(report);
}

/**
 * The fastest of at least `runs` calls of `fn` (and as many more as fit in `seconds`), each after a full collection,
 * in milliseconds of wall time and of this process's CPU time (all its threads, so the collector's helpers count).
 * The fastest call is the one least disturbed by other work on the machine and by garbage left from the call before;
 * CPU time leaves out the time other processes held the cores, which on a shared machine can be most of it.
 */
function fastest(fn: () => void, runs: number, seconds: number): { wallMs: number; cpuMs: number } {
  const collect = (globalThis as { gc?: () => void }).gc;
  const until = performance.now() + seconds * 1000;
  let wallMs = Infinity;
  let cpuMs = Infinity;
  for (let run = 0; run < runs || performance.now() < until; run++) {
    collect?.();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    fn();
    wallMs = Math.min(wallMs, performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { wallMs, cpuMs };
}

/**
 * How grading and the report scale: the time for journals of about 1,000, 10,000 and 100,000 entries, and the
 * ratio between neighbours. Linear work gives ratios near 10. Lines are printed as each size finishes, so a slow
 * size still shows the ones before it.
 */
function scalingLines(scenario: Scenario, script: ScriptEntry[], rubric: Rubric): void {
  const sizes = [1_000, 10_000, 100_000] as const;
  const journals = longJournals(scenario, script, sizes);
  console.log('grading + debrief report (Markdown, HTML and JSON) of long runs: the expert run plus a status update and an announcement a minute (fastest of 3 or more runs; ratio = this size / the one before)');
  let previous: { entries: number; wallMs: number; cpuMs: number } | null = null;
  for (const journal of journals) {
    const { wallMs, cpuMs } = fastest(() => gradeAndRender(scenario, journal, rubric), 3, 2);
    const ratio = previous ? `  ratio: ×${(wallMs / previous.wallMs).toFixed(1)} wall, ×${(cpuMs / previous.cpuMs).toFixed(1)} CPU for ×${(journal.length / previous.entries).toFixed(1)} entries` : '';
    console.log(`  ${journal.length.toLocaleString('en-US').padStart(8)} entries: ${wallMs.toFixed(1).padStart(9)} ms wall, ${cpuMs.toFixed(1).padStart(9)} ms CPU per run${ratio}`);
    previous = { entries: journal.length, wallMs, cpuMs };
  }
  console.log('');
}

async function main(): Promise<void> {
  // `npm run bench -- --browser-only`: just the page measurements (building and loading), for web changes.
  if (process.argv.includes('--browser-only')) {
    for (const line of await browserBenchmarks()) console.log(line);
    return;
  }
  const { scenario, script } = load();
  const end = scenario.durationMinutes;
  const fullRun = () => {
    const run = replay(scenario, 1, script);
    run.advanceTo(end);
  };
  // Ours and the baseline are measured in turn, three times each, and the fastest of each kept: on a shared machine
  // a slow stretch then costs one sample, not one side of the ratio.
  const [runs = 0, bare = 1] = fastestInTurn([fullRun, () => bareMachineRun(script.length, end)], 3);
  const results: Measurement[] = [
    {
      name: `checkout-launch: full scripted run (${script.length} commands, clock to minute ${end}; fastest of 3, in turn with the baseline)`,
      perSecond: runs,
      baselineName: 'bare XState machine, same events and clock',
      baselinePerSecond: bare,
    },
  ];

  const players = [scenario.roster.onCall.primary, ...scenario.roster.responders.map((r) => r.id).filter((id) => id !== scenario.roster.onCall.primary).slice(0, 3)];
  const sixSeats: Seat[] = [...players.map(playerSeat), FACILITATOR_SEAT, OBSERVER_SEAT];
  const viewsPerDrill = seatViewsRun(scenario, script, sixSeats);
  const soloViews = seatViewsRun(scenario, script, [playerSeat(players[0]!)]);
  results.push({
    name: `6-seat drill: every seat's view after each journal change (${viewsPerDrill} views per drill; figures are views per second)`,
    perSecond: measure(() => seatViewsRun(scenario, script, sixSeats)) * viewsPerDrill,
    baselineName: 'one solo player\'s view after each change, views per second',
    baselinePerSecond: measure(() => seatViewsRun(scenario, script, [playerSeat(players[0]!)])) * soloViews,
  });

  const sample = replay(scenario, 1, script);
  sample.advanceTo(end);
  const rubricFile = 'scenarios/rubrics/default.json';
  const rubric = loadRubric(readFileSync(join(ROOT, rubricFile), 'utf8'), rubricFile);
  if (!rubric.ok) throw new Error('the default rubric must be valid');
  const journal = sample.journal();
  const gradeOnly = measure(() => grade(scenario, journal, rubric.value));
  const gradeAndReport = measure(() => {
    const report = buildReport(scenario, journal, grade(scenario, journal, rubric.value), { seed: '1' });
    renderMarkdown(report);
    renderHtml(report);
    safeJson(report);
  });
  results.push({
    name: `grading + debrief report (Markdown, HTML and JSON) of that run (${journal.length} journal entries)`,
    perSecond: gradeAndReport,
    baselineName: 'grading alone',
    baselinePerSecond: gradeOnly,
  });
  // npm run bench starts node with --expose-gc, so heap readings are taken after a full collection.
  const collect = () => (globalThis as { gc?: () => void }).gc?.();
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: 200 }, () => {
    const run = replay(scenario, 1, script);
    run.advanceTo(end);
    return run;
  });
  collect();
  const perRunKb = (process.memoryUsage().heapUsed - before) / kept.length / 1024;

  console.log('Firedrill benchmark (higher runs/s is faster; ratio = ours / baseline)\n');
  for (const r of results) {
    console.log(`${r.name}`);
    console.log(`  ours:      ${r.perSecond.toFixed(0).padStart(8)} runs/s  (${(1000 / r.perSecond).toFixed(3)} ms per run)`);
    console.log(`  baseline:  ${r.baselinePerSecond.toFixed(0).padStart(8)} runs/s  (${r.baselineName})`);
    console.log(`  ratio:     ${(r.perSecond / r.baselinePerSecond).toFixed(3)}  (ours takes ${(r.baselinePerSecond / r.perSecond).toFixed(1)}× as long as the baseline)\n`);
  }
  console.log(`memory: about ${perRunKb.toFixed(0)} KiB of heap per finished run held in memory (journal of ${sample.journal().length} entries)\n`);
  scalingLines(scenario, script, rubric.value);
  console.log('');
  for (const line of await recordsBenchmarks(scenario, script, rubric.value)) console.log(line);
  console.log('');
  if (process.argv.includes('--no-browser')) return;
  console.log('building the game and a bare Phaser page for the browser measurements…\n');
  for (const line of await browserBenchmarks()) console.log(line);
}

await main();
