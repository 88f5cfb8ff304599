/** How phones write (shorthand.ts, spelling.ts): chat abbreviations, held letters and typing slips, read as the words meant. */
import { describe, expect, it } from 'vitest';
import { gistOf, normalizeText, stem } from '../../src/domain/dedup/index.js';
import { expandWord } from '../../src/domain/dedup/shorthand.js';
import { corrected, lexiconOf, oneSlip } from '../../src/domain/dedup/spelling.js';

describe('chat abbreviations and held letters', () => {
  it.each([
    ['q', 'que'],
    ['xq', 'porque'],
    ['x', 'por'],
    ['tb', 'tambien'],
    ['pt', 'pentru'],
    ['wen', 'when'],
    ['pls', 'please'],
    ['thx', 'thanks'],
    ['nooo', 'no'],
    ['friooo', 'frio'],
    ['coffee', 'coffee'], // a doubled letter is spelling
    ['ta', 'ta'], // thanks in English, "your" in Romanian: left alone
  ])('%s -> %s', (word, meant) => expect(expandWord(word)).toBe(meant));

  it('texts and vocabulary entries are expanded alike', () => expect(normalizeText('X favor, ¿a q hora?')).toBe(' por favor a que hora '));

  it.each([
    ['a q hora venis??', 'followUp', true],
    ['wen is the engineer coming', 'followUp', true],
    ['tb gotea el grifo de la cocina', 'anotherProblem', true],
    ['tb x whatsapp', 'anotherProblem', false],
    ['noooo funcionaaa la calderaaa', 'resolved', false],
  ] as const)('%s: %s is %s', (text, cue, value) => expect(gistOf(text)[cue]).toBe(value));

  it('held letters do not hide the equipment', () => expect([...gistOf('la calderaaa no vaaa').equipment]).toContain('boiler'));
});

describe('typing slips', () => {
  it.each([
    ['centarl', 'central', true], // two neighbours swapped
    ['calentdor', 'calentador', true], // a letter left out
    ['boileer', 'boiler', true], // a letter typed twice
    ['heating', 'heating', false], // equal
    ['hearing', 'heating', false], // a changed letter is another word
    ['calentadores', 'calentador', false], // two letters
  ])('%s one slip from %s: %s', (typed, meant, yes) => expect(oneSlip(typed, meant)).toBe(yes));

  const lexicon = lexiconOf(['ascensor', 'frigider', 'calentador', '=boiler', 'radiat*', 'calor']);
  it.each([
    ['ascesnor', 'ascensor'],
    ['frigidre', 'frigider'],
    ['calentdor', 'calentador'],
    ['boileer', 'boiler'],
    ['radiatoare', 'radiatoare'], // a prefix the vocabulary knows: left alone
    ['colr', 'colr'], // short words are too close to guess
    ['ascensores', 'ascensores'], // known by its stem
    ['escensor', 'escensor'], // another first letter
  ])('%s -> %s', (typed, meant) => expect(corrected(typed, lexicon)).toBe(meant));

  it.each([
    ['El ascesnor no funciona', 'lift'],
    ['Frigidreul nu mai raceste', 'fridge'],
    ['el calentdor no enciende', 'hotwater'],
  ])('%s -> %s', (text, equipment) => expect([...gistOf(text).equipment]).toContain(equipment));

  it('a real word near a vocabulary word is left alone ("hearing" is not the heating)', () => expect([...gistOf('The hearing loop in the hall is not working').equipment]).not.toContain('heating'));

  it('the Romanian article -a: "presiunea" and "presiune" share a stem', () => expect(stem('presiunea')).toBe(stem('presiune')));
});
