import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MemoryAlertLog } from '../../shared/core/in-memory/memory-alert-log.js';
import {
  MemoryDeadLetters,
  MemoryLog,
  RecordingSender,
  SettableClock,
  sequenceIds,
} from '../../shared/core/in-memory/memory-ports.js';
import { MemoryVolunteerDirectory } from '../../shared/core/in-memory/memory-volunteer-directory.js';
import type { Hotspot } from '../../shared/types.js';
import type { AppContext } from '../composition/context.js';
import { toLambdaRecord } from '../local/stream-poller.js';
import { createAlertDispatcherHandler } from './create-alert-dispatcher-handler.js';

const NOW = '2026-11-25T05:00:00.000Z';

/** A fishing-boat hotspot at sea: its `admin` is an empty map. */
const atSea: Omit<Hotspot, 'geometry'> & { geometryJson: string } = {
  id: 'hs-sea',
  status: 'active',
  riskLevel: 'high',
  riskScore: 12,
  tipCount: 5,
  categories: { forced_fishing: 5 },
  firstSeen: NOW,
  lastSeen: NOW,
  centroid: { lat: 7.05, lon: 101.05 },
  geometryJson: JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [101, 7],
        [101.1, 7],
        [101.1, 7.1],
        [101, 7],
      ],
    ],
  }),
  admin: {},
  memberTipIds: ['a', 'b', 'c', 'd', 'e'],
  createdAt: NOW,
  updatedAt: NOW,
};

function context() {
  const log = new MemoryLog();
  const sender = new RecordingSender();
  const volunteers = new MemoryVolunteerDirectory();
  const ctx = {
    volunteers,
    alerts: new MemoryAlertLog(),
    senders: { sms: sender },
    deadLetters: new MemoryDeadLetters(),
    clock: new SettableClock(NOW),
    ids: sequenceIds(),
    gazetteer: () => {
      throw new Error('none');
    },
    log,
    settings: { publicBaseUrl: 'https://x' },
    telemetry: { wrap: (fn: unknown) => fn },
  } as unknown as AppContext;
  return { ctx, log, sender, volunteers };
}

const record = (image: Record<string, AttributeValue>, seq: string): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: { Keys: { id: { S: image.id!.S! } }, NewImage: image, SequenceNumber: seq },
});

describe('alert dispatcher handler', () => {
  it('alerts for a hotspot at sea, whether its empty admin arrives as Lambda sends it or as an SDK client reads it', async () => {
    const { ctx, sender, volunteers } = context();
    await volunteers.put({
      id: 'v1',
      name: 'x',
      phone: '+66812345678',
      location: { lat: 7.0, lon: 101.1 },
      radiusKm: 25,
      language: 'en',
      status: 'active',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const lambdaShape = marshall(atSea, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
    expect(lambdaShape.admin).toEqual({ M: {} });
    // What the SDK's stream client hands the local poller: the empty map as `{}`.
    const sdkShape = { ...lambdaShape, admin: {} } as unknown as Record<string, AttributeValue>;
    const repaired = toLambdaRecord(
      {
        eventName: 'INSERT',
        dynamodb: { NewImage: sdkShape as never, SequenceNumber: '2', Keys: { id: { S: 'hs-sea' } } },
      },
      'arn',
    );
    expect(repaired.dynamodb?.NewImage?.admin).toEqual({ M: {} });
    const handler = createAlertDispatcherHandler(ctx);
    expect(await handler({ Records: [record(lambdaShape, '1')] })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: [record(sdkShape, '2')] })).toEqual({ batchItemFailures: [] });
    expect(sender.sent).toHaveLength(1);
  });

  it('reports a failed record as a partial failure and logs its reason, not just a count', async () => {
    const { ctx, log, volunteers } = context();
    volunteers.covering = async () => {
      throw new Error('the volunteer index is unreachable');
    };
    const handler = createAlertDispatcherHandler(ctx);
    const image = marshall({ ...atSea, id: 'hs-2', admin: { provinceCode: '96' } }) as Record<string, AttributeValue>;
    const ok = marshall({ ...atSea, id: 'hs-3', tipCount: 2 }) as Record<string, AttributeValue>;
    const out = await handler({ Records: [record(ok, '10'), record(image, '11')] });
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: '11' }] });
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'hotspot record failed',
        fields: expect.objectContaining({ hotspotId: 'hs-2', reason: 'the volunteer index is unreachable' }),
      }),
    );
  });
  it('passes over member pages, which share the hotspots table and its stream', async () => {
    const { ctx, sender, volunteers } = context();
    await volunteers.put({
      id: 'v1',
      name: 'x',
      phone: '+66812345678',
      location: { lat: 7.0, lon: 101.1 },
      radiusKm: 25,
      language: 'en',
      status: 'active',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const page = marshall({ id: 'm~hs-sea~w2c1~0~0123456789ab', of: 'hs-sea', ids: 'a b', expiresAt: 1 }) as Record<
      string,
      AttributeValue
    >;
    const removed: DynamoDBRecord = {
      eventName: 'REMOVE',
      dynamodb: { Keys: { id: page.id! }, OldImage: page, SequenceNumber: '21' },
    };
    const handler = createAlertDispatcherHandler(ctx);
    expect(await handler({ Records: [record(page, '20'), removed] })).toEqual({ batchItemFailures: [] });
    expect(sender.sent).toHaveLength(0);
    expect((ctx.deadLetters as MemoryDeadLetters).letters).toHaveLength(0);
    // The hotspot itself still alerts.
    const hotspot = marshall(atSea, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
    expect(await handler({ Records: [record(hotspot, '22')] })).toEqual({ batchItemFailures: [] });
    expect(sender.sent).toHaveLength(1);
  });
});
