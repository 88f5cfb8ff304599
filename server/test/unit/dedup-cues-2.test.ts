/**
 * More cue words (vocabulary.ts, shorthand.ts): how customers chase, confirm a visit, say the technician came, say it
 * is fixed or back, or point to an earlier report, in Spanish, English and Romanian, as typed on a phone, in an
 * e-mail or in an agent's call note. Each table has the sentences that must set the cue and the near misses that must
 * not: fault reports and requests with the same words in them.
 */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { expandWord } from '../../src/domain/dedup/shorthand.js';
import { at, incident, judge, req, type Case } from './dedup-fixtures.js';

type Cue = 'followUp' | 'refersBack' | 'resolved' | 'visitBooked' | 'asksVisit' | 'again' | 'anotherProblem' | 'billing';
const cue = (name: Cue) => (text: string, value: boolean) => expect(gistOf(text)[name]).toBe(value);

describe('chasers: followUp', () => {
  it.each([
    // Spanish
    ['¿Para cuándo?', true],
    ['¿Hay fecha ya?', true],
    ['Hola, ¿me decís algo porfa?', true],
    ['¿Qué hay de lo mío?', true],
    ['q tal va lo de la reparación?', true],
    ['¿Sabemos algo?', true],
    ['¿Cuándo podéis venir?', true],
    ['Llevamos esperando desde el lunes', true],
    ['Seguimos a la espera', true],
    ['Todavía no ha venido nadie', true],
    ['Rellamada del cliente', true],
    ['Cliente vuelve a llamar, pregunta por el técnico', true],
    ['¿Cuánto tenemos que esperar?', true],
    // English
    ['Any joy?', true],
    ['any word on this?', true],
    ["What's happening with our job?", true],
    ['Where are we with this please?', true],
    ['when r u coming?', true],
    ["Haven't heard anything back", true],
    ['Still nothing, please advise', true],
    ['Keep me posted', true],
    ['Customer chasing, 2nd call', true],
    ['Nobody turned up yesterday', true],
    ['Hiya any joy with the engineer? ta', true],
    // Romanian
    ['E vreo veste?', true],
    ['Ceva nou?', true],
    ['Ce se întâmplă cu reparația?', true],
    ['Când puteți veni?', true],
    ['Cât mai trebuie să așteptăm?', true],
    ['N-a venit nimeni', true],
    ['Astept un raspuns va rog frumos', true],
    ['Clientul întreabă când vine tehnicianul', true],
    // Near misses: fault reports, sign-offs, requests to call
    ['La caldera pierde agua por abajo', false],
    ['Quedo a la espera de su respuesta', false],
    ['The boiler is leaking from the bottom', false],
    ['When the heating comes on it bangs', false],
    ['Please call me back', false],
    ['Centrala face zgomot la pornire', false],
    ['Can you check in the loft for the leak?', false],
  ])('%s: %s', cue('followUp'));
});

