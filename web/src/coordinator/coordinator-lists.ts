/** The coordinator's read views: recent tips with their review status, SMS logs, volunteers with their actions. */
import { TIP_STATUSES, type Alert, type Tip, type TipStatus, type Volunteer } from '../../../shared/types.js';
import { CATEGORY_LABELS } from '../categories.js';
import { h } from '../dom.js';
import { RISK_LABELS, alertOutcome, formatDateTime, placeName } from '../format.js';
import { type Column, dataTable } from './data-table.js';

/** Bilingual review statuses. */
const TIP_STATUS_LABELS: Record<TipStatus, string> = {
  new: 'new · ใหม่',
  verified: 'verified · ยืนยันแล้ว',
  referred: 'referred · ส่งต่อแล้ว',
  dismissed: 'dismissed · ไม่รับเรื่อง',
};

/** A status picker per tip; `onStatus` saves the choice (dismissed tips leave their hotspot). */
function statusControl(t: Tip, onStatus: (t: Tip, status: TipStatus, control: HTMLSelectElement) => void): HTMLElement {
  const select = h(
    'select',
    {
      name: 'status',
      class: 'tip-status',
      'aria-label': `Review status of the tip received ${formatDateTime(t.receivedAt)}`,
    },
    ...TIP_STATUSES.map((s) => h('option', { value: s, selected: s === t.status }, TIP_STATUS_LABELS[s])),
  );
  select.addEventListener('change', () => onStatus(t, select.value as TipStatus, select));
  return h('span', {}, select, t.urgent ? h('strong', { class: 'urgent' }, ' URGENT ด่วน') : null);
}

/** Recent tips, newest first as the API returns them. */
export function tipsTable(
  tips: Tip[],
  onStatus: (t: Tip, status: TipStatus, control: HTMLSelectElement) => void,
): HTMLElement {
  const columns: Column<Tip>[] = [
    { label: 'Received · เวลา', cell: (t) => formatDateTime(t.receivedAt) },
    { label: 'Kind · ประเภท', cell: (t) => CATEGORY_LABELS[t.category] ?? t.category },
    {
      label: 'Place · สถานที่',
      cell: (t) =>
        `${placeName(t.geocode?.admin)}${t.location ? ` (${t.location.lat.toFixed(4)}, ${t.location.lon.toFixed(4)})` : ''}`,
    },
    { label: 'Text · ข้อความ', cell: (t) => h('span', { class: 'tip-text', title: t.text }, t.text) },
    { label: 'Status · สถานะ', cell: (t) => statusControl(t, onStatus) },
    {
      label: 'Contact · ติดต่อ',
      cell: (t) =>
        t.contact ? `${t.contact.phone}${t.contact.consentToContact ? ' (may contact)' : ' (do NOT contact)'}` : '–',
    },
  ];
  return dataTable('Recent tips · เบาะแสล่าสุด', columns, tips);
}

/** Every SMS sent or tried, with who it went to (by name when known). */
export function alertsTable(alerts: Alert[], volunteers: Map<string, Volunteer>): HTMLElement {
  return dataTable(
    'SMS log · บันทึก SMS',
    [
      { label: 'Time · เวลา', cell: (a) => formatDateTime(a.createdAt) },
      { label: 'Volunteer · อาสาสมัคร', cell: (a) => volunteers.get(a.volunteerId)?.name ?? a.volunteerId },
      { label: 'Reason · เหตุ', cell: (a) => a.reason },
      { label: 'Risk · ระดับ', cell: (a) => RISK_LABELS[a.riskLevel] ?? a.riskLevel },
      { label: 'Message · ข้อความ', cell: (a) => a.message },
      { label: 'Parts · ส่วน', cell: (a) => a.segments },
      { label: 'Status · สถานะ', cell: (a) => `${a.status}${a.suppressedReason ? ` (${a.suppressedReason})` : ''}` },
    ],
    alerts,
  );
}

/** One volunteer's delivery log, newest first: "did my alerts reach them?". */
export function deliveryLogTable(alerts: Alert[]): HTMLElement {
  return dataTable(
    'Delivery log · ประวัติการส่ง',
    [
      { label: 'Time · เวลา', cell: (a) => formatDateTime(a.createdAt) },
      { label: 'Reason · เหตุ', cell: (a) => a.reason },
      { label: 'Outcome · ผล', cell: (a) => alertOutcome(a) },
      { label: 'Message · ข้อความ', cell: (a) => a.message },
    ],
    alerts,
  );
}

/** What the volunteer rows can do. `testAlert` resolves with the outcome to show. */
export interface VolunteerActions {
  testAlert(v: Volunteer): Promise<string>;
  open(v: Volunteer): void;
  optOut(v: Volunteer): void;
}

/** "Send test SMS" with its outcome beside it, kept in the row (alerts that never arrive are the top complaint). */
function testAlertControl(v: Volunteer, send: (v: Volunteer) => Promise<string>): HTMLElement {
  const outcome = h('span', { class: 'test-alert-result', role: 'status', 'aria-live': 'polite' });
  const button = h(
    'button',
    { type: 'button', class: 'secondary small test-alert', 'aria-label': `Send a test SMS to ${v.name}` },
    'Send test SMS · ทดสอบ SMS',
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    outcome.textContent = 'sending… · กำลังส่ง';
    try {
      outcome.textContent = await send(v);
    } catch (err) {
      outcome.textContent = `failed · ผิดพลาด: ${(err as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'actions' }, button, outcome);
}

/** Volunteers with their actions; active ones can be opted out (SMS STOP replies may never arrive). */
export function volunteersTable(volunteers: Volunteer[], actions: VolunteerActions): HTMLElement {
  return dataTable(
    'Volunteers · อาสาสมัคร',
    [
      { label: 'Name · ชื่อ', cell: (v) => v.name },
      { label: 'Phone · โทรศัพท์', cell: (v) => v.phone },
      { label: 'Radius · รัศมี', cell: (v) => `${v.radiusKm} km` },
      { label: 'Lang · ภาษา', cell: (v) => v.language },
      { label: 'Status · สถานะ', cell: (v) => (v.status === 'opted_out' ? 'opted out · ยกเลิกแล้ว' : 'active · รับ SMS') },
      { label: 'Test · ทดสอบ', cell: (v) => testAlertControl(v, actions.testAlert) },
      {
        label: 'Edit · แก้ไข',
        cell: (v) =>
          h(
            'button',
            {
              type: 'button',
              class: 'secondary small open-volunteer',
              'aria-label': `Edit ${v.name} and see the delivery log`,
              onclick: () => actions.open(v),
            },
            'Edit · log',
          ),
      },
      {
        label: 'Opt-out · ยกเลิก',
        cell: (v) =>
          v.status === 'opted_out'
            ? '–'
            : h(
                'button',
                {
                  type: 'button',
                  class: 'danger',
                  'aria-label': `Opt out ${v.name}`,
                  onclick: () => actions.optOut(v),
                },
                'Stop SMS · หยุดส่ง',
              ),
      },
    ],
    volunteers,
  );
}
