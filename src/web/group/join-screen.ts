/** The first page of a group drill for someone new to it: their display name, checked here and by the server. */
import { h } from '../dom';
import { checkDisplayName, MAX_DISPLAY_NAME } from './identity';

export interface JoinForm {
  element: HTMLElement;
  /** Shows why joining failed (the server's reason), with the name field ready to correct. */
  fail(reason: string): void;
  busy(on: boolean): void;
}

export function renderJoinForm(code: string, initialName: string, error: string | null, onJoin: (name: string) => void): JoinForm {
  const input = h('input', { id: 'display-name', name: 'display-name', type: 'text', autocomplete: 'nickname', maxlength: String(MAX_DISPLAY_NAME * 2), 'aria-describedby': 'display-name-help display-name-error', value: initialName, required: true });
  const errorText = h('p', { id: 'display-name-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Join the drill');
  const form = h(
    'form',
    { class: 'join-form', novalidate: true },
    h('label', { for: 'display-name' }, 'Your display name'),
    input,
    h('p', { id: 'display-name-help', class: 'help' }, `How the others see you: your name, or a nickname (at most ${MAX_DISPLAY_NAME} characters).`),
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