describe('it was reported before: refersBack', () => {
  it.each([
    ['Lo que os comenté el martes', true],
    ['Como ya os dije, el portero no abre', true],
    ['Ya os he escrito esta mañana', true],
    ['Ya avisé ayer por teléfono', true],
    ['Es la tercera vez que llamo', true],
    ['Reitero mi petición', true],
    ['Todavía gotea el grifo', true],
    ['Continúa sin luz el pasillo', true],
    ['As per my earlier email, the gate will not open', true],
    ['As I said on the phone, the gate is stuck', true],
    ['Further to my call this morning', true],
    ['I reported this yesterday', true],
    ['Spoke to one of your colleagues earlier', true],
    ['Nothing has changed since', true],
    ['Just a reminder about the gate', true],
    ['Cum v-am spus, ușa nu se închide', true],
    ['V-am anunțat ieri', true],
    ['Am făcut o sesizare săptămâna trecută', true],
    ['Încă nu merge ușa', true],
    ['A doua oară când vă scriu', true],
    ['Referitor la sesizarea mea de ieri', true],
    ['A revenit clientul cu un telefon', true],
    // Near misses: telling someone else, noticing, a constantly running compressor, "the issue we have"
    ['I told my landlord and he said to contact you', false],
    ['My neighbour got in touch to say water is coming through', false],
    ['Same thing in the bathroom, the tap drips', false],
    ['Me he dado cuenta de que gotea', false],
    ['La incidencia que tenemos es que no hay luz', false],
    ['Como sabéis tenemos contrato con vosotros', false],
    ['Am sesizat că se scurge apă', false],
    ['Vă prezint în continuare problema', false],
    ['Compresorul merge continuu', false],
    // The present the stemmer would take for the past: "os llamo porque…", "os mando fotos", "como os comento", "log a call".
    ['Os llamo porque no tenemos calefacción', false],
    ['Os mando fotos de la mancha', false],
    ['Como os comento, la caldera hace ruido', false],
    ['I want to log a call for the boiler', false],
    ['Please do not change the settings', false],
  ])('%s: %s', cue('refersBack'));
  it.each([
    ['Te lo mandé también por wasap', true],
    ['Sent it by text as well', true],
  ])('%s: the same report on another channel', (text, value) => {
    expect(gistOf(text).refersBack).toBe(value);
    expect(gistOf(text).anotherProblem).toBe(false);
  });
});

describe('it is over: resolved', () => {
  it.each([
    // Spanish
    ['Todo ok ya, gracias', true],
    ['Ya está todo bien, gracias', true],
    ['ya esta gracias', true],
    ['Se ha resuelto solo', true],
    ['Problema resuelto, gracias', true],
    ['Ha vuelto a funcionar la máquina', true],
    ['Ya está funcionando el aire', true],
    ['Volvió la luz', true],
    ['Ya enciende', true],
    ['Ya arranca la bomba', true],
    // English
    ['All fixed now, cheers', true],
    ['Sorted now ta', true],
    ['Everything is working now', true],
    ['That did the trick, thanks', true],
    ['Power is back', true],
    ['Seems fine now', true],
    ['Problem solved', true],
    ['Fixed itself overnight', true],
    ['Thanks for fixing the boiler', true],
    // Romanian
    ['E ok acum, mersi', true],
    ['Acum e bine', true],
    ['Totul e în regulă acum', true],
    ['S-a remediat', true],
    ['A pornit centrala, mulțumesc', true],
    ['A venit curentul', true],
    ['Avem apă caldă', true],
    ['Merge perfect acum', true],
    // Near misses: the fault, the fault back, a negation, a request, the wait, an arrival
    ['Ya está goteando otra vez', false],
    ['Ya está el técnico', false],
    ['¡Ya está bien! Tres días esperando', false],
    ['Ya sale agua por el techo', false],
    ['No se ha resuelto', false],
    ['Todavía no está resuelto', false],
    ['¿Cuándo se arregla esto?', false],
    ['Necesito que esté arreglado para el viernes', false],
    ['Ya va siendo hora de que venga alguien', false],
    ['¿Ya va a venir el técnico?', false],
    ['Ya va a hacer una semana', false],
    ['Ya hay agua en el suelo', false],
    ['Ha vuelto la gotera', false],
    ['Still not fixed', false],
    ['Not all sorted yet', false],
    ["It hasn't resolved itself", false],
    ['Can you get it sorted asap?', false],
    ['We need this sorted today', false],
    ['The heating is yet to be sorted', false],
    ['The drains are backed up', false],
    ['The sink is backing up again', false],
    ['The problem came back', false],
    ['Customer came back to us', false],
    ['Nu s-a remediat', false],
    ['Încă nu e ok', false],
    ['A pornit alarma', false],
    ['E ok dacă veniți mâine?', false],
    ['Problema a revenit', false],
    ['Clientul a revenit cu un telefon', false],
    ['Vreau să fie rezolvat azi', false],
    // Words of a resolution inside a fault: "all sorts of", a "gas back boiler".
    ['The boiler is making all sorts of noises', false],
    ['Our gas back boiler is leaking', false],
  ])('%s: %s', cue('resolved'));
});

