/**
 * Runs a sample of tips through the real local stack (the same handlers as Lambda, DynamoDB
 * Local) and meters what each phase costs. The send path is AWS's: the dispatcher queues
 * claimed alerts, the sender function sends them, the receipts function records one final
 * event per message.
 */
import type { SNSEvent, SQSEvent } from 'aws-lambda';
import { SCHEDULES, type ScheduleKey } from '../../shared/triggers.js';
import { ensureGazetteerIndex } from '../../functions/cli/build-gazetteer.js';
import { createAlertDigestHandler } from '../../functions/alert-digest/create-alert-digest-handler.js';
import { createAlertSweeperHandler } from '../../functions/alert-sweeper/create-alert-sweeper-handler.js';
import { createDeliveryReceiptsHandler } from '../../functions/delivery-receipts/create-delivery-receipts-handler.js';
import { createMessageSenderHandler } from '../../functions/message-sender/create-message-sender-handler.js';
import { createRecomputeHandler } from '../../functions/recompute/create-recompute-handler.js';
import { createSnapshotPublisherHandler } from '../../functions/snapshot-publisher/create-snapshot-publisher-handler.js';
import { hmacPseudonyms } from '../../functions/lib/hmac-pseudonyms.js';
import { localLambdaContext } from '../../functions/local/lambda-context.js';
import { startLocalSystem, type LocalSystem } from '../../functions/local/system.js';
import { keyFile } from '../../functions/local/key-file.js';
import { seededRandom } from '../../shared/testing/seeded-random.js';
import { Meters, type Counts } from './counters.js';
import { sampleTips, sampleVolunteers } from './sample.js';

/** What one run measured: the per-phase counts and the sample's size. */
export interface Measured {
  tips: number;
  volunteers: number;
  /** Tips, their stream work, alerts, sends and receipts, and the coordinators' reads. */
  perSample: Counts;
  /** One run of each scheduled function over the sample's data. */
  perScheduleRun: Record<ScheduleKey, Counts>;
  /** Average stored bytes per tip across all tables (for storage). */
  storedBytesPerTip: number;
}

export async function measure(tipCount: number, seed = 20261201): Promise<Measured> {
  await ensureGazetteerIndex();
  let meters!: Meters;
  const queued: string[] = [];
  const prefix = 'cost-';
  meters = new Meters((physical) => (physical.startsWith(prefix) ? physical.slice(prefix.length) : physical));
  const sender = meters.sender();
  const sys = await startLocalSystem({
    web: false,
    schedules: false,
    tablePrefix: prefix,
    config: { logLevel: 'ERROR' },
    overrides: {
      telemetry: meters.telemetry,
      instrumentDynamo: meters.instrumentDynamo,
      senders: { sms: sender },
      sendQueue: { enqueue: async (ids) => void queued.push(...ids) },
      pseudonyms: meters.pseudonyms(hmacPseudonyms(keyFile(undefined))),
    },
  });
  const random = seededRandom(seed);
  const api = meteredApi(sys, meters);
  try {
    const volunteers = sampleVolunteers(random);
    for (const v of volunteers) await api('POST', '/api/volunteers', v);
    await sys.settled(60_000);
    meters.take(); // registering volunteers is set-up, not per tip
    const ids: string[] = [];
    for (const [i, tip] of sampleTips(random, tipCount).entries()) {
      const created = await api('POST', '/api/tips', tip, `c0570000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      ids.push(created.id!);
    }
    await sys.settled(120_000);
    // Coordinators open every tip once (audited) and list the feed once per 20 tips.
    for (const [i, id] of ids.entries()) {
      await api('GET', `/api/tips/${id}`);
      if (i % 20 === 0) await api('GET', '/api/tips?limit=50');
    }
    await drainSendQueue(sys.ctx, queued);
    await deliverReceipts(sys.ctx, sender.sent);
    const perSample = meters.take();
    const perScheduleRun = await runSchedules(sys.ctx, meters);
    return {
      tips: tipCount,
      volunteers: volunteers.length,
      perSample,
      perScheduleRun,
      storedBytesPerTip: (await storedBytes(sys.ctx)) / tipCount,
    };
  } finally {
    await sys.stop();
  }
}

type Ctx = Parameters<typeof createMessageSenderHandler>[0];

/**
 * A JSON call to the local system's API as the coordinator, counted as an API request and its
 * response bytes (API Gateway bills both); a status of 300 or more throws.
 */
function meteredApi(sys: LocalSystem, meters: Meters) {
  return async (method: string, path: string, body?: unknown, key?: string) => {
    meters.counts.apiRequests += 1;
    const res = await fetch(`${sys.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sys.token}`,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    meters.counts.apiResponseBytes += Buffer.byteLength(text);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as { id?: string; items?: unknown[] };
  };
}

/** Runs each scheduled function once, in SCHEDULES order, and takes the meters after each. */
async function runSchedules(ctx: LocalSystem['ctx'], meters: Meters): Promise<Record<ScheduleKey, Counts>> {
  const perScheduleRun = {} as Record<ScheduleKey, Counts>;
  const handlers = {
    recompute: createRecomputeHandler(ctx),
    alertDigest: createAlertDigestHandler(ctx),
    alertSweeper: createAlertSweeperHandler(ctx),
    snapshotPublisher: createSnapshotPublisherHandler(ctx),
  };
  for (const key of Object.keys(SCHEDULES) as ScheduleKey[]) {
    await handlers[key]({}, localLambdaContext(SCHEDULES[key].consumer));
    perScheduleRun[key] = meters.take();
  }
  return perScheduleRun;
}

/** The sender function over the queued ids, in the queue's batches of 10. */
async function drainSendQueue(ctx: Ctx, queued: string[]): Promise<void> {
  const handler = createMessageSenderHandler(ctx);
  while (queued.length) {
    const batch = queued.splice(0, 10);
    const event = { Records: batch.map((id, i) => ({ messageId: `m${i}`, body: id, eventSource: 'aws:sqs' })) };
    await handler(event as unknown as SQSEvent, localLambdaContext('messageSender'));
  }
}

/** One final End User Messaging event per sent message, through SNS's one-record invokes. */
async function deliverReceipts(ctx: Ctx, sent: Array<{ alertId: string }>): Promise<void> {
  const handler = createDeliveryReceiptsHandler(ctx);
  for (const message of sent) {
    const event = {
      eventType: 'TEXT_DELIVERED',
      isFinal: true,
      eventTimestamp: Date.now(),
      messageId: `cost-${message.alertId}`,
      context: { alertId: message.alertId },
      totalMessageParts: 1,
    };
    const record = { Sns: { Message: JSON.stringify(event), Timestamp: new Date().toISOString() } };
    await handler({ Records: [record] } as unknown as SNSEvent, localLambdaContext('deliveryReceipts'));
  }
}

/** Bytes stored in every table, by a Scan outside the meters (DynamoDB bills storage, not this scan). */
async function storedBytes(ctx: Ctx): Promise<number> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const { createDynamoClients } = await import('../../functions/lib/dynamo-client.js');
  const { doc, ddb } = createDynamoClients(ctx.config);
  let bytes = 0;
  for (const table of Object.values(ctx.config.tables)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      // DynamoDB's item size is close to its JSON size; 100 bytes of per-item overhead each.
      for (const item of page.Items ?? []) bytes += Buffer.byteLength(JSON.stringify(item)) + 100;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  ddb.destroy();
  return bytes;
}
