/**
 * Plain text similarity, whatever the language and whether or not the vocabulary knows the words: the
 * character trigrams of a text's words, compared by Jaccard (as PostgreSQL's pg_trgm does). Taken over the
 * normalised, spell-checked words (lower case, no diacritics, chat abbreviations expanded, see match.ts), so
 * "calefacción"/"calefaccion", "centrala"/"centralei" and a typo ("calefacion") still share most of their
 * trigrams. Only words of four letters or more take part: short ones ("no", "el", "la") are in every
 * message. An incident's trigrams are those of all its requests. Pure.
 *
 * One set per gist: a second, "topical" set (greetings and filler left out, compared with the most alike
 * request of an incident) was tried for requests naming no known equipment and changed no decision on the
 * labelled or unseen sets; it was removed.
 */

/** The trigrams of words of four letters or more, each word padded with a space on either side (" cal", …, "ra "). */
export function trigramsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (w.length >= 4) for (let i = 0; i + 3 <= w.length + 2; i++) out.add(` ${w} `.slice(i, i + 3));
  return out;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of the two (0 when either has none). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}