describe('a repair told of (a resolution) and one asked for', () => {
  it.each([
    ['Lo han reparado esta mañana', true],
    ['Han puesto uno nuevo', true],
    ['Han purgado los radiadores', true],
    ['The engineer has fixed it', true],
    ['Fitted a new pump yesterday', true],
    ['Swapped the valve', true],
    ['Au remediat ieri', true],
    ['A pus una nouă', true],
    // Asked for: the stemmer reads "fixed" as "fix", "replaced" as "replace"; the participles are written exact.
    ['Can you fix the boiler?', false],
    ['Please replace the filter', false],
    ['Could you change the bulb in the hall?', false],
    ['Can you swap the valve?', false],
    ['Please fit a new lock', false],
    ['Can you sort it out?', false],
  ])('%s: %s', cue('resolved'));
  it('a repair with the fault again is the fault back', () => expect(gistOf('Han puesto uno nuevo y gotea otra vez').resolved).toBe(false));
});

describe('a visit booked: visitBooked', () => {
  it.each([
    ['Me han dado cita para el jueves', true],
    ['Tengo cita con el técnico el lunes', true],
    ['Viene mañana por la mañana', true],
    ['Hemos quedado a las 10', true],
    ['Quedamos el martes', true],
    ['Visita programada para el 12', true],
    ['Se cita al cliente el viernes', true],
    ['Appointment confirmed for Thursday', true],
    ['Engineer coming tomorrow', true],
    ['Pencilled in for Friday', true],
    ['The plumber is en route', true],
    ['Due between 8 and 12', true],
    ['Avem programare mâine', true],
    ['Vine joi tehnicianul', true],
    ['Tehnicianul e pe drum', true],
    // Near misses: asking for one, asking today, out of water, a light coming on, water on the road
    ['Pide cita hoy o mañana', false],
    ['Nos hemos quedado sin agua', false],
    ['Está llegando agua al sótano', false],
    ['Is anyone coming today?', false],
    ['Can you book someone in?', false],
    ['Could you confirm for tomorrow?', false],
    ['Can you pencil me in for Friday?', false],
    ['The light keeps coming on', false],
    ['Apa curge pe drum', false],
    ['Can you come tomorrow?', false],
    ['Could someone come on Monday?', false],
    ['Can you attend on Friday?', false],
    ['Vă rog să programați o intervenție', false],
  ])('%s: %s', cue('visitBooked'));
});

describe('the technician came, or asked after: asksVisit', () => {
  it.each([
    ['Ya está el fontanero', true],
    ['Acaban de llegar los chicos', true],
    ["Your man's here", true],
    ['Engineer outside now', true],
    ["He's here", true],
    ['The sparky has turned up', true],
    ['Tehnicianul e la ușă', true],
    ['Tocmai a ajuns instalatorul', true],
    ['¿Cuándo viene?', true],
    ['is he still coming?', true],
    ['când vine?', true],
    ['¿A qué hora llega?', true],
    ['Los de la caldera, ¿cuándo vienen?', true],
    // Near misses
    ['The lads here are freezing', false],
    ['Mi hija ya está en casa a partir de las 5', false],
    ['Someone here will let you in', false],
    ['El compresor está trabajando todo el rato', false],
    ['La chapa del ascensor está suelta', false],
  ])('%s: %s', cue('asksVisit'));
  it.each([
    ['Ya está el fontanero', true],
    ['Tehnicianul e la ușă', true],
    ["He's on site", true],
  ])('%s: an arrival books the visit and ends nothing', (text, value) => {
    expect(gistOf(text).visitBooked).toBe(value);
    expect(gistOf(text).resolved).toBe(false);
  });
  // The past "ha venido" is no arrival: a message telling the job done is a resolution.
  it('"ha venido el técnico y ya funciona" is over', () => expect(gistOf('Ha venido el técnico y ya funciona todo').resolved).toBe(true));
});

