import { describe, expect, it } from 'vitest';
import { createRun, describeJournal, FACILITATOR_SEAT, OBSERVER_SEAT, playerSeat, replay, type GameEvent, type JournalEntry, type Run, type ScriptEntry } from '../src/engine/index';
import { grade } from '../src/grading/index';
import { buildReport, renderHtml, renderMarkdown, safeJson } from '../src/report/index';
import { defaultRubric, script } from './support/grading';
import { loadValid } from './support/scenarios';

const scenario = loadValid('scenarios/checkout-launch.json');
const F = 'facilitator';

type Fired = Extract<GameEvent, { type: 'inject.fired' }>;
const firings = (run: Run, inject?: string) =>
  run.journal().flatMap((e) => (e.kind === 'event' && e.event.type === 'inject.fired' && (inject === undefined || e.event.inject === inject) ? [{ at: e.at, event: e.event as Fired }] : []));

/** A team drill where Alex (the paged on-call) took command and Sam holds communications. */
function teamDrill(seed = 1): Run {
  const run = createRun({ scenario, seed, seating: 'team' });
  run.send('alex', { type: 'acknowledge' });
  run.send('alex', { type: 'assign-role', role: 'commander', responder: 'alex' });
  run.send('alex', { type: 'assign-role', role: 'communications', responder: 'sam' });
  return run;
}

/** A seed whose variant is `variant`. */
function seedFor(variant: string): number {
  for (let seed = 1; seed < 200; seed++) if (createRun({ scenario, seed }).view(FACILITATOR_SEAT).truth!.variant.id === variant) return seed;
  throw new Error(`no seed draws ${variant}`);
}

describe('fire-inject', () => {
  it('should fire a scenario inject now, with the same events as its timer, and never again on its own', () => {
    const run = teamDrill();
    run.advanceTo(2);
    expect(run.send(F, { type: 'fire-inject', inject: 'vp-asks-eta' })).toMatchObject({ ok: true });
    expect(firings(run, 'vp-asks-eta')).toEqual([{ at: 2, event: { type: 'inject.fired', inject: 'vp-asks-eta', kind: 'message', from: 'lena', message: expect.stringContaining('ETA'), respondBy: 12 } }]);
    const view = run.view(playerSeat('sam'));
    expect(view.messages).toContainEqual(expect.objectContaining({ inject: 'vp-asks-eta', from: 'Lena Park', respondBy: 12, answered: false }));
    expect(view.deadlines).toContainEqual({ id: 'inject:vp-asks-eta', label: 'Answer Lena Park', dueAt: 12 });
    run.advanceTo(40);
    expect(firings(run, 'vp-asks-eta')).toHaveLength(1);
    expect(run.view(FACILITATOR_SEAT).truth!.injects.find((i) => i.id === 'vp-asks-eta')).toMatchObject({ status: 'fired', at: 2 });
  });

  it('should apply an inject’s effect on the world as its timer would', () => {
    const seed = seedFor('payment-provider');
    const run = teamDrill(seed);
    run.advanceTo(3);
    expect(run.send(F, { type: 'fire-inject', inject: 'provider-recovers' }).ok).toBe(true);
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'dependency.changed' && e.event.dependency === 'payment-provider' && e.at === 3)).toBe(true);
    expect(run.view(OBSERVER_SEAT).dependencies.find((d) => d.id === 'payment-provider')?.status).toBe('degraded');
  });

  it('should refuse an unknown inject (with a guess), one already fired and one skipped in this variant', () => {
    const run = teamDrill(seedFor('bad-deploy'));
    expect(run.send(F, { type: 'fire-inject', inject: 'vp-asks-et' })).toMatchObject({ ok: false, reason: '"vp-asks-et" is not one of this scenario\'s injects (did you mean "vp-asks-eta"?)' });
    run.advanceTo(7);
    expect(run.send(F, { type: 'fire-inject', inject: 'second-alert' })).toMatchObject({ ok: false, reason: '"second-alert" already fired (T+00:06)' });
    expect(run.send(F, { type: 'fire-inject', inject: 'provider-recovers' })).toMatchObject({ ok: false, reason: '"provider-recovers" does not happen in this run\'s variant' });
    expect(run.view(FACILITATOR_SEAT).truth!.injects.find((i) => i.id === 'provider-recovers')).toMatchObject({ status: 'skipped', at: null });
  });

  it('should fire an inject that waits on an action before the action is done, and not again when it is', () => {
    const login = loadValid('scenarios/login-errors.json');
    const run = createRun({ scenario: login, seed: 1 });
    run.send('mateo', { type: 'acknowledge' });
    expect(run.view(FACILITATOR_SEAT).truth!.injects.find((i) => i.id === 'mobile-asks')).toMatchObject({ status: 'waiting', after: '5 min after Check auth service logs' });
    expect(run.send(F, { type: 'fire-inject', inject: 'mobile-asks' }).ok).toBe(true);
    expect(run.send('mateo', { type: 'diagnose', action: 'check-auth-logs', performer: 'mateo' }).ok).toBe(true);
    // The step takes 3 to 4 minutes; its completion would have set the inject 5 minutes later.
    run.advanceTo(5);
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'action.completed' && e.event.action === 'check-auth-logs')).toBe(true);
    expect(run.view(FACILITATOR_SEAT).truth!.scheduled.map((s) => s.what)).not.toContain('Inject: mobile-asks');
    run.advanceTo(30);
    expect(run.journal().filter((e) => e.kind === 'event' && e.event.type === 'inject.fired' && e.event.inject === 'mobile-asks')).toHaveLength(1);
  });
});

