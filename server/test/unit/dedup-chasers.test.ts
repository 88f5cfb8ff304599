/** Chasers (chaser.ts): a message that names no problem belongs to an open incident of the sender or customer, chosen among them. */
import { describe, expect, it } from 'vitest';
import { at, incident, judge, req, type Case } from './dedup-fixtures.js';
import { gistOf } from '../../src/domain/dedup/index.js';
import { isChaser } from '../../src/domain/dedup/chaser.js';

describe('chasers without fault words', () => {
  const one = [incident('leak', ['The kitchen tap is leaking.'])];
  const two = [incident('leak', ['The kitchen tap is leaking.'], { lastAt: at(0) }), incident('wifi', ['Wifi down in the office.'], { lastAt: at(1) })];
  const chasers: Case[] = [
    { name: 'what time is the plumber coming, one open (en)', request: req('What time is the plumber coming?'), open: one, action: 'join', because: /the only open incident/ },
    { name: 'vienen hoy, one open, a colleague (es)', request: req('vienen hoy?', { contact: 'ct-2' }), open: one, action: 'join' },
    { name: 'mai durează, one open (ro)', request: req('mai durează?'), open: one, action: 'join' },
    { name: 'a chaser with two open, none booked: a suggestion (es)', request: req('a q hora venis?'), open: two, action: 'suggest', because: /several open incidents/ },
    {
      name: 'a chaser with two open, one booked (en)',
      request: req('What time are you coming?'),
      open: [incident('leak', ['The kitchen tap is leaking.', 'Engineer booked 13:00'], { lastAt: at(0) }), incident('wifi', ['Wifi down in the office.'], { lastAt: at(1) })],
      action: 'join',
      best: 'leak',
    },
  ];
  it.each(chasers)('$name -> $action', judge);
});

describe('what a chaser is', () => {
  it.each([
    ['any news?', true],
    ['seguimos igual', true], // no follow-up word: nothing in it tells it from an open incident
    ['hello??', true],
    ['tot nimic', true],
    ['still nothing here, been waiting all morning', true],
    ['any news? the boiler is leaking now', false], // names equipment
    ['Hall still cold, anyone coming?', false], // names a room
    ['Factura, por favor', false], // a bill
    ['One more thing: is anyone coming?', false], // a second problem
  ])('%s: %s', (text, chaser) => expect(isChaser(gistOf(text))).toBe(chaser));
});

describe('which open incident a chaser is about', () => {
  // The customer's two open incidents, both active today: one the sender reported, one a colleague did.
  const mineAndTheirs = [
    incident('mine', ['The kitchen tap is leaking.'], { lastAt: at(0) }),
    incident('theirs', ['Wifi down in the office.'], { contact: 'ct-2', lastAt: at(1) }),
  ];
  const cases: Case[] = [
    { name: 'the only open incident, a chaser in no known words (es)', request: req('seguimos igual...', { contact: 'ct-3' }), open: [incident('b', ['La caldera no enciende.'])], action: 'join', because: /the only open incident/ },
    { name: 'the only open incident, "hello??" (en)', request: req('hello??', { contact: 'ct-3' }), open: [incident('b', ['Boiler is off.'])], action: 'join' },
    { name: 'two open: "any news?" asks after the sender’s own (en)', request: req('Any news?'), open: mineAndTheirs, action: 'join', best: 'mine', because: /the sender’s only open incident/ },
    { name: 'two open: "vreo noutate?" from the colleague asks after theirs (ro)', request: req('vreo noutate?', { contact: 'ct-2' }), open: mineAndTheirs, action: 'join', best: 'theirs' },
    { name: 'two open: words that ask after nothing are left to an agent (es)', request: req('seguimos igual'), open: mineAndTheirs, action: 'suggest', because: /several open incidents/ },
    { name: 'two open, neither the sender’s: left to an agent (en)', request: req('Any news?', { contact: 'ct-9' }), open: mineAndTheirs, action: 'suggest' },
  ];
  it.each(cases)('$name -> $action', judge);
});

/**
 * The desk's own state: an incident whose technician confirmed the service order has a visit on, whatever its
 * texts say. A chaser about the technician, or a note that they came, is about that one; "any news?" is not.
 */
