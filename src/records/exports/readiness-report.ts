/**
 * The printable readiness report: one standalone HTML page a manager can print or file for an audit, saying who on
 * the team practised incident response, when, how they did, and which controls the drills are evidence toward.
 *
 * It is built from the records alone, so it states only what they hold: the responder each person played (by its roster
 * name), the incident roles they held and the scenario, not the severities declared in the drill. The same input gives the same bytes
 * (no clock, no locale-dependent formatting), so a filed copy can be regenerated and compared.
 */
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../engine/policy/rubric';
import { MISTAKE_LABELS, type CommonMistake } from '../../grading/check';
import { escapeHtml as x } from '../../report/escape';
import { OWN_PART_EXPLAINED, ownPart, ownPartWords, playedAsWords, TEAM_RESULTS_SCOPE, type OwnPart } from '../describe';
import type { PersonDrillResult } from '../model';

export interface ReadinessReportInput {
  team: { name: string };
  /** Shown as given, e.g. "2026-04-01": the caller's date, since the report reads no clock. */
  generatedOn: string;
  rows: PersonDrillResult[];
  /** The period, as YYYY-MM-DD (whole days, UTC) or ISO date-times; drills outside it are left out. */
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: string, what: string): number {
  const time = Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new RangeError(`${what} ${JSON.stringify(value)} is not an ISO 8601 date or date-time`);
  return time;
}

/** "2026-03-02 14:05 UTC": the same everywhere, unlike toLocaleString. */
function when(time: number): string {
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Rounded to a whole number, as the grader's scores are. */
const average = (values: number[]) => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

// A fixed locale, so the order of names does not depend on the machine printing the report.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

interface Row extends PersonDrillResult {
  time: number;
}

/**
 * The rows that count: in the period, and one per person per drill. A re-grade adds a version of a result rather than
 * replacing it; the report counts the latest, so a re-graded drill is not counted twice.
 */
function rowsInPeriod(input: ReadinessReportInput): Row[] {
  const from = input.from === undefined ? -Infinity : instant(input.from, 'from');
  // A day given as the end of the period includes that whole day.
  const to = input.to === undefined ? Infinity : instant(input.to, 'to') + (DAY.test(input.to) ? 86_400_000 - 1 : 0);
  const latest = new Map<string, Row>();
  for (const row of input.rows) {
    const time = instant(row.playedAt, `drill ${row.drillId}: playedAt`);
    if (time < from || time > to) continue;
    const key = JSON.stringify([row.drillId, row.person.id]);
    const kept = latest.get(key);
    if (!kept || row.resultVersion > kept.resultVersion) latest.set(key, { ...row, time });
  }
  return [...latest.values()].sort(
    (a, b) => a.time - b.time || compareText(a.drillId, b.drillId) || compareText(a.person.id, b.person.id),
  );
}

/** Code-point order for ids: deterministic and locale-free. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface PersonSummary {
  id: string;
  name: string;
  drills: number;
  latest: Row;
  overall: number | null;
  categories: Record<Category, number | null>;
  mistakes: { mistake: CommonMistake; drills: number }[];
  own: OwnPart;
  /** "Alex Rivera (Incident commander)": each responder and roles the person played, once. */
  playedAs: string[];
  scenarios: string[];
}

function summarise(rows: Row[]): PersonSummary[] {
  const byPerson = new Map<string, Row[]>();
  for (const row of rows) byPerson.set(row.person.id, [...(byPerson.get(row.person.id) ?? []), row]);
  const people = [...byPerson.entries()].map(([id, own]): PersonSummary => {
    const latest = own[own.length - 1]!;
    const mistakeDrills = new Map<CommonMistake, number>();
    for (const row of own) for (const mistake of new Set(row.mistakes)) mistakeDrills.set(mistake, (mistakeDrills.get(mistake) ?? 0) + 1);
    return {
      id,
      // The name as last recorded: people rename themselves, and the latest is what colleagues know.
      name: latest.person.displayName,
      drills: own.length,
      latest,
      overall: average(own.map((r) => r.overall)),
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, average(own.map((r) => r.categories[c]))])) as Record<Category, number | null>,
      mistakes: [...mistakeDrills.entries()]
        .map(([mistake, drills]) => ({ mistake, drills }))
        .sort((a, b) => b.drills - a.drills || compareText(a.mistake, b.mistake)),
      // The person's own part, since a group drill's scores are the team's.
      own: ownPart(own),
      playedAs: [...new Set(own.map(playedAsWords))].sort(collator.compare),
      scenarios: [...new Set(own.map((r) => r.scenarioTitle))].sort(collator.compare),
    };
  });
  return people.sort((a, b) => collator.compare(a.name, b.name) || compareText(a.id, b.id));
}


