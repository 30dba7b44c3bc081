/**
 * Tips as flat columns, the form the engine computes on: one typed array per numeric field,
 * categories, reporters and places interned to small integers, ids in one string array. A
 * million tips take ~40 bytes each here (plus their ids), against ~300 as `ClusterTip`
 * objects, so the full recomputation can read the window page by page (read-window.ts)
 * instead of holding every tip object. The object paths (`recomputeHotspots`,
 * `updateAround`) pack their tips into the same columns, so both compute alike.
 */
import type { AdminArea, ClusterTip, TipCategory } from '../types.js';
import { StringIndex } from './string-index.js';
import { isoMs } from './time.js';

/** Tips in columns; index `i` is one tip in every column. */
export interface TipColumns {
  readonly length: number;
  readonly ids: readonly string[];
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** `receivedAt` in epoch milliseconds. */
  readonly receivedMs: Float64Array;
  /** Index into `categories`. */
  readonly category: Uint16Array;
  readonly categories: readonly TipCategory[];
  /** 1 when the tip is flagged urgent. */
  readonly urgent: Uint8Array;
  /** Interned `reporterKey`, -1 when absent; `reporterKinds` distinct keys in all. */
  readonly reporter: Int32Array;
  readonly reporterKinds: number;
  /** Index into `admins`, -1 when the tip has no place. */
  readonly admin: Int32Array;
  readonly admins: readonly AdminArea[];
  /** The `receivedAt` text of each tip (kept as written when it is not the canonical ISO form). */
  receivedAt(i: number): string;
}

/** Grows columns one tip at a time; `finish` trims them. */
export class TipColumnsBuilder {
  private n = 0;
  private ids: string[] = [];
  private lat = new Float64Array(1024);
  private lon = new Float64Array(1024);
  private ms = new Float64Array(1024);
  private category = new Uint16Array(1024);
  private urgent = new Uint8Array(1024);
  private reporter = new Int32Array(1024);
  private admin = new Int32Array(1024);
  private readonly categoryIndex = new Map<string, number>();
  private readonly categories: TipCategory[] = [];
  private readonly reporterIndex = new StringIndex();
  // Places are few (tambons); one per distinct object content, so each keeps its own fields.
  private readonly adminIndex = new Map<string, number>();
  private readonly admins: AdminArea[] = [];
  private readonly oddTimes = new Map<number, string>();

  /** Number of tips added so far. */
  get length(): number {
    return this.n;
  }

  /** Adds one tip (its position and time as given: filter before). */
  add(t: ClusterTip, receivedMs = isoMs(t.receivedAt)): void {
    if (this.n === this.lat.length) this.grow();
    const i = this.n++;
    this.ids.push(t.id);
    this.lat[i] = t.lat;
    this.lon[i] = t.lon;
    this.ms[i] = receivedMs;
    if (!(Number.isFinite(receivedMs) && canonical(receivedMs, t.receivedAt))) this.oddTimes.set(i, t.receivedAt);
    this.category[i] = intern(this.categoryIndex, this.categories, t.category);
    this.urgent[i] = t.urgent ? 1 : 0;
    this.reporter[i] = t.reporterKey ? this.reporterIndex.intern(t.reporterKey) : -1;
    this.admin[i] = t.admin ? this.internAdmin(t.admin) : -1;
  }

  /** The columns; the builder must not be used afterwards. */
  finish(): TipColumns {
    const n = this.n;
    const oddTimes = this.oddTimes;
    const receivedMs = this.ms.slice(0, n);
    return {
      length: n,
      ids: this.ids,
      lat: this.lat.slice(0, n),
      lon: this.lon.slice(0, n),
      receivedMs,
      category: this.category.slice(0, n),
      categories: this.categories,
      urgent: this.urgent.slice(0, n),
      reporter: this.reporter.slice(0, n),
      reporterKinds: this.reporterIndex.size,
      admin: this.admin.slice(0, n),
      admins: this.admins,
      receivedAt: (i) => oddTimes.get(i) ?? new Date(receivedMs[i]).toISOString(),
    };
  }

  private internAdmin(admin: AdminArea): number {
    const key = JSON.stringify(admin);
    let k = this.adminIndex.get(key);
    if (k === undefined) {
      k = this.admins.length;
      this.adminIndex.set(key, k);
      this.admins.push(admin);
    }
    return k;
  }

  private grow(): void {
    const size = this.lat.length * 2;
    const grown = <T extends Float64Array | Uint16Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.lat = grown(this.lat, (n) => new Float64Array(n));
    this.lon = grown(this.lon, (n) => new Float64Array(n));
    this.ms = grown(this.ms, (n) => new Float64Array(n));
    this.category = grown(this.category, (n) => new Uint16Array(n));
    this.urgent = grown(this.urgent, (n) => new Uint8Array(n));
    this.reporter = grown(this.reporter, (n) => new Int32Array(n));
    this.admin = grown(this.admin, (n) => new Int32Array(n));
  }
}

/** The tips in columns, in the given order. */
export function columnsOf(tips: readonly ClusterTip[]): TipColumns {
  const b = new TipColumnsBuilder();
  for (const t of tips) b.add(t);
  return b.finish();
}

function intern<T extends string>(index: Map<string, number>, values: T[], value: T): number {
  let k = index.get(value);
  if (k === undefined) {
    k = values.length;
    index.set(value, k);
    values.push(value);
  }
  return k;
}

/**
 * Does `toISOString` give back exactly `text`? Then the text need not be kept. Checked field
 * by field (a Date round trip per tip cost 3 s a million), with the round trip only for
 * forms the quick check does not cover.
 */
function canonical(ms: number, text: string): boolean {
  if (text.length !== 24) return false;
  if (canonicalFields(text)) return true;
  return new Date(ms).toISOString() === text;
}

/** Where `YYYY-MM-DDTHH:MM:SS.sssZ` has its separators: 1 `-`, 2 `T`, 3 `:`, 4 `.`, 5 `Z`, 0 a digit. */
const LAYOUT = '000010010020030030040005';
const SEPARATOR_CODES = [0, 45, 84, 58, 46, 90];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DDTHH:MM:SS.sssZ` with every field in range (year 1000-9999), which toISOString writes back as is. */
function canonicalFields(t: string): boolean {
  for (let at = 0; at < 24; at++) {
    const kind = LAYOUT.charCodeAt(at) - 48;
    const code = t.charCodeAt(at);
    if (kind === 0 ? code < 48 || code > 57 : code !== SEPARATOR_CODES[kind]) return false;
  }
  const y = fieldOf(t, 0, 4);
  const mo = fieldOf(t, 5, 2);
  const d = fieldOf(t, 8, 2);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1];
  return d <= days && fieldOf(t, 11, 2) <= 23 && fieldOf(t, 14, 2) <= 59 && fieldOf(t, 17, 2) <= 59;
}

/** The digits of `t[from, from + len)` as a number (already checked to be digits). */
function fieldOf(t: string, from: number, len: number): number {
  let v = 0;
  for (let i = from; i < from + len; i++) v = v * 10 + t.charCodeAt(i) - 48;
  return v;
}
