/** The alert record for one volunteer: its message composed for their channel and language. */
import { alertKey, type AlertTrigger } from '../alerts/policy.js';
import type { Gazetteer } from '../geocoder/index.js';
import { hotspotLink } from '../links.js';
import { stableHash } from '../stable-hash.js';
import type { AdminArea, Alert, Hotspot, Language, Volunteer } from '../types.js';
import { CHANNEL_TEMPLATES, channelOf } from './message-templates.js';
import type { MessageChannel } from './ports.js';

/** The 1300 hotline of the Ministry of Social Development and Human Security. */
export const HOTLINE = '1300';

/** Place names in the volunteer's script: Thai for `th`, the gazetteer's romanisation otherwise. */
export function placeNames(
  gazetteer: Gazetteer | undefined,
  admin: AdminArea,
  language: Language,
): { tambon?: string; amphoe?: string } {
  if (language === 'th' || !gazetteer) return { tambon: admin.tambon, amphoe: admin.amphoe };
  const roman = (code: string | undefined, fallback: string | undefined) => {
    const i = code === undefined ? undefined : gazetteer.byCode.get(code);
    return (i !== undefined && gazetteer.places[i]?.en) || fallback;
  };
  return { tambon: roman(admin.tambonCode, admin.tambon), amphoe: roman(admin.amphoeCode, admin.amphoe) };
}

/** The alert id: one per (channel, volunteer, hotspot, reason, level), so a redelivery writes the same record. */
export function alertIdFor(channel: MessageChannel, dedupKey: string): string {
  return stableHash(`${channel}|${dedupKey}`);
}

/** The queued alert record for one volunteer, with its message composed and its parts counted. */
export function buildAlert(
  trigger: AlertTrigger,
  hotspot: Pick<Hotspot, 'admin' | 'tipCount'>,
  volunteer: Pick<Volunteer, 'id' | 'language' | 'phone'>,
  context: { baseUrl: string; now: string; gazetteer?: Gazetteer },
): Alert {
  const channel = channelOf(volunteer);
  const message = CHANNEL_TEMPLATES[channel].alert({
    language: volunteer.language,
    reason: trigger.reason,
    riskLevel: trigger.riskLevel,
    ...placeNames(context.gazetteer, hotspot.admin, volunteer.language),
    tipCount: hotspot.tipCount,
    ...(hotspot.admin.sea ? { sea: hotspot.admin.sea } : {}),
    link: hotspotLink(context.baseUrl, trigger.hotspotId),
    hotline: HOTLINE,
  });
  return {
    id: alertIdFor(channel, alertKey(volunteer.id, trigger.hotspotId, trigger.reason, trigger.riskLevel)),
    volunteerId: volunteer.id,
    hotspotId: trigger.hotspotId,
    reason: trigger.reason,
    riskLevel: trigger.riskLevel,
    messageChannel: channel,
    message: message.text,
    segments: message.segments,
    status: 'queued',
    createdAt: context.now,
    attempts: 0,
  };
}
