/**
 * Words as the duplicate rules match them: normalised text, a light stemmer for es/en/ro, and vocabulary
 * tables (vocabulary.ts, equipment.ts) compiled and matched word by word, longest phrase first. Pure.
 */
import type { Vocabulary } from './vocabulary.js';
import { expandShorthand } from './shorthand.js';

/**
 * Lower case, no diacritics, no apostrophes ("isn't" is 'isnt'), other punctuation as spaces; '/' kept
 * ("c/", "a/c"); chat abbreviations expanded ("q" is 'que', "pls" 'please', see shorthand.ts).
 */
export function normalizeText(text: string): string {
  return ` ${expandShorthand(
    stripMarks(text)
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9/]+/g, ' ')
      .trim(),
  )} `;
}

export const stripMarks = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Romanian definite articles and plural endings, longest first ('caloriferele' -> 'calorifer', 'centralei' -> 'central', 'presiunea' -> 'presiun'). */
const RO_ENDINGS = ['urilor', 'urile', 'ului', 'ilor', 'elor', 'ele', 'ile', 'lor', 'uri', 'ul', 'le', 'ii', 'ei', 'ea'];

/**
 * A light stemmer for es/en/ro at once: one Romanian article or plural ending, then a plural -es/-s, then a
 * final vowel (Spanish gender, Romanian feminine), keeping at least three letters. Not a linguistic stem,
 * a consistent one: 'radiadores' and 'radiador', 'caliente' and 'calienta', 'fría' and 'frío', 'centrala'
 * and 'centralei', "boiler's" and 'boilerul' meet; short words and numbers are left alone.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  const ro = RO_ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 3);
  if (ro) w = w.slice(0, -ro.length);
  // English -ing / -ed ("leaking", "leaked", "stopped", "tripping"), a doubled consonant undone, at least three letters left.
  const en = w.match(/^(.{3,}?)(?:ing|ed)$/);
  if (!ro && en) {
    w = en[1]!;
    if (/([b-df-hj-km-np-rtv-y])\1$/.test(w)) w = w.slice(0, -1);
    return w.length >= 4 && /[aeiou]$/.test(w) ? w.slice(0, -1) : w;
  }
  if (w.endsWith('es') && w.length >= 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length >= 4) w = w.slice(0, -1);
  if (/[aeiou]$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** One word of a vocabulary entry (see vocabulary.ts): a stem, a prefix ('calefac*') or an exact word ('=tele'). */
type Part = { kind: 'stem' | 'prefix' | 'exact'; value: string };
interface Entry {
  concept: string;
  parts: Part[];
}

const partMatches = (p: Part, word: string, stemmed: string) => (p.kind === 'stem' ? stemmed === p.value : p.kind === 'prefix' ? word.startsWith(p.value) : word === p.value);

/** An entry's words: '=' before a word makes it exact, '*' after it a prefix; the rest is normalised like the text. */
function partsOf(phrase: string): Part[] {
  return phrase.split(' ').flatMap((token) => {
    const exact = token.startsWith('=');
    const prefix = token.endsWith('*');
    const words = normalizeText(token.replace(/^=|\*$/g, '')).trim().split(' ').filter(Boolean);
    return words.map((w, i) => (exact && i === 0 ? { kind: 'exact', value: w } : prefix && i === words.length - 1 ? { kind: 'prefix', value: w } : { kind: 'stem', value: stem(w) }) as Part);
  });
}

/** A table's entries, compiled once per table object (tables are module constants; a WeakMap keeps none alive). */
const compiled = new WeakMap<object, Entry[]>();
function entriesOf(table: Vocabulary | readonly string[]): Entry[] {
  let entries = compiled.get(table);
  if (!entries) {
    const pairs: [string, string][] = Array.isArray(table) ? table.map((p): [string, string] => ['yes', p]) : Object.entries(table as Vocabulary).flatMap(([c, ps]) => ps.map((p): [string, string] => [c, p]));
    entries = pairs.map(([concept, phrase]) => ({ concept, parts: partsOf(phrase) })).sort((a, b) => b.parts.length - a.parts.length);
    compiled.set(table, entries);
  }
  return entries;
}