describe('chasers and the technician the desk sent', () => {
  // Two open incidents of the customer, both active today; the technician of the second one confirmed.
  const open = [incident('leak', ['The kitchen tap is leaking.'], { lastAt: at(1) }), incident('boiler', ['The boiler is off, no heating.'], { lastAt: at(0), technicianConfirmed: true })];
  const cases: Case[] = [
    { name: 'asks when the technician comes (es)', request: req('¿a qué hora viene el técnico?', { contact: 'ct-3' }), open, action: 'join', best: 'boiler', because: /the only open incident with a visit booked/ },
    { name: 'says the technician came (ro)', request: req('a ajuns electricianul', { contact: 'ct-3' }), open, action: 'join', best: 'boiler' },
    { name: 'says "your lads" are here (en)', request: req('ur lads here now', { contact: 'ct-3' }), open, action: 'join', best: 'boiler' },
    { name: 'says the fitter is on site (en)', request: req('the fitter is on site now', { contact: 'ct-3' }), open, action: 'join', best: 'boiler' },
    {
      name: 'says the technician came, the sender’s own "any news?" also open: the visit’s (es)',
      request: req('Ya ha llegado el técnico.', { contact: 'ct-3' }),
      open: [...open, incident('asked', ['¿Alguna novedad?'], { contact: 'ct-3', lastAt: at(2) })],
      action: 'join',
      best: 'boiler',
    },
    { name: '"any news?" says nothing of a visit: left to an agent (en)', request: req('any news?', { contact: 'ct-3' }), open, action: 'suggest', because: /several open incidents/ },
    { name: 'without the desk’s confirmation the technician chaser is left to an agent (es)', request: req('¿a qué hora viene el técnico?', { contact: 'ct-3' }), open: open.map((i) => ({ ...i, technicianConfirmed: false })), action: 'suggest' },
    {
      name: 'a request naming its equipment is judged by it, not by the visit (en)',
      request: req('is the plumber coming for the kitchen tap?', { contact: 'ct-3' }),
      open,
      action: 'join',
      best: 'leak',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});

describe('arrival notes', () => {
  it.each([
    ['a ajuns electricianul', true],
    ['ya está aquí el operario', true],
    ['ur lads here now', true],
    ['instalatorul e la noi', true],
    ['your engineer has arrived', true],
    ['the boiler is off again', false],
  ])('%s: about the visit %s', (text, about) => expect(gistOf(text).asksVisit).toBe(about));
  it('an arrival is no resolution', () => expect(gistOf('a ajuns tehnicianul').resolved).toBe(false));
});

/** A request that names no equipment the vocabulary knows, is no chaser, and says it continues a report ("still", "sigue"): settleUnnamed. */
describe('requests naming no known equipment', () => {
  const chiller = incident('chiller', ['The dairy chiller is warm, milk at 9 degrees.'], { lastAt: at(0) });
  const cases: Case[] = [
    {
      name: 'the only open incident, nothing against it (en)',
      request: req('The tall glass cooler by the door is still getting warmer, we have moved the milk into the back. Temperature display shows 11 now. Please send someone before the lunchtime rush, it is really busy today.', { contact: 'ct-2' }),
      open: [chiller],
      action: 'join',
      because: /names no known equipment, the only open incident/,
    },
    {
      name: 'the only open incident, another room named: left to its score (es)',
      request: req('En la cocina el aparato del techo hace un ruido raro desde esta mañana y no sé qué es.', { contact: 'ct-2' }),
      open: [incident('dining', ['El aire del comedor gotea encima de las mesas.'])],
      action: 'new',
    },
    {
      name: 'two open incidents of others: left to its score (en)',
      request: req('The thing in the back office is beeping and flashing, no idea what it is, can someone look at it tomorrow?', { contact: 'ct-3' }),
      open: [incident('a', ['The kitchen tap is leaking.'], { contact: 'ct-1' }), incident('b', ['Wifi down in the office.'], { contact: 'ct-2', lastAt: at(1) })],
      action: 'new',
    },
    {
      name: 'a fresh report naming nothing known, the only open incident: for an agent to judge (es)',
      request: req('Se oye un ruido raro en el pasillo.', { contact: 'ct-2' }),
      open: [incident('lift', ['El ascensor hace un ruido raro.'])],
      action: 'suggest',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});
