/** The first page of a group drill for someone new to it: their display name, checked here and by the server. */
import { h } from '../dom';
import { checkDisplayName, MAX_DISPLAY_NAME } from './identity';
import { nameToFill } from './signed-in';

export interface JoinForm {
  element: HTMLElement;
  /** Shows why joining failed (the server's reason), with the name field ready to correct. */
  fail(reason: string): void;
  busy(on: boolean): void;
}

/**
 * `signedInName`, when given, is the name of the person signed in to the records on this browser: it fills the field
 * once known, unless the person has typed there already (or the field holds the name they used in this very drill).
 */
export function renderJoinForm(code: string, initialName: string, error: string | null, onJoin: (name: string) => void, signedInName?: Promise<string | null>): JoinForm {
  const input = h('input', { id: 'display-name', name: 'display-name', type: 'text', autocomplete: 'nickname', maxlength: String(MAX_DISPLAY_NAME * 2), 'aria-describedby': 'display-name-help display-name-error', value: initialName, required: true });
  const errorText = h('p', { id: 'display-name-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Join the drill');
  const help = h('p', { id: 'display-name-help', class: 'help' }, `How the others see you: your name, or a nickname (at most ${MAX_DISPLAY_NAME} characters).`);
  const form = h(
    'form',
    { class: 'join-form', novalidate: true },
    h('label', { for: 'display-name' }, 'Your display name'),
    input,
    help,
    errorText,
    submit,
  );
  const fail = (reason: string) => {
    errorText.textContent = reason;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = checkDisplayName(input.value);
    if (!checked.ok) {
      fail(checked.reason);
      return;
    }
    errorText.textContent = '';
    input.removeAttribute('aria-invalid');
    onJoin(checked.name);
  });
  void signedInName?.then((name) => {
    const fill = nameToFill(input.value, initialName, name);
    if (fill === null) return;
    input.value = fill;
    help.textContent = `Filled in with the name you are signed in as. ${help.textContent}`;
  });
  const element = h(
    'section',
    { class: 'group-join', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title', tabindex: '-1' }, 'Join a group drill'),
    h('p', {}, 'You are joining the drill with the code ', h('strong', { class: 'inline-code' }, code), '. Once in, pick a seat to play a responder, or watch.'),
    form,
    h('p', { class: 'muted' }, h('a', { href: './' }, 'Back to the library'), ' (solo drills)'),
  );
  if (error) queueMicrotask(() => fail(error));
  return {
    element,
    fail,
    busy(on) {
      submit.disabled = on;
      submit.textContent = on ? 'Joining…' : 'Join the drill';
    },
  };
}
