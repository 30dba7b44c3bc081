/**
 * Domain types shared by every layer. Coordinates are `{lat, lon}` in objects and
 * `[lon, lat]` only inside GeoJSON.
 */
import type { Polygon, MultiPolygon } from 'geojson';

/** Tip categories of the public contract (docs/contract.md, "Tip categories"). */
export const TIP_CATEGORIES = [
  'labour_exploitation',
  'sexual_exploitation',
  'child_labour',
  'forced_begging',
  'forced_fishing',
  'debt_bondage',
  'document_confiscation',
  'cross_border_movement',
  'other',
] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];

/** Intake channels of the public contract. */
export const CHANNELS = ['web', 'app', 'sms', 'hotline', 'volunteer'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A WGS84 point. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Names and TIS-1099 codes of a place, down to the precision reached. */
export interface AdminArea {
  provinceCode?: string;
  province?: string;
  amphoeCode?: string;
  amphoe?: string;
  tambonCode?: string;
  tambon?: string;
  /**
   * Set when the point lies off land (at sea, or across a border) but inside the service
   * area: the names are those of the nearest tambon, `nearestKm` away (km, to its centroid).
   */
  sea?: { nearestKm: number };
}

export type GeocodePrecision = 'point' | 'tambon' | 'amphoe' | 'province' | 'none';

/** The contract's geocode result; `precision: 'none'` carries nothing else. */
export interface GeocodeResult {
  precision: GeocodePrecision;
  lat?: number;
  lon?: number;
  confidence?: number;
  admin?: AdminArea;
  /** Other readings of ambiguous text, best first. */
  alternatives?: GeocodeResult[];
  /** Reverse geocoding: km from the point to the centroid of the tambon returned. */
  distanceKm?: number;
  /** Reverse geocoding: false when the point lies outside Thailand. */
  inThailand?: boolean;
}

export const TIP_STATUSES = ['new', 'verified', 'referred', 'dismissed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** One change of a tip's review status. */
export interface TipStatusChange {
  at: string;
  /** The coordinator who made it (Cognito username, or `token` locally). */
  by: string;
  status: TipStatus;
  /** Why, in the coordinator's words (at most 500 characters). */
  note?: string;
}

/** A stored tip. `contact` is coordinator-only, encrypted at rest and never logged. */
export interface Tip {
  id: string;
  /** A short code the tipster can quote to the 1300 hotline. */
  reference: string;
  receivedAt: string;
  text: string;
  category: TipCategory;
  channel: Channel;
  status: TipStatus;
  occurredAt?: string;
  /** Exact point given by the reporter (GPS); absent for address-only tips. */
  location?: LatLon & { accuracyM?: number };
  address?: string;
  geocode: GeocodeResult;
  contact?: { phone: string; consentToContact: boolean };
  /** The reporter left a contact (set on reads that do not open it). */
  hasContact?: boolean;
  /** True when the text or category marks immediate danger (drives `urgent_tip` alerts). */
  urgent: boolean;
  /**
   * Where the tip is clustered: its GPS point, coordinates in its text, or its tambon's
   * centroid. Absent when the place is coarser, or outside the service area.
   */
  lat?: number;
  lon?: number;
  /** The place lies outside the service area: stored, but never clustered, public or texted. */
  outsideServiceArea?: boolean;
  /** Keyed hash of the reporter's contact, for counting distinct reporters (no identity). */
  reporterKey?: string;
  /** When a coordinator last set `status`. */
  reviewedAt?: string;
  /** Every review status change, oldest first. */
  statusHistory?: TipStatusChange[];
}

/** The part of a tip that clustering needs: no text, no contact. */
export interface ClusterTip {
  id: string;
  lat: number;
  lon: number;
  receivedAt: string;
  category: TipCategory;
  admin?: AdminArea;
  urgent?: boolean;
  /** Opaque hash of the reporter (no identity), for counting distinct reporters in risk scores. */
  reporterKey?: string;
  /** Review status; a `dismissed` tip no longer counts towards any hotspot. */
  status?: TipStatus;
}

export type HotspotStatus = 'active' | 'retired';

/** Trend classes of a hotspot across time windows (see `shared/hotspots/trend.ts`). */
export type HotspotTrend = 'new' | 'intensifying' | 'persistent' | 'diminishing';

/** One line of a hotspot's history. */
export interface HotspotHistoryEntry {
  at: string;
  event: 'created' | 'changed' | 'merged' | 'split';
  tipCount: number;
  riskLevel: RiskLevel;
  /** Hotspots merged into this one, or the hotspot it split from. */
  from?: string[];
}

/** A hotspot as stored; `memberTipIds` never leaves the coordinator side. */
export interface Hotspot {
  id: string;
  status: HotspotStatus;
  riskLevel: RiskLevel;
  riskScore: number;
  tipCount: number;
  categories: Partial<Record<TipCategory, number>>;
  firstSeen: string;
  lastSeen: string;
  centroid: LatLon;
  geometry: Polygon | MultiPolygon;
  /** The polygon's box, `[minLon, minLat, maxLon, maxLat]` (finding nearby hotspots without the rings). */
  bbox?: [number, number, number, number];
  admin: AdminArea;
  /** The member tips, by id (the engine matches clusters to hotspots by them). */
  memberTipIds: string[];
  /**
   * The `tipCell` of each member, parallel to `memberTipIds`: the store keeps membership in
   * pages per cell, so an update reads only the cells it works in. Absent when unknown.
   */
  memberCells?: string[];
  createdAt: string;
  updatedAt: string;
  /** Distinct reporters among the members (tips without a contact count one each). */
  reporterCount?: number;
  /** Members flagged urgent; growth sends an `urgent_tip` alert. */
  urgentTipCount?: number;
  trend?: HotspotTrend;
  /** Getis-Ord Gi* z-score of the hotspot's hexagons. */
  giZ?: number;
  /** Confidence of Gi* significance: 0.99, 0.95, 0.9, or 0 when not significant. */
  giConfidence?: number;
  /** Hotspots this one absorbed, newest last. */
  mergedFrom?: string[];
  /** The hotspot this one split from. */
  splitFrom?: string;
  /** Set on a retired hotspot that merged into another. */
  mergedInto?: string;
  history?: HotspotHistoryEntry[];
}

/**
 * A hotspot without its member lists, as maps, links and alerts read it (a store reads the
 * lists only for the engine: they are the bulk of a hotspot).
 */
export type HotspotSummary = Omit<Hotspot, 'memberTipIds' | 'memberCells'>;

export const LANGUAGES = ['th', 'ms', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface QuietHours {
  /** Local Asia/Bangkok time, `HH:MM`. */
  start: string;
  end: string;
}

export interface Volunteer {
  id: string;
  name: string;
  /** E.164, normalised at the edge. */
  phone: string;
  location: LatLon;
  radiusKm: number;
  language: Language;
  quietHours?: QuietHours;
  status: 'active' | 'opted_out';
  createdAt: string;
  updatedAt: string;
}

export const ALERT_REASONS = ['new_hotspot', 'escalated', 'urgent_tip', 'test'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];
/**
 * `queued` (claimed, waiting to go), `sent` (the provider accepted it), `delivered` /
 * `undelivered` (the carrier's receipt), `failed` (never accepted: see its reason),
 * `suppressed` (the policy held it back: opted out, daily cap, duplicate).
 */
export const ALERT_STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'suppressed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** One alert message the system sent or tried to send, over one channel. */
export interface Alert {
  id: string;
  volunteerId: string;
  hotspotId: string;
  reason: AlertReason;
  riskLevel: RiskLevel;
  /** The channel it goes over (`sms`); absent on records written before channels existed. */
  messageChannel?: 'sms';
  message: string;
  /** Parts the message costs on its channel (SMS segments). */
  segments: number;
  status: AlertStatus;
  suppressedReason?: string;
  /** Why it failed or was not delivered: the provider's error or receipt code. */
  failureReason?: string;
  createdAt: string;
  updatedAt?: string;
  sentAt?: string;
  deliveredAt?: string;
  providerMessageId?: string;
  attempts?: number;
  /** Quiet hours: when a held alert may go. */
  holdUntil?: string;
  /** A digest: the held alerts it carries. */
  digestOf?: string[];
  /** A held alert: the digest that carried it. */
  digestId?: string;
}