const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const score = (n: number | null) => (n === null ? '—' : String(n));
const list = (items: string[]) => (items.length === 0 ? 'none' : items.map(x).join(', '));

const STYLE = `
:root{color-scheme:light}
body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:72rem;margin:0 auto;padding:2rem 1.5rem;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #d7dbe3;padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
.note{color:#4a5262;margin:.25rem 0}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0}dl.summary dt{font-weight:600}dl.summary dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #d7dbe3;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#eef0f4}caption{text-align:left;caption-side:top}.when{white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.person{break-inside:avoid}.person dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}.person dt{color:#4a5262}.person dd{margin:0}
.control dt{font-weight:600;margin-top:.6rem}.control dd{margin:.2rem 0 0 0}
@page{size:A4 landscape;margin:14mm}
@media print{body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}h2,h3{break-after:avoid}tr,.control dd{break-inside:avoid}thead{display:table-header-group}}
`;

function periodWords(input: ReadinessReportInput, rows: Row[]): string {
  const show = (value: string) => (DAY.test(value) ? value : when(instant(value, 'period')));
  if (input.from !== undefined && input.to !== undefined) return `${x(show(input.from))} to ${x(show(input.to))}`;
  if (input.from !== undefined) return `from ${x(show(input.from))}`;
  if (input.to !== undefined) return `up to ${x(show(input.to))}`;
  if (rows.length === 0) return 'all records (none found)';
  return `all records: ${day(rows[0]!.time)} to ${day(rows[rows.length - 1]!.time)}`;
}

