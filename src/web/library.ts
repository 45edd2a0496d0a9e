import { formatProblem } from '../engine/index';
import type { Catalog } from './catalog';
import { h } from './dom';

const DIFFICULTY_LABELS: Record<string, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

/** The scenario library: one card per scenario. The true severity is never shown: judging it is part of the drill. */
export function renderLibrary(catalog: Catalog): HTMLElement {
  const section = h('section', { class: 'library', 'aria-labelledby': 'library-title' }, h('h2', { id: 'library-title' }, 'Scenario library'));
  const list = h('ul', { class: 'cards', 'aria-label': 'Scenarios' });
  for (const { scenario } of catalog.scenarios) {
    const topics = h('ul', { class: 'topics', 'aria-label': 'Topics' }, ...scenario.topics.map((t) => h('li', {}, t.replace(/-/g, ' '))));
    list.append(
      h(
        'li',
        { class: 'card', 'data-scenario': scenario.id },
        h('h3', {}, scenario.title),
        h('p', { class: 'summary' }, scenario.summary),
        h(
          'p',
          { class: 'meta' },
          h('span', { class: `difficulty difficulty-${scenario.difficulty}` }, DIFFICULTY_LABELS[scenario.difficulty] ?? scenario.difficulty),
          h('span', {}, `about ${scenario.estimatedMinutes} min`),
        ),
        topics,
      ),
    );
  }
  section.append(list);
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
