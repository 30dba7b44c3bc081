/**
 * DynamoDB table definitions, written once and used by both the CDK stateful stack
 * (infra/) and the local bootstrap (functions/local/). Plain data: no SDK, no CDK.
 */

export type KeyType = 'S' | 'N';

export interface KeyDef {
  name: string;
  type: KeyType;
}

export interface IndexDef {
  indexName: string;
  partitionKey: KeyDef;
  sortKey?: KeyDef;
  /** `ALL`, `KEYS_ONLY`, or the non-key attributes to project (INCLUDE). */
  projection: 'ALL' | 'KEYS_ONLY' | string[];
}

export interface TableDef {
  partitionKey: KeyDef;
  sortKey?: KeyDef;
  indexes?: IndexDef[];
  /** Stream view type; absent means no stream. */
  stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
  /** Attribute holding an epoch-seconds expiry for DynamoDB TTL. */
  ttlAttribute?: string;
}

/**
 * Write shards of the time indexes (`feed` = `tips#<n>` / `alerts#<n>`, n < 8, from a hash of
 * the item's id) and of the small sparse alert indexes (`held#<n>`, `lease#<n>`): DynamoDB
 * gives one partition key about 1,000 writes a second, and 1,000 tips a second (issue 12)
 * write the feed once a tip. Eight keys keep each near an eighth of that; readers query the
 * eight side by side and merge them (ADR 0009: why no day in the key).
 */
export const TIME_SHARDS = 8;

/**
 * Key prefixes of the kinds of item that share a table, said once: the stores name their items
 * with them, and a stream trigger admits only the kind its consumer reads (`shared/triggers.ts`).
 */
export const KEY_PREFIX = {
  /** A hotspot in `hotspots` (`hs-<hash>`). */
  hotspot: 'hs-',
  /** A hotspot's member page in `hotspots` (`m~…`; hotspot ids never hold `~`). */
  memberPage: 'm~',
  /** An opt-out request waiting for the worker in `optOuts` (`req#<id>`). */
  optOutRequest: 'req#',
  /** A one-time opt-out confirmation link in `optOuts` (`tok#<hash of the token>`). */
  optOutToken: 'tok#',
} as const;

/**
 * The tables. Logical names are the keys; physical names come from the environment
 * (`TABLE_<KEY>` in AWS, a prefix + key locally).
 */
