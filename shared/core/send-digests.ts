/**
 * Quiet-hours digests: alerts held back while a volunteer was in quiet hours go out, once the
 * hours end, as ONE message per volunteer. The digest is itself an alert (reason of the
 * riskiest held alert, its hotspot) claimed by conditional write; each held alert is then
 * marked with the digest's outcome (or `suppressed: opted_out`) pointing at it.
 */
import { compareRisk } from '../risk-level.js';
import type { Alert, Volunteer } from '../types.js';
import { alertIdFor, HOTLINE } from './alert-message.js';
import { deliverAlert, type AlertDeps } from './deliver-alert.js';
import { CHANNEL_TEMPLATES, channelOf } from './message-templates.js';

function digestAlert(volunteer: Volunteer, held: Alert[], baseUrl: string, now: string): Alert {
  const top = [...held].sort((a, b) => compareRisk(b.riskLevel, a.riskLevel))[0]!;
  const channel = channelOf(volunteer);
  const message = CHANNEL_TEMPLATES[channel].digest({
    language: volunteer.language,
    alertCount: held.length,
    hotspotCount: new Set(held.map((a) => a.hotspotId)).size,
    highestRisk: top.riskLevel,
    link: `${baseUrl.replace(/\/+$/, '')}/`,
    hotline: HOTLINE,
  });
  const ids = held.map((a) => a.id).sort();
  return {
    id: alertIdFor(channel, `digest|${volunteer.id}|${ids.join(',')}`),
    volunteerId: volunteer.id,
    hotspotId: top.hotspotId,
    reason: top.reason,
    riskLevel: top.riskLevel,
    messageChannel: channel,
    message: message.text,
    segments: message.segments,
    status: 'queued',
    createdAt: now,
    attempts: 0,
    digestOf: held.map((a) => a.id),
  };
}

/** The held alerts due at `now`, by volunteer. */
function byVolunteer(due: Alert[]): Map<string, Alert[]> {
  const out = new Map<string, Alert[]>();
  for (const a of due) out.set(a.volunteerId, [...(out.get(a.volunteerId) ?? []), a]);
  return out;
}

/** Sends every due digest; returns how many digests went and how many held alerts they carried. */
export async function sendDueDigests(deps: AlertDeps): Promise<{ digests: number; alerts: number; optedOut: number }> {
  const now = deps.clock.now();
  const held = byVolunteer(await deps.alerts.dueHeld(now));
  const profiles = await deps.volunteers.getMany([...held.keys()]);
  const result = { digests: 0, alerts: 0, optedOut: 0 };
  for (const [volunteerId, alerts] of held) {
    const volunteer = profiles.get(volunteerId);
    if (!volunteer || volunteer.status !== 'active') {
      await Promise.all(
        alerts.map((a) => deps.alerts.setStatus(a.id, 'suppressed', { suppressedReason: 'opted_out' })),
      );
      result.optedOut += alerts.length;
      continue;
    }
    const digest = digestAlert(volunteer, alerts, deps.settings.publicBaseUrl, now);
    let outcome = await deliverAlert(deps, digest, volunteer);
    // Claimed before: a run that sent it may have stopped before marking the held alerts.
    if (outcome === 'skipped') {
      const previous = await deps.alerts.get(digest.id);
      if (previous?.status !== 'sent' && previous?.status !== 'failed') continue;
      outcome = previous.status;
    }
    const status = outcome === 'failed' ? 'failed' : 'sent';
    await Promise.all(alerts.map((a) => deps.alerts.setStatus(a.id, status, { digestId: digest.id, sentAt: now })));
    if (outcome !== 'failed') {
      result.digests++;
      result.alerts += alerts.length;
    }
  }
  return result;
}
