/**
 * The selected tips as a virtual list: only the rows in view exist in the DOM (about 20 of
 * them), so 10,000 tips scroll as fast as 10. Rows are cards that read the same on a phone
 * and a desk; the text is always a text node.
 */
import type { TipListItem } from '../../../shared/api/wire.js';
import { h } from '../dom.js';
import { live, liveAttr, t, type MessageKey } from '../i18n/i18n.js';
import { formatDateTime, placeWords } from '../format.js';

/** Row height in px, matched by `.tip-slot` in coordinator.css; fixed heights make the maths trivial. */
export const ROW_PX = 76;
/** Rows drawn beyond the visible ones, so a fast scroll never shows a gap. */
const OVERSCAN = 6;

export interface TipList {
  element: HTMLElement;
  show(tips: TipListItem[]): void;
  /** Marks the open tip and scrolls it into view. */
  select(id: string | undefined): void;
}

function row(tip: TipListItem, index: number, selected: boolean, open: (id: string) => void): HTMLElement {
  const el = h(
    'button',
    {
      type: 'button',
      class: 'tip-row',
      'data-tip-id': tip.id,
      'aria-current': selected ? 'true' : undefined,
      onclick: () => open(tip.id),
    },
    h(
      'span',
      { class: 'tip-place' },
      live(() => placeWords(tip.geocode?.admin)),
    ),
    h(
      'span',
      {},
      tip.urgent ? h('span', { class: 'badge urgent' }, live('coord.urgent')) : null,
      ' ',
      h('span', { class: `badge status-${tip.status}` }, live(`status.${tip.status}` as MessageKey)),
    ),
    h(
      'span',
      { class: 'tip-meta' },
      live(
        () =>
          `${formatDateTime(tip.receivedAt)} · ${t(`category.${tip.category}` as MessageKey)} · ${tip.reference ?? ''}`,
      ),
    ),
    h('span', { class: 'tip-snippet' }, tip.text),
  );
  const slot = h('div', { class: 'tip-slot', role: 'listitem' }, el);
  slot.style.top = `${index * ROW_PX}px`;
  return slot;
}

/** Builds the list; `open` is called with the id of a tip chosen. */
export function createTipList(open: (id: string) => void): TipList {
  let tips: TipListItem[] = [];
  let selected: string | undefined;
  const spacer = h('div', { class: 'spacer' });
  const element = liveAttr(
    h('div', { class: 'virtual-list', id: 'tip-list', role: 'list', tabindex: 0 }, spacer),
    'aria-label',
    'coord.tipListLabel',
  );
  let drawn = '';
  const draw = () => {
    const first = Math.max(0, Math.floor(element.scrollTop / ROW_PX) - OVERSCAN);
    const last = Math.min(tips.length, Math.ceil((element.scrollTop + element.clientHeight) / ROW_PX) + OVERSCAN);
    const key = `${first}:${last}:${selected}:${tips.length}`;
    if (key === drawn) return;
    drawn = key;
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) rows.push(row(tips[i], i, tips[i].id === selected, open));
    element.replaceChildren(spacer, ...rows);
  };
  element.addEventListener('scroll', () => requestAnimationFrame(draw), { passive: true });
  new ResizeObserver(() => {
    drawn = '';
    draw();
  }).observe(element);
  return {
    element,
    show(next) {
      tips = next;
      spacer.style.height = `${tips.length * ROW_PX}px`;
      drawn = '';
      draw();
    },
    select(id) {
      selected = id;
      const i = tips.findIndex((x) => x.id === id);
      if (i >= 0 && (i * ROW_PX < element.scrollTop || (i + 1) * ROW_PX > element.scrollTop + element.clientHeight))
        element.scrollTop = i * ROW_PX;
      drawn = '';
      draw();
    },
  };
}
