import './styles.css';
import { formatMinute } from '../engine/names';
import { provideZod } from '../engine/lazy-schema';
import { loadCatalog, loadEntry, loadFullCatalog, type CatalogEntry, type IndexEntry } from './catalog';
import { renderChoice } from './choice-screen';
import { readDeepLink, type DeepLink } from './deep-link';
import type { Difficulty } from './difficulty';
import { h } from './dom';
import { download, runFile } from './download';
import type { LibraryChoice } from './library';
import type { Session, SessionMode } from './session';
import { ACTIVE_RUN_KEY, clearActiveRun, clearDrafts, clearProgress, copyAside, readActiveRun, readProgress, setAside, type StoredRun } from './storage';
import { loadOnce } from './load-once';
import { installTestHook } from './test-hook';
import type { WarRoomScreen } from './war-room-screen';
import { renderWarRoomShell, type WarRoomShell } from './war-room-shell';
import { PANELS_WORK, sessionSource, startStage, type WarRoomStage } from './war-room-stage';
import { createWriterLease } from './writer-lease';

/*
 * What this file imports loads before anything is on screen: routing, storage, and a new drill's briefing. The rest
 * loads when a page needs it: the home page (library, hosting), the drill part (engine, session), the panels, the
 * debrief, group drills and records. Type-only imports cost nothing.
 */
type DrillPart = typeof import('./drill-part');
type PanelsPart = typeof import('./panels-part');
/** The part a drill runs with: the engine and the session. */
const loadDrill = loadOnce((): Promise<DrillPart> => import('./drill-part'));
/**
 * Zod, which the engine checks commands and saves with: given to the engine once loaded (see lazy-schema.ts). The
 * drill part does without it, so a new drill's first frame does not wait for it; it comes with the panels, before the
 * player can send anything.
 */
const loadZod = loadOnce(async () => provideZod((await import('../engine/zod-builders')).zodBuilders));
/** The war room's panels, and zod for the commands they send. */
const loadPanels = loadOnce(async (): Promise<PanelsPart> => (await Promise.all([import('./panels-part'), loadZod()]))[0]);
/** Both parts: what playing a drill needs (a saved drill is checked on reading, so zod comes first). */
type Play = DrillPart & PanelsPart;
const loadPlay = async (): Promise<Play> => {
  const [drill, panels] = await Promise.all([loadDrill(), loadPanels()]);
  return { ...drill, ...panels };
};

const main = document.getElementById('main')!;
const catalog = loadCatalog();
/** Which tab plays the drill in storage: only that one saves, so two tabs never overwrite each other. */
const lease = createWriterLease();
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

function entryFor(scenarioId: unknown): IndexEntry | undefined {
  return catalog.scenarios.find((s) => s.scenario.id === scenarioId);
}

function showStatus(text: string): HTMLElement {
  clear();
  const status = h('p', { class: 'loading', role: 'status' }, text);
  main.append(status);
  return status;
}

function showLibrary(message: string | null = null, tone: 'error' | 'info' = 'error'): void {
  const waiting = showStatus('Opening the library…');
  document.title = 'Firedrill — incident response drills';
  import('./home')
    .then(({ renderHome }) => {
      // Something else took the page meanwhile: the library is no longer wanted.
      if (!waiting.isConnected) return;
      clear();
      main.append(renderHome(catalog, start, message === null ? null : { text: message, tone }));
    })
    .catch((error: unknown) => {
      if (!waiting.isConnected) return;
      clear();
      // What the library was to say is said all the same: it may be the only word of a save set aside.
      if (message !== null) main.append(h('p', { class: `banner banner-${tone}`, role: tone === 'error' ? 'alert' : 'status' }, message));
      main.append(h('p', { class: 'banner banner-error', role: 'alert' }, `The library could not be loaded (${loadProblem(error)}).`));
    });
}

function asideSentence(key: string | null): string {
  return key === null ? 'It could not be kept aside: the browser has no room left to copy it.' : `It was set aside in this browser's storage as "${key}".`;
}

/** A stored drill in words, for a question about it. */
function describeStored(stored: StoredRun): string {
  const title = entryFor(stored.save.scenarioId)?.scenario.title ?? `"${String(stored.save.scenarioId)}"`;
  const minute = typeof stored.save.minute === 'number' ? `, at ${formatMinute(stored.save.minute)}` : '';
  return `${title} (seed ${String(stored.save.seed)}${minute}, ${stored.commandCount} command${stored.commandCount === 1 ? '' : 's'} sent)`;
}

