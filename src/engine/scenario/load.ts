import { hashText } from '../hash';
import { readJsonDocument, schemaProblems } from './document';
import { type Problem } from './problems';
import { referenceProblems } from './references';
import { ScenarioSchema, type Scenario } from './schema';

export type LoadResult<T> = { ok: true; value: T; hash: string } | { ok: false; problems: Problem[] };

/**
 * Loads a scenario from its text. Never throws for bad input: every syntax, schema and cross-reference problem is
 * returned at once, sorted by position.
 */
export function loadScenario(text: string, file: string): LoadResult<Scenario> {
  const doc = readJsonDocument(file, text);
  const problems = [...doc.syntaxProblems];
  let scenario: Scenario | undefined;
  // A syntax error leaves the structure unreliable: more checks would only report its echoes.
  if (doc.root && problems.length === 0) {
    const parsed = ScenarioSchema.safeParse(doc.value);
    if (parsed.success) scenario = parsed.data;
    else problems.push(...schemaProblems(doc, ScenarioSchema, parsed.error.issues));
    problems.push(...referenceProblems(doc));
  }
  if (problems.length > 0 || !scenario) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, value: scenario, hash: scenarioHash(scenario) };
}

/** Identifies a scenario's content, so a save made against another version is recognised. */
export function scenarioHash(scenario: Scenario): string {
  const { $schema: _ignored, ...content } = scenario;
  return hashText(JSON.stringify(content));
}

export function sortProblems(problems: Problem[]): Problem[] {
  const unique = new Map<string, Problem>();
  for (const p of problems) unique.set(`${p.line}:${p.column}:${p.path}:${p.message}`, p);
  return [...unique.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}
