/** The duplicate rules (domain/dedup) deciding: what joins, what is only suggested, what stays apart, and why. Table-driven, es/en/ro. */
import { describe, expect, it } from 'vitest';
import { at, incident, judge, req, type Case } from './dedup-fixtures.js';
import { decide } from '../../src/domain/dedup/index.js';

describe('duplicate decisions', () => {
  const boiler = incident('boiler', ['Caldera sin agua caliente. Desde ayer la caldera Junkers no calienta el agua, C/ Betis 22.']);
  const cases: Case[] = [
    { name: 'the same fault by WhatsApp, other words (es)', request: req('Hola, seguimos sin agua caliente, la caldera no va'), open: [boiler], action: 'join', because: /same equipment/ },
    { name: 'a colleague of the same customer about the same boiler', request: req('Buenos días, mi compañero ya les ha llamado: la caldera del local sigue sin calentar el agua.', { contact: 'ct-2' }), open: [boiler], action: 'join' },
    { name: 'a follow-up naming no problem ("¿hay novedades?")', request: req('¿Hay novedades? ¿Cuándo viene el técnico?'), open: [boiler], action: 'join', because: /follow-up/ },
    { name: 'the same customer, another problem (internet)', request: req('No tenemos internet desde esta mañana, el router parpadea en rojo'), open: [boiler], action: 'new' },
    { name: 'another customer, same words', request: req('Caldera sin agua caliente desde ayer', { contact: 'ct-9', customer: 'cu-9' }), open: [boiler], action: 'new' },
    { name: 'the fault back weeks later', request: req('Otra vez la caldera sin agua caliente', { hours: 24 * 20 }), open: [boiler], action: 'new' },
    { name: 'a bill about the repair', request: req('Factura de la reparación de la caldera: ¿me la podéis enviar con el CIF?'), open: [boiler], action: 'new' },
    // Not joined by itself: at most offered to the agent, who knows whether the lounge is the hall.
    { name: 'a second problem brought up in passing (en)', request: req('Also, while your engineer is here: the radiators in the lounge are cold.'), open: [incident('hall', ['Main hall heating not working, radiators cold'])], action: 'suggest', because: /brings up another problem/ },
    {
      name: 'the same equipment at another of the customer’s sites',
      request: req('Heating not working at the King Street office since this morning'),
      open: [incident('wilmslow', ['Heating at Wilmslow Road office is off, boiler shows fault F28'])],
      action: 'suggest',
      because: /another site \(site:king vs site:wilmslow\)/,
    },
    { name: 'Romanian: the same central heating, a family member', request: req('Buna ziua, ati reusit sa ajungeti la mama? Centrala tot nu porneste.', { contact: 'ct-3' }), open: [incident('centrala', ['Centrala mamei mele nu porneste, eroare F28'])], action: 'join' },
  ];
  it.each(cases)('$name -> $action', judge);

  it('picks the matching incident among a customer’s open ones, and says why', () => {
    const internet = incident('internet', ['Sin internet en la oficina, la fibra está caída'], { lastAt: at(2) });
    const d = decide(req('La fibra sigue caída, ¿alguna novedad?', { contact: 'ct-2' }), [boiler, internet]);
    expect(d).toMatchObject({ action: 'join', best: { incidentId: 'internet' } });
    expect(d.best!.reasons).toEqual(expect.arrayContaining(['same equipment (internet)', 'same customer']));
  });

  it('offers both to an agent when two open incidents fit alike, and joins neither', () => {
    const well = incident('well', ['La bomba del pozo no arranca, salta el diferencial'], { lastAt: at(0) });
    const pool = incident('pool', ['La bomba de la piscina no arranca, salta el diferencial'], { lastAt: at(0) });
    const d = decide(req('Ya funciona la bomba, gracias', { hours: 3 }), [well, pool]);
    expect(d.action).toBe('suggest');
    if (d.action !== 'suggest') return;
    expect([d.best.incidentId, ...d.rivals.map((r) => r.incidentId)].sort()).toEqual(['pool', 'well']);
    expect(d.best.reasons).toContain('another open incident fits as well');
    // Told apart by what it says, it joins its own.
    expect(decide(req('Ya funciona la bomba del pozo, gracias', { hours: 3 }), [well, pool])).toMatchObject({ action: 'join', best: { incidentId: 'well' } });
  });
});

/**
 * The error classes found on the labelled set (bench/dedup, --errors), each with new wording: what the rule
 * got wrong before, and must keep right.
 */
