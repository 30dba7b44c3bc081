/** A place name found in the query text, before the hierarchy is resolved. */
import type { Level } from './gazetteer.js';

/** One mention: candidate places and, when a marker preceded it, the level it names. */
export interface Mention {
  /** Candidate place indices (empty: a marked span that matched nothing exactly). */
  ids: number[];
  /** Level named by a marker (ต./อ./จ., tambon/amphoe/province...), null when unmarked. */
  level: Level | null;
  /** Span in the scanned string (compact Thai or the Latin word list). */
  start: number;
  end: number;
  script: 'th' | 'latin';
  /** Edit distance of a fuzzy match (0 for exact). */
  fuzzy: number;
  /** Unmarked mention that may stand alone (word-aligned, long enough, not a common word). */
  standalone?: boolean;
  /** Thai: the match differs from the official name only in tone marks. */
  toneMismatch?: boolean;
  /** Places the alias table gives for this name (a town or colloquial name may stand alone). */
  aliasIds?: number[];
  /** Marked Thai mention whose exact match stops before the marked span does. */
  spanEnd?: number;
  /** Unmarked and an everyday word as well as a name (ตลาด, ท่าเรือ): not read as a place. */
  common?: boolean;
  /** Unmarked Thai in prose: as a tambon it needs its amphoe named too. */
  prose?: boolean;
  /** Marked by a word that is also common prose (เขต "area"): exact names only, no fuzzy. */
  weakMarker?: boolean;
  /** Supports readings but never proposes one (a postcode: its amphoes). */
  supportOnly?: boolean;
  /** Latin: followed by "town" or "city" ("Pattani town" = the capital district). */
  town?: boolean;
}
