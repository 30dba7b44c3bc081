import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TABLES } from '../../shared/tables.js';
import type { Hotspot } from '../../shared/types.js';
import { createTableInput } from '../local/bootstrap-tables.js';
import { createDynamoClients } from './dynamo.js';
import { HotspotConflictError, HotspotsRepo, readVersions } from './hotspots-repo.js';

const { ddb, doc } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: inject('dynamoEndpoint') });
const table = `hotspots-repo-${Date.now()}`;
const repo = new HotspotsRepo(doc, table);

function hotspot(id: string, updatedAt: string, status: Hotspot['status'] = 'active'): Hotspot {
  return {
    id,
    status,
    riskLevel: 'medium',
    riskScore: 6,
    tipCount: 5,
    categories: { other: 5 },
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: updatedAt,
    centroid: { lat: 6.4, lon: 101.8 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [101.8, 6.4],
          [101.81, 6.4],
          [101.81, 6.41],
          [101.8, 6.4],
        ],
      ],
    },
    admin: { provinceCode: '96' },
    memberTipIds: ['a', 'b', 'c', 'd', 'e'],
    createdAt: updatedAt,
    updatedAt,
  };
}

beforeAll(async () => {
  await ddb.send(new CreateTableCommand(createTableInput(table, TABLES.hotspots)));
});
afterAll(() => ddb.destroy());

describe('HotspotsRepo.putAll (optimistic concurrency)', () => {
  it('creates, then updates only from the version it read', async () => {
    await repo.putAll([hotspot('h1', 't1')], new Map());
    const read = await repo.listActive();
    expect(read.map((h) => h.id)).toEqual(['h1']);
    expect(read[0].geometry.type).toBe('Polygon');
    await repo.putAll([hotspot('h1', 't2')], readVersions(read));
    expect((await repo.get('h1'))?.updatedAt).toBe('t2');
  });

  it('refuses to create what exists and to update from a stale read', async () => {
    await expect(repo.putAll([hotspot('h1', 't3')], new Map())).rejects.toBeInstanceOf(HotspotConflictError);
    await expect(repo.putAll([hotspot('h1', 't3')], new Map([['h1', 't1']]))).rejects.toBeInstanceOf(
      HotspotConflictError,
    );
    expect((await repo.get('h1'))?.updatedAt).toBe('t2');
  });

  it('lets a retired hotspot come back under its id', async () => {
    await repo.putAll([hotspot('h1', 't4', 'retired')], new Map([['h1', 't2']]));
    expect(await repo.listActive()).toEqual([]);
    await repo.putAll([hotspot('h1', 't5')], new Map());
    expect((await repo.get('h1'))?.status).toBe('active');
  });
});
