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
import { countByTambon, filterQuery, filterTips, indexTips, type IndexedTips } from './tip-filter.js';
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
    list.show(selection);
    layers?.setTips(selection);
    if (choropleth) layers?.setChoropleth(countByTambon(selection));
    bar.setCounts(selection.length, indexed.items.length, loaded);
    // For debugging and the browser test: the selection and the API query that asks for the same.
    Object.assign(window, {
      phithakTips: { ids: selection.map((t) => t.id), query: filterQuery(bar.filter()), loaded },
    });
  };
  const bar = createFilterBar({
    onChange: apply,
    onExport(kind) {
      if (kind === 'csv') download(fileName('csv'), tipsToCsv(selection), 'text/csv;charset=utf-8');
      else download(fileName('geojson'), JSON.stringify(tipsToGeoJson(selection)), 'application/geo+json');
    },
    onChoropleth(on) {
      choropleth = on;
      layers?.setChoropleth(on ? countByTambon(selection) : null);
    },
  });
  const openTip = (id: string) => {
    const tip = indexed.items.find((t) => t.id === id);
    if (!tip) return;
    list.select(id);
    listWrap.hidden = true;
    void detail.open(tip);
  };
  const list = createTipList(openTip);
  const listWrap = h(
    'div',
    { class: 'tip-list-wrap' },
    h('h2', { class: 'visually-hidden' }, live('coord.tabTips')),
    status,
    list.element,
  );
  const detail = createTipDetail(
    (changed) => {
      const i = indexed.items.findIndex((t) => t.id === changed.id);
      if (i >= 0) indexed.items[i] = { ...indexed.items[i], status: changed.status, reviewedAt: changed.reviewedAt };
      indexed = indexTips(indexed.items);
      apply();
    },
    () => {
      detail.close();
      listWrap.hidden = false;
      list.select(undefined);
    },
  );
  void pending.then((b) => {
    if (!b) return;
    void b.ready.then(() => {
      layers = addTipLayers(b, openTip);
      apply();
    });
  });
  replaceChildren(status, live('common.loading'));
  let pages = 0;
  void loadTips((all, done) => {
    loaded = done;
    pages++;
    // The first page draws at once; the rest redraw when all are in (10 redraws of a growing
    // set would cost more than they show), with the count moving meanwhile.
    if (pages > 1 && !done) return bar.setCounts(selection.length, all.length, false);
    indexed = indexTips(all);
    if (done) replaceChildren(status);
    apply();
  }).catch(() => replaceChildren(status, h('span', { class: 'error' }, live('coord.loadFailed'))));

  return {
    filters: bar.element,
    panel: h('div', { class: 'tips-tab' }, listWrap, detail.element),
    setVisible(on) {
      layers?.setVisible(on);
    },
  };
}
