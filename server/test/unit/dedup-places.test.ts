/** Places: those a text names (text.ts) and service addresses (site.ts), alone and in decisions. */
import { describe, expect, it } from 'vitest';
import { incident, judge, req, type Case } from './dedup-fixtures.js';
import { decide, gistOf, placesOf, siteKeyOf, siteRelation } from '../../src/domain/dedup/index.js';

describe('places', () => {
  it.each([
    ['Tom (C/ Betis 22) pregunta por el aire', ['site:betis']],
    ['No hot water on the 3rd floor, East wing', ['floor:3', 'unit:east']],
    ['Aeroterme hala B2 Jucu, planta 3a', ['unit:b2', 'floor:3']],
    ['Good morning, we are at 40 Cannon St', ['site:cannon']],
    ['Main hall heating is off', []],
    ['No hot water in the east wing. West wing OK.', ['unit:east', 'unit:west']], // placesOf lists both; the gist keeps the one with the problem
    ['Raluca Popescu, Office Manager', []],
    ['El aerotermo de la nave de Escoriaza no arranca', ['unit:escoriaza']],
    ['En el polígono Cogullada, nave 14', ['site:cogullada', 'unit:14']],
    ['La habitación 207 y la Hab. 208', ['unit:207', 'unit:208']],
    ['Our PO number is AP-2291', []],
    ['Server room AC alarm', []],
    ['on the third floor', ['floor:3']],
    ['Str. Baba Novac 15, etajul 3', ['site:baba', 'floor:3']],
  ])('%s', (text, places) => {
    expect([...placesOf(text)].sort()).toEqual([...places].sort());
  });

  it('leaves a place where things work out of the gist', () => {
    expect([...gistOf('No hot water in the east wing. West wing OK.').places]).toEqual(['unit:east']);
  });
});

