/**
 * Blame detection: finds wording that points at a person (or a group of people) rather than at the system.
 *
 * Blame is about who does what, so the text is read sentence by sentence and clause by clause: each clause's
 * subject is found, and a failure said of a person ("Bob caused", "the intern forgot", "they should have checked")
 * is flagged, while the same words about a thing are not ("the deploy caused", "the cache forgot", "the alert should
 * have fired"). Some wording blames whoever it is about (judgements such as "careless", sarcasm, "X's fault"), and
 * some names a person as the cause ("thanks to Lena's change", "if Sam had just…", "the root cause is Priya").
 *
 * It is a reader of patterns, not a parser: it is measured against labelled sentences in test/fixtures. Player text
 * can be anything up to the length limit, so every step is linear in the text (one tokenizing pass, lookaheads of a
 * few tokens, no backtracking patterns) and nothing here throws.
 */
import type { Scenario } from '../engine/scenario/schema';
import * as W from './blame-words';

export interface BlameFlag {
  phrase: string;
  suggestion: string;
}

const SUGGEST = {
  systems: 'describe the conditions that made the mistake easy to make, not the person',
  humanError: 'human error is where an investigation starts: name the system conditions that allowed it',
  droppedBall: 'describe the gap in the hand-off or process that let the task fall through',
  knew: 'ask what information was missing at the time and how the system could surface it',
  shouldHave: 'say what the process or tooling will do differently, e.g. "the checklist will include…"',
  fault: 'focus on what in the system let this happen, not on fault',
  blame: 'focus on what in the system let this happen, not on who is to blame',
  subject: (phrase: string) => `make the system the subject: instead of "${phrase}", say what allowed it, e.g. "a change reached production without a check that would have caught it"`,
  omission: 'describe what the process did not ask for or make easy, e.g. "nothing in the deploy checklist required a staging run"',
  ifHad: 'ask which safeguard would have caught it, rather than what a person should have done',
  rootCause: 'a person is never a root cause: name the technical cause and the conditions that allowed it',
  cause: 'name the technical cause (the change, the setting) and the conditions that let it through, not its author',
  sarcasm: 'say plainly what happened and what in the system allowed it: sarcasm and insinuation point at a person',
  group: 'describe the gap in the process the group works within (missing checks, unclear ownership), not its character',
  absent: 'describe what the paging, hand-off or escalation process did or did not make easy',
  punitive: 'ask which guardrails would make the change safe for anyone, rather than who to keep out',
  trust: 'trust comes back through safeguards (reviews, canaries, easy rollbacks), not by singling a person out',
} as const;

interface Token {
  text: string;
  /** Lowercase, curly apostrophes straightened, a possessive "'s" removed. */
  lower: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with a capital and has a small letter: a name, a product, or a sentence's first word. */
  cap: boolean;
  /** "Chen's", "engineers'". */
  poss: boolean;
  /** The first word of a sentence or of a clause after ":" ";" "(": where any word is capitalized. */
  initial: boolean;
}

type Strength = 'strong' | 'weak' | 'negated';

/** A noun phrase: tokens [start, end), and who it is. */
interface Phrase {
  start: number;
  end: number;
  /** Who the phrase is, when it is people; null for things. */
  person: Strength | null;
  /** Whose thing it is: "Kenji's script" is a thing with a person for possessor. */
  possessor: Strength | null;
}

interface Candidate {
  /** Characters [start, end) of the text, and the tokens [first, last] they cover. */
  start: number;
  end: number;
  first: number;
  last: number;
  /** Lower goes first: a name or role is quoted in preference to a judgement word, which beats a mere "they". */
  rank: number;
  suggestion: string;
}

interface Lexicon {
  /** Roster names and their parts, lowercase: always people, even when also common words ("Grace"). */
  roster: ReadonlySet<string>;
  /** Capitalized words the scenario uses for its services and tools: not people. */
  things: ReadonlySet<string>;
}

const lexicons = new WeakMap<Scenario, Lexicon>();

function lexiconFor(scenario: Scenario): Lexicon {
  const known = lexicons.get(scenario);
  if (known) return known;
  const roster = new Set<string>();
  for (const person of [...scenario.roster.responders, ...scenario.roster.stakeholders]) {
    const parts = person.name.split(/\s+/).filter((p) => p.length > 0);
    // "Orders operations channel" is a stakeholder but not a person's name: only names written as names count.
    if (!parts.every((p) => /^\p{Lu}/u.test(p))) continue;
    for (const part of parts) if (part.length > 1) roster.add(normalize(part));
  }
  // The scenario's own capitalized words (service, component and tool names) are things, not people.
  const things = new Set<string>();
  const rosterSubtree = scenario.roster as unknown;
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12 || value === rosterSubtree) return;
    if (typeof value === 'string') {
      for (const match of value.matchAll(/\p{Lu}[\p{L}\p{N}]*/gu)) {
        const word = normalize(match[0]);
        if (/\p{Ll}/u.test(match[0]) && !roster.has(word)) things.add(word);
      }
    } else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) walk(item, depth + 1);
  };
  walk(scenario, 0);
  const lexicon = { roster, things };
  lexicons.set(scenario, lexicon);
  return lexicon;
}

function normalize(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

/** A verb of omission in any form: "test", "tests", "tested". */
function omitted(verb: string): boolean {
  return W.OMISSION_VERBS.has(verb) || (verb.endsWith('s') && (W.OMISSION_VERBS.has(verb.slice(0, -1)) || W.OMISSION_VERBS.has(verb.slice(0, -2))));
}

/** A pronoun after a noun starts the next phrase: "because of Sam's quick thinking we recovered". */
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'it', 'he', 'she', 'they', 'you']);
const NOT_VERBS_ED = new Set(['need', 'speed', 'feed', 'seed', 'shed', 'bled', 'bred', 'red']);
const CONTRACTIONS = new Set(["it's", "that's", "let's", "what's", "there's", "here's", "he's", "she's", "who's", "where's"]);

