/**
 * One tip in full, opened from the list or the map: its text as text (never HTML), the
 * exact place, the contact (only here; the read is audited by the API), the review history
 * and who read it, and a status change with a note and an undo.
 */
import type { TipAuditEntry, TipDetail, TipListItem } from '../../../shared/api/wire.js';
import { TIP_STATUSES, type TipStatus } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';
import { field, h, replaceChildren, type Child } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { formatDateTime, placeWords } from '../format.js';
import { tipPoint } from './tip-export.js';

export interface TipDetailPanel {
  element: HTMLElement;
  open(tip: TipListItem): Promise<void>;
  close(): void;
}

function facts(rows: Array<[MessageKey, Child]>): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...rows.flatMap(([k, v]) =>
      v === '' || v === null || v === undefined ? [] : [h('dt', {}, live(k)), h('dd', {}, v)],
    ),
  );
}

function contactLine(d: TipDetail): Child {
  if (!d.contact) return d.hasContact ? live('coord.contactHidden') : live('coord.noContact');
  return h(
    'span',
    { class: 'contact' },
    d.contact.phone,
    ' · ',
    live(d.contact.consentToContact ? 'coord.mayContact' : 'coord.doNotContact'),
  );
}

function historyList(d: TipDetail): HTMLElement {
  const items = [...(d.statusHistory ?? [])].reverse();
  if (!items.length) return h('p', { class: 'muted' }, live('coord.noHistory'));
  return h(
    'ol',
    { class: 'history status-history' },
    ...items.map((c) =>
      h(
        'li',
        {},
        live(() => `${formatDateTime(c.at)} · ${t(`status.${c.status}` as MessageKey)} · ${c.by}`),
        c.note ? h('span', { class: 'note' }, ' — ', c.note) : null,
      ),
    ),
  );
}

function auditList(entries: TipAuditEntry[] | null): HTMLElement {
  if (!entries) return h('p', { class: 'muted' }, live('coord.auditUnavailable'));
  if (!entries.length) return h('p', { class: 'muted' }, live('common.none'));
  return h(
    'ol',
    { class: 'history audit' },
    ...entries.map((a) =>
      h(
        'li',
        {},
        live(() => `${formatDateTime(a.at)} · ${a.by}`),
        ' · ',
        a.what,
      ),
    ),
  );
}

/** The detail of tip `d`: head, facts, the status form, its history and who read it. */
function detailContent(
  d: TipDetail,
  audit: TipAuditEntry[] | null,
  statusForm: HTMLElement,
  onClose: () => void,
): HTMLElement[] {
  const p = tipPoint(d);
  return [
    h(
      'div',
      { class: 'detail-head' },
      h(
        'h2',
        { id: 'tip-detail-heading', tabindex: -1 },
        live(() => t('coord.tipHeading', { reference: d.reference ?? d.id })),
      ),
      h(
        'button',
        { type: 'button', class: 'secondary small close-detail', onclick: () => onClose() },
        live('coord.backToList'),
      ),
    ),
    h(
      'p',
      {},
      d.urgent ? h('span', { class: 'badge urgent' }, live('coord.urgent')) : null,
      ' ',
      h('span', { class: `badge status-${d.status}` }, live(`status.${d.status}` as MessageKey)),
    ),
    // The reporter's words, as a text node: markup in a tip is shown, never run.
    h('p', { class: 'tip-text-full' }, d.text),
    facts([
      ['coord.received', live(() => formatDateTime(d.receivedAt))],
      ['coord.occurred', d.occurredAt ? live(() => formatDateTime(d.occurredAt)) : ''],
      ['coord.category', live(`category.${d.category}` as MessageKey)],
      ['coord.channel', live(`channel.${d.channel}` as MessageKey)],
      ['coord.place', live(() => placeWords(d.geocode?.admin))],
      [
        'coord.exactPoint',
        p
          ? `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}${d.location?.accuracyM ? ` (±${d.location.accuracyM} m)` : ''}`
          : '',
      ],
      ['coord.precision', live(`precision.${d.geocode?.precision ?? 'none'}` as MessageKey)],
      ['coord.address', d.address ?? ''],
      ['coord.outside', d.outsideServiceArea ? live('coord.outsideYes') : ''],
      ['coord.contact', contactLine(d)],
    ]),
    statusForm,
    h('h3', {}, live('coord.history')),
    historyList(d),
    h('h3', {}, live('coord.audit')),
    auditList(audit),
  ];
}

