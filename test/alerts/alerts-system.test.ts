/**
 * The alerts area on the real local system (DynamoDB Local, its real stream, the real
 * dispatcher and HTTP host). Issue #5's target: the same hotspots stream batch, replayed
 * three times (as Lambda does after a timeout or a partial failure), still leaves one SMS
 * per recipient in the outbox. Then the volunteer and alert routes.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAlertDispatcherHandler } from '../../functions/alert-dispatcher/create-alert-dispatcher-handler.js';
import { localLambdaContext } from '../../functions/local/lambda-context.js';
import { toLambdaRecord } from '../../functions/local/stream-poller.js';
import { eventually, startTestSystem, type LocalSystem } from '../support/local-system.js';
import { hotspot } from './support.js';

let sys: LocalSystem;
const outbox: string[] = [];
const auth = () => ({ authorization: `Bearer ${sys.token}`, 'content-type': 'application/json' });
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

beforeAll(async () => {
  sys = await startTestSystem();
  vi.spyOn(console, 'log').mockImplementation(
    (line: unknown) => void (String(line).startsWith('[outbox]') && outbox.push(String(line))),
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sys?.stop();
});

async function register(body: object): Promise<{ id: string; phone: string }> {
  const res = await fetch(`${sys.url}/api/volunteers`, { method: 'POST', headers: auth(), body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; phone: string };
}

/** Every record of the hotspots table's stream, as Lambda would receive them. */
async function streamBatch(): Promise<DynamoDBStreamEvent> {
  const table = sys.ctx.config.tables.hotspots;
  const region = 'ap-southeast-1';
  const ddb = new DynamoDBClient({ region, endpoint: sys.dynamoEndpoint, credentials });
  const streams = new DynamoDBStreamsClient({ region, endpoint: sys.dynamoEndpoint, credentials });
  const arn = (await ddb.send(new DescribeTableCommand({ TableName: table }))).Table!.LatestStreamArn!;
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
  const Records = [];
  for (const shard of StreamDescription!.Shards ?? []) {
    const it = await streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator! }));
    Records.push(...(page.Records ?? []).map((r) => toLambdaRecord(r, arn)));
  }
  ddb.destroy();
  streams.destroy();
  return { Records };
}