/**
 * A run whose save never fitted: its progress record is there, its save is not. Said once, then forgotten.
 */
function lostRunMessage(): string | null {
  const progress = readProgress(null);
  if (!progress) return null;
  clearProgress();
  const title = entryFor(progress.scenarioId)?.scenario.title ?? progress.scenarioId;
  const lost = progress.commandCount > 0 ? `, and the ${progress.commandCount} command${progress.commandCount === 1 ? '' : 's'} sent in it are lost` : '';
  return `Your drill "${title}" (seed ${progress.seed}) could not be restored: the browser's storage was full, so it was never saved${lost}.`;
}

function start(choice: LibraryChoice): void {
  const stored = readActiveRun();
  if (stored.kind === 'found') {
    const entry = choice.entry;
    askBeforeReplacing(stored.stored, `You asked for ${entry.scenario.title} with seed ${choice.seed}.`, () => void startNew(choice.entry, choice.seed, choice.difficulty, null));
    return;
  }
  const notice = stored.kind === 'unreadable' ? `An unreadable save was in the way (${stored.reason}). ${asideSentence(setAside(stored.text))}` : null;
  void startNew(choice.entry, choice.seed, choice.difficulty, notice);
}

/** Why a part of the game loaded on demand did not come: the network dropped, or the build changed under the page. */
function loadProblem(error: unknown): string {
  return `${downloadProblem(error)}. Reload the page to try again`;
}

/**
 * A failed download of a part of the game, in words for the player: the browser's own message names a script's
 * address, which tells a player nothing. Any other failure keeps its message.
 */
function downloadProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Failed to fetch|Importing a module script failed|error loading dynamically/i.test(message)
    ? 'it did not download: the network may have dropped, or the game was updated meanwhile'
    : message;
}

/** The longest the panels of a new drill wait for the display's first frame. */
const PANELS_WAIT_MS = 1500;

/**
 * Starts a drill in this tab, which becomes the writer: any other tab playing stops and is asked what to do. The
 * briefing comes first, as soon as the scenario has loaded; the war room loads behind it and fills the same frame.
 */
async function startNew(index: IndexEntry, seed: string, difficulty: Difficulty, notice: string | null): Promise<void> {
  // The briefing first, from the index: the scenario's content, the display and the drill part load behind it.
  clear();
  const shell = renderWarRoomShell(index.briefing, seed, difficulty);
  main.append(shell.element);
  document.title = `${index.scenario.title} — Firedrill`;
  shell.briefing.title.focus();
  performance.mark('firedrill:panels-interactive');
  // The display boots behind the briefing while the scenario and the drill part load (only now: none may hold up the
  // briefing), and draws the new run, not yet saved. The panels load once it has drawn, or after a while on a machine
  // too slow to wait for: loaded or built first, they held the first frame back by their download, compiling and layout.
  // Phaser is evaluated after the drill part: the other way round the part's download and compiling waited behind
  // Phaser's evaluation, and the booted room then waited for the part (first frame ~7% later, `npm run bench`).
  const drillPart = loadDrill();
  const stage = startStage(null, { room: shell.element, without: PANELS_WORK, after: drillPart });
  shell.stageColumn.append(stage.element);
  const failed = (problem: string) => {
    // Nothing in storage or in another tab has been touched yet.
    stage.destroy();
    if (shell.element.isConnected) shell.fail(problem);
  };
  const scenario = loadEntry(index).catch((error: unknown) => {
    throw new Error(`the scenario could not be loaded: ${downloadProblem(error)}`);
  });
  /** What `loading` gives; null when it failed (the briefing says so) or the page moved on meanwhile. */
  const settled = async <T>(loading: Promise<T>): Promise<T | null> => {
    let value: T;
    try {
      value = await loading;
    } catch (error) {
      failed(downloadProblem(error));
      return null;
    }
    if (shell.element.isConnected) return value;
    stage.destroy();
    return null;
  };
  const loaded = await settled(Promise.all([scenario, drillPart]));
  if (!loaded) return;
  const [entry, drill] = loaded;
  const session = drill.Session.create(entry, seed, difficulty, today());
  stage.attach(sessionSource(session));
  await Promise.race([stage.ready, new Promise((resolve) => setTimeout(resolve, PANELS_WAIT_MS))]);
  const panels = await settled(loadPanels());
  if (!panels) return;
  // The drill can be played now: this tab becomes its writer and it replaces the one in storage.
  await lease.takeOver();
  clearActiveRun();
  clearDrafts();
  session.save();
  showWarRoom({ ...drill, ...panels }, session, { resumed: false, partial: null, notice }, shell, stage);
}