describe('error classes', () => {
  const cases: Case[] = [
    // A "water heater" is hot water, not heating: it must not join the heating incident of the same sender.
    {
      name: 'a water heater is not the heating (en)',
      request: req('One more thing: the small water heater in the staff kitchen gives no hot water at all.', { hours: 1 }),
      open: [incident('heating', ['No heating in the main hall this morning, the boiler has locked out.'])],
      action: 'new',
    },
    // What works is not the problem: "the heating is fine" does not make a hot-water report a heating one.
    {
      name: 'a contrast clause names no problem (es)',
      request: req('No sale agua caliente en la ducha, la calefacción funciona bien.', { hours: 1 }),
      open: [incident('radiators', ['Los radiadores del salón están fríos, la calefacción no arranca.'])],
      action: 'new',
    },
    // The room decides a chaser that names no equipment between two open incidents of the sender.
    {
      name: 'a chaser naming the room joins that room’s incident (en)',
      request: req('Lounge still freezing. Anyone coming?', { hours: 6 }),
      open: [
        incident('lounge', ['The lounge radiators are stone cold this morning.'], { lastAt: at(0) }),
        incident('kitchen', ['The kitchen tap is dripping and the cold water is cloudy.'], { lastAt: at(2) }),
      ],
      action: 'join',
      best: 'lounge',
      because: /same room \(lounge\)/,
    },
    // A chaser about the technician belongs to the incident a visit was booked for, not the latest one.
    {
      name: 'a chaser about the technician joins the incident with the booked visit (ro)',
      request: req('Buna ziua, mai vine tehnicianul? E trecut de ora 12.', { hours: 4 }),
      open: [
        incident('boiler', ['Centrala nu porneste, eroare F4.', 'Dl. Popa: centrala cu eroare F4, tehnician programat 11-12.'], { lastAt: at(0) }),
        incident('wifi', ['Nu merge wifi-ul in camera de oaspeti.'], { lastAt: at(1) }),
      ],
      action: 'join',
      best: 'boiler',
      because: /asks after the booked visit/,
    },
    // Fixed and confirmed, then the fault again: a new occurrence, at most a suggestion.
    {
      name: 'the same fault after it was reported working again (es)',
      request: req('El aire del comedor vuelve a gotear encima de las mesas.', { hours: 20 }),
      open: [incident('ac', ['El aire acondicionado del comedor gotea.', 'Ya funciona el aire, muchas gracias al técnico.'])],
      action: 'suggest',
      because: /a fault after a reported fix/,
    },
    // Before the fix was confirmed, "again" is the same incident (the boiler stopped again the next morning).
    {
      name: 'the same fault again before any fix was confirmed (ro)',
      request: req('Centrala s-a oprit din nou azi dimineata, va rog reveniti.', { hours: 20, contact: 'ct-2' }),
      open: [incident('block', ['Centrala blocului e oprita, nu avem apa calda.', 'Echipa a venit aseara la centrala.'])],
      action: 'join',
    },
    // "También por WhatsApp" is the same report sent twice, not another problem.
    {
      name: 'the same report on another channel is not another problem (es)',
      request: req('Les escribo también por correo: el lavavajillas del bar no desagua.', { hours: 0.2 }),
      open: [incident('dishwasher', ['El lavavajillas del bar no desagua, se queda el agua dentro.'])],
      action: 'join',
      because: /says it was reported before/,
    },
    // A second "also …" message about the second problem follows that problem, not the first.
    {
      name: 'a second "also" message joins the incident that began as "also" (en)',
      request: req('also the tap in the staff kitchen is still dripping', { hours: 1.5, contact: 'ct-2' }),
      open: [
        incident('hall', ['No heating in the main hall, boiler locked out.'], { lastAt: at(0) }),
        incident('tap', ['One more thing: the kitchen tap is dripping constantly.'], { lastAt: at(0.5) }),
      ],
      action: 'join',
      best: 'tap',
    },
    // A job title is no place: "Office Manager" must not make another unit of the 4th floor.
    {
      name: 'a signature’s job title is no place (en/ro)',
      request: req('The HVAC on our 4th floor only blows cold air. Erik, Country Manager', { hours: 0.3, contact: 'ct-2' }),
      open: [incident('hvac', ['La etajul 4 aparatele de climatizare nu incalzesc. Ioana Pop, Office Manager'])],
      action: 'join',
      because: /same floor/,
    },
    // Lower-case compass names are places; "West wing OK" is not where the problem is.
    {
      name: 'the east wing, whatever the case, and not the wing that works (en)',
      request: req('East wing hot water cylinder is stone cold.', { hours: 1, contact: 'ct-2' }),
      open: [incident('east', ['No hot water in the east wing since the night. West wing OK.'])],
      action: 'join',
      because: /same unit/,
    },
    // Two sites of one customer, one named after a polígono and one after a street: never one incident.
    {
      name: 'another site the next day, after the first was fixed (es)',
      request: req('En la nave del polígono Malpica los aerotermos no calientan.', { hours: 20, contact: 'ct-2' }),
      open: [incident('first', ['El aerotermo de la nave de Cogullada no arranca.', 'Ya funciona el aerotermo, gracias.'])],
      action: 'suggest',
    },
    // A purchase-order number for this morning's call-out is paperwork of that job, not a billing request.
    {
      name: 'a PO number for today’s call-out joins the job (en)',
      request: req('Server room air con\nHi, confirming the call-out for the server room AC this morning. Our PO number is 88123, please put it on the invoice.', { hours: 1, contact: 'ct-2' }),
      open: [incident('ac', ['Server room AC has packed in, temperature alarm going off.'])],
      action: 'join',
    },
    // ... but an invoice asked for by itself is its own request.
    { name: 'an invoice request stays apart (ro)', request: req('Factura pentru interventia de ieri la centrala, va rog.', { hours: 20 }), open: [incident('boiler', ['Centrala nu porneste, eroare 501.'])], action: 'new' },
  ];
  it.each(cases)('$name -> $action', judge);
});