function peopleTable(people: PersonSummary[]): string {
  const head = ['<th scope="col">Person</th>', '<th scope="col" class="n">Drills</th>', '<th scope="col">Latest level</th>', '<th scope="col" class="n">Average overall</th>']
    .concat(CATEGORIES.map((c) => `<th scope="col" class="n">${x(CATEGORY_LABELS[c])}</th>`))
    .join('');
  const body = people
    .map((p) =>
      [
        `<th scope="row">${x(p.name)}</th>`,
        `<td class="n">${p.drills}</td>`,
        `<td>${x(p.latest.level)} <span class="note when">(${day(p.latest.time)})</span></td>`,
        `<td class="n">${score(p.overall)}</td>`,
        ...CATEGORIES.map((c) => `<td class="n">${score(p.categories[c])}</td>`),
      ].join(''),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join('');
  return `<table><caption class="note">Averages over the person’s drills in the period, out of 100. In a group drill the score and level are the team’s, shared by everyone who played it.</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function personPractice(p: PersonSummary): string {
  const mistakes = p.mistakes.map((m) => `${x(MISTAKE_LABELS[m.mistake] ?? m.mistake)} (in ${m.drills} of ${plural(p.drills, 'drill')})`);
  return (
    `<div class="person"><h3>${x(p.name)}</h3><dl>` +
    `<dt>Played as</dt><dd>${list(p.playedAs)}</dd>` +
    `<dt>Scenarios practised</dt><dd>${list(p.scenarios)}</dd>` +
    `<dt>Own part</dt><dd>${x(ownPartWords(p.own))}</dd>` +
    `<dt>Common mistakes seen</dt><dd>${mistakes.length === 0 ? 'none' : mistakes.join('; ')}</dd>` +
    `</dl></div>`
  );
}

function drillLog(rows: Row[]): string {
  const drills = new Map<string, Row[]>();
  for (const row of rows) drills.set(row.drillId, [...(drills.get(row.drillId) ?? []), row]);
  const body = [...drills.values()]
    .map((own) => {
      const first = own[0]!;
      // A group drill has one team score, recorded on each person's row; show each distinct value once.
      const scores = [...new Set(own.map((r) => r.overall))].join(', ');
      const levels = [...new Set(own.map((r) => r.level))].map(x).join(', ');
      const who = own.map((r) => `${x(r.person.displayName)} <span class="note">as ${x(playedAsWords(r))}</span>`).join('<br>');
      return `<tr><td class="when">${when(first.time)}</td><td>${x(first.scenarioTitle)}</td><td>${first.kind === 'group' ? 'Group' : 'Solo'}</td><td>${x(first.difficulty)}</td><td>${who}</td><td class="n">${scores}</td><td>${levels}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Played</th><th scope="col">Scenario</th><th scope="col">Kind</th><th scope="col">Difficulty</th><th scope="col">Participants</th><th scope="col" class="n">Score</th><th scope="col">Level</th></tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * What the drills evidence, worded with care: records toward NIST SP 800-53 Rev. 5 IR-2 and IR-3, never a claim
 * that a control is met. The organisation defines the control's parameters (who, by when, how often, which tests)
 * and an assessor judges; a training game can only supply dated, attributable practice.
 */
function controls(rows: Row[], people: PersonSummary[]): string {
  const drills = new Set(rows.map((r) => r.drillId)).size;
  const groupDrills = new Set(rows.filter((r) => r.kind === 'group').map((r) => r.drillId)).size;
  const intro =
    '<p>Firedrill drills are simulated incidents, played against the team’s incident policy (its rubric) and graded on the response process. ' +
    'Their records can be offered as evidence toward two controls of NIST SP 800-53 Revision 5. They are evidence for an assessor to weigh, ' +
    'not a certification: whether a control is satisfied depends on parameters the organisation defines (who must be trained, by when and how often; ' +
    'which tests, how often) and on an assessment this report does not make.</p>';
  if (rows.length === 0) return `<section aria-labelledby="controls"><h2 id="controls">Controls these records support</h2>${intro}<p>No drills were recorded in this period, so it offers no evidence toward either control.</p></section>`;
  return (
    `<section aria-labelledby="controls" class="control"><h2 id="controls">Controls these records support</h2>${intro}<dl>` +
    '<dt>IR-2 Incident Response Training</dt>' +
    '<dd>The control asks for incident response training for system users consistent with their roles and responsibilities: within an organisation-defined ' +
    'time of taking on an incident response role, when system changes require it, and at an organisation-defined frequency after that. ' +
    `In this period ${plural(people.length, 'person', 'people')} practised in ${plural(drills, 'drill')}; the records show who practised, when, how often, ` +
    'in which responder role, and how they did. Drills are simulated events, the kind of training the IR-2(1) enhancement describes. ' +
    'The records do not show when each person took on their role, that the scenarios match the organisation’s own incident response plan, or who has not practised.</dd>' +
    '<dt>IR-3 Incident Response Testing</dt>' +
    '<dd>The control asks that the effectiveness of the incident response capability be tested at an organisation-defined frequency using ' +
    'organisation-defined tests; its discussion names tabletop exercises and simulations among them. ' +
    (groupDrills === 0
      ? 'This period holds no group drills: solo drills train individuals but do not exercise the team’s response together, so they are weak evidence here. '
      : `In this period the team exercised its response together in ${plural(groupDrills, 'group drill')}; their scores and the common mistakes they found record weaknesses to address. `) +
    'A drill tests the response process against a scripted scenario, not the organisation’s own systems, tools or contacts.</dd></dl></section>'
  );
}

export function readinessReportHtml(input: ReadinessReportInput): string {
  const rows = rowsInPeriod(input);
  const people = summarise(rows);
  const drills = new Set(rows.map((r) => r.drillId));
  const group = new Set(rows.filter((r) => r.kind === 'group').map((r) => r.drillId)).size;
  const rubrics = [...new Set(rows.map((r) => r.rubricId))].sort(compareText);
  const h: string[] = [];
  h.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  // Defence in depth for a file that travels: even if some text escaped escaping, nothing in it could run or load.
  h.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<title>Incident response readiness: ${x(input.team.name)}</title><style>${STYLE}</style></head><body><main>`);
  h.push(`<h1>Incident response readiness: ${x(input.team.name)}</h1>`);
  h.push('<p class="note">From Firedrill drill records. Drills are blameless practice: the scores describe how a simulated response followed the team’s policy, not a judgement of people.</p>');
  h.push('<dl class="summary">');
  h.push(`<dt>Team</dt><dd>${x(input.team.name)}</dd>`);
  h.push(`<dt>Period</dt><dd>${periodWords(input, rows)}</dd>`);
  h.push(`<dt>Generated on</dt><dd>${x(input.generatedOn)}</dd>`);
  h.push(`<dt>Drills</dt><dd>${plural(drills.size, 'drill')} (${group} group, ${drills.size - group} solo): ${x(TEAM_RESULTS_SCOPE.toLowerCase())}</dd>`);
  h.push(`<dt>People</dt><dd>${people.length}</dd>`);
  h.push(`<dt>Graded under</dt><dd>${rubrics.length === 0 ? '—' : `${rubrics.length === 1 ? 'rubric' : 'rubrics'} ${list(rubrics)}`}</dd>`);
  h.push('</dl>');
  if (rows.length === 0) {
    h.push('<p>No drills were recorded for this team in this period.</p>');
  } else {
    h.push(`<section aria-labelledby="people"><h2 id="people">Readiness by person</h2>${peopleTable(people)}</section>`);
    h.push(`<section aria-labelledby="practice"><h2 id="practice">What each person practised</h2><p class="note">${x(OWN_PART_EXPLAINED)} Roles are those each person held in the drill; “suggested” marks a drill recorded before roles were kept, showing the role suggested for the responder.</p>${people.map(personPractice).join('')}</section>`);
    h.push(`<section aria-labelledby="log"><h2 id="log">Drill log</h2>${drillLog(rows)}</section>`);
  }
  h.push(controls(rows, people));
  h.push('</main></body></html>\n');
  return h.join('\n');
}
