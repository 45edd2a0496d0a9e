import { h } from './dom';

export interface Choice {
  label: string;
  tone: 'primary' | 'secondary' | 'danger';
  act: () => void;
  /** Leaves the screen up after acting (a download, say). */
  stays?: boolean;
}

/**
 * A question the player answers before anything is lost or replaced: what to do with the drill in progress when a
 * link or the library asks for another. It is the whole screen, so nothing else can be done first; focus starts on
 * the first (the safe) choice, and the question is read out as the dialog opens.
 */
export function renderChoice(title: string, paragraphs: string[], choices: Choice[]): HTMLElement {
  const buttons = choices.map((choice) => {
    const button = h('button', { type: 'button', class: choice.tone }, choice.label);
    button.addEventListener('click', () => {
      if (!choice.stays) buttons.forEach((b) => (b.disabled = true));
      choice.act();
    });
    return button;
  });
  const section = h(
    'section',
    { class: 'choice', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'choice-title', 'aria-describedby': 'choice-body' },
    h('h2', { id: 'choice-title' }, title),
    h('div', { id: 'choice-body' }, ...paragraphs.map((text) => h('p', {}, text))),
    h('div', { class: 'row' }, ...buttons),
  );
  queueMicrotask(() => buttons[0]?.focus());
  return section;
}