/** The status control with its note; `submit` is called with a change worth saving. */
function statusForm(
  d: TipDetail,
  submit: (next: TipStatus, note: string) => void,
): { form: HTMLFormElement; result: HTMLElement } {
  const status = h(
    'select',
    { name: 'status' },
    ...TIP_STATUSES.map((s) => h('option', { value: s, selected: s === d.status }, live(`status.${s}` as MessageKey))),
  );
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 1000 });
  const result = h('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'status-form', novalidate: true },
    h('h3', {}, live('coord.changeStatus')),
    field(live('coord.status'), status),
    field(live('coord.note'), note, live('coord.noteHint')),
    h('button', { type: 'submit' }, live('coord.saveStatus')),
    result,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (status.value === d.status && !note.value.trim()) return;
    submit(status.value as TipStatus, note.value.trim());
  });
  return { form, result };
}

/** The note an undo saves: which status it undid. */
const undoNote = (from: TipStatus) => t('coord.undoNote', { status: t(`status.${from}` as MessageKey) });

/** Says the status was saved, with an undo button when there is something to go back to. */
function showSaved(result: HTMLElement, next: TipStatus, undo: (() => void) | null): void {
  result.className = 'result ok';
  replaceChildren(
    result,
    live(() => t('coord.statusSaved', { status: t(`status.${next}` as MessageKey) })),
    ' ',
    undo ? h('button', { type: 'button', class: 'secondary small undo', onclick: undo }, live('coord.undo')) : null,
  );
}

/** Says the status could not be saved: someone else changed it first (409), or anything else. */
function showFailed(result: HTMLElement, err: unknown): void {
  result.className = 'result error';
  replaceChildren(
    result,
    live(() => (err instanceof ApiError && err.status === 409 ? t('coord.conflict') : t('common.error'))),
  );
}

/** Builds the panel; `onChanged` hears about a saved status (the list and map recolour). */
export function createTipDetail(onChanged: (tip: TipListItem) => void, onClose: () => void): TipDetailPanel {
  const element = h('section', {
    class: 'detail tip-detail',
    id: 'tip-detail',
    'aria-labelledby': 'tip-detail-heading',
    hidden: true,
  });

  const statusFormOf = (d: TipDetail) => {
    const save = async (next: TipStatus, text: string, previous: TipStatus | null) => {
      result.className = 'result';
      replaceChildren(result, live('common.sending'));
      try {
        const updated = await endpoints.setTipStatus(d.id, next, text || undefined);
        const merged: TipDetail = { ...d, ...updated, statusHistory: d.statusHistory };
        onChanged(merged);
        await render(merged.id, merged);
        const again = element.querySelector<HTMLElement>('.status-form .result');
        if (again) showSaved(again, next, previous ? () => void save(previous, undoNote(next), null) : null);
      } catch (err) {
        showFailed(result, err);
      }
    };
    const { form, result } = statusForm(d, (next, note) => void save(next, note, d.status));
    return form;
  };

  const render = async (id: string, fallback: TipListItem) => {
    let d: TipDetail;
    let audit: TipAuditEntry[] | null = null;
    try {
      d = await endpoints.tip(id);
    } catch {
      // Without the detail route the list item is all there is; the contact stays hidden.
      d = { ...fallback, statusHistory: [] };
    }
    try {
      audit = (await endpoints.tipAudit(id)).items;
    } catch {
      audit = null;
    }
    replaceChildren(element, ...detailContent(d, audit, statusFormOf(d), onClose));
  };

  return {
    element,
    async open(tip) {
      element.hidden = false;
      replaceChildren(element, h('p', { class: 'muted' }, live('common.loading')));
      await render(tip.id, tip);
      element.querySelector<HTMLElement>('#tip-detail-heading')?.focus();
    },
    close() {
      element.hidden = true;
      replaceChildren(element);
    },
  };
}