/**
 * Asks before a new drill replaces the one in storage (from a link or the library): keep it, or start the new one.
 * Keeping is first and has focus; the drill in progress can be downloaded first either way.
 */
function askBeforeReplacing(stored: StoredRun, asked: string, startIt: () => void): void {
  clear();
  const scenarioId = String(stored.save.scenarioId);
  const seed = String(stored.save.seed);
  main.append(
    renderChoice(
      'You have a drill in progress',
      [
        `This browser holds ${describeStored(stored)}. ${asked}`,
        'Starting the new drill ends the one in progress (as abandoning it would), here and in any other tab playing it. Download its run first to keep it.',
      ],
      [
        { label: 'Keep my drill', tone: 'primary', act: () => void resume(null) },
        { label: 'Start the new drill', tone: 'danger', act: startIt },
        { label: 'Download my drill’s run', tone: 'secondary', stays: true, act: () => download(runFile(scenarioId, seed, () => stored.save)) },
      ],
    ),
  );
  document.title = 'A drill is in progress — Firedrill';
}

/** After a save was set aside: starts the link's drill only if the player wants to, once they have read why. */
function showProblem(message: string, link: DeepLink): void {
  if (link.kind !== 'start') {
    showLibrary(link.kind === 'error' ? `${message} ${link.message}` : message);
    return;
  }
  clear();
  main.append(
    renderChoice('Your saved drill could not be restored', [message, `The link asks for ${link.entry.scenario.title} with seed ${link.seed}.`], [
      { label: 'Start the drill from the link', tone: 'primary', act: () => void startNew(link.entry, link.seed, link.difficulty, null) },
      { label: 'Go to the library', tone: 'secondary', act: () => showLibrary() },
    ]),
  );
}

/** Opens the drill in storage: as its writer when no other tab is, else asking to take over or watch. */
async function resume(notice: string | null): Promise<void> {
  showStatus('Opening your drill…');
  const writer = await lease.acquire();
  await enterStored(writer ? 'writing' : 'stopped', notice);
}

async function takeOver(): Promise<void> {
  showStatus('Taking over the drill…');
  await lease.takeOver();
  await enterStored('writing', 'You took over from the other tab: this is its newest save.');
}

/**
 * Shows the newest save in storage. Whatever goes wrong, even an exception, the writer sets the save aside and the
 * library comes back with a message: a bad save never leaves the page stuck. A tab that does not write touches
 * nothing in storage (the save belongs to the tab that plays it).
 */
async function enterStored(mode: SessionMode, notice: string | null): Promise<void> {
  // The drill part, the panels and the drill's scenario load on demand, side by side. The save is read again once
  // the scenario has, so it is the newest one; should that be of another scenario (another tab started a drill
  // meanwhile), that scenario is loaded too.
  const loadingPlay = loadPlay();
  // Handled below; until then a failure must not count as unhandled.
  loadingPlay.catch(() => undefined);
  let entry: CatalogEntry | undefined;
  let stored = readActiveRun();
  try {
    for (let tries = 0; tries < 3 && stored.kind === 'found' && entry?.scenario.id !== stored.stored.save.scenarioId; tries++) {
      const index = entryFor(stored.stored.save.scenarioId);
      if (!index) break;
      entry = await loadEntry(index);
      stored = readActiveRun();
    }
  } catch (error) {
    // Nothing was changed: the save stays in storage for the next try.
    if (mode === 'writing') lease.release();
    showLibrary(`Your drill could not be opened: its scenario could not be loaded (${loadProblem(error)}).`);
    return;
  }
  let play: Play;
  try {
    play = await loadingPlay;
  } catch (error) {
    if (mode === 'writing') lease.release();
    showLibrary(`Your drill could not be opened: the war room could not be loaded (${loadProblem(error)}). Your drill is still saved in this browser.`);
    return;
  }
  const writing = mode === 'writing';
  if (stored.kind === 'none') {
    if (writing) lease.release();
    showLibrary(lostRunMessage() ?? 'The drill is no longer saved in this browser: it was finished or abandoned in another tab.', 'info');
    return;
  }
  if (stored.kind === 'unreadable') {
    if (!writing) {
      showLibrary(`The drill another tab is playing could not be read here (${stored.reason}).`);
      return;
    }
    lease.release();
    showLibrary(`Your saved drill could not be restored (${stored.reason}). ${asideSentence(setAside(stored.text))}`);
    return;
  }
  try {
    // Only the save's own scenario is loaded: restoring finds it there, or says the scenario is not installed.
    const loaded = entry && entry.scenario.id === stored.stored.save.scenarioId ? [entry] : [];
    const restored = play.restoreRun({ scenarios: loaded, broken: catalog.broken }, stored.stored, readProgress(stored.stored.runId), mode);
    if (!restored.ok) throw new RestoreProblem(restored.problem);
    // A partial restore keeps the save as it was aside before the restored run is saved over it.
    const partial = writing && restored.partial !== null ? `${restored.partial} ${asideSentence(copyAside(stored.text))}` : null;
    showWarRoom(play, restored.session, { resumed: true, partial, notice });
  } catch (error) {
    const problem = error instanceof RestoreProblem ? error.message : `it could not be shown (${error instanceof Error ? error.message : String(error)})`;
    clear();
    if (!writing) {
      showLibrary(`The drill another tab is playing could not be shown here: ${problem}.`);
      return;
    }
    lease.release();
    showLibrary(`Your saved drill could not be restored: ${problem}. ${asideSentence(setAside(stored.text))}`);
  }
}

