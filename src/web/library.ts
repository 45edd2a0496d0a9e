import { formatProblem } from '../engine/scenario/problems';
import type { CatalogIndex, IndexEntry } from './catalog';
import { MAX_SEED, parseSeed } from './deep-link';
import { DIFFICULTIES, DIFFICULTY_SETTINGS, type Difficulty } from './difficulty';
import { h } from './dom';

const DIFFICULTY_LABELS: Record<string, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

/** What a topic lets a player practise, in words; it never hints at the severity. */
const PRACTICE: Record<string, string> = {
  triage: 'judging impact',
  severity: 'choosing a severity',
  'incident-command': 'taking command',
  communication: 'keeping stakeholders informed',
  stakeholders: 'keeping stakeholders informed',
  deploys: 'spotting a bad change',
  payments: 'payment dependencies',
  'alert-quality': 'telling signal from noise',
  runbooks: 'using and fixing runbooks',
  monitoring: 'reading dashboards',
  postmortem: 'blameless postmortems',
  verification: 'verifying recovery',
  escalation: 'escalating well',
};

function practises(topics: string[]): string {
  const phrases = [...new Set(topics.map((t) => PRACTICE[t] ?? t.replace(/-/g, ' ')))];
  return phrases.length > 1 ? `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}` : (phrases[0] ?? '');
}

export interface LibraryChoice {
  entry: IndexEntry;
  seed: string;
  difficulty: Difficulty;
}

export function randomSeed(): string {
  return String(1 + Math.floor(Math.random() * MAX_SEED));
}

/**
 * The start screen: the scenario library as cards, a visible and editable seed, and a difficulty. The true severity
 * is never shown: judging it is part of the drill.
 */
export function renderLibrary(catalog: CatalogIndex, onStart: (choice: LibraryChoice) => void, message: { text: string; tone: 'error' | 'info' } | null = null): HTMLElement {
  const section = h('section', { class: 'library', 'aria-labelledby': 'library-title' });
  if (message) section.append(h('div', { class: `banner banner-${message.tone}`, role: message.tone === 'error' ? 'alert' : 'status' }, message.text));
  section.append(h('h2', { id: 'library-title' }, 'Scenario library'));

  const seedInput = h('input', { id: 'seed', name: 'seed', type: 'text', inputmode: 'numeric', value: randomSeed(), 'aria-describedby': 'seed-help seed-error', autocomplete: 'off', spellcheck: 'false' });
  const seedError = h('p', { id: 'seed-error', class: 'field-error', 'aria-live': 'polite' });
  const reroll = h('button', { type: 'button', class: 'secondary' }, 'New seed');
  reroll.addEventListener('click', () => {
    seedInput.value = randomSeed();
    seedError.textContent = '';
    seedInput.removeAttribute('aria-invalid');
  });
  const difficulty = h(
    'fieldset',
    { class: 'difficulty-choice' },
    h('legend', {}, 'Difficulty'),
    ...DIFFICULTIES.map((d) =>
      h(
        'label',
        { class: 'radio' },
        h('input', { type: 'radio', name: 'difficulty', value: d, checked: d === 'standard' }),
        h('span', {}, h('strong', {}, DIFFICULTY_SETTINGS[d].label), ` — ${DIFFICULTY_SETTINGS[d].description}`),
      ),
    ),
  );
  section.append(
    h(
      'div',
      { class: 'start-options' },
      h('div', { class: 'seed-field' }, h('label', { for: 'seed' }, 'Seed'), h('div', { class: 'row' }, seedInput, reroll), h('p', { id: 'seed-help', class: 'help' }, 'The seed picks the root cause and timings. Share it to replay the same drill.'), seedError),
      difficulty,
    ),
  );

  const choose = (entry: IndexEntry) => {
    const seed = parseSeed(seedInput.value);
    if (seed === null) {
      seedError.textContent = `The seed must be a whole number from 0 to ${MAX_SEED.toLocaleString('en')}.`;
      seedInput.setAttribute('aria-invalid', 'true');
      seedInput.focus();
      return;
    }
    const picked = section.querySelector<HTMLInputElement>('input[name="difficulty"]:checked')?.value as Difficulty | undefined;
    onStart({ entry, seed, difficulty: picked ?? 'standard' });
  };

  const topics = [...new Set(catalog.scenarios.flatMap((e) => e.scenario.topics))].sort();
  const levelFilter = h('select', { id: 'filter-difficulty' }, h('option', { value: '' }, 'All difficulties'), ...Object.entries(DIFFICULTY_LABELS).map(([value, label]) => h('option', { value }, label)));
  const topicFilter = h('select', { id: 'filter-topic' }, h('option', { value: '' }, 'All topics'), ...topics.map((t) => h('option', { value: t }, t.replace(/-/g, ' '))));
  const shown = h('p', { class: 'muted', 'aria-live': 'polite', id: 'filter-count' });
  section.append(
    h(
      'div',
      { class: 'filters row', role: 'group', 'aria-label': 'Filter scenarios' },
      h('label', { for: 'filter-difficulty' }, 'Difficulty'),
      levelFilter,
      h('label', { for: 'filter-topic' }, 'Topic'),
      topicFilter,
      shown,
    ),
  );
  const list = h('ul', { class: 'cards', 'aria-label': 'Scenarios' });
  const applyFilters = () => {
    let count = 0;
    for (const card of list.querySelectorAll<HTMLElement>('li.card')) {
      const entry = catalog.scenarios.find((e) => e.scenario.id === card.dataset.scenario)!;
      const visible = (!levelFilter.value || entry.scenario.difficulty === levelFilter.value) && (!topicFilter.value || entry.scenario.topics.includes(topicFilter.value));
      card.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = `Showing ${count} of ${catalog.scenarios.length} scenarios.`;
  };
  levelFilter.addEventListener('change', applyFilters);
  topicFilter.addEventListener('change', applyFilters);
  for (const entry of catalog.scenarios) {
    const { scenario } = entry;
    const start = h('button', { type: 'button', class: 'primary', 'aria-label': `Start drill: ${scenario.title}` }, 'Start drill');
    start.addEventListener('click', () => choose(entry));
    list.append(
      h(
        'li',
        { class: 'card', 'data-scenario': scenario.id },
        h('h3', {}, scenario.title),
        h('p', { class: 'summary' }, scenario.summary),
        h('p', { class: 'practises' }, h('strong', {}, 'Practises: '), practises(scenario.topics)),
        h(
          'p',
          { class: 'meta' },
          h('span', { class: `difficulty difficulty-${scenario.difficulty}` }, DIFFICULTY_LABELS[scenario.difficulty] ?? scenario.difficulty),
          h('span', {}, `about ${scenario.estimatedMinutes} min`),
        ),
        h('ul', { class: 'topics', 'aria-label': 'Topics' }, ...scenario.topics.map((t) => h('li', {}, t.replace(/-/g, ' ')))),
        start,
      ),
    );
  }
  section.append(list);
  applyFilters();
  if (catalog.scenarios.length === 0) section.append(h('p', { class: 'empty' }, 'No scenarios are installed.'));
  for (const broken of catalog.broken) {
    section.append(
      h(
        'details',
        { class: 'broken', open: true },
        h('summary', {}, `${broken.file} has ${broken.problems.length} problem${broken.problems.length === 1 ? '' : 's'} and is not listed`),
        h('ul', {}, ...broken.problems.map((p) => h('li', {}, h('code', {}, formatProblem(p))))),
      ),
    );
  }
  return section;
}
