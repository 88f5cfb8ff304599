/**
 * One trade's share of the equipment vocabulary (equipment.ts merges them): concepts with their words in
 * es/en/ro, spelled as vocabulary.ts describes (a stem, 'prefix*', '=exact'), and the families its
 * concepts belong to. A concept named in several trades, or already in equipment.ts, gets all their words;
 * a family named in several gets all its members. Pure data.
 */
import type { Vocabulary } from '../vocabulary.js';

export interface Trade {
  equipment: Vocabulary;
  families?: Record<string, readonly string[]>;
}
