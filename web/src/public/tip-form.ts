/**
 * The public tip form: what was seen, the kind of case, where (searched or GPS, shown in
 * plain words before sending), when, and a contact only if it is safe. The answer is a
 * clear confirmation with the reference to quote to the 1300 hotline. One `Idempotency-Key`
 * covers every retry of the same submission.
 */
import { TIP_CATEGORIES, type TipCategory } from '../../../shared/types.js';
import type { TipCreated } from '../../../shared/api/wire.js';
import { endpoints, type TipSubmission } from '../api.js';
import { ApiError } from '../http-client.js';
import { field, h, replaceChildren } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { bangkokLocalToIso, placeWords } from '../format.js';
import { SubmissionKey } from '../submission-key.js';
import { createPlacePicker, type PlacePicker } from './place-picker.js';

function controls() {
  const category = h(
    'select',
    { name: 'category' },
    ...TIP_CATEGORIES.map((c) =>
      h('option', { value: c, selected: c === 'other' }, live(`category.${c}` as MessageKey)),
    ),
  );
  return {
    text: h('textarea', { name: 'text', required: true, maxlength: 5000, rows: 4 }),
    category,
    occurredAt: h('input', { name: 'occurredAt', type: 'datetime-local' }),
    phone: h('input', { name: 'phone', type: 'tel', autocomplete: 'off', inputmode: 'tel' }),
    consent: h('input', { name: 'consent', type: 'checkbox' }),
    result: h('div', { class: 'result', role: 'status', 'aria-live': 'polite' }),
    submit: h('button', { type: 'submit', class: 'primary' }, live('tip.send')),
  };
}

function body(c: ReturnType<typeof controls>, place: PlacePicker): TipSubmission {
  const choice = place.choice();
  const phone = c.phone.value.trim();
  const occurredAt = bangkokLocalToIso(c.occurredAt.value);
  const typed = choice.kind === 'address' ? choice.text : place.typed();
  return {
    text: c.text.value.trim(),
    category: c.category.value as TipCategory,
    channel: 'web',
    ...(typed ? { address: typed } : {}),
    ...(choice.kind === 'gps' ? { location: choice.point } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(phone ? { contact: { phone, consentToContact: c.consent.checked } } : {}),
  };
}

function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return t('common.error');
  if (err.status === 0) return t('common.offline');
  if (err.fields?.['contact.phone'] || err.fields?.phone) return t('tip.badPhone');
  if (err.status === 429) return t('common.tooMany');
  return t('tip.rejected');
}

function confirmation(res: TipCreated): HTMLElement {
  const place = res.geocode.precision === 'none' ? null : res.geocode.admin;
  return h(
    'div',
    { class: 'confirmation' },
    h('p', { class: 'confirmation-title' }, live('tip.thanks')),
    res.reference
      ? h(
          'p',
          {},
          live('tip.referenceLead'),
          ' ',
          h('strong', { class: 'reference', 'data-reference': res.reference }, res.reference),
        )
      : null,
    h('p', {}, live('tip.referenceHint')),
    h(
      'p',
      { class: 'muted' },
      live(() => (place ? t('tip.placeReceived', { place: placeWords(place) }) : t('tip.placeNoneReceived'))),
    ),
  );
}

/** Fills `form`; resolves nothing, everything happens on submit. */
export function createTipForm(form: HTMLFormElement): void {
  const keys = new SubmissionKey();
  const c = controls();
  const place = createPlacePicker();
  const fail = (render: () => string) => {
    c.result.className = 'result error';
    replaceChildren(c.result, live(render));
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const payload = body(c, place);
    if (!payload.text) {
      fail(() => t('tip.needText'));
      return c.text.focus();
    }
    c.submit.disabled = true;
    c.result.className = 'result';
    replaceChildren(c.result, live('common.sending'));
    try {
      const res = await endpoints.createTip(payload, keys.keyFor(payload));
      keys.done();
      form.reset();
      place.reset();
      c.result.className = 'result ok';
      replaceChildren(c.result, confirmation(res));
      c.result.scrollIntoView({ block: 'nearest' });
    } catch (err) {
      fail(() => errorText(err));
    } finally {
      c.submit.disabled = false;
    }
  });
  form.noValidate = true;
  replaceChildren(
    form,
    field(live('tip.textLabel'), c.text, live('tip.textHint')),
    field(live('tip.categoryLabel'), c.category),
    place.element,
    field(live('tip.whenLabel'), c.occurredAt, live('tip.whenHint')),
    h(
      'fieldset',
      {},
      h('legend', {}, live('tip.contactLegend')),
      h('p', { class: 'warning' }, live('tip.contactWarning')),
      field(live('tip.phoneLabel'), c.phone),
      h('label', { class: 'choice' }, c.consent, live('tip.consent')),
    ),
    c.submit,
    c.result,
  );
}
