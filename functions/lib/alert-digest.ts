/**
 * Quiet-hours digests: alerts held back while a volunteer was in quiet hours go out, once
 * the hours end, as ONE SMS per volunteer. The digest is itself an alert (reason of the
 * highest-ranked held alert, the hotspot of the riskiest one) claimed by conditional write,
 * and each held alert is then marked `sent` (or `suppressed: opted_out`) pointing at it.
 */
import { composeDigestSms } from '../../shared/alerts/digest-sms.js';
import { RISK_LEVELS, type Alert, type Volunteer } from '../../shared/types.js';
import { alertIdFor } from './alerts-repo.js';
import { deliver } from './alert-delivery.js';
import type { AppContext } from './context.js';

type Deps = Pick<AppContext, 'volunteers' | 'alerts' | 'sms' | 'deadLetters' | 'config' | 'now'>;

const riskRank = (a: Alert) => RISK_LEVELS.indexOf(a.riskLevel);

function digestAlert(volunteer: Volunteer, held: Alert[], baseUrl: string, now: string): Alert {
  const top = [...held].sort((a, b) => riskRank(b) - riskRank(a))[0]!;
  const sms = composeDigestSms({
    language: volunteer.language,
    alertCount: held.length,
    hotspotCount: new Set(held.map((a) => a.hotspotId)).size,
    highestRisk: top.riskLevel,
    link: `${baseUrl.replace(/\/+$/, '')}/`,
    hotline: '1300',
  });
  return {
    id: alertIdFor(
      `digest|${volunteer.id}|${held
        .map((a) => a.id)
        .sort()
        .join(',')}`,
    ),
    volunteerId: volunteer.id,
    hotspotId: top.hotspotId,
    reason: top.reason,
    riskLevel: top.riskLevel,
    message: sms.text,
    segments: sms.segments,
    status: 'queued',
    createdAt: now,
    attempts: 0,
    digestOf: held.map((a) => a.id),
  } as Alert;
}

/** Sends every due digest; returns how many digests went and how many held alerts they carried. */
export async function sendDueDigests(deps: Deps): Promise<{ digests: number; alerts: number; optedOut: number }> {
  const now = deps.now();
  const due = await deps.alerts.dueHeld(now);
  const byVolunteer = new Map<string, Alert[]>();
  for (const a of due) byVolunteer.set(a.volunteerId, [...(byVolunteer.get(a.volunteerId) ?? []), a]);
  const profiles = await deps.volunteers.getMany([...byVolunteer.keys()]);
  const result = { digests: 0, alerts: 0, optedOut: 0 };
  for (const [volunteerId, held] of byVolunteer) {
    const volunteer = profiles.get(volunteerId);
    if (!volunteer || volunteer.status !== 'active') {
      await Promise.all(held.map((a) => deps.alerts.setStatus(a.id, 'suppressed', { suppressedReason: 'opted_out' })));
      result.optedOut += held.length;
      continue;
    }
    const digest = digestAlert(volunteer, held, deps.config.publicBaseUrl, now);
    let outcome = await deliver(deps, digest, volunteer.phone);
    // Claimed before: a run that sent it may have stopped before marking the held alerts.
    if (outcome === 'skipped') {
      const previous = await deps.alerts.get(digest.id);
      if (previous?.status !== 'sent' && previous?.status !== 'failed') continue;
      outcome = previous.status;
    }
    const status = outcome === 'sent' ? 'sent' : 'failed';
    await Promise.all(held.map((a) => deps.alerts.setStatus(a.id, status, { digestId: digest.id, sentAt: now })));
    if (outcome === 'sent') {
      result.digests++;
      result.alerts += held.length;
    }
  }
  return result;
}
