/**
 * The coordinator's tips: loaded once for the year, then filtered in the browser so the map,
 * the list, the tambon choropleth and the export always show the same selection.
 */
import type { TipListItem } from '../../../shared/api/wire.js';
import { h, replaceChildren } from '../dom.js';
import { live } from '../i18n/i18n.js';
import type { BaseMap } from '../map/base-map.js';
import { createFilterBar } from './filter-bar.js';
import { createTipDetail } from './tip-detail.js';
import { download, tipsToCsv, tipsToGeoJson } from './tip-export.js';
import { countByTambon, filterQuery, filterTips, indexTips, type IndexedTips, type TipFilter } from './tip-filter.js';
import { createTipList } from './tip-list.js';
import { addTipLayers, type TipLayers } from './tip-layers.js';
import { loadTips } from './tip-loader.js';

export interface TipsTab {
  filters: HTMLElement;
  panel: HTMLElement;
  /** Shows or hides the tips on the map (other tabs have their own layers). */
  setVisible(on: boolean): void;
}

/** A file name with the Bangkok date: `phithak-tips-2026-12-01.csv`. */
function fileName(ext: string): string {
  const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `phithak-tips-${day}.${ext}`;
}

/** Downloads `tips` as CSV or GeoJSON. */
function exportTips(kind: 'geojson' | 'csv', tips: TipListItem[]): void {
  if (kind === 'csv') download(fileName('csv'), tipsToCsv(tips), 'text/csv;charset=utf-8');
  else download(fileName('geojson'), JSON.stringify(tipsToGeoJson(tips)), 'application/geo+json');
}

/** For debugging and the browser test: the selection and the API query that asks for the same. */
function expose(selection: TipListItem[], filter: TipFilter, loaded: boolean): void {
  Object.assign(window, { phithakTips: { ids: selection.map((t) => t.id), query: filterQuery(filter), loaded } });
}

/** The tips with `changed`'s new review status in place of the old (the array is updated in place). */
export function withReview(
  items: TipListItem[],
  changed: Pick<TipListItem, 'id' | 'status' | 'reviewedAt'>,
): TipListItem[] {
  const i = items.findIndex((t) => t.id === changed.id);
  if (i >= 0) items[i] = { ...items[i], status: changed.status, reviewedAt: changed.reviewedAt };
  return items;
}

/**
 * The list and, in its place while a tip is open, the tip's detail; `open` shows a tip (from the
 * list or the map), `onChanged` hears of a review saved in the detail.
 */
function listAndDetail(
  status: HTMLElement,
  find: (id: string) => TipListItem | undefined,
  onChanged: (tip: TipListItem) => void,
): { list: ReturnType<typeof createTipList>; panel: HTMLElement; open: (id: string) => void } {
  const open = (id: string) => {
    const tip = find(id);
    if (!tip) return;
    list.select(id);
    listWrap.hidden = true;
    void detail.open(tip);
  };
  const list = createTipList(open);
  const listWrap = h(
    'div',
    { class: 'tip-list-wrap' },
    h('h2', { class: 'visually-hidden' }, live('coord.tabTips')),
    status,
    list.element,
  );
  const detail = createTipDetail(onChanged, () => {
    detail.close();
    listWrap.hidden = false;
    list.select(undefined);
  });
  return { list, panel: h('div', { class: 'tips-tab' }, listWrap, detail.element), open };
}

/**
 * Loads the year of tips into `status`'s tab: the first page is drawn at once (`update`), the
 * rest when all are in, with the count moving meanwhile (`progress`): ten redraws of a growing
 * set would cost more than they show.
 */
function loadAll(
  status: HTMLElement,
  on: { progress(all: TipListItem[]): void; update(all: TipListItem[], done: boolean): void },
): void {
  replaceChildren(status, live('common.loading'));
  let pages = 0;
  void loadTips((all, done) => {
    pages++;
    if (pages > 1 && !done) return on.progress(all);
    if (done) replaceChildren(status);
    on.update(all, done);
  }).catch(() => replaceChildren(status, h('span', { class: 'error' }, live('coord.loadFailed'))));
}

/** Builds the tab and starts loading. */
export function createTipsTab(pending: Promise<BaseMap | null>): TipsTab {
  let indexed: IndexedTips = indexTips([]);
  let selection: TipListItem[] = [];
  let loaded = false;
  let layers: TipLayers | undefined;
  let choropleth = false;
  const status = h('p', { class: 'muted', role: 'status' });

  const apply = () => {
    selection = filterTips(indexed, bar.filter());
    pane.list.show(selection);
    layers?.setTips(selection);
    if (choropleth) layers?.setChoropleth(countByTambon(selection));
    bar.setCounts(selection.length, indexed.items.length, loaded);
    expose(selection, bar.filter(), loaded);
  };
  const bar = createFilterBar({
    onChange: apply,
    onExport: (kind) => exportTips(kind, selection),
    onChoropleth(on) {
      choropleth = on;
      layers?.setChoropleth(on ? countByTambon(selection) : null);
    },
  });
  const pane = listAndDetail(
    status,
    (id) => indexed.items.find((t) => t.id === id),
    (changed) => {
      indexed = indexTips(withReview(indexed.items, changed));
      apply();
    },
  );
  void pending.then((b) => {
    if (!b) return;
    void b.ready.then(() => {
      layers = addTipLayers(b, pane.open);
      apply();
    });
  });
  loadAll(status, {
    progress: (all) => bar.setCounts(selection.length, all.length, false),
    update(all, done) {
      loaded = done;
      indexed = indexTips(all);
      apply();
    },
  });

  return {
    filters: bar.element,
    panel: pane.panel,
    setVisible(on) {
      layers?.setVisible(on);
    },
  };
}
