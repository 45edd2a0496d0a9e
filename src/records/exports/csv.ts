/**
 * The results export as CSV: one row per person per drill, for a manager's spreadsheet (for a team: this team's group
 * drills and members' solo runs, the rows its page shows). Written for Excel and
 * LibreOffice as much as for programs, which is why it carries a BOM, CRLF line ends and formula neutralising.
 */
import { CATEGORIES, type Category } from '../../engine/policy/rubric';
import { MISTAKE_LABELS } from '../../grading/check';
import { INCIDENT_ROLE_LABELS, ownPart } from '../describe';
import type { PersonDrillResult } from '../model';

// Excel reads a BOM-less CSV in the machine's legacy code page, turning "José" into "JosÃ©"; the BOM makes it UTF-8.
const BOM = '\uFEFF';
// RFC 4180 ends records with CRLF; spreadsheets accept it everywhere, while a bare LF upsets some importers.
const CRLF = '\r\n';

export const CSV_COLUMNS = [
  'played_at',
  'drill_id',
  'kind',
  'scenario_id',
  'scenario_title',
  'seed',
  'difficulty',
  'team_id',
  'person_id',
  'person',
  'responder',
  'responder_name',
  // Display names ("Incident commander; Communications"), as on the records pages; `role_ids` keeps the ids
  // ("commander; communications") for programs, which should not have to parse labels.
  'roles',
  'role_ids',
  'roles_source',
  'rubric_id',
  'result_version',
  'overall',
  'level',
  ...CATEGORIES.map((c) => `${c}_score` as const),
  'mistakes',
  // Every points column is a positive amount, and its name says whether it was earned or lost (the records keep lost
  // points as negative numbers; they are written here as the amount lost). They are rubric check points, hundreds a
  // drill, not scores: own_share_percent says the own part readably (describe.ts). In a solo run the person issued every
  // command, so their own part is the whole drill: own_share_percent is 100 and own_points_* are the drill's points
  // (their own recorded points where the drill's totals were not kept).
  'own_share_percent',
  'own_points_earned',
  'own_points_lost',
  'drill_points_earned',
  'drill_points_lost',
] as const;

/** A cell is either text (which may come from a player and is neutralised) or a number we formatted ourselves. */
type Cell = { text: string } | { number: number } | { empty: true };

/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`);
 * tab and CR are on the list because some apps strip them and then see the formula behind. Player names and scenario
 * titles reach this file, so a leading single quote turns such a cell into plain text (OWASP's advice for CSV
 * injection). Numbers are exempt: we format them, and quoting "-3" would stop it being a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding a comma, a quote or a line break goes in quotes, with its quotes doubled. */
function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Scores are whole numbers, but credited and deducted points can be fractions: round off float noise (0.30000000000000004). */
function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '';
}

function cell(value: Cell): string {
  if ('empty' in value) return '';
  return quoteField('text' in value ? neutraliseFormula(value.text) : formatNumber(value.number));
}

function total(points: Partial<Record<Category, number>>): number {
  return CATEGORIES.reduce((sum, c) => sum + (points[c] ?? 0), 0);
}

function rowCells(row: PersonDrillResult): Cell[] {
  const text = (t: string) => ({ text: t });
  const number = (n: number) => ({ number: n });
  // A mistake named twice in one drill is one mistake to the reader.
  const mistakes = [...new Set(row.mistakes)].map((m) => MISTAKE_LABELS[m] ?? m);
  const own = ownPart([row]);
  const solo = row.kind === 'solo';
  const ownEarned = solo && row.drillPoints ? row.drillPoints.earned : total(row.credited);
  const ownLost = solo && row.drillPoints ? row.drillPoints.lost : Math.abs(total(row.deducted));
  const maybe = (n: number | null | undefined): Cell => (n === null || n === undefined ? { empty: true } : number(n));
  return [
    text(row.playedAt),
    text(row.drillId),
    text(row.kind),
    text(row.scenarioId),
    text(row.scenarioTitle),
    text(row.seed),
    text(row.difficulty),
    text(row.teamId ?? ''),
    text(row.person.id),
    text(row.person.displayName),
    text(row.responder),
    text(row.responderName),
    text(row.roles.map((r) => INCIDENT_ROLE_LABELS[r] ?? r).join('; ')),
    text(row.roles.join('; ')),
    text(row.rolesSource),
    text(row.rubricId),
    number(row.resultVersion),
    number(row.overall),
    text(row.level),
    ...CATEGORIES.map((c) => number(row.categories[c])),
    text(mistakes.join('; ')),
    solo ? number(100) : maybe(own.sharePercent),
    number(ownEarned),
    number(ownLost),
    maybe(row.drillPoints?.earned),
    maybe(row.drillPoints?.lost),
  ];
}

/**
 * The rows in the order given (the caller's query decides it), under a header row. Every row is kept as it is,
 * re-graded versions included: `result_version` tells them apart, and a raw export should not hide data.
 */
export function resultsCsv(rows: PersonDrillResult[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => rowCells(row).map(cell).join(','))];
  return BOM + lines.map((line) => line + CRLF).join('');
}