/** Generalisation: the failure classes reported on the unseen set, in new words (es/en/ro). */
describe('generalisation classes', () => {
  const cases: Case[] = [
    // The lead's two cases: different equipment minutes apart, same sender.
    { name: 'a lift, then a garage door (es)', request: req('Avería\nLa puerta del garaje no abre.', { hours: 0.1 }), open: [incident('lift', ['Avería\nEl ascensor está parado.'])], action: 'new' },
    { name: 'a boiler, then a bathroom leak (es)', request: req('Avería\nHay una fuga de agua en el baño.', { hours: 0.1 }), open: [incident('boiler', ['Avería\nLa caldera no enciende.'])], action: 'new' },
    // 1. Two units of one kind.
    { name: 'lifts of two staircases (ro)', request: req('Liftul de la scara B nu merge deloc.', { hours: 1, contact: 'ct-2' }), open: [incident('a', ['Liftul de la scara A s-a blocat.'])], action: 'suggest', because: /another staircase/ },
    { name: 'lift 1 and lift 2 (en)', request: req('Lift 2 is stuck again, nobody inside.', { hours: 1, contact: 'ct-2' }), open: [incident('one', ['Lift 1 has stopped working.'])], action: 'suggest', because: /another unit of the equipment/ },
    // What a pump serves tells two pumps of one customer apart, as a number does; the same pump still joins.
    { name: 'the well pump and the pool pump (es)', request: req('La bomba de la piscina hace mucho ruido y no filtra.', { hours: 1 }), open: [incident('well', ['La bomba del pozo no arranca, no tenemos agua en la casa.'])], action: 'suggest', because: /another unit of the equipment \(pump:pool vs pump:well\)/ },
    { name: 'the pool pump and the well pump (en)', request: req('The well pump keeps tripping the breaker.', { hours: 1 }), open: [incident('pool', ['The pool pump is leaking water.'])], action: 'suggest', because: /another unit of the equipment/ },
    { name: 'the pool pump and the well pump (ro)', request: req('Pompa de la piscină nu pornește.', { hours: 1 }), open: [incident('well', ['Pompa din puț nu pornește de azi dimineață.'])], action: 'suggest', because: /another unit of the equipment \(pump:pool vs pump:well\)/ },
    { name: 'a pump "not working well" is no well pump (en)', request: req('The pump is not working well, it trips the breaker.', { hours: 2 }), open: [incident('pool', ['The pool pump trips the breaker.'])], action: 'join', best: 'pool' },
    { name: 'the pump "we put in" is no well pump (en)', request: req('The pump we put in last year still trips the breaker.', { hours: 2 }), open: [incident('pool', ['The pool pump trips the breaker.'])], action: 'join', best: 'pool' },
    { name: 'the pump for the pool and the well pump (en)', request: req('The pump for the pool is leaking.', { hours: 1 }), open: [incident('well', ['The well pump keeps tripping the breaker.'])], action: 'suggest', because: /pump:pool vs pump:well/ },
    { name: 'the well pump again (es)', request: req('La bomba de agua del pozo sigue sin arrancar.', { hours: 2 }), open: [incident('well', ['La bomba del pozo no arranca.'])], action: 'join', best: 'well' },
    { name: 'a pump named by what it serves, then without (es)', request: req('La bomba sigue sin arrancar, ¿cuándo venís?', { hours: 2 }), open: [incident('well', ['La bomba del pozo no arranca.'])], action: 'join', best: 'well' },
    // "Other than the X": X is the other problem's equipment, not this one's.
    { name: 'the kitchen fridge, other than the bar chiller (en)', request: req('The walk-in fridge in the kitchen (other than the chiller for the bar) is at 9 degrees.', { hours: 1 }), open: [incident('bar', ['The chiller feeding the bar is down with a pressure alarm.'])], action: 'suggest', because: /related equipment/ },
    { name: 'the freezer, not the one of the bakery (es)', request: req('El arcón del almacén, distinto del de la panadería, no congela.', { hours: 1 }), open: [incident('bakery', ['El congelador de la panadería no congela.'])], action: 'suggest' },
    { name: 'the meeting room heater, other than the office one (ro)', request: req('Aerotermul din sala de ședințe, altul decât centrala din birou, nu pornește.', { hours: 1 }), open: [incident('office', ['Centrala din birou nu pornește.'])], action: 'suggest' },
    // "As well though": another problem still, a trailing "though" notwithstanding.
    { name: 'the upstairs one as well though (en)', request: req("the upstairs one (little hall by the library) is blowing warm as well though, can he come back tomorrow?", { hours: 6 }), open: [incident('hall', ['The air conditioning in our main hall stopped cooling.', 'engineer came, main hall cooling now thanks'])], action: 'new' },
    // "Cab." is the surgery's abbreviation of cabinet: another consulting room.
    { name: 'the AC of cab 5 is not the AC of cabinet 2 (ro)', request: req('cab 5 aerul nu pornește deloc, nici ledul.', { hours: 1 }), open: [incident('two', ['Aerul condiționat din cabinetul 2 picură apă pe perete.'])], action: 'new' },
    { name: 'a milk chiller and a chest freezer (es)', request: req('El arcón congelador no congela.', { hours: 1 }), open: [incident('chiller', ['El tanque de leche no enfría.'])], action: 'suggest', because: /related equipment/ },
    // 2. Different trades sharing generic words.
    { name: 'hot water and a sink leak sharing "apă" (ro)', request: req('Curge apă de sub chiuvetă.', { hours: 1 }), open: [incident('hw', ['Nu avem apă caldă, centrala nu pornește.'])], action: 'new' },
    { name: 'the lift and the corridor lights sharing "power" (en)', request: req('The corridor lights have no power.', { hours: 1 }), open: [incident('lift', ['The lift has no power.'])], action: 'suggest', because: /other equipment on one supply/ },
    { name: 'a tripping breaker and a roller shutter (en)', request: req('The roller shutter will not close.', { hours: 1 }), open: [incident('breaker', ['The breaker keeps tripping.'])], action: 'new' },
    { name: 'office boiler and workshop electrics (ro)', request: req('Instalația electrică din atelier nu pornește.', { hours: 1 }), open: [incident('boiler', ['Centrala din birou nu pornește.'])], action: 'new' },
    // 3. Equipment that used to be unknown is equipment, not a vague follow-up.
    { name: 'asking after the hood is not a chaser of the boiler (es)', request: req('¿A qué hora viene el de la campana?', { hours: 2 }), open: [incident('boiler', ['La caldera no enciende.'])], action: 'new' },
    { name: 'the shutter fixed is not the boiler (es)', request: req('Persiana arreglada, gracias.', { hours: 2 }), open: [incident('boiler', ['La caldera no enciende.'])], action: 'new' },
    { name: 'the same hood asked after (ro)', request: req('Hota din bucătărie tot nu trage, vine cineva?', { hours: 2 }), open: [incident('hood', ['Hota nu mai funcționează.'])], action: 'join', because: /same equipment \(hood\)/ },
    // 4. Misreadings.
    { name: 'an air compressor is not the air conditioning (ro)', request: req('Compresorul de aer din atelier nu pornește.', { hours: 1 }), open: [incident('ac', ['Aerul condiționat din birou nu răcește.'])], action: 'new' },
    { name: 'a resident’s floor is not the lift’s (en)', request: req('Resident on the 9th floor says the lift is still not working.', { hours: 1, contact: 'ct-2' }), open: [incident('lift', ['Lift stuck at the 6th floor.'])], action: 'join' },
    // 7. Recurrence words from a second person.
    { name: '"again" the same lift minutes later (es)', request: req('Otra vez el ascensor!!!', { hours: 0.2, contact: 'ct-2' }), open: [incident('lift', ['El ascensor se ha quedado parado.'])], action: 'join', because: /the same equipment again/ },
    { name: '"iar" the same lift (ro)', request: req('Iar s-a stricat liftul', { hours: 0.3, contact: 'ct-2' }), open: [incident('lift', ['Liftul nu funcționează.'])], action: 'join' },
  ];
  it.each(cases)('$name -> $action', judge);
});