class RestoreProblem extends Error {}

/** Watching: this tab follows the newest save of the drill another tab plays. */
function watch(): void {
  current.session?.watch();
  followNewest();
}

function followNewest(): void {
  const session = current.session;
  if (!session || session.mode !== 'watching') return;
  const stored = readActiveRun();
  if (stored.kind === 'none') {
    showLibrary('The drill you were watching is no longer saved: it was abandoned, or finished and closed, in the other tab.', 'info');
    return;
  }
  if (stored.kind === 'unreadable') {
    showLibrary(`The drill you were watching could not be read here (${stored.reason}).`);
    return;
  }
  if (stored.stored.runId !== session.runId) {
    void enterStored('watching', 'The other tab started another drill: this tab now watches that one.');
    return;
  }
  session.follow(stored.stored);
}

// Another tab wrote the drill: a writer here stops (its copy is older), a watcher follows.
window.addEventListener('storage', (event) => {
  if (event.key !== ACTIVE_RUN_KEY && event.key !== null) return;
  const session = current.session;
  if (session?.mode === 'writing') session.stop();
  else if (session?.mode === 'watching') followNewest();
});
lease.onLost(() => current.session?.stop());

/** A session's war room. A new drill's fills the shell already on screen with its briefing; any other, the page. */
function showWarRoom(play: Play, session: Session, shown: { resumed: boolean; partial: string | null; notice: string | null }, shell: WarRoomShell | null = null, stage: WarRoomStage | null = null): void {
  if (!shell) clear();
  // The address bar no longer asks for a new run: a reload resumes this one.
  history.replaceState(null, '', window.location.pathname);
  if (session.run.isOver()) {
    stage?.destroy();
    showDebrief(session);
    return;
  }
  let finished = false;
  const warRoom = play.renderWarRoom(session, {
    ...shown,
    shell,
    stage,
    onFinish: () => {
      if (finished) return;
      finished = true;
      showDebrief(session);
    },
    onAbandon: () => {
      clearActiveRun();
      clearDrafts();
      lease.release();
      showLibrary('The drill was abandoned.', 'info');
    },
    onTakeOver: () => void takeOver(),
    onWatch: watch,
  });
  current = { session, warRoom };
  if (!warRoom.element.isConnected) main.append(warRoom.element);
  document.title = `${session.mode === 'watching' ? 'Watching: ' : ''}${session.scenario.title} — Firedrill`;
}

function showDebrief(session: Session): void {
  clear();
  current = { session, warRoom: null };
  document.title = `Debrief: ${session.scenario.title} — Firedrill`;
  // Grading and the report load with the debrief, not with the game.
  const waiting = h('p', { class: 'loading', role: 'status' }, 'Grading the drill…');
  main.append(waiting);
  import('./debrief-screen')
    .then(({ renderDebrief }) => {
      // Something else took the page meanwhile (another tab started a drill): the debrief is no longer wanted.
      if (!waiting.isConnected) return;
      waiting.remove();
      mountDebrief(session, renderDebrief);
    })
    .catch((error: unknown) => {
      if (waiting.isConnected) waiting.replaceWith(h('p', { class: 'banner banner-error', role: 'alert' }, `The debrief could not be loaded (${loadProblem(error)}). Your finished drill is still saved in this browser.`));
    });
}