describe('hold-inject', () => {
  it('should keep a scheduled inject from firing until the facilitator fires it', () => {
    const run = teamDrill();
    run.advanceTo(1);
    expect(run.send(F, { type: 'hold-inject', inject: 'support-surge' }).ok).toBe(true);
    expect(run.view(FACILITATOR_SEAT).truth!.injects.find((i) => i.id === 'support-surge')).toMatchObject({ status: 'held', at: 1 });
    expect(run.view(FACILITATOR_SEAT).truth!.scheduled.map((s) => s.what)).not.toContain('Inject: support-surge');
    run.advanceTo(60);
    expect(firings(run, 'support-surge')).toEqual([]);
    expect(run.send(F, { type: 'hold-inject', inject: 'support-surge' })).toMatchObject({ ok: false, reason: '"support-surge" is already held (since T+00:01)' });
    expect(run.send(F, { type: 'fire-inject', inject: 'support-surge' }).ok).toBe(true);
    expect(firings(run, 'support-surge').map((f) => f.at)).toEqual([60]);
    expect(run.send(F, { type: 'hold-inject', inject: 'support-surge' })).toMatchObject({ ok: false, reason: '"support-surge" already fired (T+01:00)' });
  });

  it('should hold an inject that waits on an action, so the action’s completion does not set it off', () => {
    const login = loadValid('scenarios/login-errors.json');
    const run = createRun({ scenario: login, seed: 1 });
    run.send('mateo', { type: 'acknowledge' });
    expect(run.send(F, { type: 'hold-inject', inject: 'mobile-asks' }).ok).toBe(true);
    run.send('mateo', { type: 'diagnose', action: 'check-auth-logs', performer: 'mateo' });
    run.advanceTo(30);
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'action.completed' && e.event.action === 'check-auth-logs')).toBe(true);
    expect(run.journal().some((e) => e.kind === 'event' && e.event.type === 'inject.fired' && e.event.inject === 'mobile-asks')).toBe(false);
  });

  it('should refuse an unknown or skipped inject', () => {
    const run = teamDrill(seedFor('bad-deploy'));
    expect(run.send(F, { type: 'hold-inject', inject: 'nope' })).toMatchObject({ ok: false, reason: expect.stringContaining('is not one of this scenario\'s injects') });
    expect(run.send(F, { type: 'hold-inject', inject: 'provider-recovers' })).toMatchObject({ ok: false, reason: expect.stringContaining('does not happen') });
  });

  it('should keep holding and firing out of every player’s and observer’s view', () => {
    const run = teamDrill();
    run.send(F, { type: 'hold-inject', inject: 'support-surge' });
    run.send(F, { type: 'hold-inject', inject: 'support-surge' });
    run.send(F, { type: 'fire-inject', inject: 'second-alert' });
    for (const seat of [playerSeat('alex'), playerSeat('sam'), OBSERVER_SEAT]) {
      const text = JSON.stringify(run.view(seat));
      expect(text).not.toContain('support-surge');
      expect(text).not.toContain('held');
    }
    // The message the team receives is seen, as if it had come on time.
    expect(run.view(playerSeat('sam')).messages.map((m) => m.inject)).toEqual(['second-alert']);
    // The facilitator's own tools show every entry.
    expect(describeJournal(run.journal(), scenario, 'facilitator').map((t) => t.text)).toEqual(expect.arrayContaining(['facilitator held the inject "support-surge"', 'facilitator fired the inject "second-alert"']));
  });
});

