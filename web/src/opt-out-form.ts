/**
 * The public "Stop SMS alerts" form: `POST /api/opt-out {phone}`. Replies of STOP to a Thai
 * sender ID may never arrive, so a volunteer must be able to opt out here. The answer is the
 * same whether or not the number was registered, and so is what the form says.
 */
import { ApiError, api } from './api.js';
import { field, h } from './dom.js';

/** Shown after every accepted request, registered number or not. */
const DONE =
  'Done. If this number was registered, it will get no more Phithak alerts. · เรียบร้อย หากหมายเลขนี้ลงทะเบียนไว้ จะไม่ได้รับ SMS อีก · Selesai, nombor ini tidak akan menerima SMS lagi.';

/** Fills `form` with the phone field and wires the submission. */
export function createOptOutForm(form: HTMLFormElement): void {
  const phone = h('input', {
    name: 'phone',
    type: 'tel',
    required: true,
    autocomplete: 'tel',
    inputmode: 'tel',
    placeholder: '081 234 5678',
  });
  const submit = h('button', { type: 'submit' }, 'Stop SMS · หยุดรับ SMS');
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  form.append(
    h(
      'p',
      { class: 'muted' },
      'Volunteers: type the number that receives Phithak alerts. · อาสาสมัคร: กรอกเบอร์ที่ได้รับ SMS · Sukarelawan: taip nombor telefon anda.',
    ),
    field('Phone number · เบอร์โทรศัพท์', phone),
    submit,
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = phone.value.trim();
    if (!value) {
      result.className = 'result error';
      result.textContent = 'Type your phone number. · กรุณากรอกเบอร์โทรศัพท์';
      return;
    }
    submit.disabled = true;
    try {
      await api('/api/opt-out', { body: { phone: value } });
      form.reset();
      result.className = 'result ok';
      result.textContent = DONE;
    } catch (err) {
      result.className = 'result error';
      const fieldMessage = err instanceof ApiError ? err.fields?.phone : undefined;
      result.textContent = fieldMessage ?? (err as Error).message;
    } finally {
      submit.disabled = false;
    }
  });
}

/** The link a volunteer can be given to reach the form directly: `/#stop`. */
export const STOP_HASH = '#stop';

/** Opens `panel` (and focuses its phone field) whenever the page is at {@link STOP_HASH}. */
export function openOnStopLink(panel: HTMLDetailsElement): void {
  const follow = () => {
    if (location.hash !== STOP_HASH) return;
    panel.open = true;
    panel.scrollIntoView({ block: 'start' });
    panel.querySelector<HTMLInputElement>('input[name=phone]')?.focus();
  };
  window.addEventListener('hashchange', follow);
  follow();
}
