/**
 * A message telling of a fix names the cause or the part changed: "ya funciona, era el calderín sin aire",
 * "replaced the PCB fuse, heating back on". The part is not another problem (cause.ts, gist.ts), and the
 * resolution joins the incident of what now works. Written from the trade, in es/en/ro.
 */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { incident, judge, req, type Case } from './dedup-fixtures.js';

const read = (text: string) => {
  const g = gistOf(text);
  return { equipment: [...g.equipment].sort(), resolved: g.resolved, symptoms: [...g.symptoms] };
};

describe('the cause found and the part changed', () => {
  it.each([
    ['Ya funciona el agua de la nave, el técnico dice que era el calderín sin aire', ['water']],
    ['El técnico ha venido, era el termostato, ya calienta', []],
    ['Ya va el ascensor, era una avería del cuadro', ['lift']],
    ['Heating back on, it was the pump seized', ['heating']],
    ['Engineer found a faulty immersion element and disconnected it, power fine now', ['power']],
    ['Engineer visited, replaced the PCB fuse, boiler back on', ['boiler']],
    ['Fridge working again, the problem was the door seal', ['fridge']],
    ['S-a rezolvat la centrala, era vasul de expansiune spart', ['boiler']],
    ['Merge liftul acum, a fost de la siguranța din tablou', ['lift']],
  ])('%s: about %j, over', (text, equipment) => {
    expect(read(text)).toEqual({ equipment, resolved: true, symptoms: [] });
  });

  it.each([
    // No fix told: "era" is only a past tense, and what follows it is the fault.
    ['Ayer era el ascensor, hoy no arranca la caldera', ['boiler']],
    ['Ieri era liftul blocat la etajul 3', ['lift']],
    ['The boiler is not working, it was serviced in May', ['boiler']],
  ])('%s: a fault report, nothing left out', (text, equipment) => {
    const g = read(text);
    expect(g.resolved).toBe(false);
    expect(g.equipment).toEqual(expect.arrayContaining(equipment));
  });

  it.each([
    // "No funciona" is no fix told: what follows the cause words is the report's own.
    ['La caldera era nueva y ya no funciona', ['boiler'], ['nofunction']],
    ['The dishwasher is not working and we found a leak under the sink', ['dishwasher', 'sink'], ['nofunction', 'leak']],
    ['Centrala nu merge, din cauza asta nu avem apa calda', ['boiler', 'hotwater'], ['nofunction']],
    ['El tecnico no encontro nada y la camara no funciona, no enfria', ['coldroom'], ['nofunction', 'hot']],
  ])('%s: a fault report, its equipment and symptoms kept', (text, equipment, symptoms) => {
    expect(read(text)).toEqual({ equipment, resolved: false, symptoms });
  });

  it('a repair told with no working words is about the part, as before', () => {
    expect(read('Ya ha venido el técnico, ha cambiado la bomba. Gracias')).toMatchObject({ equipment: ['pump'], resolved: true });
  });

  const cases: Case[] = [
    {
      name: 'the resolution naming the cause joins the incident of what now works',
      request: req('ya funciona el agua de la nave grande, gracias. el tecnico dice q era el calderin sin aire', { contact: 'ct-2', hours: 20 }),
      open: [incident('water', ['Sin agua en los bebederos de la nave grande, la bomba no coge presión'])],
      action: 'join',
      best: 'water',
    },
    {
      name: 'the part changed is not another problem: the heating incident takes it',
      request: req('Mrs Lewis rang – engineer visited 13:00, replaced the PCB fuse, heating back on. She says thank you.', { hours: 6 }),
      open: [incident('heat', ['Heating not working since last night, boiler display blank'])],
      action: 'join',
      best: 'heat',
    },
    {
      name: 'a second open problem of the customer does not take it',
      request: req('Fridge working again, the problem was the door seal', { hours: 5 }),
      open: [incident('fridge', ['The drinks fridge is warm, 12 degrees']), incident('door', ['The back door does not lock'], { lastAt: new Date(Date.UTC(2026, 10, 10, 10)) })],
      action: 'join',
      best: 'fridge',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});

describe('working again is over, stopped again the fault back', () => {
  it.each([
    ['The heating is working again', true, false],
    ['El ascensor funciona otra vez', true, false],
    ['Liftul merge din nou, mulțumim', true, false],
    ['Barn 2 running again, it was the power supply of the controller', true, false],
    ['The lift has stopped again', false, true],
    ['Se ha vuelto a parar el ascensor', false, true],
    ['Iar nu avem apă', false, true],
  ])('%s: over %s, again %s', (text, resolved, again) => {
    const g = gistOf(text);
    expect({ resolved: g.resolved, again: g.again }).toEqual({ resolved, again });
  });

  const cases: Case[] = [
    {
      name: 'a colleague’s news that the equipment works again joins its open incident',
      request: req('Just to say thank you to the electrician who changed the shower yesterday, hot water fine now', { contact: 'ct-2', hours: 30 }),
      open: [incident('hw', ['The shower is only running cold since Saturday'])],
      action: 'join',
      best: 'hw',
      because: /says its equipment works again/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});