export const TABLES = {
  /** Tips; the stream drives the hotspot updater. */
  tips: {
    partitionKey: { name: 'id', type: 'S' },
    indexes: [
      // Newest-first coordinator feed and the full recomputation's window, sharded:
      // `feed` = `tips#<n>` (TIME_SHARDS), `feedAt` = `<receivedAt>#<id>`, unique, so the
      // merged shards have one order and a page ends at one key.
      {
        indexName: 'byTime',
        partitionKey: { name: 'feed', type: 'S' },
        sortKey: { name: 'feedAt', type: 'S' },
        projection: 'ALL',
      },
      // Tips with a position, by geohash cell (precision 4, about 39 x 20 km), for
      // re-clustering the neighbourhood of a new tip. Sparse: tips without a place are absent.
      {
        indexName: 'byCell',
        partitionKey: { name: 'cell', type: 'S' },
        sortKey: { name: 'receivedAt', type: 'S' },
        projection: ['lat', 'lon', 'category', 'urgent', 'admin', 'reporterKey', 'status'],
      },
    ],
    stream: 'NEW_IMAGE',
    // A tip and its text expire after the tip retention (default a year).
    ttlAttribute: 'expiresAt',
  },
  /**
   * Reporters' contacts, apart from their tips so they expire sooner (default 90 days):
   * envelope-encrypted, opened only for a coordinator who opens that tip.
   */
  tipContacts: {
    partitionKey: { name: 'tipId', type: 'S' },
    ttlAttribute: 'expiresAt',
  },
  /** Idempotency records for POST /api/tips (`Idempotency-Key`), expiring after a day. */
  idempotency: {
    partitionKey: { name: 'key', type: 'S' },
    ttlAttribute: 'expiresAt',
  },
  /**
   * Hotspots and their member lists; the stream (old and new image) drives the alert
   * dispatcher, which skips the member pages. A hotspot item lists its pages; a page
   * (`m~<hotspot>~<tip cell>~<n>~<content hash>`) holds the compact ids of its members in one
   * `tipCell`, under 32 KB, written before the hotspot item that lists it and never changed
   * after (a new content is a new page), so a reader sees one version whole.
   */
  hotspots: {
    partitionKey: { name: 'id', type: 'S' },
    indexes: [
      // Active hotspots by `area`: `A` + the geohash (up to 4 characters, the tip cells'
      // precision) of the smallest cell holding the hotspot's box. Sparse: absent on retired
      // hotspots and pages. Updates query the cells around their box at each length; the
      // recomputation and the snapshot scan it (it holds only the active ones).
      {
        indexName: 'byArea',
        partitionKey: { name: 'area', type: 'S' },
        projection: 'ALL',
      },
    ],
    stream: 'NEW_AND_OLD_IMAGES',
    // Retired hotspots expire after the hotspot retention (default 90 days); active ones never.
    ttlAttribute: 'expiresAt',
  },
  /** Volunteer profiles. */
  volunteers: {
    partitionKey: { name: 'id', type: 'S' },
  },
  /**
   * Spatial lookup of volunteers: one bucket item per grid cell, with an attribute per
   * volunteer whose alert circle touches the cell (named by the compact volunteer id,
   * holding `[lat, lon, radiusKm]`), so "who covers this point" is one BatchGetItem of the
   * point's cell at each level. A lookup pays for every byte it reads (ADR 0004).
   */
  volunteerCells: {
    partitionKey: { name: 'c', type: 'S' },
  },
  /** Every SMS sent or attempted (the alert log; locally also the outbox). */
  alerts: {
    partitionKey: { name: 'id', type: 'S' },
    indexes: [
      // Newest-first alert log, sharded like the tips feed: `feed` = `alerts#<n>`.
      {
        indexName: 'byTime',
        partitionKey: { name: 'feed', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
        projection: 'ALL',
      },
      {
        indexName: 'byVolunteer',
        partitionKey: { name: 'volunteerId', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
        projection: 'ALL',
      },
      // Alerts held back by quiet hours, by the time they may go out (the digest reads it).
      // Sparse: `held` (`held#<n>`, TIME_SHARDS) is set only while an alert waits, and removed
      // when it is delivered.
      {
        indexName: 'byHold',
        partitionKey: { name: 'held', type: 'S' },
        sortKey: { name: 'holdUntil', type: 'S' },
        projection: 'ALL',
      },
      // Claims not yet finished, by when their lease ends (the sweeper reads it). Sparse:
      // `leased` (`lease#<n>`, TIME_SHARDS) is set by a claim and removed with the final
      // status, so it holds only the alerts in flight.
      {
        indexName: 'byLease',
        partitionKey: { name: 'leased', type: 'S' },
        sortKey: { name: 'leaseUntil', type: 'S' },
        projection: 'ALL',
      },
    ],
    // Per-volunteer daily SMS counters (`count|<volunteerId>|<day>`) expire after two days;
    // alert records (their message texts) after the alert retention (default 180 days).
    ttlAttribute: 'expiresAt',
  },
  /**
   * Public opt-outs: requests waiting for the worker (`req#<id>`, whose stream drives it) and
   * one-time confirmation links (`tok#<hash of the token>`); both expire within a day.
   */
  optOuts: {
    partitionKey: { name: 'id', type: 'S' },
    stream: 'NEW_IMAGE',
    ttlAttribute: 'expiresAt',
  },
  /** Request counters per pseudonymous key and window (`<key>#<window start>`), expiring with the window. */
  rateLimits: {
    partitionKey: { name: 'key', type: 'S' },
    ttlAttribute: 'expiresAt',
  },
  /** Who read which tip's detail, when, and what was shown (`GET /api/tips/{id}/audit`); kept. */
  tipAudit: {
    partitionKey: { name: 'tipId', type: 'S' },
    // `<at>#<random>`: two reads in the same millisecond are two records.
    sortKey: { name: 'atKey', type: 'S' },
  },
  /**
   * The published public snapshot: a pointer item (`id = public`) naming the current version,
   * and that version's pages of features (`public@<version>#<n>`, ~100 features each, well
   * under the 400 KB item limit). Pages of old versions expire.
   */
  snapshots: {
    partitionKey: { name: 'id', type: 'S' },
    ttlAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableDef>;

export type TableKey = keyof typeof TABLES;

/** Environment variable that carries a table's physical name, e.g. `TABLE_TIPS`. */
export function tableEnvName(key: TableKey): string {
  return `TABLE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
