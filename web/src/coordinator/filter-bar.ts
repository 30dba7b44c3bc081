/**
 * The filters that drive the map, the list and the export together: a time window (its
 * length, and a slider that moves its end day by day back through the loaded year),
 * category, status and channel. Every change calls `onChange` with the new filter at once.
 */
import { CHANNELS, TIP_CATEGORIES, TIP_STATUSES } from '../../../shared/types.js';
import type { Channel, TipCategory, TipStatus } from '../../../shared/types.js';
import { field, h } from '../dom.js';
import { live, liveAttr, t, type MessageKey } from '../i18n/i18n.js';
import { formatDate } from '../format.js';
import type { TipFilter } from './tip-filter.js';
import { LOADED_DAYS } from './tip-loader.js';

const DAY_MS = 86_400_000;
/** Window lengths offered, in days. */
const WINDOWS = [1, 7, 30, 90, 365] as const;

export interface FilterBar {
  element: HTMLElement;
  filter(): TipFilter;
  /** Shows "N of M tips" beside the export buttons. */
  setCounts(shown: number, loaded: number, done: boolean): void;
}

function select<T extends string>(name: string, values: readonly T[], key: (v: T) => MessageKey): HTMLSelectElement {
  return h(
    'select',
    { name },
    h('option', { value: '' }, live('common.all')),
    ...values.map((v) => h('option', { value: v }, live(key(v)))),
  );
}

export interface FilterBarActions {
  onChange(filter: TipFilter): void;
  onExport(kind: 'geojson' | 'csv'): void;
  onChoropleth(on: boolean): void;
}

/** The bar's controls. */
export interface Controls {
  windowDays: HTMLSelectElement;
  daysBack: HTMLInputElement;
  category: HTMLSelectElement;
  status: HTMLSelectElement;
  channel: HTMLSelectElement;
  choropleth: HTMLInputElement;
}

function createControls(): Controls {
  return {
    windowDays: h(
      'select',
      { name: 'windowDays' },
      ...WINDOWS.map((d) =>
        h(
          'option',
          { value: d, selected: d === 30 },
          live(() => t('coord.windowDays', { count: d })),
        ),
      ),
    ),
    // The slider counts days back from now: 0 is a window ending now.
    daysBack: h('input', {
      name: 'windowEnd',
      id: 'window-end',
      type: 'range',
      min: 0,
      max: LOADED_DAYS - 1,
      step: 1,
      value: 0,
    }),
    category: select<TipCategory>('category', TIP_CATEGORIES, (c) => `category.${c}` as MessageKey),
    status: select<TipStatus>('status', TIP_STATUSES, (s) => `status.${s}` as MessageKey),
    channel: select<Channel>('channel', CHANNELS, (c) => `channel.${c}` as MessageKey),
    choropleth: h('input', { type: 'checkbox', name: 'choropleth' }),
  };
}

/** The filter the controls set, the window ending `daysBack` days before `nowMs`. */
export function filterOf(c: Controls, nowMs: number): TipFilter {
  // Whole Bangkok days would be nicer to read, but a rolling window keeps "last 24 h" honest.
  const untilMs = Number(c.daysBack.value) === 0 ? nowMs : nowMs - Number(c.daysBack.value) * DAY_MS;
  return {
    fromMs: untilMs - Number(c.windowDays.value) * DAY_MS,
    untilMs,
    ...(c.category.value ? { category: c.category.value as TipCategory } : {}),
    ...(c.status.value ? { status: c.status.value as TipStatus } : {}),
    ...(c.channel.value ? { channel: c.channel.value as Channel } : {}),
  };
}

/** The controls laid out, with the window's dates under the slider and the export buttons. */
function filterForm(c: Controls, range: HTMLElement, actions: FilterBarActions): HTMLFormElement {
  const exportButton = (kind: 'geojson' | 'csv', key: MessageKey) =>
    h(
      'button',
      { type: 'button', class: `secondary small export-${kind}`, onclick: () => actions.onExport(kind) },
      live(key),
    );
  return h(
    'form',
    { class: 'filters', id: 'tip-filters', role: 'search', novalidate: true },
    field(live('coord.windowLength'), c.windowDays),
    field(live('coord.category'), c.category),
    field(live('coord.status'), c.status),
    field(live('coord.channel'), c.channel),
    h(
      'div',
      { class: 'field window' },
      h('label', { class: 'label', for: 'window-end' }, live('coord.windowEnd')),
      c.daysBack,
      range,
    ),
    h(
      'div',
      { class: 'summary' },
      h('label', { class: 'choice' }, c.choropleth, live('coord.choropleth')),
      exportButton('geojson', 'coord.exportGeoJson'),
      exportButton('csv', 'coord.exportCsv'),
    ),
  );
}

/** Builds the bar; `nowMs` is the slider's right end (the page load time). */
export function createFilterBar(actions: FilterBarActions, nowMs = Date.now()): FilterBar {
  const c = createControls();
  const range = h('span', { class: 'window-range', 'aria-live': 'polite' });
  const counts = h('span', { class: 'counts', role: 'status' });
  const filter = () => filterOf(c, nowMs);
  const day = (ms: number) => formatDate(new Date(ms).toISOString());
  const rangeText = () => t('coord.windowRange', { from: day(filter().fromMs), until: day(filter().untilMs) });
  const valueText = () => t('coord.windowEndValue', { date: day(filter().untilMs) });
  const rangeNode = live(rangeText);
  range.append(rangeNode);
  liveAttr(c.daysBack, 'aria-valuetext', valueText);
  const changed = () => {
    rangeNode.textContent = rangeText();
    c.daysBack.setAttribute('aria-valuetext', valueText());
    actions.onChange(filter());
  };
  for (const el of [c.windowDays, c.category, c.status, c.channel]) el.addEventListener('change', changed);
  c.daysBack.addEventListener('input', changed);
  c.choropleth.addEventListener('change', () => actions.onChoropleth(c.choropleth.checked));
  const form = filterForm(c, range, actions);
  form.addEventListener('submit', (e) => e.preventDefault());
  // Open at a desk; folded on a phone, where the map and the list matter more than the controls.
  const element = h(
    'details',
    { class: 'filter-panel', open: matchMedia('(min-width: 900px)').matches },
    h('summary', {}, h('span', { class: 'filter-title' }, live('coord.filters')), ' ', counts),
    form,
  );
  return {
    element,
    filter,
    setCounts(shown, loaded, done) {
      counts.replaceChildren(live(() => t(done ? 'coord.counts' : 'coord.countsLoading', { shown, loaded })));
    },
  };
}
