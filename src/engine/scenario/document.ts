/**
 * Reads a JSON (with comments) document keeping positions, so every problem found later can point at a line and
 * column. Shared by scenario, rubric, script and save loaders.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { MAX_NESTING, MAX_SCENARIO_CHARS, shorten } from '../limits';
import { didYouMean, formatPath, type PathSegment, type Problem } from './problems';
import { withThousands } from '../names';

export interface JsonDocument {
  file: string;
  text: string;
  root: Node | undefined;
  value: unknown;
  syntaxProblems: Problem[];
}

/**
 * Strict JSON, as editors check a .json file: comments and trailing commas are reported as mistakes, with words
 * that say so. A byte-order mark (which some editors add) is ignored. Duplicate field names are mistakes too:
 * JSON would silently keep only the last one.
 */
export function readJsonDocument(file: string, raw: string, maxChars = MAX_SCENARIO_CHARS): JsonDocument {
  const text = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
  // Refused before parsing: the parser and every walk after it recurse once per level of nesting.
  if (text.length > maxChars) {
    return { file, text, root: undefined, value: undefined, syntaxProblems: [{ file, line: 1, column: 1, path: '(top level)', message: `the file is too large: ${withThousands(text.length)} characters, at most ${withThousands(maxChars)}` }] };
  }
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  if (tooDeep !== null) {
    return { file, text, root: undefined, value: undefined, syntaxProblems: [{ file, ...position(computeLineStarts(text), tooDeep), path: '(structure)', message: `objects and lists are nested more than ${MAX_NESTING} levels deep here` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lineStarts = computeLineStarts(text);
  const syntaxProblems: Problem[] = errors.map((error) => ({
    // A missing comma belongs at the end of the item before it, not at the start of the next one.
    ...position(lineStarts, printParseErrorCode(error.error) === 'CommaExpected' ? endOfPreviousToken(text, error.offset) : error.offset),
    file,
    path: '(syntax)',
    message: syntaxMessage(printParseErrorCode(error.error), text, error.offset),
  }));
  if (root === undefined && syntaxProblems.length === 0) {
    syntaxProblems.push({ file, line: 1, column: 1, path: '(syntax)', message: 'the file is empty' });
  }
  if (root) duplicateKeys(root, [], (node, path, key) => syntaxProblems.push({ file, ...position(lineStarts, node.offset), path: formatPath([...path, key]), message: `duplicate field "${shorten(key)}": JSON keeps only the last one, so the first is lost` }));
  return { file, text, root, value: root ? nodeValue(root) : undefined, syntaxProblems };
}

function duplicateKeys(node: Node, path: PathSegment[], report: (node: Node, path: PathSegment[], key: string) => void): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) report(key, path, name);
      seen.add(name);
      if (value) duplicateKeys(value, [...path, name], report);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => duplicateKeys(child, [...path, index], report));
  }
}

/**
 * The offset where nesting first goes deeper than `max`, or null. One pass, no recursion: brackets inside strings
 * (with their escapes) do not count.
 */
function nestingBeyond(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}

function endOfPreviousToken(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i + 1;
}

function syntaxMessage(code: string, text: string, offset: number): string {
  if (code === 'InvalidCommentToken') return 'JSON syntax: comments are not allowed in JSON files';
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && /,\s*$/.test(text.slice(0, offset)) && /^[}\]]/.test(text.slice(offset))) {
    return 'JSON syntax: trailing comma: remove the comma after the last item';
  }
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'this is not a valid number',
    PropertyNameExpected: 'expected a field name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":" after the field name',
    CommaExpected: 'expected "," between items',
    CloseBraceExpected: 'expected "}" to close the object',
    CloseBracketExpected: 'expected "]" to close the list',
    EndOfFileExpected: 'unexpected text after the end of the document',
    UnexpectedEndOfString: 'this string is never closed with a double quote',
    UnexpectedEndOfComment: 'this comment is never closed',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character in a string',
    InvalidCharacter: 'invalid character in a string',
  };
  return `JSON syntax: ${words[code] ?? code}`;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[String(key.value)] = nodeValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** Where each line starts. A line ends at LF, CRLF or a lone CR, as editors count them. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function position(lineStarts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/**
 * Locates a path: the value's node when it exists; for a field name (`atKey`), the key itself; for something
 * missing, the nearest enclosing value that exists.
 */
export function locate(doc: JsonDocument, path: readonly PathSegment[], atKey = false): { line: number; column: number } {
  const lineStarts = computeLineStarts(doc.text);
  if (!doc.root) return { line: 1, column: 1 };
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(doc.root, path.slice(0, length) as PathSegment[]);
    if (!node) continue;
    const target = atKey && length === path.length && node.parent?.type === 'property' ? node.parent : node;
    return position(lineStarts, target.offset);
  }
  return position(lineStarts, doc.root.offset);
}

export function problemAt(doc: JsonDocument, path: readonly PathSegment[], message: string, atKey = false): Problem {
  return { file: doc.file, ...locate(doc, path, atKey), path: formatPath(path), message };
}

