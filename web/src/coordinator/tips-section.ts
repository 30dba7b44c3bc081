/**
 * The coordinator's recent tips: newest first, filtered by status, paged with `next`, each
 * with a review status control (`PATCH /api/tips/{id}`; a dismissed tip leaves its hotspot).
 */
import { TIP_STATUSES, type Tip, type TipStatus } from '../../../shared/types.js';
import { ApiError, api, qs } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { tipsTable } from './coordinator-lists.js';

/** A page of the coordinator lists (`GET /api/tips`, `/api/alerts`, `/api/volunteers`). */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** A failed list, with 401 explained in words a coordinator acts on. */
export function failure(what: string, err: unknown): HTMLElement {
  const msg =
    err instanceof ApiError && err.status === 401
      ? 'the token was not accepted · โทเคนไม่ถูกต้อง'
      : (err as Error).message;
  return h('p', { class: 'error' }, `${what}: ${msg}`);
}

export interface TipsSection {
  element: HTMLElement;
  load(token: string): Promise<void>;
  clear(): void;
}

/** Builds the section; `load` fetches the first page for the chosen status. */
export function createTipsSection(): TipsSection {
  let token = '';
  let items: Tip[] = [];
  const list = h('div', {});
  const saved = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const setStatus = async (tip: Tip, next: TipStatus, control: HTMLSelectElement) => {
    control.disabled = true;
    try {
      const updated = await api<Tip>(`/api/tips/${encodeURIComponent(tip.id)}`, {
        method: 'PATCH',
        body: { status: next },
        token,
      });
      // The row keeps this object: a later failed change reverts to the saved status.
      tip.status = updated.status;
      saved.className = 'result ok';
      saved.textContent = `Tip marked ${updated.status} · บันทึกสถานะแล้ว`;
    } catch (err) {
      control.value = tip.status;
      saved.className = 'result error';
      saved.textContent = failure('Status not saved · บันทึกไม่สำเร็จ', err).textContent;
    } finally {
      control.disabled = false;
    }
  };
  const status = h(
    'select',
    { name: 'tipStatus', onchange: () => void load(token) },
    h('option', { value: '' }, 'all · ทั้งหมด'),
    ...TIP_STATUSES.map((s) => h('option', { value: s }, s)),
  );
  const render = (next?: string) =>
    replaceChildren(
      list,
      tipsTable(items, (t, next, control) => void setStatus(t, next, control)),
      next
        ? h('button', { type: 'button', class: 'secondary', onclick: () => void fetchPage(next) }, 'More tips · เพิ่มเติม')
        : null,
    );
  const fetchPage = async (next?: string) => {
    try {
      const page = await api<Page<Tip>>(`/api/tips${qs({ status: status.value, next })}`, { token });
      items = next ? [...items, ...page.items] : page.items;
      render(page.next);
    } catch (err) {
      replaceChildren(list, failure('Tips', err));
    }
  };
  const load = (t: string) => {
    token = t;
    return fetchPage();
  };
  const element = h(
    'section',
    { class: 'coord-section', 'aria-label': 'Recent tips' },
    field('Tip status · สถานะเบาะแส', status),
    saved,
    list,
  );
  return {
    element,
    load,
    clear: () => {
      saved.textContent = '';
      replaceChildren(list);
    },
  };
}