describe('custom-inject', () => {
  const ask = { type: 'custom-inject', kind: 'executive', from: 'Dana Reyes (CFO)', message: 'Are we losing revenue? I need a number for the board.', respondBy: 10 } as const;

  it('should reach the players as a message they can answer, with a deadline', () => {
    const run = teamDrill();
    run.advanceTo(3);
    expect(run.send(F, ask).ok).toBe(true);
    expect(firings(run)).toEqual([{ at: 3, event: { type: 'inject.fired', inject: 'custom-1', kind: 'executive', from: 'Dana Reyes (CFO)', message: ask.message, respondBy: 13 } }]);
    const view = run.view(playerSeat('sam'));
    expect(view.messages).toEqual([expect.objectContaining({ inject: 'custom-1', from: 'Dana Reyes (CFO)', message: ask.message, respondBy: 13, answered: false })]);
    expect(view.deadlines).toContainEqual({ id: 'inject:custom-1', label: 'Answer Dana Reyes (CFO)', dueAt: 13 });
    expect(view.timeline.map((t) => t.text)).toContain(`Dana Reyes (CFO): ${ask.message}`);
    // Only the lead who may answer stakeholders does.
    expect(run.send('priya', { type: 'respond', inject: 'custom-1', text: 'hi' }).ok).toBe(false);
    run.advanceTo(5);
    expect(run.send('sam', { type: 'respond', inject: 'custom-1', text: 'About 4% of orders so far; next update in 15 minutes.' }).ok).toBe(true);
    const after = run.view(playerSeat('alex'));
    expect(after.messages[0]).toMatchObject({ answered: true, answer: expect.stringContaining('4%') });
    expect(after.deadlines.map((d) => d.id)).not.toContain('inject:custom-1');
    expect(after.timeline.map((t) => t.text)).toContain('Sam Okafor answered Dana Reyes (CFO)');
    expect(run.send('sam', { type: 'respond', inject: 'custom-1', text: 'again' })).toMatchObject({ ok: false, reason: '"custom-1" does not need an answer, or has one already' });
  });

  it('should be graded by stakeholders-answered under the name it was sent with', () => {
    const answered = teamDrill();
    answered.send(F, ask);
    answered.advanceTo(4);
    answered.send('sam', { type: 'respond', inject: 'custom-1', text: 'Looking into it' });
    answered.advanceTo(8);
    const unanswered = teamDrill();
    unanswered.send(F, { ...ask, from: 'lena' });
    unanswered.advanceTo(30);
    const messages = (run: Run) => grade(scenario, run.journal(), defaultRubric()).findings.filter((f) => f.check === 'stakeholders-answered').map((f) => f.message);
    expect(messages(answered)).toContain('Dana Reyes (CFO)\'s question was answered after 4 minutes.');
    // A custom sender is a name as written, even one that reads like a roster id.
    expect(messages(unanswered)).toContain(`lena's question ("${ask.message}") was never answered.`);
    expect(unanswered.view(playerSeat('sam')).messages.find((m) => m.inject === 'custom-1')?.from).toBe('lena');
  });

  it('should need no answer without respondBy, and number each one past the scenario’s own ids', () => {
    const withCustomId = { ...scenario, injects: [...scenario.injects, { ...scenario.injects[0]!, id: 'custom-2', at: 100 }] };
    const run = createRun({ scenario: withCustomId, seed: 1 });
    const note = { type: 'custom-inject', kind: 'support', from: 'Omar', message: 'FYI: tickets are piling up' } as const;
    run.send(F, note);
    run.send(F, note);
    expect(firings(run).map((f) => [f.event.inject, f.event.respondBy])).toEqual([['custom-1', null], ['custom-3', null]]);
    expect(run.view(OBSERVER_SEAT).deadlines.map((d) => d.id)).toEqual(['acknowledge']);
  });

  it('should refuse payloads beyond the limits', () => {
    const run = teamDrill();
    for (const bad of [
      { ...ask, from: 'x'.repeat(81) },
      { ...ask, from: '   ' },
      { ...ask, message: 'x'.repeat(2001) },
      { ...ask, message: '' },
      { ...ask, respondBy: 0 },
      { ...ask, respondBy: 1441 },
      { ...ask, kind: 'press' },
      { ...ask, extra: true },
    ]) {
      expect(run.send(F, bad)).toMatchObject({ ok: false, seq: null, reason: expect.stringContaining('not a valid command') });
    }
    expect(run.send(F, { ...ask, from: 'x'.repeat(80), message: 'x'.repeat(2000), respondBy: 1440 }).ok).toBe(true);
  });
});