describe('the fault is back: again', () => {
  it.each([
    ['Ha vuelto la gotera', true],
    ['Vuelve el ruido en la cámara', true],
    ['The leak came back this morning', true],
    ['Noise is back on the fan', true],
    ['Problema a revenit', true],
    ['A reapărut mirosul', true],
    ['Se repite el fallo del portero', true],
    ['Recurring fault on the lift', true],
    ['Keeps happening with the gate', true],
    ['Se tot repetă', true],
    // Near misses: working again, the supply back
    ['Ha vuelto a funcionar', false],
    ['Volvieron a funcionar las luces', false],
    ['The power came back', false],
    ['A revenit curentul', false],
  ])('%s: %s', cue('again'));
});

describe('a second problem: anotherProblem', () => {
  it.each([
    ["While he's here, can he look at the tap?", true],
    ['Whilst your engineer is here the gate sticks too', true],
    ['New fault on the lift', true],
    ['O altă problemă: nu merge interfonul', true],
    ['Dacă tot vine tehnicianul, să verifice și boilerul', true],
    ['When he comes, please ring the bell', false],
    ['Your engineer is on another job', false],
    ['It is the thermostat or something else', false],
  ])('%s: %s', cue('anotherProblem'));
});

describe('thanks for the job with the invoice is no bill', () => {
  it.each([
    ['Ta very much for the repair. Can you send the invoice?', false],
    ['Can you send the invoice for the repair?', true],
  ])('%s: billing %s', cue('billing'));
});

describe('more chat abbreviations', () => {
  it.each([
    ['porfi', 'por favor'],
    ['xk', 'porque'],
    ['wasap', 'whatsapp'],
    ['thanx', 'thanks'],
    ['some1', 'someone'],
    ['appt', 'appointment'],
    ['mltm', 'multumesc'],
    ['nimik', 'nimic'],
    ['acm', 'acm'], // the Spanish hot-water word (agua caliente), not Romanian "acum"
    ['bn', 'bn'], // "bien", "bine" or "been": left alone
    ['cv', 'cv'], // "ceva", or a model name: left alone
  ])('%s -> %s', (word, meant) => expect(expandWord(word)).toBe(meant));
  it('"acum" (now) names no hot water', () => expect([...gistOf('acum e ok').equipment]).toEqual([]));
  it.each([
    ['some1 coming 2moro?', 'followUp', true],
    ['porfi decidme algo', 'followUp', true],
  ] as const)('%s: %s is %s', (text, name, value) => expect(gistOf(text)[name]).toBe(value));
});

describe('decisions with the new cues', () => {
  const two = [incident('leak', ['The kitchen tap is leaking.'], { lastAt: at(0) }), incident('wifi', ['Wifi down in the office.'], { lastAt: at(1) })];
  const cases: Case[] = [
    { name: 'a Spanish chaser in new words, one open', request: req('¿me decís algo? xfa'), open: [incident('b', ['La caldera no enciende.'])], action: 'join', because: /the only open incident/ },
    { name: '"any joy?" of the sender, their own of two', request: req('Any joy?'), open: [two[0]!, { ...two[1]!, contactIds: ['ct-2'] }], action: 'join', best: 'leak' },
    {
      name: '"your man\'s here": the incident the visit was booked for',
      request: req("your man's here", { contact: 'ct-3' }),
      open: [two[0]!, incident('boiler', ['The boiler is off, no heating.', 'Engineer coming tomorrow'], { lastAt: at(0) })],
      action: 'join',
      best: 'boiler',
    },
    {
      name: 'the fault after "todo ok ya" is a new occurrence, for an agent',
      request: req('La caldera no enciende otra vez', { hours: 20 }),
      open: [incident('b', ['La caldera no enciende.', 'Todo ok ya, gracias'])],
      action: 'suggest',
      because: /a fault after a reported fix/,
    },
    {
      name: '"can you get it sorted?" is no fix: the same boiler joins',
      request: req('Boiler still not firing, can you get it sorted today?', { hours: 5 }),
      open: [incident('b', ['The boiler is not firing up. Can you get it sorted asap?'])],
      action: 'join',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});
