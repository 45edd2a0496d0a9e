/**
 * The home page: the library of scenarios, the form to host a group drill, and (loaded after them) the records and
 * past runs. Loaded on demand, so a drill link never downloads it before its briefing.
 */
import type { CatalogIndex } from './catalog';
import { h } from './dom';
import { renderHostSection } from './group/host-form';
import { renderLibrary, type LibraryChoice } from './library';

export function renderHome(catalog: CatalogIndex, onStart: (choice: LibraryChoice) => void, message: { text: string; tone: 'error' | 'info' } | null): HTMLElement {
  const library = renderLibrary(catalog, onStart, message);
  // Group drills are hosted from the same page; the form sits after the cards, with a way to it from the top.
  library.querySelector('.start-options')?.before(h('p', { class: 'host-pointer' }, 'Playing as a team? ', h('a', { href: '#host-title' }, 'Host a group drill'), '. Team readiness: ', h('a', { href: '#records-title' }, 'Records'), '.'));
  library.append(renderHostSection());
  // Records and past runs load after the library is on screen, and only their small part: the solo game's first load
  // stays as it was.
  const records = h('div', { class: 'records-slot' });
  library.append(records);
  import('./records/entry')
    .then(({ mountRecordsEntry }) => {
      if (records.isConnected) mountRecordsEntry(records);
    })
    .catch((error: unknown) => records.append(h('p', { class: 'banner banner-error' }, `Records could not be loaded: ${error instanceof Error ? error.message : String(error)}.`)));
  return library;
}
