/** Plain text similarity (similarity.ts): trigrams of the words of four letters or more, Jaccard. */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { similarity, trigramsOf } from '../../src/domain/dedup/similarity.js';

describe('trigrams', () => {
  it('pads each word with a space on either side', () => {
    expect([...trigramsOf(['caldera'])].sort()).toEqual([' ca', 'ald', 'cal', 'der', 'era', 'lde', 'ra '].sort());
  });
  it('leaves out words of three letters or fewer', () => expect(trigramsOf(['no', 'va', 'el']).size).toBe(0));
  it('a gist has the trigrams of its normalised words', () => expect(gistOf('la calefacción').trigrams).toEqual(gistOf('la calefaccion').trigrams));
});

describe('similarity', () => {
  const sim = (a: string, b: string) => similarity(gistOf(a).trigrams, gistOf(b).trigrams);
  it.each([
    ['la calefacción no funciona', 'la calefaccion no funciona', 1, 1], // accents folded
    ['centrala nu porneste', 'centralei nu porneste', 0.5, 1], // an inflection
    ['the walk-in chiller is warm', 'chiller by the door warm again', 0.2, 1],
    ['la caldera no enciende', 'the broadband is down', 0, 0.05], // nothing in common
    ['', 'la caldera no enciende', 0, 0], // nothing to compare
  ])('%s ~ %s in [%d, %d]', (a, b, low, high) => {
    const s = sim(a, b);
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
  });
  it('is symmetric', () => expect(sim('calefacción central', 'central heating')).toBe(sim('central heating', 'calefacción central')));
});
