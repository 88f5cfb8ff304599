/**
 * Numbered things the vocabulary does not know ("masina 3", "bazinul 3", "sera 4", "paddock 3"): read as
 * 'stem:number' (units.ts, numberedIn), not from times, dates, counts, measures, codes or house numbers. The
 * same one is evidence, another number of the same kind another problem, and a message naming one is no
 * plain chaser.
 */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { isChaser } from '../../src/domain/dedup/chaser.js';
import { incident, judge, req, type Case } from './dedup-fixtures.js';

const numbered = (text: string) => [...gistOf(text).numbered];

describe('numbered things', () => {
  it.each([
    ['masina 3 tot face cuburi mici', ['masin:3']],
    ['iar s-a oprit aeratorul la bazinul 3', ['bazin:3']],
    ['sera 4 merge, a schimbat releul', ['ser:4']],
    ['The fence on paddock 3 is dead', ['paddock:3']],
    ['La cabina nr 3 no va', ['cabin:3']],
  ])('%s: %j', (text, expected) => expect(numbered(text)).toEqual(expected));

  it.each([
    ['desde las 9 no hay luz en calle Mayor 3'],
    ['llevamos 3 dias sin agua'],
    ['the lift 2 days ago'],
    ['Avda. de Dílar 52, bajo'],
    ['a las 10 vienen'],
    ['tenemos 2 neveras sin frío'],
    ['error 28 on the screen'],
    ['programat pe 3 iulie'],
    ['Lavadora 3 no desagua'],
    // A day, a reference, a wait, a verb's count, a floor: no numbered thing.
    ['La caldera no funciona desde el dia 10'],
    ['any news? waited 45 mins already'],
    ['its been 2 months'],
    ['we have 3 guests and no hot water'],
    ['ticket 45 still open, ref 12'],
    ['llevo esperando 20 minutos'],
    ['El ascensor esta parado en la planta 3'],
    ['The lift is stuck on floor 3'],
  ])('%s: none (a time, count, measure, code, house number, or known equipment, whose unit units.ts reads)', (text) => expect(numbered(text)).toEqual([]));

  it('a message naming one is no plain chaser', () => {
    expect(isChaser(gistOf('masina 3 tot face cuburi mici'))).toBe(false);
    expect(isChaser(gistOf('tot nu merge, vine cineva?'))).toBe(true);
  });

  const cases: Case[] = [
    {
      name: 'another day of the month is no other problem (es)',
      request: req('Hoy dia 12 y la caldera sigue sin funcionar', { hours: 48 }),
      open: [incident('boiler', ['La caldera no funciona desde el dia 10'])],
      action: 'join',
    },
    {
      name: 'the lift stopped at another floor is the same lift (en)',
      request: req('The lift is still stuck, now on floor 5'),
      open: [incident('lift', ['The lift is stuck on floor 3'])],
      action: 'join',
    },
    {
      name: 'another number of the same kind is another problem',
      request: req('s-a oprit aeratorul la bazinul 3, nu porneste deloc', { contact: 'ct-2', hours: 2 }),
      open: [incident('b2', ['Aeratorul de la bazinul 2 nu porneste, sare siguranta'])],
      action: 'new',
      because: /another numbered thing \(bazin:3 vs bazin:2\)/,
    },
    {
      name: 'the same numbered thing is the same problem’s',
      request: req('sera 4 merge, a schimbat releul din cutia de comanda. mersi', { hours: 6 }),
      open: [incident('s4', ['In sera 4 nu pornesc ventilatoarele, e 38 de grade']), incident('s2', ['Irigarea din sera 2 nu porneste'], { lastAt: new Date(Date.UTC(2026, 10, 10, 9)) })],
      action: 'join',
      best: 's4',
      because: /same numbered thing \(ser:4\)/,
    },
    {
      name: 'a numbered thing the only open incident never named is not joined as its chaser',
      request: req('masina 3 tot face cuburi mici si goale in mijloc', { hours: 20 }),
      open: [incident('cold', ['Cámara de congelación no mantiene temperatura desde el corte de luz'])],
      action: 'new',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});