/** Recall on unseen requests: the same fault told by someone else, in other words, on another channel (decisions). */
describe('the same fault in other words: decisions', () => {
  const cases: Case[] = [
    // For equipment that makes cold, "not cold" and "no enfría" / "warm" are one symptom.
    { name: 'a colleague: the freezer "not cold" and "defrosting" (en)', request: req('Chest freezer not cold at all, stuff is defrosting', { contact: 'ct-2', hours: 1 }), open: [incident('f', ['The chest freezer is not freezing'])], action: 'join', because: /same symptom \(temperature\)/ },
    { name: 'a colleague: "nu mai răcește" and "nu face rece" (ro)', request: req('Frigiderul din bar nu face rece deloc', { contact: 'ct-2', hours: 1 }), open: [incident('f', ['Frigiderul din bar nu mai răcește'])], action: 'join' },
    { name: 'a colleague: "no enfría" and "no está frío" (es)', request: req('el aire acondicionado no está frío, sopla templado', { contact: 'ct-2', hours: 2 }), open: [incident('ac', ['El aire acondicionado de la sala no enfría'])], action: 'join' },
    // The same equipment named by two people of one customer within hours, each with another symptom.
    { name: 'the same boiler within hours, an error and a noise (es)', request: req('Se oye un ruido muy fuerte en la caldera del local', { contact: 'ct-2', hours: 2 }), open: [incident('b', ['Caldera Vaillant marca error F28 desde esta mañana'])], action: 'join', because: /the same equipment within hours/ },
    { name: 'the same boiler, a day and a half later: only a suggestion', request: req('Se oye un ruido muy fuerte en la caldera del local', { contact: 'ct-2', hours: 36 }), open: [incident('b', ['Caldera Vaillant marca error F28 desde esta mañana'])], action: 'suggest' },
    { name: 'within hours is no join for another unit of the equipment (en)', request: req('Lift 2 is making a grinding noise', { contact: 'ct-2', hours: 1 }), open: [incident('l', ['Lift 1 shows an error code'])], action: 'new' },
    { name: 'within hours is no join for other equipment (ro)', request: req('Centrala face zgomot', { contact: 'ct-2', hours: 1 }), open: [incident('l', ['Liftul are eroare'])], action: 'new' },
  ];
  it.each(cases)('$name -> $action', judge);
});

/** A second problem in passing: at most a suggestion against the first, and not against the second it names. */
describe('a second problem in passing', () => {
  const cases: Case[] = [
    {
      name: 'about the incident’s own equipment, however much in common: a suggestion (en)',
      request: req('Also, while the engineer is here: the radiators in the main hall are cold as well, the heating is not working there either.', { hours: 1 }),
      open: [incident('hall', ['Main hall heating not working, radiators cold, boiler locked out.'])],
      action: 'suggest',
      because: /brings up another problem/,
    },
    {
      name: '"además de lo del aire": joins the internet incident it is about (es)',
      request: req('Además de lo del aire, ahora seguimos sin internet, el router tiene luz roja.', { hours: 1 }),
      open: [incident('ac', ['El split del gabinete 2 no calienta.'], { lastAt: at(0) }), incident('net', ['Sin internet en la clínica, router con luz roja.'], { lastAt: at(0.5) })],
      action: 'join',
      best: 'net',
    },
    {
      name: '"además de lo del aire": not the aircon incident (es)',
      request: req('Además de lo del aire, ahora nos hemos quedado sin internet.', { hours: 1 }),
      open: [incident('ac', ['El split del gabinete 2 no calienta.'])],
      action: 'new',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});