describe('service address: siteKeyOf', () => {
  it.each([
    // Street types, abbreviations, accents, number markers, town and descriptions left out.
    ['C/ Emilio Baró 41 (obrador)', 'emilio baro 41'],
    ['Calle Emilio Baró, 41 - 46020 Valencia', 'emilio baro 41 @46020'],
    ['calle emilio baro nº 41', 'emilio baro 41'],
    ['712 Wilmslow Road, Didsbury', 'wilmslow 712'],
    ['712 WILMSLOW RD, Manchester M20', 'wilmslow 712 @m20'],
    ['Unit 4, 120 Floodgate St, Birmingham B5 5SL', 'floodgate 120 @b5_5sl #unit 4'],
    ['Greenfield House, 8 Wetherby Road, Leeds LS8', 'wetherby 8 @ls8'],
    ['Chorlton Community Centre, Beech Road, M21', 'chorlton community centre beech @m21'],
    // Floors, doors, flats, blocks in es/ro/en.
    ['C/ Vallehermoso 64, 3ºB', 'vallehermoso 64 #fl 3 door b'],
    ['Calle Vallehermoso nº 64, piso 3, puerta B', 'vallehermoso 64 #fl 3 door b'],
    ['vallehermoso 64 3b', 'vallehermoso 64 #fl 3 door b'],
    ['Avenida de la Constitución 3, bajo A', 'constitucion 3 #fl 0 door a'],
    ['C/ Unceta 45, 3º dcha, 50010 Zaragoza', 'unceta 45 @50010 #fl 3 door dcha'],
    ['Str. Baba Novac 15, bl. C2, ap. 18, București', 'baba novac 15 bl c2 #apt 18'],
    ['Strada Baba Novac nr 15 bl C2 ap 18', 'baba novac 15 bl c2 #apt 18'],
    ['Bd. Unirii 5, bl. A1, sc. 2, et. 3, ap. 12, sector 3, 030167 București', 'unirii 5 bl a1 @030167 #sc 2 fl 3 apt 12'],
    ['Bulevardul 16 Decembrie 1989 nr. 11, etajul 4', '16 decembrie 1989 11 #fl 4'],
    ['Flat 4, 9 Barlow Moor Road', 'barlow moor 9 #apt 4'],
    ['2nd floor, 10 Downing St, London SW1A 2AA', 'downing 10 @sw1a_2aa #fl 2'],
    ['Polígono Cogullada, Calle E, nave 14, 50014 Zaragoza', 'cogullada e @50014 #unit 14'],
    ['C/ General Ricardos 151, local, 28019 Madrid', 'general ricardos 151 @28019 #local'],
    // Nothing useful left.
    ['Madrid', null],
    ['n/a', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s -> %s', (address, key) => expect(siteKeyOf(address)).toBe(key));

  it.each([
    ['C/ Emilio Baró 41 (obrador)', 'Calle Emilio Baró, 41 - 46020 Valencia', 'same'], // a postcode left out is no difference
    ['120 Floodgate Street, Birmingham B5', 'Unit 4, 120 Floodgate St, Birmingham B5 5SL', 'building'], // outward code vs full postcode, one unit unknown
    ['C/ Vallehermoso 64, 3ºB', 'vallehermoso 64, piso 3 puerta B', 'same'],
    ['C/ Vallehermoso 64, 3ºB', 'C/ Vallehermoso 64, 1ºA', 'other-unit'],
    ['C/ Vallehermoso 64', 'C/ Vallehermoso 58', 'other'],
    ['Calle Mayor 5, 28013 Madrid', 'Calle Mayor 5, 46001 Valencia', 'other'], // same street name, another town
  ])('%s vs %s: %s', (a, b, relation) => expect(siteRelation(siteKeyOf(a)!, siteKeyOf(b)!)).toBe(relation));
});

describe('service address in decisions', () => {
  /** Another customer (a tenant, a neighbour's company) writing from an address; the lift incident of a first customer at one. */
  const neighbour = (text: string, site?: string) => req(text, { contact: 'ct-b', customer: 'cu-b', site });
  const liftAt = (site: string) => incident('lift', ['El ascensor está parado entre el 2º y el 3º, no abre las puertas.'], { contact: 'ct-a', customer: 'cu-a', site });
  const boilerAt = (site: string) => incident('flat', ['La caldera no enciende, error F28, sin agua caliente.'], { contact: 'ct-a', customer: 'cu-a', site });
  const cases: Case[] = [
    { name: 'the landlord and the tenant of one flat, the same fault', request: neighbour('Mi inquilina dice que no hay agua caliente, la caldera da error F28.', 'Calle Mayor 5, 2ºB, Madrid'), open: [boilerAt('C/ Mayor nº 5, piso 2 puerta B')], action: 'join', because: /same service address/ },
    { name: 'two companies of one building, its lift', request: neighbour('The lift is stuck between floors again, doors will not open.', 'Calle Mayor 5, 28013 Madrid'), open: [liftAt('Calle Mayor 5')], action: 'join' },
    { name: 'two occupants of different units: not joined by the rule for their own boilers', request: neighbour('Caldera con error F28, sin agua caliente.', 'Calle Mayor 5, 3ºA'), open: [boilerAt('Calle Mayor 5, 2ºB')], action: 'suggest', because: /another occupant, not the building’s equipment/ },
    { name: 'two occupants of different units: their building’s lift', request: neighbour('El ascensor no funciona, se ha quedado parado.', 'Calle Mayor 5, 3ºA'), open: [liftAt('Calle Mayor 5, 2ºB')], action: 'join' },
    { name: 'the same address, another customer, other equipment', request: neighbour('No tenemos internet en la oficina.', 'Calle Mayor 5'), open: [liftAt('Calle Mayor 5')], action: 'new' },
    { name: 'another customer at another address, the same words', request: neighbour('El ascensor está parado, no abre las puertas.', 'Calle Mayor 7'), open: [liftAt('Calle Mayor 5')], action: 'new' },
    { name: 'another customer with no address: as before, never', request: neighbour('El ascensor está parado, no abre las puertas.'), open: [liftAt('Calle Mayor 5')], action: 'new' },
    {
      name: 'the same customer, another of its addresses: evidence against',
      request: req('No heating this morning, radiators cold.', { hours: 1, contact: 'ct-2', site: '48 King Street, Manchester M2' }),
      open: [incident('didsbury', ['No heating, radiators cold, boiler shows EA.'], { site: '712 Wilmslow Road, Didsbury' })],
      action: 'new',
      because: /another service address \(king 48 @m2 vs wilmslow 712\)/,
    },
    {
      name: 'the same customer, the same address written another way: evidence for',
      request: req('Still no heating, is the engineer coming?', { hours: 2, contact: 'ct-2', site: '712 Wilmslow Rd, Manchester M20' }),
      open: [incident('didsbury', ['No heating, radiators cold, boiler shows EA.'], { site: '712 Wilmslow Road, Didsbury' })],
      action: 'join',
      because: /same service address/,
    },
  ];
  it.each(cases)('$name -> $action', judge);

  it('without site keys the score is what it was', () => {
    const open = [incident('didsbury', ['No heating, radiators cold, boiler shows EA.'])];
    const plain = decide(req('Still no heating, is the engineer coming?', { contact: 'ct-2' }), open);
    const withNull = decide({ ...req('Still no heating, is the engineer coming?', { contact: 'ct-2' }), siteKey: null }, [{ ...open[0]!, siteKey: null }]);
    expect(withNull).toEqual(plain);
    expect(plain.best!.reasons.join('; ')).not.toMatch(/address|building/);
  });
});
