/** The coordinator's read views: recent tips, the SMS log, and volunteers with opt-out. */
import type { Alert, Tip, Volunteer } from '../../../shared/types.js';
import { CATEGORY_LABELS } from '../categories.js';
import { h } from '../dom.js';
import { RISK_LABELS, formatDateTime, placeName } from '../format.js';
import { type Column, dataTable } from './data-table.js';

const tipColumns: Column<Tip>[] = [
  { label: 'Received · เวลา', cell: (t) => formatDateTime(t.receivedAt) },
  { label: 'Kind · ประเภท', cell: (t) => CATEGORY_LABELS[t.category] ?? t.category },
  { label: 'Place · สถานที่', cell: (t) => `${placeName(t.geocode?.admin)}${t.location ? ` (${t.location.lat.toFixed(4)}, ${t.location.lon.toFixed(4)})` : ''}` },
  { label: 'Text · ข้อความ', cell: (t) => h('span', { class: 'tip-text', title: t.text }, t.text) },
  { label: 'Status · สถานะ', cell: (t) => `${t.status}${t.urgent ? ' · URGENT ด่วน' : ''}` },
  { label: 'Contact · ติดต่อ', cell: (t) => (t.contact ? `${t.contact.phone}${t.contact.consentToContact ? ' (may contact)' : ' (do NOT contact)'}` : '–') },
];

/** Recent tips, newest first as the API returns them. */
export function tipsTable(tips: Tip[]): HTMLElement {
  return dataTable('Recent tips · เบาะแสล่าสุด', tipColumns, tips);
}

/** Every SMS sent or tried, with who it went to (by name when known). */
export function alertsTable(alerts: Alert[], volunteers: Map<string, Volunteer>): HTMLElement {
  return dataTable('SMS log · บันทึก SMS', [
    { label: 'Time · เวลา', cell: (a) => formatDateTime(a.createdAt) },
    { label: 'Volunteer · อาสาสมัคร', cell: (a) => volunteers.get(a.volunteerId)?.name ?? a.volunteerId },
    { label: 'Reason · เหตุ', cell: (a) => a.reason },
    { label: 'Risk · ระดับ', cell: (a) => RISK_LABELS[a.riskLevel] ?? a.riskLevel },
    { label: 'Message · ข้อความ', cell: (a) => a.message },
    { label: 'Parts · ส่วน', cell: (a) => a.segments },
    { label: 'Status · สถานะ', cell: (a) => `${a.status}${a.suppressedReason ? ` (${a.suppressedReason})` : ''}` },
  ], alerts);
}

/** Volunteers; active ones get an opt-out button (SMS STOP replies may never arrive). */
export function volunteersTable(volunteers: Volunteer[], optOut: (v: Volunteer) => void): HTMLElement {
  return dataTable('Volunteers · อาสาสมัคร', [
    { label: 'Name · ชื่อ', cell: (v) => v.name },
    { label: 'Phone · โทรศัพท์', cell: (v) => v.phone },
    { label: 'Radius · รัศมี', cell: (v) => `${v.radiusKm} km` },
    { label: 'Lang · ภาษา', cell: (v) => v.language },
    { label: 'Status · สถานะ', cell: (v) => (v.status === 'opted_out' ? 'opted out · ยกเลิกแล้ว' : 'active · รับ SMS') },
    {
      label: 'Opt-out · ยกเลิก',
      cell: (v) =>
        v.status === 'opted_out'
          ? '–'
          : h('button', { type: 'button', class: 'danger', 'aria-label': `Opt out ${v.name}`, onclick: () => optOut(v) }, 'Stop SMS · หยุดส่ง'),
    },
  ], volunteers);
}