/** A run of words (a clause, a text) with their stems. */
export interface Words {
  words: string[];
  stems: string[];
  /** Index keys of each word (see indexOf), computed once. */
  keys: { stem: string; exact: string; prefix: string }[];
}
export const wordsOf = (text: string): Words => {
  const words = normalizeText(text).trim().split(' ').filter(Boolean);
  const stems = words.map(stem);
  return { words, stems, keys: words.map((w, i) => ({ stem: `stem:${stems[i]}`, exact: `exact:${w}`, prefix: w.slice(0, 3) })) };
};

/** A table's entries by the first word they can start at: stems and exact words by value, prefixes by their first three letters. */
const indexes = new WeakMap<object, { byWord: Map<string, Entry[]>; byPrefix: Map<string, Entry[]>; shortPrefixes: Entry[] }>();
function indexOf(table: Vocabulary | readonly string[]) {
  let index = indexes.get(table);
  if (!index) {
    const add = (m: Map<string, Entry[]>, key: string, e: Entry) => void m.set(key, [...(m.get(key) ?? []), e]);
    index = { byWord: new Map(), byPrefix: new Map(), shortPrefixes: [] };
    for (const e of entriesOf(table)) {
      const first = e.parts[0]!;
      if (first.kind !== 'prefix') add(index.byWord, `${first.kind}:${first.value}`, e);
      else if (first.value.length >= 3) add(index.byPrefix, first.value.slice(0, 3), e);
      else index.shortPrefixes.push(e);
    }
    indexes.set(table, index);
  }
  return index;
}

/** Where each entry of a table matches, longest first, each word taken by one entry only. */
export function matchTable(w: Words, table: Vocabulary | readonly string[]): { concept: string; at: number; length: number }[] {
  const index = indexOf(table);
  const candidates: { e: Entry; at: number }[] = [];
  const collect = (entries: Entry[] | undefined, at: number) => {
    if (entries) for (const e of entries) candidates.push({ e, at });
  };
  for (let i = 0; i < w.words.length; i++) {
    const k = w.keys[i]!;
    collect(index.byWord.get(k.stem), i);
    collect(index.byWord.get(k.exact), i);
    collect(index.byPrefix.get(k.prefix), i);
    collect(index.shortPrefixes, i);
  }
  if (candidates.length === 0) return [];
  // Longest first, then leftmost: "water heater" takes its words before "water" and "heater" can.
  candidates.sort((a, b) => b.e.parts.length - a.e.parts.length || a.at - b.at);
  const taken = new Array<boolean>(w.words.length).fill(false);
  const found: { concept: string; at: number; length: number }[] = [];
  for (const { e, at } of candidates) {
    const n = e.parts.length;
    if (at + n > w.words.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = !taken[at + k] && partMatches(e.parts[k]!, w.words[at + k]!, w.stems[at + k]!);
    if (!ok) continue;
    for (let k = 0; k < n; k++) taken[at + k] = true;
    if (e.concept !== '-') found.push({ concept: e.concept, at, length: n });
  }
  return found;
}
export const conceptsIn = (w: Words, table: Vocabulary) => new Set(matchTable(w, table).map((m) => m.concept));
/** Does the text use any of these words or phrases (matched like vocabulary entries)? The first match answers. */
export function says(w: Words, phrases: readonly string[]): boolean {
  const index = indexOf(phrases);
  const matchesAt = (entries: Entry[] | undefined, at: number) =>
    entries?.some((e) => at + e.parts.length <= w.words.length && e.parts.every((p, k) => partMatches(p, w.words[at + k]!, w.stems[at + k]!))) ?? false;
  for (let i = 0; i < w.words.length; i++) {
    const k = w.keys[i]!;
    if (matchesAt(index.byWord.get(k.stem), i) || matchesAt(index.byWord.get(k.exact), i) || matchesAt(index.byPrefix.get(k.prefix), i) || matchesAt(index.shortPrefixes, i)) return true;
  }
  return false;
}
