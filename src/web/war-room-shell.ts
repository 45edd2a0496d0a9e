/**
 * The war room's frame with a drill's briefing in it. A drill link shows this first, from the scenario index (see
 * briefing-facts.ts), before even the scenario's content has loaded: the briefing needs no engine, so the player reads it while the engine and the war room load behind it.
 * The war room then fills this very frame (war-room-screen.ts), so the briefing, its focus and a click on it stay
 * where they are. Whatever this module imports loads with the page: keep it to the DOM and type-only imports.
 */
import type { BriefingFacts } from './briefing-facts';
import { DIFFICULTY_SETTINGS, type Difficulty } from './difficulty';
import { h } from './dom';

export interface Briefing {
  element: HTMLElement;
  title: HTMLElement;
  /**
   * What "Take the page" does, given by the war room once it is there. A click before that is kept (the button says
   * the war room is getting ready) and acted on the moment it is given.
   */
  onTakePage(take: () => void): void;
}

export interface WarRoomShell {
  /** The war room's own element (`section.war-room`): the page keeps it when the war room fills it. */
  element: HTMLElement;
  /**
   * Stand-ins for the war room's bar and its notices (which take their place under the bar even when empty), so the
   * briefing below them does not move when the war room comes.
   */
  bar: HTMLElement;
  notices: HTMLElement;
  /** The display's column and the panels' column, side by side. */
  grid: HTMLElement;
  /** Where the display goes, under the briefing that lies over it. */
  stageColumn: HTMLElement;
  /** Where the panels go. */
  panels: HTMLElement;
  briefing: Briefing;
  /** The war room could not be loaded: said in the briefing, whose button now reloads the page. */
  fail(problem: string): void;
}

const TAKE_THE_PAGE = 'Take the page';

export function renderWarRoomShell(facts: BriefingFacts, seed: string, difficulty: Difficulty): WarRoomShell {
  const { player } = facts;
  const title = h('h2', { id: 'briefing-title', tabindex: '-1' }, facts.title);
  const start = h('button', { type: 'button', class: 'primary', 'data-key': 'take-page' }, TAKE_THE_PAGE);
  const element = h(
    'section',
    { class: 'briefing', 'aria-labelledby': 'briefing-title' },
    title,
    h('p', {}, facts.briefing),
    h('p', { class: 'muted' }, `Seed ${seed} · ${DIFFICULTY_SETTINGS[difficulty].label} · You are ${player.name ?? player.id}, ${player.title ?? 'on call'}.`),
    h('p', { class: 'muted' }, 'At 1× a minute of incident takes ten seconds. Press ? for keyboard shortcuts.'),
    start,
  );
  let take: (() => void) | null = null;
  let asked = false;
  let failed = false;
  start.addEventListener('click', () => {
    if (failed) window.location.reload();
    else if (take) take();
    else if (!asked) {
      asked = true;
      start.setAttribute('aria-busy', 'true');
      start.textContent = 'Opening the war room…';
    }
  });
  const briefing: Briefing = {
    element,
    title,
    onTakePage(handler) {
      take = handler;
      start.removeAttribute('aria-busy');
      start.textContent = TAKE_THE_PAGE;
      if (asked) {
        asked = false;
        handler();
      }
    },
  };

  const bar = h('header', { class: 'war-room-bar' }, h('div', { class: 'bar-title' }, h('h2', { title: facts.title }, facts.title)));
  const notices = h('div', { class: 'storage-problems' });
  const stageColumn = h('div', { class: 'stage-column' }, element);
  const panels = h('div', { class: 'panels' }, h('p', { class: 'loading' }, 'Opening the war room…'));
  const grid = h('div', { class: 'war-room-grid' }, stageColumn, panels);
  const frame = h(
    'section',
    { class: 'war-room war-room-solo', 'aria-label': 'War room' },
    bar,
    notices,
    // Sized by the screen, not by its content: the display and the panels share what is left under the bar.
    h('div', { class: 'war-room-body' }, grid),
  );
  return {
    element: frame,
    bar,
    notices,
    grid,
    stageColumn,
    panels,
    briefing,
    fail(problem) {
      failed = true;
      start.removeAttribute('aria-busy');
      start.textContent = 'Reload the page';
      start.before(h('p', { class: 'banner banner-error', role: 'alert' }, `The war room could not be loaded (${problem}). Nothing was saved or changed: reload the page to try again.`));
      panels.replaceChildren();
    },
  };
}
