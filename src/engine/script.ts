import { ScriptSchema, type ScriptEntry } from './commands/registry';
import { MAX_RUN_CHARS } from './limits';
import { problemAt, readJsonDocument, schemaProblems } from './scenario/document';
import { sortProblems } from './scenario/load';
import type { Problem } from './scenario/problems';

/** Loads a command script (a JSON list of `{ at, by, command }`), reporting every problem with its position. */
export function loadScript(text: string, file: string): { ok: true; value: ScriptEntry[] } | { ok: false; problems: Problem[] } {
  const doc = readJsonDocument(file, text, MAX_RUN_CHARS);
  const problems: Problem[] = [...doc.syntaxProblems];
  // A syntax error leaves the structure unreliable: schema checks would only report its echoes (a missing field
  // where the real mistake is a stray token).
  if (doc.root && problems.length === 0) {
    const parsed = ScriptSchema.safeParse(doc.value);
    if (!parsed.success) problems.push(...schemaProblems(doc, ScriptSchema, parsed.error.issues));
    else {
      parsed.data.forEach((entry, index) => {
        const previous = parsed.data[index - 1];
        if (previous && entry.at < previous.at) {
          problems.push(problemAt(doc, [index, 'at'], `minute ${entry.at} comes before the previous command's minute ${previous.at}: commands must be in time order`));
        }
      });
      if (problems.length === 0) return { ok: true, value: parsed.data };
    }
  }
  return { ok: false, problems: sortProblems(problems) };
}