/** Turns zod issues into plain-words problems, one per mistake, each located in the file. */
export function schemaProblems(doc: JsonDocument, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  // A misspelt required field is one mistake: report the unknown field (with its "did you mean"), not also the gap.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = Object.keys(objectShapeAt(schema, issue.path as PathSegment[]) ?? {});
    for (const key of issue.keys) {
      const guess = /did you mean "([^"]+)"/.exec(didYouMean(key, known))?.[1];
      if (guess) misspelt.add(JSON.stringify([...issue.path, guess]));
    }
  }
  const visit = (issue: z.core.$ZodIssue, prefix: readonly PathSegment[]) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = Object.keys(objectShapeAt(schema, path) ?? {});
        for (const key of issue.keys) {
          problems.push(problemAt(doc, [...path, key], `unknown field "${shorten(key)}"${didYouMean(key, known)}`, true));
        }
        return;
      }
      case 'invalid_union': {
        const discriminated = issue as unknown as { discriminator?: string; options?: unknown[] };
        if (discriminated.discriminator && Array.isArray(discriminated.options)) {
          const value = valueAt(doc.value, path);
          const options = discriminated.options.map(String);
          const hint = typeof value === 'string' ? didYouMean(value, options) : '';
          // The kind is quoted shortened: a hostile value may be megabytes long.
          problems.push(problemAt(doc, path, value === undefined ? `missing required field "${discriminated.discriminator}"` : `unknown ${discriminated.discriminator} ${describeValue(value).replace(/^the text /, '')}${hint}; it must be one of ${options.map((o) => `"${o}"`).join(', ')}`));
          return;
        }
        // Report the alternative that got furthest: the one whose issues sit deepest in the value.
        const depth = (branch: readonly z.core.$ZodIssue[]) => Math.min(...branch.map((i) => i.path.length));
        const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
        if (best && depth(best) > 0) {
          for (const inner of best) visit(inner, path);
        } else {
          const value = valueAt(doc.value, path);
          problems.push(problemAt(doc, path, value === undefined && path.length > 0 ? `missing required field "${String(path[path.length - 1])}"` : `expected ${describeUnion(schemaAt(schema, path))}, found ${describeValue(value)}`));
        }
        return;
      }
      default:
        if (issue.code === 'invalid_type' && valueAt(doc.value, path) === undefined && misspelt.has(JSON.stringify(path))) return;
        problems.push(problemAt(doc, path, issueMessage(issue, valueAt(doc.value, path), path)));
    }
  };
  for (const issue of issues) visit(issue, []);
  return problems;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown, path: readonly PathSegment[]): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `missing required field "${String(path[path.length - 1])}"`;
      return `expected ${article(issue.expected)}, found ${describeValue(value)}`;
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : '';
      return options.length === 1
        ? `must be ${options[0]}, found ${describeValue(value)}`
        : `must be one of ${options.join(', ')}, found ${describeValue(value)}${hint}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}, found ${describeValue(value)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}, found ${describeValue(value)}`;
    case 'invalid_format':
      if (issue.format === 'url') return `must be a web address like "https://…", found ${describeValue(value)}`;
      return issue.message;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  const words: Record<string, string> = { int: 'a whole number', array: 'a list', object: 'an object' };
  return words[type] ?? `a ${type}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function describeUnion(schema: z.ZodType | undefined): string {
  const options = (schema?._zod.def as { options?: z.ZodType[] } | undefined)?.options ?? [];
  const names = options.map((o) => (o._zod.def.type === 'object' ? 'an object' : article(o._zod.def.type)));
  return names.length > 0 ? names.join(' or ') : 'another kind of value';
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Walks a zod schema along a data path, looking through wrappers, so hints can list the fields allowed there. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') current = unwrap((def.shape as Record<string, z.ZodType>)[String(segment)]);
    else if (def.type === 'array') current = unwrap(def.element as z.ZodType);
    else if (def.type === 'record') current = unwrap(def.valueType as z.ZodType);
    else if (def.type === 'union') {
      const options = def.options as z.ZodType[];
      current = options.map((o) => schemaAt(o, [segment])).find((o) => o !== undefined);
    } else return undefined;
  }
  return current;
}

function objectShapeAt(schema: z.ZodType, path: readonly PathSegment[]): Record<string, unknown> | undefined {
  const node = schemaAt(schema, path);
  if (!node) return undefined;
  const def = node._zod.def as unknown as { type: string; shape?: Record<string, unknown>; options?: z.ZodType[] };
  if (def.type === 'object') return def.shape;
  if (def.type === 'union') {
    const object = def.options?.find((o) => o._zod.def.type === 'object');
    return object ? (object._zod.def as unknown as { shape: Record<string, unknown> }).shape : undefined;
  }
  return undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    const def = current._zod.def as unknown as { type: string; innerType?: z.ZodType };
    if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      current = def.innerType;
    } else break;
  }
  return current;
}