describe('observe', () => {
  const NOTE = 'Sam <b>froze</b> when Lena asked for an ETA & nobody took "comms"';

  it('should keep the note out of every player and observer view and give it to the facilitator', () => {
    const run = teamDrill();
    run.advanceTo(4.5);
    expect(run.send(F, { type: 'observe', about: 'sam', text: NOTE }).ok).toBe(true);
    run.send(F, { type: 'observe', about: 'team', text: 'Good energy' });
    for (const seat of [playerSeat('alex'), playerSeat('sam'), playerSeat('priya'), OBSERVER_SEAT]) {
      const text = JSON.stringify(run.view(seat));
      expect(text).not.toContain('froze');
      expect(text).not.toContain('Good energy');
      expect(run.view(seat).truth).toBeUndefined();
    }
    expect(run.view(FACILITATOR_SEAT).truth!.observations).toEqual([
      { seq: expect.any(Number), at: 4.5, about: 'sam', name: 'Sam Okafor', text: NOTE },
      { seq: expect.any(Number), at: 4.5, about: 'team', name: 'the team', text: 'Good energy' },
    ]);
  });

  it('should refuse someone who is neither the team nor on the roster, with a guess', () => {
    const run = teamDrill();
    expect(run.send(F, { type: 'observe', about: 'smo', text: 'x' })).toMatchObject({ ok: false, reason: expect.stringContaining('is neither "team" nor on this incident\'s roster') });
    expect(run.send(F, { type: 'observe', about: 'tem', text: 'x' })).toMatchObject({ ok: false, reason: expect.stringContaining('(did you mean "team"?)') });
    expect(run.send(F, { type: 'observe', about: 'team', text: 'x'.repeat(2001) })).toMatchObject({ ok: false, reason: expect.stringContaining('too long') });
    expect(run.view(FACILITATOR_SEAT).truth!.observations).toEqual([]);
  });

  it('should be listed in the report (escaped) and ignored by grading', () => {
    const rubric = defaultRubric();
    const expert = script('checkout-launch', 'expert');
    const plain = replay(scenario, 1, expert).journal();
    // The same run with a note at the start, one in the middle, and one after the team's last command.
    const middle = expert[Math.floor(expert.length / 2)]!;
    const last = expert.at(-1)!;
    const noted: ScriptEntry[] = [
      { at: 0, by: F, command: { type: 'observe', about: 'alex', text: NOTE } },
      ...expert.slice(0, expert.indexOf(middle)),
      { at: middle.at, by: F, command: { type: 'observe', about: 'team', text: 'Calm hand-off' } },
      ...expert.slice(expert.indexOf(middle), -1),
      { at: last.at, by: F, command: { type: 'observe', about: 'team', text: 'Wrapped up well' } },
      last,
    ];
    const journal = replay(scenario, 1, noted).journal();
    expect(journal.filter((e) => e.kind === 'event' && e.event.type === 'command.rejected')).toEqual([]);
    const withoutSeq = (entries: readonly JournalEntry[]) => entries.map(({ seq: _seq, ...rest }) => rest);
    expect(withoutSeq(journal.filter((e) => !(e.kind === 'command' && e.command.type === 'observe')))).toEqual(withoutSeq(plain));

    const score = grade(scenario, journal, rubric);
    const plainScore = grade(scenario, plain, rubric);
    expect(score.overall).toBe(plainScore.overall);
    expect(score.categories).toEqual(plainScore.categories);
    expect(score.findings.map((f) => [f.check, f.points, f.message])).toEqual(plainScore.findings.map((f) => [f.check, f.points, f.message]));
    expect(JSON.stringify(score)).not.toContain('froze');

    const report = buildReport(scenario, journal, score, { seed: '1' });
    expect(report.observations).toEqual([
      { at: 0, time: 'T+00:00', about: 'Alex Rivera', text: NOTE },
      { at: middle.at, time: expect.any(String), about: 'The team', text: 'Calm hand-off' },
      { at: last.at, time: expect.any(String), about: 'The team', text: 'Wrapped up well' },
    ]);
    expect(report.timeline.map((t) => t.text).join('\n')).not.toContain('froze');
    const md = renderMarkdown(report);
    expect(md).toContain("## Facilitator's observations");
    expect(md).toContain('- T+00:00, about Alex Rivera: Sam &lt;b&gt;froze&lt;/b&gt; when Lena asked for an ETA &amp; nobody took "comms"');
    const html = renderHtml(report);
    expect(html).toContain("Facilitator's observations</h2>");
    expect(html).toContain('Sam &lt;b&gt;froze&lt;/b&gt; when Lena asked for an ETA &amp; nobody took &quot;comms&quot;');
    expect(html).not.toContain('<b>froze');
    const json = safeJson(report);
    expect(json).not.toContain('<b>');
    expect(JSON.parse(json).observations[0].text).toBe(NOTE);
    expect(renderMarkdown(buildReport(scenario, plain, plainScore, { seed: '1' }))).not.toContain('observations');
  });
});

