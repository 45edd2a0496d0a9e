/**
 * The incident panels as accessible tabs (arrow keys, Home and End move between them), shared by the solo war room
 * and a group drill's player seat so both behave alike.
 */
import type { SeatView } from '../engine/index';
import { h } from './dom';
import type { Panel } from './panels/panel';

export interface PanelTabs {
  tablist: HTMLElement;
  tabs: HTMLButtonElement[];
  tabpanels: HTMLElement[];
  /** Each panel's controls sit in a fieldset, so a seat that may not act can disable them all at once. */
  controls: HTMLFieldSetElement[];
  /** Which tab is open. */
  readonly selected: number;
  select(index: number, focusTab?: boolean): void;
  /** Updates every panel, and the Comms tab's count of messages waiting for an answer. */
  update(view: SeatView): void;
}

export function panelTabs(panels: Panel[]): PanelTabs {
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Incident panels', class: 'tabs' });
  const tabs = panels.map((panel, index) => {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${panel.id}`, 'aria-controls': `panel-${panel.id}`, 'aria-selected': 'false', tabindex: '-1' }, panel.title);
    tab.addEventListener('click', () => select(index));
    tab.addEventListener('keydown', (event) => {
      const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : event.key === 'Home' ? -index : event.key === 'End' ? panels.length - 1 - index : 0;
      if (move !== 0) {
        event.preventDefault();
        select((index + move + panels.length) % panels.length, true);
      }
    });
    tablist.append(tab);
    return tab;
  });
  const controls = panels.map((panel) => h('fieldset', { class: 'panel-controls', role: 'none' }, panel.element));
  const tabpanels = panels.map((panel, i) => h('section', { role: 'tabpanel', id: `panel-${panel.id}`, 'aria-labelledby': `tab-${panel.id}`, tabindex: '0', hidden: true, class: 'tabpanel' }, controls[i]!));
  const comms = panels.findIndex((panel) => panel.id === 'comms');
  let selected = 0;
  function select(index: number, focusTab = false): void {
    selected = index;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      tabpanels[i]!.hidden = i !== index;
    });
    if (focusTab) tabs[index]!.focus();
  }
  select(0);
  return {
    tablist,
    tabs,
    tabpanels,
    controls,
    get selected() {
      return selected;
    },
    select,
    update(view) {
      for (const panel of panels) panel.update(view);
      const tab = tabs[comms];
      if (!tab) return;
      const unanswered = view.messages.filter((m) => m.respondBy !== null && !m.answered).length;
      tab.textContent = unanswered > 0 ? `Comms (${unanswered})` : 'Comms';
      tab.setAttribute('aria-label', unanswered > 0 ? `Comms, ${unanswered} message${unanswered === 1 ? '' : 's'} waiting for an answer` : 'Comms');
    },
  };
}
