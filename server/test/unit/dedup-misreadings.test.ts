/**
 * Misreadings a review of the duplicate rule found with sentences of its own (none from a data set): each now
 * reads as a customer of the trade means it, and the decisions that followed from the misreading are right.
 */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { incident, judge, req, type Case } from './dedup-fixtures.js';

const read = (text: string) => {
  const g = gistOf(text);
  return { equipment: [...g.equipment].sort(), symptoms: [...g.symptoms].sort(), again: g.again, resolved: g.resolved, another: g.anotherProblem };
};

describe('over or again', () => {
  it.each([
    ['Se va otra vez la luz', { equipment: ['power'], again: true, resolved: false }],
    ['The toilet is running again', { equipment: ['toilet'], again: true, resolved: false }],
    ['The lift is not working again', { equipment: ['lift'], again: true, resolved: false }],
    ['No funciona otra vez el ascensor', { equipment: ['lift'], again: true, resolved: false }],
    ['Liftul nu merge iar', { equipment: ['lift'], again: true, resolved: false }],
    ['The boiler is running again, thanks', { equipment: ['boiler'], again: false, resolved: true }],
    ['Ascensorul merge din nou', { equipment: ['lift'], again: false, resolved: true }],
  ])('%s', (text, expected) => expect(read(text)).toMatchObject(expected));
});

describe('"either" and "as well" only at a clause’s end', () => {
  it.each([
    ['The one in the back office is not cooling either', true],
    ['The radiators upstairs are cold as well', true],
    ['Boiler still dead. Either morning or afternoon is fine for the engineer', false],
    ['As well as the boiler code, the display flashes', false],
  ])('%s: another problem %s', (text, another) => expect(read(text).another).toBe(another));
});

describe('words that are not what they looked like', () => {
  it.each([
    ['Nu e cald in apartament', { symptoms: ['cold'] }],
    ['Please call Reg about the lift', { equipment: [] }],
    ['Se ha roto el muelle de la puerta del garaje', { equipment: ['door'] }],
    ['Rampa de gunoi e infundata', { equipment: [] }],
    ['Can you hook up the new printer?', { equipment: ['printer'] }],
    ['Se cae un trozo del techo', { symptoms: [] }],
    ['The camera on my laptop doesnt work', { equipment: ['computer'] }],
    ['The ventilator in bed 4 is alarming', { equipment: ['respirator'] }],
    ['The pilot light keeps going out', { equipment: ['boiler'] }],
    // What they still are.
    ['El muelle 3 no baja', { equipment: ['dock'] }],
    ['The electric hook ups on B pontoon are all off', { equipment: ['power'] }],
    ['El wifi se cae cada 5 minutos', { symptoms: ['slow'] }],
  ])('%s', (text, expected) => expect(read(text)).toMatchObject(expected));
});

describe('what follows from the reading', () => {
  const cases: Case[] = [
    {
      name: 'the power going off again, then still without it: one outage (es)',
      request: req('Seguimos sin luz en la nave'),
      open: [incident('power', ['Se va otra vez la luz'])],
      action: 'join',
    },
    {
      name: 'a fan alone against the boiler whose fan it may be: for an agent, not other equipment (es)',
      request: req('El ventilador sigue haciendo ruido'),
      open: [incident('boiler', ['El ventilador de la caldera hace mucho ruido'])],
      action: 'suggest',
      because: /a part of the other/,
    },
    {
      name: 'the dairy’s milk tank and the office air conditioning: two faults (es)',
      request: req('El aire acondicionado de la oficina no enfria'),
      open: [incident('tank', ['El tanque de leche no enfria'])],
      action: 'new',
    },
    {
      name: 'the projector and the oven, both with fans, are not related to each other (en)',
      request: req('The projector in the meeting room is dead'),
      open: [incident('oven', ['The kitchen oven is dead'])],
      action: 'new',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});
