/**
 * Requests that set themselves apart from another problem (contrast.ts), landmarks (landmark.ts), unit
 * qualifiers, resolutions told as a repair, fresh reports in unknown words, and the words behind them.
 * The wordings are invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { at, incident, judge, req, type Case } from './dedup-fixtures.js';
import { gistOf } from '../../src/domain/dedup/index.js';
import { isChaser } from '../../src/domain/dedup/chaser.js';
import { clausesOf } from '../../src/domain/dedup/text.js';

const list = (s: Set<string>) => [...s].sort();

describe('a clause that sets the request apart names the other problem', () => {
  it.each([
    ['The dishwasher is leaking. Not the oven job from Monday.', ['dishwasher'], ['oven']],
    ['El lavavajillas gotea. No es el horno del lunes, es otra máquina.', ['dishwasher'], ['oven']],
    ['Mașina de spălat vase curge. Nu este cuptorul de luni.', ['dishwasher'], ['oven']],
    ['The fryer keeps switching off, this is a different one from the hob you looked at', ['fryer'], ['oven']],
    ['La freidora no calienta. Nada que ver con el horno.', ['fryer'], ['oven']],
  ])('%s -> %j, aside %j', (text, equipment, aside) => {
    const g = gistOf(text);
    expect(list(g.equipment)).toEqual(equipment);
    expect(list(g.aside)).toEqual(aside);
    expect(g.anotherProblem).toBe(true);
  });
  it.each([
    ['It is not the first time the oven trips out', false],
    ['No es la primera vez que el horno se apaga', false],
    ['Nu e destul de cald in birou', false], // "destul" is not a noun with its article
    ['Nu este apă caldă la etajul 2', false], // there is none
  ])('%s: another problem is %s', (text, another) => expect(gistOf(text).anotherProblem).toBe(another));
  it('the places of a "besides" clause are the other problem’s (ro)', () => {
    const g = gistOf('În plus față de biroul 3, nici centrala din biroul 7 nu pornește');
    expect(list(g.places)).toEqual(['unit:7']);
    expect(g.anotherProblem).toBe(true);
  });
  it('"separate from the X": X is the other problem', () => expect(list(gistOf('Separate from the fridge, the ice machine is leaking').aside)).toEqual(['fridge']));

  const oven = incident('oven', ['The oven in the bakery will not heat'], { lastAt: at(0) });
  const cases: Case[] = [
    { name: 'a new fault that says it is not the open one stays apart (en)', request: req('The dough mixer has stopped. Not the oven from this morning.'), open: [oven], action: 'new' },
    {
      name: 'the same unit-less fault told as another unit is at most a suggestion (ro)',
      request: req('Aerul condiționat din biroul 4 nu pornește. Este un aparat diferit.'),
      open: [incident('ac2', ['Aerul condiționat din biroul 2 picură'])],
      action: 'new',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});

describe('equipment named as a landmark', () => {
  it.each([
    ['the chest freezer by the till is at -5', ['freezer'], ['payment']],
    ['la nevera junto al horno no enfría', ['fridge'], ['oven']],
    ['frigiderul de lângă cuptor nu răcește', ['fridge'], ['oven']],
    ['Pe lângă centrală, acum nu merge nici internetul.', ['internet'], []], // "pe lângă" is "besides"
  ])('%s -> %j, not %j', (text, yes, no) => {
    const g = gistOf(text);
    for (const e of yes) expect([...g.equipment]).toContain(e);
    for (const e of no) expect([...g.equipment]).not.toContain(e);
  });
});

describe('units of one kind of equipment', () => {
  it.each([
    ['el ascensor de servicio no baja', 'lift:service'],
    ['liftul de serviciu s-a oprit', 'lift:service'],
    ['the main lift is stuck', 'lift:big'],
    ['liftul principal nu merge', 'lift:big'],
  ])('%s has %s', (text, unit) => expect([...gistOf(text).units]).toContain(unit));
  it('the service lift is not the main lift’s incident (es)', () =>
    judge({ name: '', request: req('El ascensor de servicio no abre puertas', { contact: 'ct-2' }), open: [incident('main', ['El ascensor principal está parado en la 2'])], action: 'new' }));
});

describe('follow-ups and chasers', () => {
  it('a follow-up naming its equipment gets no follow-up bonus against an incident that names none (es)', () => {
    const open = [incident('unknown', ['Ha llegado el técnico'], { lastAt: at(2) }), incident('hood', ['La campana de la cocina no extrae humo'], { lastAt: at(0) })];
    judge({ name: '', request: req('¿A qué hora viene alguien por la campana?', { contact: 'ct-2' }), open, action: 'join', best: 'hood' });
  });
  it.each([
    ['el dosificador no va', false], // a fault in unknown words
    ['the hatch will not shut', false],
    ['sigue sin funcionar', true], // says it goes on
    ['a venit instalatorul? nu raspunde nimeni', true], // asks after the visit
  ])('%s: a chaser is %s', (text, chaser) => expect(isChaser(gistOf(text))).toBe(chaser));
  it('a short fault in unknown words does not join the only open incident (en)', () =>
    judge({ name: '', request: req('the hatch will not shut', { contact: 'ct-2' }), open: [incident('boiler', ['The boiler is leaking'])], action: 'new' }));
});

describe('resolutions and recurrences', () => {
  it.each([
    ['El técnico ha cambiado la sonda y el horno ya está a temperatura. Gracias', true],
    ['The engineer replaced the fan, the fridge is at 4 degrees now', true],
    ['Au schimbat pompa, multumim', true],
    ['La cámara otra vez a 9 grados, la arreglaron el lunes', false], // the fault again
    ['El ascensor se ha vuelto a parar en el 3', false], // "ha vuelto a …" is again
    ['Ha vuelto la luz, gracias', true],
  ])('%s: resolved is %s', (text, resolved) => expect(gistOf(text).resolved).toBe(resolved));
  it('the same equipment "again" after a repair is a new occurrence, at most a suggestion (es)', () =>
    judge({
      name: '',
      request: req('La cámara otra vez a 9 grados', { hours: 30 }),
      open: [incident('cold', ['La cámara frigorífica está a 12 grados', 'El técnico ha cambiado el ventilador, la cámara ya enfría. Gracias'])],
      action: 'suggest',
      because: /a fault after a reported fix/,
    }));
});

describe('words', () => {
  it('"8 °C." ends a sentence', () => expect(clausesOf('Cámara a 8 °C. No es la otra.')).toEqual(['Camara a 8 °C', 'No es la otra']));
  it.each([
    ['a tenant tripped on the stairs and the lift is dead', 'breaker', false], // a person trips
    ['the RCD keeps tripping', 'breaker', true],
    ['open till Monday, the fridge is warm', 'payment', false], // "till" is until
    ['the till will not print', 'payment', true],
    ['el operador de puertas de cabina está roto', 'lift', true],
    ['la tapa del arcón no cierra', 'tap', false], // a lid
    ['the AHU is in fault', 'ventilation', true],
    ['my mum’s stairlift stopped halfway', 'stairlift', true],
    ['la central de incendios pita', 'firealarm', true],
    ['la central de incendios pita', 'boiler', false],
  ])('%s: %s is %s', (text, e, yes) => expect(gistOf(text).equipment.has(e)).toBe(yes));
  it('"out of service" says it does not work', () => expect([...gistOf('Lift out of service').symptoms]).toContain('nofunction'));
  it('"X Court" names a building', () => expect([...gistOf('At Rowan Court the boiler is off').places]).toContain('site:rowan'));
  it('"cabinet 3" names a unit (ro)', () => expect([...gistOf('Aerul din cabinetul 3 nu pornește').places]).toContain('unit:3'));
});