/**
 * Words and punctuation with their offsets. A word runs through inner apostrophes and hyphens ("didn't",
 * "on-call", "Chen's"); each alternative starts with a character the others cannot, so matching never backtracks.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|\S/gu)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const word = /^[\p{L}\p{N}]/u.test(raw);
    const prev = tokens[tokens.length - 1];
    // "engineers' change": a trailing apostrophe after a plural is a possessive, not a quote.
    if (!word && (raw === "'" || raw === '\u2019') && prev && prev.word && prev.end === start && prev.lower.endsWith('s') && !/[\p{L}\p{N}]/u.test(text[start + 1] ?? '')) {
      prev.poss = true;
      prev.end = start + 1;
      continue;
    }
    let lower = normalize(raw);
    let poss = false;
    if (word && lower.endsWith("'s") && !CONTRACTIONS.has(lower)) {
      poss = true;
      lower = lower.slice(0, -2);
    }
    tokens.push({ text: raw, lower, start, end: start + raw.length, word, cap: /^\p{Lu}/u.test(raw) && /\p{Ll}/u.test(raw), poss, initial: false });
  }
  return tokens;
}

/** Sentences as token ranges [start, end): a new one after ".", "!", "?" and a space, and at every line break. */
function sentences(text: string, tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const token = tokens[i];
    const ends = token === undefined
      || (/^[.!?\u2026]$/.test(prev.text) && token.start > prev.end)
      || hasLineBreak(text, prev.end, token.start);
    if (ends) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ('\n\r\u2028\u2029'.includes(text[i]!)) return true;
  return false;
}

/**
 * Flags person-blaming wording: a person or group as the subject of a failure, as the one at fault, or as the cause;
 * judgemental words; sarcasm and insinuation. Each flag carries a suggestion phrased in terms of systems and
 * process. Every occurrence is flagged, each once.
 */
export function blameFlags(text: string, scenario: Scenario): BlameFlag[] {
  const lexicon = lexiconFor(scenario);
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  const ranges = sentences(text, tokens);
  const sentenceHasPerson: boolean[] = [];
  const negatedSubject = new Uint8Array(tokens.length);
  for (const [start, end] of ranges) {
    const reader = new SentenceReader(text, tokens, start, end, lexicon, candidates, negatedSubject);
    reader.read();
    sentenceHasPerson.push(reader.hasPerson);
  }
  judgementCandidates(text, tokens, ranges, sentenceHasPerson, negatedSubject, candidates);
  return choose(text, tokens.length, candidates);
}

/**
 * Keeps candidates that do not overlap one already kept, best rank first, and returns them in text order. Tokens are
 * marked rather than characters, so a candidate costs its (bounded) number of tokens, however long a word is.
 */
function choose(text: string, tokenCount: number, candidates: Candidate[]): BlameFlag[] {
  const taken = new Uint8Array(tokenCount + 1);
  const kept: Candidate[] = [];
  const order = candidates.map((c, i) => [c, i] as const).sort(([a, i], [b, j]) => a.rank - b.rank || a.start - b.start || i - j);
  for (const [candidate] of order) {
    let free = true;
    for (let i = candidate.first; i <= candidate.last && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, candidate.first, candidate.last + 1);
    kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => ({ phrase: text.slice(c.start, c.end).trim(), suggestion: c.suggestion }));
}

