/** The coordinator's recent tips: newest first, filtered by status, paged with `next`. */
import { TIP_STATUSES, type Tip } from '../../../shared/types.js';
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
  const msg = err instanceof ApiError && err.status === 401 ? 'the token was not accepted · โทเคนไม่ถูกต้อง' : (err as Error).message;
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
  const status = h('select', { name: 'tipStatus', onchange: () => void load(token) },
    h('option', { value: '' }, 'all · ทั้งหมด'), ...TIP_STATUSES.map((s) => h('option', { value: s }, s)));
  const render = (next?: string) =>
    replaceChildren(list, tipsTable(items),
      next ? h('button', { type: 'button', class: 'secondary', onclick: () => void fetchPage(next) }, 'More tips · เพิ่มเติม') : null);
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
  const element = h('section', { class: 'coord-section', 'aria-label': 'Recent tips' },
    field('Tip status · สถานะเบาะแส', status), list);
  return { element, load, clear: () => replaceChildren(list) };
}
