import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { AlertDeadLetter } from '../../shared/alerts/dead-letter.js';
import type { Hotspot, Volunteer } from '../../shared/types.js';
import { readConfig } from '../../functions/lib/config.js';
import { createContext, type AppContext } from '../../functions/lib/context.js';
import { createDynamoClients } from '../../functions/lib/dynamo.js';
import { bootstrapTables } from '../../functions/local/bootstrap-tables.js';

/** An SMS sender that records what it was asked to send, and can be told to fail. */
export class RecordingSms {
  readonly sent: Array<{ to: string; text: string; alertId: string }> = [];
  failWith?: Error;
  async send(message: { to: string; text: string; alertId: string }) {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
    return { providerMessageId: `m-${this.sent.length}` };
  }
}

/** A real context on the run's DynamoDB Local, with fresh tables, a recording SMS sender and a settable clock. */
export async function alertTestContext(): Promise<
  AppContext & { smsLog: RecordingSms; letters: AlertDeadLetter[]; clock: { now: string } }
> {
  const config = readConfig({
    PHITHAK_MODE: 'local',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_PREFIX: `a${randomBytes(4).toString('hex')}-`,
    PUBLIC_BASE_URL: 'https://phithak.example.org',
  });
  const { ddb } = createDynamoClients(config);
  await bootstrapTables(ddb, config.tables);
  ddb.destroy();
  const smsLog = new RecordingSms();
  const letters: AlertDeadLetter[] = [];
  const clock = { now: '2026-11-25T05:00:00.000Z' }; // 12:00 Bangkok
  const base = createContext(config);
  return {
    ...base,
    sms: smsLog,
    deadLetters: { put: async (l) => void letters.push(l) },
    now: () => clock.now,
    smsLog,
    letters,
    clock,
  };
}

let n = 0;
/** A volunteer profile (not stored). */
export function volunteer(over: Partial<Volunteer> = {}): Volunteer {
  n += 1;
  return {
    id: `v-${n}-${randomBytes(3).toString('hex')}`,
    name: `Volunteer ${n}`,
    phone: `+6681000${String(1000 + n).slice(-4)}`,
    location: { lat: 6.43, lon: 101.82 },
    radiusKm: 5,
    language: 'th',
    status: 'active',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

/** A public hotspot at Bang Nak (not stored). */
export function hotspot(over: Partial<Hotspot> = {}): Hotspot {
  return {
    id: `hs-${randomBytes(4).toString('hex')}`,
    status: 'active',
    riskLevel: 'high',
    riskScore: 5,
    tipCount: 6,
    categories: { forced_begging: 6 },
    firstSeen: '2026-11-25T04:00:00.000Z',
    lastSeen: '2026-11-25T04:50:00.000Z',
    centroid: { lat: 6.4255, lon: 101.8231 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [101.82, 6.42],
          [101.83, 6.42],
          [101.83, 6.43],
          [101.82, 6.42],
        ],
      ],
    },
    admin: {
      provinceCode: '96',
      province: 'นราธิวาส',
      amphoeCode: '9601',
      amphoe: 'เมืองนราธิวาส',
      tambonCode: '960101',
      tambon: 'บางนาค',
    },
    memberTipIds: ['t1', 't2', 't3', 't4', 't5', 't6'],
    createdAt: '2026-11-25T04:00:00.000Z',
    updatedAt: '2026-11-25T04:50:00.000Z',
    ...over,
  };
}
