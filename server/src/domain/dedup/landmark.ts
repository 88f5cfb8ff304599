/**
 * Equipment named as a landmark: "the chest freezer by the till", "la nevera junto al horno", "frigiderul de
 * lângă cuptor". It says where the broken thing stands, not what broke. Pure.
 */
import { matchTable, type Words } from './match.js';
import type { Vocabulary } from './vocabulary.js';

/** Words that place one thing next to another (not under or behind it: "water under the sink" is about the sink). */
export const NEXT_TO: readonly string[] = [
  'by the', 'by our', 'next to', 'beside', 'near the', 'near our', 'opposite the', 'across from',
  'junto a', 'junto al', 'al lado de', 'al lado del', 'cerca de', 'cerca del', 'enfrente de', 'enfrente del', 'frente a', 'frente al',
  'langa', 'de langa', 'vizavi de', 'in fata', 'aproape de',
];
/** "Pe lângă centrală" is "besides the boiler" (vocabulary.ts, BESIDES), not next to it: its words are taken first, for nothing. */
const TABLE: Vocabulary = { '-': ['pe langa'], near: NEXT_TO };
/** Articles and possessives between the preposition and the landmark ("al lado de la caldera", "next to our till"). */
const ARTICLES = new Set(['the', 'our', 'my', 'el', 'la', 'los', 'las', 'nuestro', 'nuestra', 'mi']);

/**
 * The word positions at which a landmark may start: right after a NEXT_TO phrase, or after it and an
 * article; or at the phrase's own article, which an entry may include ("by the till": 'the till').
 */
export function landmarkStarts(w: Words): Set<number> {
  const out = new Set<number>();
  for (const m of matchTable(w, TABLE)) {
    const end = m.at + m.length;
    out.add(end);
    if (ARTICLES.has(w.words[end] ?? '')) out.add(end + 1);
    if (m.length > 1 && ARTICLES.has(w.words[end - 1]!)) out.add(end - 1);
  }
  return out;
}
