/**
 * What the technician found: "ya funciona, era el calderín sin aire", "it was the power supply of the
 * controller", "found a faulty immersion element; power fine now", "s-a rezolvat, era vasul de expansiune".
 * A message that tells of a fix names the cause after such words, and the cause is a part of what broke, not
 * another problem: its words say why, not what. Pure.
 */
import { matchTable, type Words } from './match.js';

/** Words that introduce the cause found, in past forms (a fault report's "creo que es la bomba" is a guess, left alone). */
export const CAUSE_FOUND: readonly string[] = [
  // "Era" alone: Spanish "era el calderín", Romanian "era vasul" (the article is the word's ending).
  '=era', '=erau', 'el problema era', 'la averia era', 'el fallo era', 'resulto ser', 'resulta que era',
  'ha encontrado', 'encontro', 'encontraron',
  'it was the', 'it was a', 'it was just the', 'it was only the', 'was caused by', 'turned out', 'the problem was', 'the fault was', 'the issue was', 'the culprit was',
  'found a', 'found the', 'found that',
  'a fost de la', 'a fost din cauza', 'problema a fost', 'cauza a fost', 'a gasit', 'au gasit',
  // Not the plain "because" ("por culpa de", "debido a", "caused by", "din cauza"): a fault report says why too.
];
const CAUSES = { cause: CAUSE_FOUND };

/**
 * The word positions, in clauses that tell of the cause found, from the cause words to the end of the clause
 * ('§' ends a clause in the gist's run of words): equipment matched there is a part, not what the request is about.
 */
export function causePositions(w: Words): Set<number> {
  const out = new Set<number>();
  // From the first cause words of each clause to its end, each position once (leftmost first: no rescans).
  for (const m of matchTable(w, CAUSES).sort((a, b) => a.at - b.at)) {
    for (let i = m.at + m.length; i < w.words.length && w.words[i] !== '§' && !out.has(i); i++) out.add(i);
  }
  return out;
}
