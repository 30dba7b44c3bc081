/** A plain accessible table from rows and column definitions; cells are text or nodes. */
import { type Child, h } from '../dom.js';

export interface Column<T> {
  label: string;
  cell(row: T): Child;
}

/** Renders `rows`, or a caption saying there is nothing to show. */
export function dataTable<T>(caption: string, columns: Column<T>[], rows: T[]): HTMLElement {
  if (!rows.length) return h('p', { class: 'muted' }, `${caption}: none · ไม่มี`);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', {}, `${caption} (${rows.length})`),
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(r)))))),
    ),
  );
}