describe('replayed stream batches', () => {
  it('leave one SMS per recipient in the outbox', async () => {
    const recipients = await Promise.all([
      register({
        name: 'Near th',
        phone: '081 234 5601',
        location: { lat: 6.43, lon: 101.82 },
        radiusKm: 5,
        language: 'th',
      }),
      register({
        name: 'Near ms',
        phone: '+60 12-345 6789',
        location: { lat: 6.42, lon: 101.84 },
        radiusKm: 8,
        language: 'ms',
      }),
      register({
        name: 'Wide en',
        phone: '+66 89 765 4302',
        location: { lat: 6.2, lon: 101.7 },
        radiusKm: 40,
        language: 'en',
      }),
    ]);
    const far = await register({
      name: 'Far',
      phone: '0812345604',
      location: { lat: 6.55, lon: 101.28 }, // Yala, ~60 km (a home point must be on land)
      radiusKm: 10,
      language: 'th',
    });
    const h = hotspot();
    await sys.ctx.hotspots.saveChanges({ upserts: [h], retired: [] }, []);

    const firstDelivery = await eventually(async () => {
      const items = await sys.ctx.alerts.list();
      return items.filter((a) => a.hotspotId === h.id).length === 3 ? items : undefined;
    });
    expect(firstDelivery.filter((a) => a.volunteerId === far.id)).toHaveLength(0);
    await sys.settled();

    const batch = await streamBatch();
    expect(batch.Records.some((r) => r.dynamodb?.NewImage?.id?.S === h.id)).toBe(true);
    const handler = createAlertDispatcherHandler(sys.ctx);
    for (let i = 0; i < 3; i++) {
      expect(await handler(batch, localLambdaContext('alert-dispatcher'))).toEqual({ batchItemFailures: [] });
    }

    const res = await fetch(`${sys.url}/api/alerts`, { headers: auth() });
    const items = (
      (await res.json()) as {
        items: Array<{ hotspotId: string; volunteerId: string; status: string; segments: number }>;
      }
    ).items.filter((a) => a.hotspotId === h.id);
    expect(items.map((a) => a.volunteerId).sort()).toEqual(recipients.map((r) => r.id).sort());
    expect(items.every((a) => a.status === 'sent' && a.segments >= 1)).toBe(true);
    const lines = outbox.filter((l) => l.includes(h.id.slice(0, 12)));
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/812345601|123456789|897654302/);
  });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = auth()) {
  const res = await fetch(`${sys.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('volunteer and alert routes', () => {
  const valid = {
    name: 'Aminah',
    phone: '+60 12-345 6700',
    location: { lat: 12.5, lon: 99.9 },
    radiusKm: 3,
    language: 'ms',
  };

  it('rejects a bad phone number with a field error and stores nothing', async () => {
    const before = (await call('GET', '/api/volunteers')).body.items.length;
    const bad = await call('POST', '/api/volunteers', { ...valid, phone: '081-234' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.phone).toMatch(/not a valid phone number/);
    expect((await call('POST', '/api/volunteers', { ...valid, radiusKm: 500 })).body.error.fields.radiusKm).toMatch(
      /50 km/,
    );
    expect((await call('GET', '/api/volunteers')).body.items).toHaveLength(before);
  });

  it('edits, tests, opts out and shows the delivery log', async () => {
    const created = await call('POST', '/api/volunteers', valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phone: '+60123456700', status: 'active', radiusKm: 3 });
    const id = created.body.id as string;

    const edited = await call('PATCH', `/api/volunteers/${id}`, { radiusKm: 7, phone: '12-34' });
    expect(edited.status).toBe(400);
    expect((await call('GET', `/api/volunteers/${id}`)).body.radiusKm).toBe(3);
    const ok = await call('PATCH', `/api/volunteers/${id}`, {
      radiusKm: 7,
      quietHours: { start: '22:00', end: '06:00' },
    });
    expect(ok.body).toMatchObject({ radiusKm: 7, quietHours: { start: '22:00', end: '06:00' } });
    expect((await call('PATCH', `/api/volunteers/${id}`, {})).status).toBe(400);

    const since = new Date().toISOString();
    const test = await call('POST', `/api/volunteers/${id}/test-alert`, {});
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({ reason: 'test', status: 'sent', volunteerId: id, segments: 1 });
    expect(test.body.message).toMatch(/^Phithak: Ujian amaran/);

    expect((await call('POST', `/api/volunteers/${id}/opt-out`, {})).body.status).toBe('opted_out');
    expect((await call('POST', `/api/volunteers/${id}/opt-out`, {})).status).toBe(200);
    const blocked = await call('POST', `/api/volunteers/${id}/test-alert`, {});
    expect(blocked.body).toMatchObject({ status: 'suppressed', suppressedReason: 'opted_out' });

    const profile = await call('GET', `/api/volunteers/${id}`);
    expect(profile.body.alerts.map((a: any) => a.status).sort()).toEqual(['sent', 'suppressed']);
    const recent = (await call('GET', `/api/alerts?since=${encodeURIComponent(since)}`)).body.items;
    expect(recent.map((a: any) => a.reason)).toEqual(['test', 'test']);
    for (const a of recent)
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining([
          'id',
          'volunteerId',
          'hotspotId',
          'reason',
          'riskLevel',
          'message',
          'segments',
          'status',
          'createdAt',
        ]),
      );
  });

  it('answers 404 for an unknown volunteer, 400 for a bad since, 401 without a token', async () => {
    expect((await call('GET', '/api/volunteers/nope')).status).toBe(404);
    expect((await call('POST', '/api/volunteers/nope/test-alert', {})).status).toBe(404);
    expect((await call('GET', '/api/alerts?since=yesterday')).status).toBe(400);
    expect(
      (await call('PATCH', '/api/volunteers/x', { name: 'y' }, { 'content-type': 'application/json' })).status,
    ).toBe(401);
  });
});
