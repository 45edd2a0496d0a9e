import './styles.css';
import { loadCatalog, type CatalogEntry } from './catalog';
import { renderDebrief } from './debrief-screen';
import { readDeepLink } from './deep-link';
import type { Difficulty } from './difficulty';
import { renderLibrary, type LibraryChoice } from './library';
import { Session } from './session';
import { clearActiveRun, clearDrafts, readActiveRun, setAside } from './storage';
import { installTestHook } from './test-hook';
import { renderWarRoom, type WarRoomScreen } from './war-room-screen';

const main = document.getElementById('main')!;
const catalog = loadCatalog();
let current: { session: Session | null; warRoom: WarRoomScreen | null } = { session: null, warRoom: null };

function clear(): void {
  current.warRoom?.destroy();
  current = { session: null, warRoom: null };
  document.getElementById('app-loading')?.remove();
  main.replaceChildren();
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function showLibrary(message: string | null = null, tone: 'error' | 'info' = 'error'): void {
  clear();
  main.append(renderLibrary(catalog, start, message === null ? null : { text: message, tone }));
  document.title = 'Firedrill — incident response drills';
}

function start(choice: LibraryChoice): void {
  clearDrafts();
  showWarRoom(Session.start(choice.entry, choice.seed, choice.difficulty, today()), false);
}

function showWarRoom(session: Session, resumed: boolean): void {
  clear();
  // The address bar no longer asks for a new run: a reload resumes this one.
  history.replaceState(null, '', window.location.pathname);
  if (session.run.isOver()) {
    showDebrief(session);
    return;
  }
  let finished = false;
  const warRoom = renderWarRoom(session, {
    resumed,
    onFinish: () => {
      if (finished) return;
      finished = true;
      showDebrief(session);
    },
    onAbandon: () => {
      clearActiveRun();
      clearDrafts();
      showLibrary('The drill was abandoned.', 'info');
    },
  });
  current = { session, warRoom };
  main.append(warRoom.element);
  document.title = `${session.scenario.title} — Firedrill`;
}

function showDebrief(session: Session): void {
  clear();
  current = { session, warRoom: null };
  main.append(
    renderDebrief(session, catalog, () => {
      clearActiveRun();
      clearDrafts();
      showLibrary();
    }),
  );
  document.title = `Debrief: ${session.scenario.title} — Firedrill`;
  main.querySelector<HTMLElement>('#debrief-title')?.focus();
}

function boot(): void {
  const stored = readActiveRun();
  const link = readDeepLink(window.location.search, catalog);
  if (stored.kind === 'unreadable') {
    const key = setAside(stored.text, String(Date.now()));
    showLibrary(`Your saved drill could not be restored (${stored.reason}). It was set aside in this browser's storage as "${key}".`);
    return;
  }
  if (stored.kind === 'found') {
    const entry: CatalogEntry | undefined = catalog.scenarios.find((s) => s.scenario.id === stored.stored.save.scenarioId);
    const resumed = entry ? Session.resume(entry, JSON.stringify(stored.stored.save), stored.stored.difficulty as Difficulty, stored.stored.startedOn) : { problem: `the scenario "${String(stored.stored.save.scenarioId)}" is not installed` };
    if ('problem' in resumed) {
      const key = setAside(stored.text, String(Date.now()));
      showLibrary(`Your saved drill could not be restored: ${resumed.problem}. It was set aside in this browser's storage as "${key}".`);
      return;
    }
    showWarRoom(resumed, true);
    return;
  }
  if (link.kind === 'error') showLibrary(link.message);
  else if (link.kind === 'start') {
    clearDrafts();
    showWarRoom(Session.start(link.entry, link.seed, link.difficulty, today()), false);
  } else showLibrary();
}

// Leaving or hiding the page saves the exact minute, so nothing played is lost.
window.addEventListener('pagehide', () => current.session?.save());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') current.session?.save();
});

installTestHook(() => current);
boot();
