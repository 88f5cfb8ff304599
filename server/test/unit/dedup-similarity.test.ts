/** Plain text similarity (similarity.ts): pg_trgm-style trigrams of the topical words, Jaccard, against the most alike request of an incident. */
import { describe, expect, it } from 'vitest';
import { similarity, similarityToAny, trigramsOf } from '../../src/domain/dedup/similarity.js';

describe('trigrams', () => {
  it('pads each word as pg_trgm does: two spaces before, one after', () => {
    expect([...trigramsOf('caldera')].sort()).toEqual(['  c', ' ca', 'ald', 'cal', 'der', 'era', 'lde', 'ra '].sort());
  });
  it.each([
    ['Hola, buenos días, gracias', 0], // greetings and closings only
    ['no va el', 0], // short words
    ['2026 11 30', 0], // numbers alone
  ])('%s has %i topical trigrams', (text, n) => expect(trigramsOf(text).size).toBe(n));
  it('keeps codes mixing letters and digits ("F28", "E7")', () => expect(trigramsOf('error F28').has('f28')).toBe(true));
});

describe('similarity', () => {
  const sim = (a: string, b: string) => similarity(trigramsOf(a), trigramsOf(b));
  it.each([
    ['la calefacción no funciona', 'la calefaccion no funciona', 1, 1], // accents folded
    ['centrala nu porneste', 'centralei nu porneste', 0.6, 1], // an inflection
    ['el calentador gotea', 'el calentdor gotea', 0.6, 1], // a typo
    ['the walk-in chiller is warm', 'chiller by the door warm again', 0.3, 1],
    ['la caldera no enciende', 'the broadband is down', 0, 0.05], // nothing in common
    ['', 'la caldera no enciende', 0, 0], // nothing to compare
  ])('%s ~ %s in [%d, %d]', (a, b, low, high) => {
    const s = sim(a, b);
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
  });
  it('is symmetric', () => expect(sim('calefacción central', 'central heating')).toBe(sim('central heating', 'calefacción central')));
  it('against an incident, the most alike of its requests counts', () => {
    const mine = trigramsOf('multideck chiller warm');
    const theirs = [trigramsOf('any news?'), trigramsOf('the multideck chiller is warm'), trigramsOf('engineer booked 13:00')];
    expect(similarityToAny(mine, theirs)).toBe(similarity(mine, theirs[1]!));
    expect(similarityToAny(mine, [])).toBe(0);
  });
});