describe('facilitator commands: who, when, and replay', () => {
  const commands = [
    { type: 'fire-inject', inject: 'vp-asks-eta' },
    { type: 'hold-inject', inject: 'support-surge' },
    { type: 'custom-inject', kind: 'customer', from: 'A customer', message: 'My card was charged twice' },
    { type: 'observe', about: 'team', text: 'A note' },
  ] as const;

  it('should refuse them to players in a team drill, and offer them to the facilitator only', () => {
    const run = teamDrill();
    for (const command of commands) {
      const words = command.type.replace('-', ' ');
      expect(run.send('alex', command)).toMatchObject({ ok: false, reason: `Alex Rivera may not ${words}: the facilitator does` });
      expect(run.send('sam', command)).toMatchObject({ ok: false, reason: `Sam Okafor may not ${words}: the facilitator does` });
    }
    expect(firings(run)).toEqual([]);
    for (const type of commands.map((c) => c.type)) {
      expect(run.available(playerSeat('alex'))).not.toContain(type);
      expect(run.available(FACILITATOR_SEAT)).toContain(type);
    }
    for (const command of commands) expect(run.send(F, command).ok).toBe(true);
  });

  it('should keep them the facilitator’s even in a solo drill, where the one player may issue everything else', () => {
    // A solo player who could fire or hold injects, or read why not, would learn what the scenario holds in store.
    const run = createRun({ scenario, seed: 1 });
    for (const command of commands) expect(run.send('alex', command)).toMatchObject({ ok: false, reason: `Alex Rivera may not ${command.type.replace('-', ' ')}: the facilitator does` });
    for (const type of commands.map((c) => c.type)) expect(run.available(playerSeat('alex'))).not.toContain(type);
    expect(run.send('alex', { type: 'acknowledge' }).ok).toBe(true);
  });

  it('should accept them from the page until the drill is finished, and not after', () => {
    const run = createRun({ scenario, seed: 1, seating: 'team' });
    expect(run.phase()).toBe('paged');
    for (const command of commands) expect(run.send(F, command).ok).toBe(true);
    const finished = replay(scenario, 1, script('checkout-launch', 'expert'));
    expect(finished.phase()).toBe('debriefed');
    for (const command of commands) expect(finished.send(F, command)).toMatchObject({ ok: false, reason: 'the drill is over' });
  });

  it('should replay a journal with facilitator commands, refusals included, exactly', () => {
    const live = teamDrill();
    const play: Array<[number, string, unknown]> = [
      [1, F, { type: 'hold-inject', inject: 'vp-asks-eta' }],
      [2, F, { type: 'custom-inject', kind: 'executive', from: 'Dana Reyes (CFO)', message: 'Numbers?', respondBy: 5 }],
      [2, 'alex', { type: 'fire-inject', inject: 'second-alert' }],
      [3, F, { type: 'fire-inject', inject: 'second-alert' }],
      [4, 'sam', { type: 'respond', inject: 'custom-1', text: 'Soon' }],
      [5, F, { type: 'observe', about: 'sam', text: 'Quick answer' }],
      [6, F, { type: 'fire-inject', inject: 'second-alert' }],
      [9, F, { type: 'custom-inject', kind: 'other', from: 'Legal', message: 'Anything to disclose?', respondBy: 10 }],
      [15, F, { type: 'fire-inject', inject: 'vp-asks-eta' }],
      [16, F, { type: 'hold-inject', inject: 'vp-asks-eta' }],
      [17, F, { type: 'observe', about: 'nobody', text: 'typo' }],
    ];
    for (const [at, by, command] of play) {
      live.advanceTo(at);
      live.send(by, command);
    }
    live.advanceTo(40);
    const replayed = replay(scenario, 1, live.commands(), 40, { seating: 'team' });
    expect(replayed.journal()).toEqual(live.journal());
    expect(replayed.state()).toEqual(live.state());
    expect(replayed.view(FACILITATOR_SEAT)).toEqual(live.view(FACILITATOR_SEAT));
    // Refused: Alex's fire, the second fire of second-alert, the hold of a fired inject, the note about nobody.
    expect(live.journal().filter((e) => e.kind === 'event' && e.event.type === 'command.rejected')).toHaveLength(4);
  });
});

