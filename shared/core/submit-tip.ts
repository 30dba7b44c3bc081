/**
 * Tip intake: place the tip, store it once per `Idempotency-Key`, answer with what the
 * tipster needs (an id, a reference to quote to 1300, the place as geocoded).
 */
import type { TipCreated } from '../api/wire.js';
import type { TipInput } from '../tips/tip-input.js';
import { isUrgentTip } from '../tips/urgency.js';
import type { Tip } from '../types.js';
import { IdempotencyKeyReusedError } from './errors.js';
import { clusteringPosition, placeOfTip } from './place-tip.js';
import type {
  Clock,
  GazetteerPort,
  IdSource,
  IdempotencyRecord,
  Pseudonyms,
  ServiceAreaPort,
  TipStore,
} from './ports.js';

export interface SubmitTipDeps {
  tips: TipStore;
  clock: Clock;
  ids: IdSource;
  gazetteer: GazetteerPort;
  serviceArea: ServiceAreaPort;
  pseudonyms: Pseudonyms;
}

/** Builds the stored tip from validated input: place, clustering position, urgency, reporter key. */
export async function buildTip(deps: Omit<SubmitTipDeps, 'tips'>, input: TipInput): Promise<Tip> {
  const area = deps.serviceArea();
  const geocode = placeOfTip(deps.gazetteer(), input, area);
  const { point, outsideServiceArea } = clusteringPosition(area, input, geocode);
  return {
    id: deps.ids.uuid(),
    reference: deps.ids.reference(),
    receivedAt: deps.clock.now(),
    text: input.text,
    category: input.category,
    channel: input.channel,
    status: 'new',
    occurredAt: input.occurredAt,
    location: input.location,
    address: input.address,
    geocode,
    contact: input.contact,
    urgent: isUrgentTip(input.text, input.category),
    ...(point ? { lat: point.lat, lon: point.lon } : {}),
    ...(outsideServiceArea ? { outsideServiceArea } : {}),
    // Distinct reporters weigh in the risk score; a keyed hash, never the number itself.
    ...(input.contact
      ? { reporterKey: await deps.pseudonyms.of('reporter', input.contact.phone.replace(/\D/g, '')) }
      : {}),
  };
}

/** What the API answers: 201 and the tip's receipt, or the first answer again on a replay. */
export interface SubmitTipResult {
  statusCode: number;
  body: TipCreated;
  replayed: boolean;
  /** The stored tip, when this call stored it. */
  tip?: Tip;
}

function replay(record: IdempotencyRecord, bodyHash: string): SubmitTipResult {
  if (record.bodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
  return { statusCode: record.statusCode, body: JSON.parse(record.response) as TipCreated, replayed: true };
}

/**
 * Stores a tip. With an idempotency key (lower-case UUID) a replay with the same body hash
 * returns the first answer and stores nothing; the same key with another body throws
 * {@link IdempotencyKeyReusedError}. The tip and its key are written in one transaction,
 * conditioned on the key being new: a new tip costs that one write and no read (the intake
 * bench), and only a replay, which the store refuses and reads back, pays for the read.
 */
export async function submitTip(
  deps: SubmitTipDeps,
  request: { input: TipInput; idempotencyKey?: string; bodyHash: string },
): Promise<SubmitTipResult> {
  const { idempotencyKey: key, bodyHash } = request;
  const tip = await buildTip(deps, request.input);
  const body: TipCreated = { id: tip.id, reference: tip.reference, receivedAt: tip.receivedAt, geocode: tip.geocode };
  const record = key ? { key, bodyHash, statusCode: 201, response: JSON.stringify(body) } : undefined;
  const outcome = await deps.tips.create(tip, record);
  if (outcome.kind === 'replay') return replay(outcome.record, bodyHash);
  return { statusCode: 201, body, replayed: false, tip };
}
