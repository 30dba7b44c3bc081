/**
 * The public SMS opt-out (`/#stop`): anyone can ask to stop alerts to a number, and the
 * answer is the same whether or not it is registered. The owner then receives one SMS with a
 * one-time link `/#stop=<token>`; opening it asks them to confirm, and the confirmation is
 * what stops the alerts (a stranger typing someone's number cannot).
 */
import { parseDeepLink } from '../../../shared/links.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';
import { field, h, replaceChildren } from '../dom.js';
import { live, t } from '../i18n/i18n.js';

function say(el: HTMLElement, kind: 'ok' | 'error' | '', render: () => string): void {
  el.className = `result ${kind}`.trim();
  replaceChildren(el, live(render));
}

function requestForm(): HTMLFormElement {
  const phone = h('input', { name: 'phone', type: 'tel', required: true, autocomplete: 'tel', inputmode: 'tel' });
  phone.placeholder = '081 234 5678';
  const submit = h('button', { type: 'submit' }, live('stop.submit'));
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'opt-out-form', novalidate: true },
    h('p', { class: 'muted' }, live('stop.intro')),
    field(live('stop.phoneLabel'), phone),
    submit,
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = phone.value.trim();
    if (!value) return say(result, 'error', () => t('stop.needPhone'));
    submit.disabled = true;
    try {
      await endpoints.optOut(value);
      form.reset();
      say(result, 'ok', () => t('stop.requested'));
    } catch (err) {
      const bad = err instanceof ApiError && err.status === 400;
      say(result, 'error', () =>
        t(bad ? 'stop.badPhone' : err instanceof ApiError && err.status === 0 ? 'common.offline' : 'common.error'),
      );
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function confirmCard(token: string): HTMLElement {
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'danger confirm-stop' }, live('stop.confirmButton'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await endpoints.confirmOptOut(token);
      button.hidden = true;
      say(result, 'ok', () => t('stop.confirmed'));
    } catch (err) {
      button.disabled = false;
      const gone = err instanceof ApiError && (err.status === 400 || err.status === 404 || err.status === 410);
      say(result, 'error', () => t(gone ? 'stop.linkInvalid' : 'common.error'));
    }
  });
  return h('div', { class: 'confirm-stop-card' }, h('p', {}, live('stop.confirmQuestion')), button, result);
}

/** The section's content for the current hash: the confirmation when a token is present. */
export function createOptOut(section: HTMLElement): void {
  const render = () => {
    const link = parseDeepLink(location.hash);
    const body = link.kind === 'stop' && link.token ? confirmCard(link.token) : requestForm();
    replaceChildren(section, h('h2', { id: 'stop-heading' }, live('stop.heading')), body);
    if (link.kind === 'stop') {
      section.scrollIntoView({ block: 'start' });
      section.querySelector<HTMLElement>('input, button')?.focus();
    }
  };
  window.addEventListener('hashchange', () => {
    if (parseDeepLink(location.hash).kind === 'stop') render();
  });
  render();
}