/** The index of the token holding character `index` (or the last one starting before it). */
function tokenAt(tokens: Token[], index: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Reads one sentence: finds each clause's subject and the failures said of it. */
class SentenceReader {
  hasPerson = false;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly start: number,
    private readonly end: number,
    private readonly lexicon: Lexicon,
    private readonly out: Candidate[],
    /** Per token of the text: 1 where the clause's subject is "nobody" or "no one". */
    private readonly negatedSubject: Uint8Array,
  ) {}

  private low(i: number): string {
    return i >= this.start && i < this.end ? this.tokens[i]!.lower : '';
  }

  private textAt(i: number): string {
    return i >= this.start && i < this.end ? this.tokens[i]!.text : '';
  }

  private isWord(i: number): boolean {
    return i >= this.start && i < this.end && this.tokens[i]!.word;
  }

  /** A word that is a verb form: an auxiliary, a past tense, an "-ing", or the "-s" form of a known verb. */
  private verbish(i: number): boolean {
    if (!this.isWord(i)) return false;
    const w = this.low(i);
    // A person on the roster called Will or May is a name, not a verb.
    if (this.tokens[i]!.cap && this.lexicon.roster.has(w)) return false;
    if (W.AUXILIARIES.has(w) || W.IRREGULAR_PAST.has(w) || w.endsWith("n't")) return true;
    if (w.length >= 4 && w.endsWith('ed') && !NOT_VERBS_ED.has(w)) return true;
    if (w.length >= 5 && w.endsWith('ing')) return true;
    if (w.endsWith('s')) {
      if (W.VERBS.has(w.slice(0, -1))) return true;
      if (w.endsWith('es') && W.VERBS.has(w.slice(0, -2))) return true;
      if (w.endsWith('ies') && W.VERBS.has(`${w.slice(0, -3)}y`)) return true;
    }
    return false;
  }

  private adverb(i: number): boolean {
    const w = this.low(i);
    // A capitalized "-ly" word may be a name ("Emily"), so only listed adverbs count when capitalized.
    return W.ADVERBS.has(w) || (w.length > 4 && w.endsWith('ly') && !this.tokens[i]!.cap);
  }

  /** Who a single word stands for, if it is a person or people. */
  private personWord(i: number): Strength | null {
    if (!this.isWord(i)) return null;
    const t = this.tokens[i]!;
    const w = t.lower;
    if (W.NOBODY.has(w)) return 'negated';
    if (W.PERSON_PRONOUNS.has(w)) return W.WEAK_PRONOUNS.has(w) ? 'weak' : 'strong';
    if (W.INDEFINITE_PEOPLE.has(w) || W.ROLES.has(w)) return 'strong';
    if (W.ACRONYM_ROLES.has(w)) return t.text === t.text.toUpperCase() && !/^\d/.test(t.text) ? 'strong' : null;
    if (!t.cap) return null;
    if (this.lexicon.roster.has(w)) return 'strong';
    if (W.NOT_NAMES.has(w) || this.lexicon.things.has(w) || W.NOT_NAME_ENDINGS.test(w) || /\d/.test(w) || w.length < 2) return null;
    // A capitalized first word is only a name when what follows reads like its verb: "Bob caused", "Chen's typo".
    if (t.initial && !t.poss) {
      const next = i + 1;
      if (!(this.verbish(next) || this.adverb(next) || this.low(next) === 'who' || this.textAt(next) === ',')) return null;
    }
    return 'strong';
  }

  /**
   * The noun phrase at i: an optional determiner, then up to six words that are not verbs, prepositions or
   * connectives. Its last word is its head; a possessive splits off a possessor ("the vendor's support engineer").
   * `stopAtName` ends the phrase before a capitalized name, for "After the rollback Priya…".
   */
  private nounPhrase(i: number, stopAtName = false): Phrase | null {
    if (!this.isWord(i)) return null;
    if (this.low(i) === 'no' && this.low(i + 1) === 'one') return { start: i, end: i + 2, person: 'negated', possessor: null };
    let j = i;
    let negated = false;
    while (j < i + 3 && W.DETERMINERS.has(this.low(j)) && !this.tokens[j]!.poss) {
      negated ||= this.low(j) === 'no';
      j++;
    }
    let head = -1;
    let possessor = -1;
    let words = 0;
    while (j < this.end && words < 6 && j < i + 10 && this.tokens[j]!.word) {
      const w = this.low(j);
      if (W.PREPOSITIONS.has(w) || W.SUBORDINATORS.has(w) || W.COORDINATORS.has(w) || w === 'who' || w === 'whom' || w === 'which' || w === 'that' || w === 'whose') break;
      if (head >= 0 && (W.DETERMINERS.has(w) || SUBJECT_PRONOUNS.has(w)) && head !== possessor) break;
      const person = this.personWord(j);
      if (!person && W.AUXILIARIES.has(w)) break;
      // After a possessive an "-ing" word is a noun: "Sam's quick thinking".
      if (!person && this.verbish(j) && !(possessor >= 0 && w.endsWith('ing'))) break;
      // "the payments developers keep breaking…": after a person, a verb's base form is the verb.
      if (!person && head >= 0 && head !== possessor && this.personWord(head) && W.VERBS.has(w)) break;
      if (!person && this.adverb(j)) {
        // "our supposedly senior engineer": an unlisted "-ly" word may qualify the noun; "never", "just" end it.
        if (W.ADVERBS.has(w) || this.verbish(j + 1) || this.adverb(j + 1) || !this.isWord(j + 1)) break;
        j++;
        continue;
      }
      if (stopAtName && head >= 0 && head !== possessor && this.tokens[j]!.cap && person) break;
      head = j;
      words++;
      if (this.tokens[j]!.poss && !this.contraction(j)) possessor = j;
      j++;
    }
    if (head < 0) return null;
    let person: Strength | null = null;
    if (head !== possessor) {
      person = this.personWord(head);
      if (!person && W.ON_CALL_HEADS.has(this.low(head))) {
        for (let k = i; k < head; k++) if (this.low(k) === 'on-call' || this.low(k) === 'oncall') person = 'strong';
      }
    }
    if (negated && person) person = 'negated';
    const owner = possessor >= 0 && possessor !== head ? this.personWord(possessor) : possessor === head ? this.personWord(head) : null;
    // A phrase that is all possessive ("Priya's" before a verb) is its owner.
    if (possessor === head) return { start: i, end: j, person: owner, possessor: null };
    return { start: i, end: j, person, possessor: owner };
  }

  /** "Kai's on call": an "'s" before something no noun phrase continues with is "is", not a possessive. */
  private contraction(i: number): boolean {
    const next = i + 1;
    if (!this.isWord(next)) return true;
    const w = this.low(next);
    return W.PREPOSITIONS.has(w) || W.AUXILIARIES.has(w) || W.DETERMINERS.has(w) || this.verbish(next) || this.adverb(next);
  }

  private isPerson(p: Phrase | null): p is Phrase & { person: 'strong' | 'weak' } {
    return p !== null && (p.person === 'strong' || p.person === 'weak');
  }

  private flag(fromToken: number, toToken: number, rank: number, suggestion: string): void {
    const start = this.tokens[fromToken]!.start;
    const end = this.tokens[Math.max(fromToken, toToken - 1)]!.end;
    this.out.push({ start, end, first: fromToken, last: Math.max(fromToken, toToken - 1), rank, suggestion });
  }

  /**
   * A failure said of a subject: flagged from the subject (when near) through the failure's last word — unless the
   * sentence goes on to explain it by the system ("Sam missed the alert because it went to an archived channel"):
   * a "because" whose own subject is a thing, not a person, makes the sentence an account of conditions.
   */
  private flagSubject(subject: Phrase, from: number, to: number, suggestion: string | ((phrase: string) => string)): void {
    if (this.explainedBySystem(to)) return;
    const start = subject.start >= this.start && from - subject.start <= 10 ? subject.start : from;
    const phrase = this.text.slice(this.tokens[start]!.start, this.tokens[to - 1]!.end);
    this.flag(start, to, subject.person === 'weak' ? 3 : 1, typeof suggestion === 'function' ? suggestion(phrase) : suggestion);
  }

  /** Whether a "because" or "since" after token i opens a clause whose subject is a thing. */
  private explainedBySystem(i: number): boolean {
    // Only the next few words are looked at, so each failure costs a bounded look ahead.
    for (let k = i; k < Math.min(this.end, i + 12); k++) {
      const w = this.low(k);
      if (w !== 'because' && w !== 'since') continue;
      if (this.low(k + 1) === 'of') return false;
      const np = this.nounPhrase(k + 1);
      // A clause, not "since Monday": the phrase must have a verb after it.
      const clause = np !== null && (this.verbish(np.end) || this.adverb(np.end));
      return clause && (np.person === null && np.possessor === null || np.person === 'negated');
    }
    return false;
  }

  /** "not", "n't", "never" among the few words before i (within the verb group): "didn't cause", "never broke". */
  private negatedBefore(i: number, subject: Phrase): boolean {
    for (let k = i - 1; k >= Math.max(this.start, subject.end, i - 3); k--) if (W.NEGATIONS.has(this.low(k))) return true;
    return false;
  }

  /** A past participle: "checked", "known", "double-checked". */
  private participle(i: number): boolean {
    const w = this.low(i);
    return W.IRREGULAR_PAST.has(w) || (w.length >= 4 && (w.endsWith('ed') || w.endsWith('en')));
  }

  read(): void {
    // Which words start a clause, for the capitalized-name test; then whether any word is a person.
    let clauseStart = true;
    for (let i = this.start; i < this.end; i++) {
      const t = this.tokens[i]!;
      if (t.word) {
        t.initial = clauseStart;
        clauseStart = false;
      } else if (/^[;:(\u2014\u2013"\u201c*\u2022#>]$/.test(t.text) && !this.timeColon(i)) clauseStart = true;
      else if (t.text === '-' && i === this.start) clauseStart = true;
    }
    for (let i = this.start; i < this.end && !this.hasPerson; i++) {
      const p = this.personWord(i);
      if (p === 'strong' || p === 'weak') this.hasPerson = true;
    }
    for (let i = this.start; i < this.end; i++) if (this.tokens[i]!.word) this.cues(i);
    this.walk();
  }

  private timeColon(i: number): boolean {
    const t = this.tokens[i]!;
    const prev = this.tokens[i - 1];
    const next = this.tokens[i + 1];
    return t.text === ':' && !!prev && !!next && prev.end === t.start && next.start === t.end && /^\d/.test(prev.text) && /^\d/.test(next.text);
  }

  /** The clause walk: tracks the subject in force and checks each word for a failure said of it. */
  private walk(): void {
    let subject: Phrase | null = null;
    // expect: a clause is starting and its subject comes next; maybe: "and", "," — a new subject or the same one.
    let mode: 'expect' | 'maybe' | 'none' = 'expect';
    let lastPerson: Phrase | null = null;
    let i = this.start;
    while (i < this.end) {
      const t = this.tokens[i]!;
      // Judgement words said of "nobody" are denied: "No one on the team was negligent".
      if (subject?.person === 'negated') this.negatedSubject[i] = 1;
      if (!t.word) {
        if (/^[;:(\u2014\u2013]$/.test(t.text) && !this.timeColon(i)) {
          mode = 'expect';
          subject = null;
        } else if (t.text === ',') mode = subject ? 'maybe' : 'expect';
        i++;
        continue;
      }
      const w = t.lower;
      if (w === 'who' || w === 'whom' || (w === 'that' && lastPerson !== null && lastPerson.end === i)) {
        // A relative clause says more about the person just named: "Noor, who skipped…", "the engineer who wrote…".
        const near = lastPerson !== null && (lastPerson.end === i || (lastPerson.end === i - 1 && this.tokens[i - 1]!.text === ','));
        subject = near ? lastPerson : t.initial ? null : subject;
        mode = 'none';
        i++;
        continue;
      }
      if (w === 'whoever') {
        subject = { start: i, end: i + 1, person: 'strong', possessor: null };
        mode = 'none';
        i++;
        continue;
      }
      if (w === 'which') {
        subject = { start: i, end: i + 1, person: null, possessor: null };
        mode = 'none';
        i++;
        continue;
      }
      if (W.SUBORDINATORS.has(w)) {
        mode = 'expect';
        i++;
        continue;
      }
      if (W.COORDINATORS.has(w)) {
        mode = 'maybe';
        i++;
        continue;
      }
      if (mode !== 'none') {
        if (this.adverb(i) && !this.personWord(i)) {
          // "and never turned it back on": after "and" the subject may carry on, and "never" begins a failure.
          if (mode === 'maybe') this.predicate(i, subject);
          i++;
          continue;
        }
        if (mode === 'expect' && W.PREPOSITIONS.has(w) && !this.personWord(i)) {
          // An opening phrase ("At 11:02", "After the rollback", "Of course") comes before the subject.
          const object = this.nounPhrase(i + 1, true);
          i = object ? object.end : i + 1;
          continue;
        }
        if (!this.verbish(i) && !(W.AUXILIARIES.has(w) && !this.personWord(i))) {
          const np = this.nounPhrase(i);
          if (np) {
            const followedByVerb = this.verbish(np.end) || this.adverb(np.end) || this.low(np.end) === 'who' || this.textAt(np.end) === ',';
            if (mode === 'expect' || followedByVerb) subject = np;
            if (this.isPerson(np)) lastPerson = np;
            this.phraseCues(np);
            mode = 'none';
            i = np.end;
            continue;
          }
        } else if (mode === 'expect') subject = null;
        mode = 'none';
      } else if (!this.verbish(i)) {
        // Objects are not subjects, but a person named as an object can be what "who" refers to next.
        const np = this.nounPhrase(i);
        if (np) {
          if (this.isPerson(np)) lastPerson = np;
          this.phraseCues(np);
          if (subject?.person === 'negated') this.negatedSubject.fill(1, i, np.end);
          for (let k = i; k < np.end; k++) this.predicate(k, subject);
          i = np.end;
          continue;
        }
      }
      this.predicate(i, subject);
      i++;
    }
  }

  /** Cues that name a person wherever they stand: "if Sam had", "thanks to Lena's", "root cause is Priya". */
  private cues(i: number): void {
    const w = this.low(i);
    // "If Sam had just…", "if only the on-call had…": a counterfactual about a person's act.
    if (w === 'if') {
      let k = i + 1;
      if (this.low(k) === 'only') k++;
      const np = this.nounPhrase(k);
      if (this.isPerson(np) && this.hadActed(np.end)) this.flag(i, np.end + 1, 1, SUGGEST.ifHad);
    }
    // "Had the release manager done her job…": the same, inverted at a clause's start.
    if (w === 'had' && (this.tokens[i]!.initial || this.textAt(i - 1) === ',')) {
      const np = this.nounPhrase(i + 1);
      if (this.isPerson(np) && (this.participle(np.end) || this.low(np.end) === 'been')) this.flag(i, np.end + 1, 1, SUGGEST.ifHad);
    }
    // "thanks to Lena's error", "because of Sam", "down to Greta's rollout", "traces back to Omari's decision":
    // a person named as the cause.
    const link = this.causeLink(i);
    if (link > 0 && !W.NEGATIONS.has(this.low(i - 1))) {
      const np = this.nounPhrase(link);
      const owned = np !== null && (np.possessor === 'strong' || np.possessor === 'weak');
      const what = np ? this.low(np.end - 1) : '';
      // "Thanks to Dev's quick rollback" is credit: only a change or a mistake of theirs is blamed for an outcome,
      // and "thanks to Sam" alone is thanks.
      const thanks = w === 'thanks';
      const blamed = np !== null && (thanks
        ? owned && (W.ERROR_NOUNS.has(what) || W.CHANGE_NOUNS.has(what))
        : (this.isPerson(np) || owned) && !W.CREDIT_NOUNS.has(what));
      if (blamed) this.flag(i, np.end, 1, SUGGEST.cause);
    }
    // "We can thank Zoe for the six hours of downtime": thanks for damage is sarcasm.
    if (w === 'thank') {
      const np = this.nounPhrase(i + 1);
      if (this.isPerson(np) && this.low(np.end) === 'for') {
        for (let k = np.end + 1; k <= np.end + 6 && this.isWord(k); k++) {
          if (W.DAMAGE_NOUNS.has(this.low(k))) {
            this.flag(i, k + 1, 1, SUGGEST.sarcasm);
            break;
          }
        }
      }
    }
    // "The outage is on Jin;", "It's on the platform team": the incident put on a person. Only the incident: "the
    // rotation is on the SRE team" says who owns a thing.
    const incident = ['it', 'this', 'that', 'one', 'outage', 'incident', 'failure', 'mess', 'blame', 'everything', 'downtime'];
    const putOn = ["it's", "that's"].includes(this.low(i - 1)) || (['is', 'was'].includes(this.low(i - 1)) && incident.includes(this.low(i - 2)));
    if (w === 'on' && putOn) {
      const np = this.nounPhrase(i + 1);
      if (this.isPerson(np) && !this.isWord(np.end)) this.flag(i - 1, np.end, 1, SUGGEST.fault);
    }
    // "It was Tanya who deleted the DNS zone": a cleft that singles a person out, unless for credit.
    if ((w === 'it' || w === 'this') && (this.low(i + 1) === 'was' || this.low(i + 1) === 'is')) {
      const np = this.nounPhrase(i + 2);
      if (this.isPerson(np) && np.person !== 'weak' && (this.low(np.end) === 'who' || this.low(np.end) === 'that') && !W.CREDIT_VERBS.has(this.low(np.end + 1))) this.flag(i, np.end + 2, 1, SUGGEST.fault);
    }
    // "The root cause is Priya", "Root cause: Kenji ran the script against prod".
    if (w === 'root' && (this.low(i + 1) === 'cause' || this.low(i + 1) === 'causes')) {
      let k = i + 2;
      if (this.low(k) === 'here') k++;
      if (this.low(k) === 'is' || this.low(k) === 'was' || this.textAt(k) === ':' || this.textAt(k) === '-') k++;
      const np = this.nounPhrase(k);
      if (this.isPerson(np)) this.flag(i, np.end, 1, SUGGEST.rootCause);
    }
    // "Everything was fine until the consultants…": people as the turning point.
    if ((w === 'fine' || w === 'stable' || w === 'working' || w === 'okay') && this.low(i + 1) === 'until') {
      const np = this.nounPhrase(i + 2);
      if (this.isPerson(np)) this.flag(i, np.end, 1, SUGGEST.systems);
    }
    // "Priya's fault", "Chen's typo in the DNS record", "the data team's carelessness".
    if (this.tokens[i]!.poss && !this.contraction(i)) {
      const owner = this.personWord(i);
      const denied = W.NEGATIONS.has(this.low(i - 1)) || W.NEGATIONS.has(this.low(i - 2)) || W.NEGATIONS.has(this.low(i - 3));
      if ((owner === 'strong' || owner === 'weak') && !denied) {
        for (let j = i + 1; j <= i + 3 && this.isWord(j) && !W.PREPOSITIONS.has(this.low(j)) && !W.AUXILIARIES.has(this.low(j)); j++) {
          if (W.ERROR_NOUNS.has(this.low(j))) {
            this.flag(i, j + 1, 1, SUGGEST.fault);
            break;
          }
        }
      }
    }
    // "Typical QA, …", "Classic Steve, …": a person or group summed up by the failure.
    if ((w === 'typical' || w === 'classic') && this.tokens[i]!.initial) {
      const np = this.nounPhrase(i + 1);
      if (this.isPerson(np)) this.flag(i, np.end, 1, SUGGEST.group);
    }
  }

  /** Where the cause follows a link at i ("thanks to", "because of", "traces back to"), or 0. */
  private causeLink(i: number): number {
    const w = this.low(i);
    const next = this.low(i + 1);
    if ((w === 'thanks' || w === 'due' || w === 'owing' || w === 'down') && next === 'to') return i + 2;
    if ((w === 'because' || w === 'courtesy') && next === 'of') return i + 2;
    if (['comes', 'came', 'boils', 'boiled'].includes(w) && next === 'down' && this.low(i + 2) === 'to') return i + 3;
    if (['traces', 'traced', 'goes', 'went', 'leads', 'led'].includes(w) && next === 'back' && this.low(i + 2) === 'to') return i + 3;
    if ((w === 'stems' || w === 'stemmed') && next === 'from') return i + 2;
    if (['lies', 'lay', 'rests', 'rested', 'sits'].includes(w) && next === 'with') return i + 2;
    return 0;
  }

  /** After "if <person>": "had" and an act ("had just run", "had been paying attention"), not "had been paged". */
  private hadActed(k: number): boolean {
    if (this.low(k) !== 'had' && this.low(k) !== "hadn't") return false;
    let j = k + 1;
    while (j < k + 3 && (this.adverb(j) || this.low(j) === 'not')) j++;
    if (this.low(j) === 'been') return this.low(j + 1).endsWith('ing') || this.adverb(j + 1);
    return this.participle(j) || j > k + 1;
  }

  /** "The intern again." — a person named with "again" and nothing else: a repeat culprit. */
  private phraseCues(np: Phrase): void {
    if (this.isPerson(np) && this.low(np.end) === 'again' && !this.isWord(np.end + 1)) this.flag(np.start, np.end + 1, 1, SUGGEST.systems);
  }

  /** A failure starting at word i, said of `subject`. */
  private predicate(i: number, subject: Phrase | null): void {
    const w = this.low(i);
    // Passive: "ignored by Marco", "caused by Sam's change".
    if (W.FAILURE_PARTICIPLES.has(w) && this.low(i + 1) === 'by') {
      const np = this.nounPhrase(i + 2);
      if (np && (this.isPerson(np) || np.possessor === 'strong')) this.flag(i, np.end, 1, SUGGEST.cause);
    }
    if (!subject) return;
    const person = this.isPerson(subject);
    // "Hannah's quick fix broke…", "Sam's change caused…": a person's change named as what did the damage.
    if (!person && (subject.possessor === 'strong' || subject.possessor === 'weak')) {
      const end = this.damage(i);
      if (end > 0 && !this.negatedBefore(i, subject)) this.flagSubject(subject, i, end, SUGGEST.cause);
      return;
    }
    if (!person) return;
    const fault = this.fault(i);
    if (fault > 0) {
      if (!this.negatedBefore(i, subject)) this.flagSubject(subject, i, fault, SUGGEST.subject);
      return;
    }
    const omission = this.omission(i);
    if (omission > 0) return this.flagSubject(subject, i, omission, SUGGEST.omission);
    const hindsight = this.hindsight(i);
    if (hindsight > 0) return this.flagSubject(subject, i, hindsight, SUGGEST.shouldHave);
    const absent = this.absence(i);
    if (absent > 0) return this.flagSubject(subject, i, absent, SUGGEST.absent);
    const act = this.actedBadly(i);
    if (act > 0) return this.flagSubject(subject, i, act, SUGGEST.subject);
  }

  /** Damage done: "broke", "caused", "took … down". Returns the end of the phrase, or 0. */
  private damage(i: number): number {
    const w = this.low(i);
    if (['nothing', 'none', 'anything'].includes(this.low(i + 1))) return 0;
    if (W.DAMAGE_VERBS.has(w)) return this.brokeSomething(i) ? i + 1 : 0;
    if (w === 'took' || w === 'take' || w === 'takes' || w === 'taking' || w === 'brought' || w === 'bring' || w === 'knocked') {
      for (let k = i + 1; k <= i + 5 && this.isWord(k); k++) if (this.low(k) === 'down' || (w === 'knocked' && this.low(k) === 'over')) return k + 1;
    }
    return 0;
  }

  /** "broke the tie", "broke the news", "broke down the timeline" are not damage. */
  private brokeSomething(i: number): boolean {
    if (!this.low(i).startsWith('break') && !this.low(i).startsWith('broke')) return true;
    const next = this.low(i + 1) === 'the' ? this.low(i + 2) : this.low(i + 1);
    return !['tie', 'news', 'silence', 'down', 'ground', 'even', 'up', 'ice', 'record', 'deadlock'].includes(next);
  }

  /** A fault in the person's act: "forgot", "ignored", "messed up", "is the reason", "made a mistake". */
  private fault(i: number): number {
    const w = this.low(i);
    const next = this.low(i + 1);
    const damage = this.damage(i);
    if (damage > 0) return damage;
    if (['nothing', 'none', 'anything'].includes(next) && !['took', 'brought', 'knocked'].includes(w)) return 0;
    if (['forgot', 'forgets', 'forgetting', 'ignored', 'ignores', 'ignoring', 'overlooked', 'neglected', 'neglects', 'skipped', 'skips', 'skipping', 'botched', 'bungled', 'fumbled', 'flubbed', 'panicked', 'rushed', 'fat-fingered', 'breaking', 'misconfigured', 'forgotten'].includes(w)) return i + 1;
    if ((w === 'forget' || w === 'ignore' || w === 'skip') && (this.low(i - 1) === 'always' || this.low(i - 1) === 'to' && this.low(i - 2) === 'seem')) return i + 1;
    if ((w === 'missed' || w === 'misses') && !['nothing', 'no', 'none', 'out'].includes(next)) return i + 1;
    if ((w === 'messed' || w === 'screwed' || w === 'mucked' || w === 'blew') && (next === 'up' || this.low(i + 2) === 'up')) return next === 'up' ? i + 2 : i + 3;
    if ((w === 'failed' || w === 'fails' || w === 'refused' || w === 'refuses') && next === 'to') return i + 2;
    if (w === 'lost' && (next === 'control' || next === 'track')) return i + 2;
    if (w === 'made' || w === 'makes') {
      for (let k = i + 1; k <= i + 4 && this.isWord(k); k++) if (['mistake', 'mistakes', 'error', 'errors', 'mess', 'blunder', 'call'].includes(this.low(k)) && (this.low(k) !== 'call' || this.low(k - 1) === 'bad')) return k + 1;
    }
    if (['is', 'was', 'are', 'were'].includes(w)) {
      let k = i + 1;
      if (['entirely', 'solely', 'directly', 'really', 'clearly', 'obviously', 'ultimately', 'the', 'a', 'one'].includes(this.low(k))) k++;
      if (this.low(k) === 'of' && this.low(k + 1) === 'the') k += 2;
      if (['the', 'a'].includes(this.low(k))) k++;
      if (['reason', 'reasons', 'cause', 'causes', 'culprit', 'culprits', 'problem'].includes(this.low(k))) return k + 1;
      if (this.low(k) === 'responsible' && this.low(k + 1) === 'for') {
        for (let j = k + 2; j <= k + 6 && this.isWord(j); j++) if (['outage', 'outages', 'incident', 'mess', 'breakage', 'broken', 'failure', 'downtime', 'damage', 'this', 'problem', 'bug', 'breach', 'loss'].includes(this.low(j))) return j + 1;
      }
      if (this.low(k) === 'to' && this.low(k + 1) === 'blame') return k + 2;
      if (this.low(k) === 'at' && this.low(k + 1) === 'fault') return k + 2;
      // "was warned twice", "was told not to touch it".
      if ((w === 'was' || w === 'were') && (next === 'warned' || (next === 'told' && this.low(i + 2) === 'not'))) return i + 2;
    }
    // "wasn't competent enough", "isn't qualified".
    if ((w === "wasn't" || w === "isn't" || w === "weren't" || w === "aren't") && ['competent', 'qualified', 'capable', 'careful', 'fit'].includes(next)) return i + 2;
    if ((w === 'had' || w === 'has' || w === 'have') && next === 'no' && (this.low(i + 2) === 'idea' || this.low(i + 2) === 'clue')) return i + 3;
    // "should know better", "needs to be more careful", "has to pay more attention": a person told to improve.
    if ((w === 'know' || w === 'knows') && next === 'better') return i + 2;
    if (w === 'be' && next === 'more' && ['careful', 'attentive', 'thorough', 'responsible'].includes(this.low(i + 2))) return i + 3;
    if (w === 'pay' && (next === 'more' || next === 'closer') && this.low(i + 2) === 'attention') return i + 3;
    if (w === 'do' && next === 'better' && !this.isWord(i + 2)) return i + 2;
    // "wasn't paying attention", "not paying attention".
    if ((w === "wasn't" || w === "weren't" || w === 'not' || w === "isn't" || w === "aren't") && next === 'paying' && this.low(i + 2) === 'attention') return i + 3;
    // "let an expired certificate slip through", "let it happen".
    if ((w === 'let' || w === 'lets') && !this.adverb(i - 1)) {
      for (let k = i + 1; k <= i + 5 && this.isWord(k); k++) if (['slip', 'through', 'happen'].includes(this.low(k))) return k + 1;
    }
    // "took forty minutes to even acknowledge the page".
    if (w === 'to' && next === 'even' && omitted(this.low(i + 2))) return i + 3;
    // "Ben is why we had no backups".
    if ((w === 'is' || w === 'was') && next === 'why') return i + 2;
    if (w === 'assumed' && (next === 'someone' || next === 'somebody' || (next === 'that' && this.low(i + 2).startsWith('some'))) && (this.low(i + 2) === 'else' || this.low(i + 3) === 'else')) return this.low(i + 2) === 'else' ? i + 3 : i + 4;
    return 0;
  }

  /** "didn't check", "never test", "couldn't even read". */
  private omission(i: number): number {
    const w = this.low(i);
    let k: number;
    if (w === 'never') {
      k = i + 1;
      while (k < i + 3 && ['even', 'actually', 'ever', 'really', 'once', 'properly'].includes(this.low(k))) k++;
      const verb = this.low(k);
      // "never turned it back on", "never documents anything": a lapse or a habit — but not what failed to reach the
      // person ("never saw the page", "never got the alert"), which is about routing.
      if (omitted(verb) || (this.verbish(k) && !W.AUXILIARIES.has(verb) && !W.NOT_OMITTED.has(verb))) return k + 1;
      return 0;
    }
    if (w.endsWith("n't") || w === 'cannot') k = i + 1;
    else if (['did', 'does', 'do', 'could', 'would', 'can', 'will', 'has', 'have'].includes(w) && this.low(i + 1) === 'not') k = i + 2;
    else return 0;
    if (!W.AUXILIARIES.has(w)) return 0;
    while (k < i + 4 && ['even', 'actually', 'ever', 'really', 'once', 'just', 'bother', 'to', 'properly', 'yet'].includes(this.low(k))) k++;
    if (omitted(this.low(k))) return k + 1;
    // "didn't think it through".
    if (this.low(k) === 'think' && ['it', 'this', 'that', 'things'].includes(this.low(k + 1)) && this.low(k + 2) === 'through') return k + 3;
    // "Ravi still hasn't fixed the config": "still" makes any undone act a reproach.
    if (this.low(i - 1) === 'still' && (this.verbish(k) || this.participle(k)) && !W.NOT_OMITTED.has(this.low(k))) return k + 1;
    return 0;
  }

  /** Hindsight about a person: "should have checked", "could have prevented", "should have been paying attention". */
  private hindsight(i: number): number {
    const w = this.low(i);
    let k: number;
    if ((w === 'should' || w === 'could' || w === 'must') && this.low(i + 1) === 'have') k = i + 2;
    else if ((w === 'should' || w === 'could') && this.low(i + 1) === 'not' && this.low(i + 2) === 'have') k = i + 3;
    else if (w === "should've" || w === "could've") k = i + 1;
    else if ((w === "shouldn't" || w === "couldn't") && this.low(i + 1) === 'have') k = i + 2;
    else if (w === 'ought' && this.low(i + 1) === 'to' && this.low(i + 2) === 'have') k = i + 3;
    else return 0;
    const end = k;
    const could = w.startsWith('could');
    let hedged = false;
    while (k < i + 6 && (this.adverb(k) || this.low(k) === 'at' || this.low(k) === 'least')) {
      if (this.low(k) === 'least') return end;
      hedged ||= ['just', 'simply', 'easily', 'only'].includes(this.low(k));
      k++;
    }
    const next = this.low(k);
    if (next === 'been') return this.low(k + 1).endsWith('ing') ? end : 0;
    if (next === 'had') return 0;
    // "could have confirmed it herself" is what someone was able to do; "could have prevented all of this" and
    // "could have just checked" are what they failed to do.
    if (could && !hedged && !W.PREVENTION_VERBS.has(next)) return 0;
    return this.participle(k) ? end : 0;
  }

  /** Leaving the incident: "went back to sleep", "slept through three pages", "sat on the reports". */
  private absence(i: number): number {
    const w = this.low(i);
    const next = this.low(i + 1);
    if (w === 'sat' && next === 'on') return i + 2;
    // "turned his phone off": the person made themselves unreachable.
    if ((w === 'turned' || w === 'switched') && (['his', 'her', 'their'].includes(next) && W.PAGERS.has(this.low(i + 2)) && this.low(i + 3) === 'off' || next === 'off' && ['his', 'her', 'their'].includes(this.low(i + 2)) && W.PAGERS.has(this.low(i + 3)))) return i + 4;
    if (w === 'slept' && next === 'through') return i + 2;
    if (w === 'went' && ['home', 'silent', 'dark', 'quiet', 'missing', 'awol', 'offline'].includes(next)) return i + 2;
    if (w === 'went' && next === 'back' && this.low(i + 2) === 'to' && (this.low(i + 3) === 'sleep' || this.low(i + 3) === 'bed')) return i + 4;
    if ((w === 'logged' || w === 'logging' || w === 'signed' && this.low(i - 1) === 'then') && next === 'off') return i + 2;
    return 0;
  }

  /** A person's act made bad by what surrounds it: "pushed a bad config", "merged it anyway", "deployed without review". */
  private actedBadly(i: number): number {
    const w = this.low(i);
    if (W.INTRODUCING_VERBS.has(w)) {
      for (let k = i + 1; k <= i + 4 && this.isWord(k); k++) {
        if (W.BAD_OBJECTS.has(this.low(k))) return k + 1;
        if (W.PREPOSITIONS.has(this.low(k))) break;
      }
    }
    // "ran the script on prod by mistake": the act itself called a mistake.
    if (w === 'by' && (this.low(i + 1) === 'mistake' || this.low(i + 1) === 'accident')) return i + 2;
    // "Yuki broke checkout, again", "he turned his phone off, again": a reproach for a repeat.
    if (w === 'again' && this.textAt(i - 1) === ',' && !this.isWord(i + 1)) return i + 1;
    // "touched it anyway", "merged it regardless": acting against a warning.
    if ((w === 'anyway' || w === 'regardless') && !this.isWord(i + 1)) return i + 1;
    // "pushed to main without running the tests", "shipped it without telling anyone" — unless it is what the
    // system let anyone do ("any engineer could apply it without review"), which is a gap, not an act.
    if (w === 'without' && !this.modalInClause(i)) {
      for (let k = i + 1; k <= i + 4 && this.isWord(k); k++) {
        const o = this.low(k);
        if (W.OMITTED.has(o)) return k + 1;
        if (!W.DETERMINERS.has(o) && !['a', 'any', 'proper', 'second', 'code', 'peer', 'prior', 'rollback', 'written'].includes(o)) break;
      }
    }
    // "deployed despite the red canary": acting against a warning.
    if (w === 'despite' && !this.modalInClause(i)) return i + 1;
    // "forced the launch before the load test finished": acting before the check was done.
    if (w === 'before') {
      for (let k = i + 1; k <= i + 6 && this.isWord(k); k++) if (['finished', 'completed', 'passed', 'ended', 'done'].includes(this.low(k))) return k + 1;
    }
    return 0;
  }

  private modalInClause(i: number): boolean {
    for (let k = i - 1; k >= Math.max(this.start, i - 8); k--) {
      const w = this.low(k);
      if (['could', 'can', 'may', 'might', 'would', 'will', 'cannot', "can't"].includes(w)) return true;
      if (!this.isWord(k) && this.tokens[k]!.text !== "'") return false;
    }
    return false;
  }
}

interface Judgement {
  pattern: RegExp;
  suggestion: string;
  /** Only in a sentence that names a person: "hard to trust" is about Kai, not about the metrics. */
  needsPerson?: boolean;
  /** Negation does not undo it: "nobody bothered to read it" still blames. */
  ignoresNegation?: boolean;
}

/** Wording that blames whoever it is about. Each pattern is literal words with bounded gaps: linear to match. */
const JUDGEMENTS: Judgement[] = [
  { pattern: /\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|sloppiness|lazy|laziness|reckless(?:ly|ness)?|irresponsible|stupid|dumb|idiot(?:ic|s)?|clueless|moron(?:ic|s)?|amateurish)\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\bhuman error\b/gi, suggestion: SUGGEST.humanError },
  { pattern: /\basleep at the (?:wheel|switch)\b/gi, suggestion: SUGGEST.absent },
  { pattern: /\bdropped the ball\b/gi, suggestion: SUGGEST.droppedBall },
  { pattern: /\bshould(?: have|'ve) known\b/gi, suggestion: SUGGEST.knew },
  { pattern: /\b(?:(?:his|her|their)\s+fault|at fault)\b/gi, suggestion: SUGGEST.fault },
  { pattern: /\bto blame\b/gi, suggestion: SUGGEST.blame },
  { pattern: /\bblame (?:sits|lies|rests|falls|belongs|goes)\b/gi, suggestion: SUGGEST.blame },
  { pattern: /\brookie (?:mistake|error|move)s?\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\b(?:(?:couldn't|could not|can't|cannot) be bothered|(?:didn't|did not|never) (?:even )?bother(?:ed)?|bothered to)\b/gi, suggestion: SUGGEST.systems, ignoresNegation: true },
  { pattern: /\btoo much to ask\b/gi, suggestion: SUGGEST.sarcasm, ignoresNegation: true },
  { pattern: /\bhalf a brain\b/gi, suggestion: SUGGEST.systems, ignoresNegation: true },
  { pattern: /\b(?:so-called|supposedly (?:senior|experienced|expert|competent|smart))\b/gi, suggestion: SUGGEST.sarcasm },
  { pattern: /\b(?:some|the|our|a) genius\b/gi, suggestion: SUGGEST.sarcasm },
  { pattern: /, who else,/gi, suggestion: SUGGEST.sarcasm },
  { pattern: /\bcompetent enough\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\brubber-?stamp(?:ed|ing|s)?\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\bfat[- ]finger(?:ed|ing|s)?\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\bbotched\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\b(?:trying|tried|try) to (?:be|play) (?:a )?hero\b|\bcowboy\b/gi, suggestion: SUGGEST.systems },
  { pattern: /\b(?:should|must|needs? to|ought to) (?:be|get) (?:fired|banned|disciplined|punished|reprimanded|written up)\b|\b(?:kept|keep|stay|stays) (?:\w+ ){0,2}away from (?:prod|production)\b/gi, suggestion: SUGGEST.punitive, ignoresNegation: true },
  { pattern: /\b(?:(?:hard|impossible|difficult) to trust|(?:can't|cannot|don't|won't) trust)\b/gi, suggestion: SUGGEST.trust, needsPerson: true, ignoresNegation: true },
  { pattern: /\b(?:got|get|gets|getting) (?:their|his|her) hands on\b/gi, suggestion: SUGGEST.systems, needsPerson: true },
  { pattern: /\brules (?:didn't|don't|did not|do not) apply to (?:him|her|them)\b/gi, suggestion: SUGGEST.systems, ignoresNegation: true },
  { pattern: /\b(?:one|only|single) job\b/gi, suggestion: SUGGEST.absent, needsPerson: true },
  // "I'm not saying it was Ahmed's fault, but…": a disclaimer that delivers the blame it disclaims.
  { pattern: /\b(?:not|n't) (?:saying|blaming anyone|pointing fingers|trying to blame|naming names)[^.!?\n]{0,80}\bbut\b|\bno offen[cs]e[^.!?\n]{0,80}\bbut\b/gi, suggestion: SUGGEST.sarcasm, ignoresNegation: true },
  { pattern: /\bI (?:told|warned) (?:you|him|her|them|[A-Z][\p{L}-]+) (?:so\b|(?:this|that|it) would\b)/gu, suggestion: SUGGEST.sarcasm, ignoresNegation: true },
  { pattern: /\bthanks for nothing\b/gi, suggestion: SUGGEST.sarcasm, ignoresNegation: true },
];

/** Praise next to destruction is sarcasm: "Great job, Luis, deleting the backups bucket". */
const PRAISE = /\b(?:(?:great|good|nice|fantastic|brilliant|awesome|amazing|excellent|stellar) (?:job|work|going|move)|well done|way to go|bravo|kudos|thanks a lot)\b/gi;
const DESTRUCTION = /\b(?:delet|break|broke|wip|drop|kill|nuk|crash|corrupt|tak(?:e|ing) down|took down|los(?:e|ing|t))/i;

function judgementCandidates(text: string, tokens: Token[], ranges: Array<[number, number]>, hasPerson: boolean[], negatedSubject: Uint8Array, out: Candidate[]): void {
  // Sentence starts in characters, to find the sentence of a match by binary search.
  const starts = ranges.map(([start]) => tokens[start]?.start ?? 0);
  const sentenceOf = (index: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sentenceText = (s: number): string => {
    const range = ranges[s];
    if (!range || range[0] >= range[1]) return '';
    return text.slice(tokens[range[0]]!.start, tokens[range[1] - 1]!.end);
  };
  // Curly apostrophes read as straight ones ("didn’t bother"); the replacement keeps every offset.
  const plain = text.replace(/\u2019/g, "'");
  const matched = (start: number, end: number, suggestion: string): Candidate => ({ start, end, first: tokenAt(tokens, start), last: tokenAt(tokens, end - 1), rank: 2, suggestion });
  for (const judgement of JUDGEMENTS) {
    for (const match of plain.matchAll(judgement.pattern)) {
      const start = match.index ?? 0;
      if (!judgement.ignoresNegation && (negated(plain, start) || negatedSubject[tokenAt(tokens, start)])) continue;
      if (judgement.needsPerson && !hasPerson[sentenceOf(start)]) continue;
      out.push(matched(start, start + match[0].length, judgement.suggestion));
    }
  }
  // Each sentence is searched for destruction once, however many praises it holds.
  const destructive = new Map<number, boolean>();
  for (const match of plain.matchAll(PRAISE)) {
    const start = match.index ?? 0;
    const s = sentenceOf(start);
    if (!destructive.has(s)) destructive.set(s, DESTRUCTION.test(sentenceText(s)));
    if (destructive.get(s)) out.push(matched(start, start + match[0].length, SUGGEST.sarcasm));
  }
}

/** "not careless", "nobody is to blame", "never reckless": a judgement denied. */
function negated(text: string, index: number): boolean {
  return /\b(?:not|n't|no one|nobody|never|no)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, index - 20), index));
}
