import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { AlertDeps } from '../../shared/core/deliver-alert.js';
import {
  MemoryDeadLetters,
  MemoryLog,
  RecordingSender,
  SettableClock,
  sequenceIds,
} from '../../shared/core/in-memory/memory-ports.js';
import { MemoryAlertLog } from '../../shared/core/in-memory/memory-alert-log.js';
import { MemoryVolunteerDirectory } from '../../shared/core/in-memory/memory-volunteer-directory.js';
import type { DeadLetter } from '../../shared/core/dead-letter.js';
import type { Hotspot, Volunteer } from '../../shared/types.js';
import { readConfig, tableNames } from '../../functions/composition/config.js';
import { createContext } from '../../functions/composition/context.js';
import { createDynamoClients } from '../../functions/lib/dynamo-client.js';
import { bootstrapTables } from '../../functions/local/bootstrap-tables.js';
import { realGazetteer } from '../geocoder/real-gazetteer.js';

/** The alert use cases' ports, with a recording sender, a dead-letter list and a settable clock. */
export type AlertTestContext = AlertDeps & {
  smsLog: RecordingSender;
  letters: DeadLetter[];
  clock: SettableClock;
};

/** 12:00 Bangkok. */
const NOON = '2026-11-25T05:00:00.000Z';

/** The alert use cases on in-memory adapters: milliseconds, no Java. */
export async function memoryAlertContext(): Promise<AlertTestContext> {
  const gazetteer = await realGazetteer();
  const smsLog = new RecordingSender();
  const dead = new MemoryDeadLetters();
  return {
    volunteers: new MemoryVolunteerDirectory(),
    alerts: new MemoryAlertLog(),
    senders: { sms: smsLog },
    deadLetters: dead,
    clock: new SettableClock(NOON),
    ids: sequenceIds(),
    gazetteer: () => gazetteer,
    log: new MemoryLog(),
    settings: { publicBaseUrl: 'https://phithak.example.org' },
    smsLog,
    letters: dead.letters,
  };
}

/** The same use cases on the DynamoDB adapters, on the run's DynamoDB Local with fresh tables. */
export async function dynamoAlertContext(): Promise<AlertTestContext> {
  const config = {
    ...readConfig({}),
    mode: 'local' as const,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tables: tableNames(`a${randomBytes(4).toString('hex')}-`),
    publicBaseUrl: 'https://phithak.example.org',
  };
  const { ddb } = createDynamoClients(config);
  await bootstrapTables(ddb, config.tables);
  ddb.destroy();
  const memory = await memoryAlertContext();
  const base = createContext(config, {
    clock: memory.clock,
    senders: memory.senders,
    deadLetters: memory.deadLetters,
    gazetteer: memory.gazetteer,
    log: memory.log,
  });
  return { ...memory, volunteers: base.volunteers, alerts: base.alerts };
}

/** Both adapter sets, for `describe.each`. */
export const ALERT_CONTEXTS = [
  ['in-memory adapters', memoryAlertContext],
  ['DynamoDB adapters', dynamoAlertContext],
] as const;

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
