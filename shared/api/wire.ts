/**
 * The HTTP API's response bodies, typed once: the API routes return them and the web app's
 * endpoint functions (`web/src/api.ts`) read them. Field names follow the public contract
 * (`../shared/docs/contract.md`); additions are optional, so older clients keep working.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
  AdminArea,
  AlertReason,
  AlertStatus,
  GeocodeResult,
  HotspotHistoryEntry,
  HotspotTrend,
  RiskLevel,
  TipCategory,
  Tip,
  TipStatusChange,
  Volunteer,
} from '../types.js';

/** Every error: a 4xx for what the client got wrong, a 5xx that never echoes internals. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** `GET /api/health`. */
export interface HealthBody {
  ok: true;
}

/** A page of a list; pass `next` back as `?next=` for the following page. */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** `POST /api/tips` → 201. */
export interface TipCreated {
  id: string;
  /** A short code the tipster can quote to the 1300 hotline (e.g. `PT-7K3M-Q2XD`). */
  reference: string;
  receivedAt: string;
  geocode: GeocodeResult;
}

/** Where a place lies at sea: the nearest tambon and the distance to its centroid. */
export interface SeaNote {
  /** Kilometres from the point to the nearest tambon centroid. */
  nearestKm: number;
}

/** Names and codes of a hotspot's place; at sea, the nearest tambon with `sea`. */
export type PlaceAdmin = AdminArea & { sea?: SeaNote };

/**
 * Public hotspot properties (from the published snapshot). Times are the start of the
 * Asia/Bangkok day, categories below three tips are folded into `other`, and the polygon is
 * drawn on a coarse grid: nothing here locates or dates a single tip.
 */
export interface PublicHotspotProperties {
  id: string;
  riskLevel: RiskLevel;
  tipCount: number;
  /** Start of the Asia/Bangkok day of the first tip, ISO 8601 (UTC). */
  firstSeen: string;
  /** Start of the Asia/Bangkok day of the latest tip, ISO 8601 (UTC). */
  lastSeen: string;
  admin: PlaceAdmin;
  categories: Partial<Record<TipCategory, number>>;
  trend?: HotspotTrend;
  /** Gi* confidence, percent, that this is a statistically significant cluster (90, 95, 99), or 0. */
  giConfidence?: number;
}

export type PublicHotspotFeature = Feature<Polygon | MultiPolygon, PublicHotspotProperties>;

/** `GET /api/hotspots`: the published snapshot. */
export interface PublicHotspotCollection extends FeatureCollection<Polygon | MultiPolygon, PublicHotspotProperties> {
  /** When this snapshot was published, ISO 8601 (the age of the data). */
  publishedAt: string;
  /** Edge of the grid cells the shapes are drawn on, km. */
  gridKm: number;
}

/** `GET /api/hotspots/{id}`: where an SMS link to a hotspot leads now. */
export interface HotspotLinkBody {
  id: string;
  /**
   * `active`: in the snapshot; `merged`: `currentId` (in the snapshot) is its successor;
   * `pending`: a risk area too new for the public map, shown at the next publication
   * (`nextPublicationAt`); `ended`: no longer a risk area.
   */
  state: 'active' | 'merged' | 'pending' | 'ended';
  currentId?: string;
  /** When the next snapshot is due (state `pending`). */
  nextPublicationAt?: string;
}

/** `GET /api/zones/check`. */
export interface ZoneCheckBody {
  inRiskZone: boolean;
  riskLevel: RiskLevel | null;
  hotspotId?: string;
  nearestHotspotKm: number | null;
  admin: PlaceAdmin | null;
  /** The snapshot the answer comes from (the age of the data). */
  snapshotAt: string;
}

/** `GET /api/coordinator/hotspots`: live hotspots at full precision. */
export interface CoordinatorHotspotProperties {
  id: string;
  riskLevel: RiskLevel;
  riskScore: number;
  tipCount: number;
  reporterCount: number;
  urgentTipCount: number;
  firstSeen: string;
  lastSeen: string;
  centroid: { lat: number; lon: number };
  admin: PlaceAdmin;
  categories: Partial<Record<TipCategory, number>>;
  trend: HotspotTrend;
  giZ: number;
  giConfidence: number;
  history: HotspotHistoryEntry[];
  mergedFrom?: string[];
  splitFrom?: string;
  /** Whether the public snapshot shows it (at least 3 tips). */
  public: boolean;
}

export type CoordinatorHotspotCollection = FeatureCollection<Polygon | MultiPolygon, CoordinatorHotspotProperties>;

/** A tip in the coordinator list: text and exact place, never contact data. */
export type TipListItem = Pick<
  Tip,
  | 'id'
  | 'reference'
  | 'receivedAt'
  | 'text'
  | 'category'
  | 'channel'
  | 'status'
  | 'occurredAt'
  | 'location'
  | 'address'
  | 'geocode'
  | 'lat'
  | 'lon'
  | 'urgent'
  | 'outsideServiceArea'
  | 'reviewedAt'
> & {
  /** Whether the reporter left a contact (the contact itself is only in the detail). */
  hasContact: boolean;
};

/** One review status change. */
export type { TipStatusChange };

/** `GET /api/tips/{id}`: the detail, contact decrypted; the read is audited. */
export interface TipDetail extends TipListItem {
  contact?: { phone: string; consentToContact: boolean };
  statusHistory: TipStatusChange[];
}

/** `GET /api/tips/{id}/audit` items. */
export interface TipAuditEntry {
  at: string;
  /** The coordinator (Cognito username, or `token` locally). */
  by: string;
  /** What was shown, e.g. `detail: text, exact place, contact`. */
  what: string;
}

/**
 * `GET /api/volunteers` items and `POST`/`PATCH` answers: the volunteer as stored, every
 * field (a coordinator manages the registry; nothing in it is secret from them).
 */
export type VolunteerProfile = Volunteer;

/** An alert as the coordinator sees it (`GET /api/alerts`, a volunteer's delivery log). */
export interface AlertView {
  id: string;
  volunteerId: string;
  hotspotId: string;
  reason: AlertReason;
  riskLevel: RiskLevel;
  message: string;
  segments: number;
  status: AlertStatus;
  /** Why it was suppressed (`opted_out`, `daily_cap`, …). */
  suppressedReason?: string;
  /** Why it failed or was not delivered (the provider's error or receipt code). */
  failureReason?: string;
  /** The channel it went over (`sms`). */
  messageChannel?: string;
  createdAt: string;
  updatedAt?: string;
  sentAt?: string;
  deliveredAt?: string;
  attempts?: number;
}

/** `GET /api/volunteers/{id}`. */
export interface VolunteerDetail extends VolunteerProfile {
  alerts: AlertView[];
}

/** `POST /api/opt-out` → 202, whatever the number. */
export interface OptOutAccepted {
  ok: true;
}

/** `POST /api/opt-out/confirm` → 200. */
export interface OptOutConfirmed {
  ok: true;
}