function mountDebrief(session: Session, renderDebrief: typeof import('./debrief-screen').renderDebrief): void {
  // Only the tab that played the drill keeps it (past runs here, the player's records): a watcher's copy is the same run.
  const keep =
    session.mode === 'writing'
      ? (score: { overall: number; readiness: { level: string } }, say: (text: string) => void) => {
          const run = { runId: session.runId, scenarioId: session.scenario.id, scenarioTitle: session.scenario.title, seed: session.run.seed, difficulty: session.run.difficulty, score: score.overall, level: score.readiness.level, save: session.run.save() };
          // Loaded now, not with the game: keeping a run is the debrief's business.
          import('./records/keep-run')
            .then(({ keepFinishedRun }) => keepFinishedRun(run, say))
            .catch((error: unknown) => say(`The run could not be kept: ${error instanceof Error ? error.message : String(error)}. Download it to keep it.`));
        }
      : undefined;
  main.append(
    renderDebrief(
      session,
      catalog,
      () => {
        // Only the tab that played the drill closes it: a watcher leaves the other tab's debrief alone.
        if (session.mode === 'writing') {
          clearActiveRun();
          clearDrafts();
          lease.release();
        }
        showLibrary();
      },
      keep,
    ),
  );
  main.querySelector<HTMLElement>('#debrief-title')?.focus();
}

/** The same drill as the link asks for: same scenario and the seed the link chose. */
function sameDrill(stored: StoredRun, link: Extract<DeepLink, { kind: 'start' }>): boolean {
  return link.seedChosen && stored.save.scenarioId === link.entry.scenario.id && String(stored.save.seed) === link.seed;
}

/** A group drill's page (`?drill=CODE`): loaded on demand, so solo play never downloads the network code. */
async function openGroupDrill(code: string): Promise<void> {
  showStatus('Opening the group drill…');
  const [{ mountGroupDrill }, full] = await Promise.all([import('./group/group-app'), loadFullCatalog(catalog)]);
  clear();
  mountGroupDrill(main, code, full);
}

/** The records pages (`?invitation=`, `?team=`, `?person=`): loaded on demand, with Chart.js later still. */
async function openRecords(page: { kind: 'invitation' | 'team' | 'person'; id: string }): Promise<void> {
  showStatus('Opening the records…');
  const [{ mountRecordsPage }, full] = await Promise.all([import('./records/records-app'), loadFullCatalog(catalog)]);
  clear();
  mountRecordsPage(main, page, full);
}

async function boot(): Promise<void> {
  const query = new URLSearchParams(window.location.search);
  // A group drill is played on the server, not from this browser's storage: the solo run stays as it is.
  const drill = query.get('drill');
  if (drill !== null) {
    await openGroupDrill(drill);
    return;
  }
  // So are the records: a drill in progress waits in storage while they are read.
  for (const kind of ['invitation', 'team', 'person'] as const) {
    const id = query.get(kind);
    if (id !== null) {
      await openRecords({ kind, id });
      return;
    }
  }
  const link = readDeepLink(window.location.search, catalog);
  const stored = readActiveRun();
  if (stored.kind === 'unreadable') {
    const message = `Your saved drill could not be restored (${stored.reason}). ${asideSentence(setAside(stored.text))}`;
    showProblem(message, link);
    return;
  }
  if (stored.kind === 'none') {
    const lost = lostRunMessage();
    if (lost !== null) showProblem(lost, link);
    else if (link.kind === 'error') showLibrary(link.message);
    else if (link.kind === 'start') await startNew(link.entry, link.seed, link.difficulty, null);
    else showLibrary();
    return;
  }
  if (link.kind === 'start' && !sameDrill(stored.stored, link)) {
    askBeforeReplacing(stored.stored, `The link asks for ${link.entry.scenario.title} with seed ${link.seed}${link.seedChosen ? '' : ' (a new seed: the link chose none)'}.`, () => void startNew(link.entry, link.seed, link.difficulty, null));
    return;
  }
  await resume(link.kind === 'error' ? `The link was not opened: ${link.problem} This is the drill you have in progress.` : null);
}

// Leaving or hiding the page saves the exact minute, so nothing played is lost (only the writer saves).
window.addEventListener('pagehide', () => current.session?.save());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') current.session?.save();
});

installTestHook(() => current);
boot().catch((error: unknown) => {
  // Nothing on the way here may leave the page on "Loading scenarios…".
  showLibrary(`Firedrill could not open what was saved: ${error instanceof Error ? error.message : String(error)}.`);
});
