/**
 * Whether a message names a change: the one rule the grader uses wherever it links what people wrote to what they
 * did. A message names a change when it says what is done (the label's verb, or a word meaning the same) and to
 * what (a word of the label no other action of the scenario uses), so "the index engineers are paged" does not
 * announce "Fully restart the index subsystem", "checking the flag rollout" does not announce "Turn the flag back
 * off", and words every message shares ("about", "service") never count.
 */
import type { Scenario } from '../engine/scenario/schema';

const STOP_WORDS = new Set(
  'fully partly partially quickly temporarily emergency now the a an and or of to in on at by for with from into onto off back that this these those then than there their them they it its is are was were be been being have has had will would could should can may might do does did not no now new all any some each every more most other our your we you he she his her who what when where which while about after before again also just only very over under up down out via per as so if but our us'.split(' '),
);

/** Lowercase words, with "roll back"/"rolling back" as "rollback", hyphenated names split, simple plurals and -ing/-ed cut. */
function words(text: string): string[] {
  const normal = text
    .toLowerCase()
    .replace(/roll(?:s|ing|ed)?[\s-]?back/g, 'rollback')
    .replace(/[^a-z0-9.\s-]/g, ' ');
  const out: string[] = [];
  for (const token of normal.split(/\s+/)) {
    const raw = token.replace(/^[.-]+|[.-]+$/g, '');
    // A version ("v4.1.3") stays whole; other dotted or hyphenated names count by their parts too.
    const parts = /^v?\d+(\.\d+)+$/.test(raw) ? [raw] : raw.split(/[-.]/);
    for (const part of parts) {
      if (part.length < 3 || STOP_WORDS.has(part)) continue;
      out.push(stem(part));
    }
  }
  return out;
}

/** "disables", "disabled", "disabling" and "disable" all become "disabl": a suffix, then a final e, are cut. */
function stem(word: string): string {
  let base = word;
  for (const suffix of ['ing', 'ed', 's']) {
    if (base.length - suffix.length >= 3 && base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  return base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** Verbs that say the same thing to a system, by stem: saying any of them says what a change does. */
const VERB_GROUPS: readonly string[][] = [
  ['turn', 'disable', 'switch', 'toggle', 'flip', 'kill', 'deactivate', 'block'],
  ['enable', 'activate', 'unblock'],
  ['rollback', 'revert', 'undo', 'downgrade'],
  ['restart', 'reboot', 'bounce', 'recycle', 'relaunch', 'rerun', 'redeploy'],
  ['purge', 'flush', 'clear', 'invalidate', 'evict'],
  ['scale', 'add', 'increase', 'raise', 'grow', 'provision', 'expand'],
  ['reduce', 'lower', 'decrease', 'shrink', 'limit', 'throttle', 'cap'],
  ['failover', 'fail', 'promote', 'switchover'],
  ['remove', 'exclude', 'drop', 'delete', 'detach'],
  ['renew', 'rotate', 'reissue', 'replace'],
  ['release', 'free', 'unlock'],
  ['shorten', 'trim', 'rename', 'edit', 'change', 'fix'],
  ['restore', 'recover', 'rebuild'],
  ['pause', 'stop', 'halt', 'freeze', 'suspend'],
];
const VERB_OF = new Map(VERB_GROUPS.flatMap((group, index) => group.map((verb) => [stem(verb), index] as const)));

interface ChangeName {
  words: Set<string>;
  distinctive: Set<string>;
  /** What the change does: its verb's group (a number), or the label's first word when no group knows it. */
  verb: number | string | null;
}

const cache = new WeakMap<Scenario, Map<string, ChangeName>>();

/** Each action's label words, and those no other action's label uses; built once per scenario. */
function namesOf(scenario: Scenario): Map<string, ChangeName> {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const actions = [...scenario.diagnosis, ...scenario.resolution];
  const counts = new Map<string, number>();
  const labelWords = new Map(actions.map((a) => [a.id, new Set(words(a.label))]));
  for (const set of labelWords.values()) for (const w of set) counts.set(w, (counts.get(w) ?? 0) + 1);
  const names = new Map<string, ChangeName>();
  for (const [id, set] of labelWords) {
    const ordered = [...set];
    const known = ordered.find((w) => VERB_OF.has(w));
    names.set(id, { words: set, distinctive: new Set(ordered.filter((w) => counts.get(w) === 1)), verb: known !== undefined ? VERB_OF.get(known)! : (ordered[0] ?? null) });
  }
  cache.set(scenario, names);
  return names;
}

export function namesChange(scenario: Scenario, actionId: string, text: string): boolean {
  const name = namesOf(scenario).get(actionId);
  if (!name || name.words.size === 0) return false;
  const said = words(text);
  const saidSet = new Set(said);
  const doesIt = typeof name.verb === 'number' ? said.some((w) => VERB_OF.get(w) === name.verb) : name.verb === null || saidSet.has(name.verb);
  if (!doesIt) return false;
  // What it is done to: a word no other action's label uses, or two of the label's words.
  const targets = [...name.words].filter((w) => VERB_OF.get(w) !== name.verb && w !== name.verb);
  if (targets.length === 0) return true;
  const said2 = targets.filter((w) => saidSet.has(w));
  return said2.some((w) => name.distinctive.has(w)) || said2.length >= 2;
}