describe('call-time', () => {
  it('should end the incident as the time limit does, so the facilitator can finish the drill at once', () => {
    const run = teamDrill();
    run.advanceTo(5);
    expect(run.send('alex', { type: 'call-time' })).toMatchObject({ ok: false, reason: 'Alex Rivera may not call time: the facilitator does' });
    expect(run.send(F, { type: 'finish' }).ok).toBe(false);
    expect(run.send(F, { type: 'call-time' })).toMatchObject({ ok: true });
    expect(run.phase()).toBe('postmortem');
    expect(run.view(playerSeat('sam')).timeline.map((t) => t.text)).toContain('Time is up: the incident passes to the next shift');
    // Nobody on this shift can meet the incident's deadlines any more: none is left counting down, none falls due.
    expect(run.view(playerSeat('sam')).deadlines).toEqual([]);
    run.advanceTo(120);
    expect(run.journal().filter((e) => e.kind === 'event' && e.event.type === 'deadline.missed' && e.at > 5)).toEqual([]);
    expect(run.send(F, { type: 'finish' })).toMatchObject({ ok: true });
    expect(run.isOver()).toBe(true);
    // The debrief grades what happened: the incident was never mitigated.
    const score = grade(scenario, run.journal(), defaultRubric());
    expect(score.findings.find((f) => f.check === 'time-to-mitigate')!.message).toBe('The impact was never mitigated.');
  });

  it('should not be taken once the team is already at the postmortem, nor in a solo drill', () => {
    const finished = replay(scenario, 1, script('checkout-launch', 'expert'));
    expect(finished.send(F, { type: 'call-time' }).ok).toBe(false);
    expect(createRun({ scenario, seed: 1 }).send('alex', { type: 'call-time' }).ok).toBe(false);
  });
});

describe("the expert's path", () => {
  it('should give the facilitator, and only them, the steps an expert takes through the variant drawn', () => {
    for (const seed of [1, 2, 3, 4]) {
      const run = createRun({ scenario, seed, seating: 'team' });
      const truth = run.view(FACILITATOR_SEAT).truth!;
      const variant = scenario.variants.find((v) => v.id === truth.variant.id)!;
      expect(truth.expertPath[0]).toBe(`Acknowledge the page and declare ${truth.trueSeverity}`);
      expect(truth.expertPath.join('\n')).toContain(`Announce, then apply: ${truth.variant.rightFix}`);
      for (const id of variant.keyDiagnosis) expect(truth.expertPath.join('\n')).toContain(scenario.diagnosis.find((d) => d.id === id)!.label);
      expect(JSON.stringify(run.view(playerSeat('alex')))).not.toContain('Announce, then apply');
      expect(JSON.stringify(run.view(OBSERVER_SEAT))).not.toContain('Announce, then apply');
    }
  });
});
