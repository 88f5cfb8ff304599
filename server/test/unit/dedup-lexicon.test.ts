/** The trades lexicon (equipment/*.ts): equipment of each trade recognised in es/en/ro, related parts related, different equipment apart. */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { incident, judge, req, type Case } from './dedup-fixtures.js';

const equipmentOf = (text: string) => [...gistOf(text).equipment];

describe('equipment of the trades', () => {
  it.each([
    // HVAC and refrigeration
    ['The blast chiller in the prep kitchen is not pulling down', 'blastchiller'],
    ['El abatidor no enfría', 'blastchiller'],
    ['Ceiling fan in the office makes a clicking noise', 'fan'],
    ['Ventilatorul de tavan nu pornește', 'fan'],
    ['El camión frigorífico no mantiene la temperatura', 'reefer'],
    ['Mașina de înghețată nu mai pornește', 'icecream'],
    ['The evaporator is iced up', 'refcircuit'],
    // Heating and hot water
    ['Nu avem agent termic de ieri', 'heating'],
    ['El toallero eléctrico del baño no calienta', 'heating'],
    ['Smoke coming back down the boiler flue', 'flue'],
    ['Coșul de fum al centralei e înfundat', 'flue'],
    ['Las placas solares térmicas no calientan el agua', 'hotwater'],
    // Plumbing, water, gas
    ['Arqueta del patio rebosa', 'drain'],
    ['Grease trap overflowing behind the kitchen', 'drain'],
    ['El descalcificador pita', 'watertreatment'],
    ['Contorul de apă curge', 'watermeter'],
    ['Se ha acabado la bombona de butano', 'gas'],
    ['Contador del gas hace ruido', 'gasmeter'],
    // Electrical
    ['Salta el automático de la cocina', 'breaker'],
    ['Grupul electrogen nu pornește la pana de curent', 'generator'],
    ['UPS in the comms room beeping', 'ups'],
    ['Stâlpul de iluminat din fața blocului nu se aprinde', 'lighting'],
    ['Alumbrado público apagado en la calle Mayor', 'lighting'],
    ['The smart meter screen is blank', 'powermeter'],
    ['Home battery not charging from the panels', 'battery'],
    ['Întrerupătorul de la hol nu merge', 'switch'],
    // Building: lifts, doors, gates, fabric
    ['Montaplatos atascado entre plantas', 'lift'],
    ['Dock leveller stuck in the raised position', 'dock'],
    ['La cerradura electrónica no abre', 'lock'],
    ['Poarta automată nu se închide', 'gate'],
    ['Toldo de la terraza no recoge', 'awning'],
    ['Gutter overflowing at the back', 'roof'],
    ['Geamul termopan de la birou e spart', 'window'],
    // Fire and security
    ['Fire extinguishers need servicing', 'firefighting'],
    ['Smoke vent open and will not close', 'smokevent'],
    ['Camerele video nu mai înregistrează', 'cctv'],
    ['El control de accesos no lee las tarjetas', 'accesscontrol'],
    ['Turnstile at reception jammed', 'accesscontrol'],
    // IT and telecom
    ['Network switch in the comms cabinet is dead', 'internet'],
    ['No dial tone on any line', 'phoneline'],
    ['El ordenador de recepción no enciende', 'computer'],
    ['Fotocopiadora atascada', 'printer'],
    // Kitchens, laundries, retail
    ['The glasswasher leaves the glasses dirty', 'glasswasher'],
    ['La amasadora hace un ruido fuerte', 'mixer'],
    ['Cuptorul cu microunde nu încălzește', 'microwave'],
    ['Feliatorul nu mai taie', 'slicer'],
    ['Calandra de la lavandería se calienta demasiado', 'ironer'],
    ['Hand dryer in the gents not working', 'handdryer'],
    ['Báscula de la charcutería no pesa bien', 'scale'],
    ['Automatul de cafea nu dă rest', 'vending'],
    ['Beer lines are pouring foam', 'beer'],
    // Medical, pools, agriculture, food industry
    ['Scaunul stomatologic nu coboară', 'dentalchair'],
    ['El autoclave da error de presión', 'autoclave'],
    ['Aspiración quirúrgica sin fuerza en el gabinete 2', 'suction'],
    ['Pool pump tripping', 'pump'],
    ['La depuradora de la piscina no filtra', 'pool'],
    ['Sala de ordeño sin vacío', 'milking'],
    ['El riego por goteo no arranca', 'irrigation'],
    ['Uscătorul de cereale s-a oprit', 'graindryer'],
    ['Cinta transportadora parada en la línea 3', 'conveyor'],
    ['Mașina de etichetat nu lipește', 'packer'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));

  it.each([
    // Words that name another thing than they seem to.
    ['Can you give me a time window for the visit?', 'window'],
    ['Ventana horaria para el técnico, por favor', 'window'],
    ['I switched it off and on again', 'internet'],
    ['El ordenador no enciende', 'milking'],
    ['La ordeñadora no arranca', 'computer'],
    ['The boiler keeps locking out', 'lock'],
    ['The boiler light is flashing', 'roof'],
    ['Securitas guard says the freezer alarm is going off', 'alarm'],
  ])('%s is not about %s', (text, concept) => expect(equipmentOf(text)).not.toContain(concept));

  it('the circulating pump is the heating, the compressor of the cold room is the cold room', () => {
    expect(equipmentOf('La bomba de circulación de la calefacción hace ruido')).toContain('heating');
    expect(equipmentOf('El compresor de la cámara frigorífica no arranca')).toEqual(expect.arrayContaining(['compressor', 'coldroom']));
  });
});

describe('the trades decide like the core', () => {
  const cases: Case[] = [
    {
      name: 'the blast chiller told twice, in two languages, joins',
      request: req('The blast chiller is not cooling down the trays', { contact: 'ct-2' }),
      open: [incident('inc-1', ['El abatidor no enfría'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'the milking parlour told twice joins',
      request: req('Sala de ordeño sin vacío, no podemos ordeñar', { contact: 'ct-2' }),
      open: [incident('inc-1', ['La ordeñadora se ha parado'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'a compressor alone and the cold room: related, for an agent',
      request: req('Compresorul face zgomot'),
      open: [incident('inc-1', ['Camera frigorifică nu răcește'])],
      action: 'suggest',
      because: /related equipment/,
    },
    {
      name: 'the chiller feeding the hall and the hall’s air conditioning: related, for an agent',
      request: req('Chillerul care alimentează sala mare e oprit în avarie', { contact: 'ct-2' }),
      open: [incident('inc-1', ['În sala mare aerul condiționat nu răcește deloc'])],
      action: 'suggest',
      because: /related equipment/,
    },
    {
      name: 'a power cut and the generator that did not start: related, for an agent',
      request: req('El grupo electrógeno no ha arrancado', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Apagón en toda la nave'])],
      action: 'suggest',
    },
    {
      name: 'the glasswasher is not the dishwasher',
      request: req('The glasswasher is leaking', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Dishwasher leaking all over the floor'])],
      action: 'suggest',
    },
    {
      name: 'the dental chair and the autoclave are two faults',
      request: req('El autoclave no termina el ciclo'),
      open: [incident('inc-1', ['El sillón dental no sube'])],
      action: 'new',
    },
    {
      name: 'the irrigation and the pool are two faults',
      request: req('Irrigation system not coming on'),
      open: [incident('inc-1', ['Pool filter leaking'])],
      action: 'new',
    },
    {
      name: 'the slicer and the vending machine are two faults',
      request: req('Feliatorul nu mai taie'),
      open: [incident('inc-1', ['Automatul de cafea nu dă rest'])],
      action: 'new',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});

describe('numbered units of the trades', () => {
  const unitsOf = (text: string) => [...gistOf(text).units];
  it.each([
    ['Lavadora 3 no centrifuga', 'washer:3'],
    ['Dryer 2 in the laundry is not heating', 'dryer:2'],
    ['Silo 2 no descarga', 'silo:2'],
    ['Incubadora 4 da alarma de temperatura', 'incubator:4'],
    ['Envasadora 2 parada', 'packer:2'],
    ['Vending machine 3 is eating coins', 'vending:3'],
    ['Dock leveller 5 stuck in the raised position', 'dock:5'],
    ['Grupul electrogen 2 nu pornește', 'generator:2'],
    ['Pat de spital 12 nu coboară', 'medicalbed:12'],
    ['Autoclave nº 2 da error', 'autoclave:2'],
  ])('%s has %s', (text, unit) => expect(unitsOf(text)).toContain(unit));

  it.each([
    // A meter's number is its serial or its reading, not which of several.
    ['Contador de agua 12 m3 de consumo raro', 'watermeter:'],
    ['Gas meter 45 reading looks wrong', 'gasmeter:'],
    // A measure, a time or a count after the equipment is not a unit.
    ['Generator 60 kVA not starting', 'generator:'],
    ['The lift 2 days ago stopped between floors', 'lift:'],
    ['El ascensor 3 veces parado esta semana', 'lift:'],
    // Single on a site: the pool, the roof.
    ['La depuradora 2 veces parada', 'pool:'],
  ])('%s has no %s unit', (text, prefix) => expect(unitsOf(text).filter((u) => u.startsWith(prefix))).toEqual([]));

  it('two washing machines of a laundry are two problems', () =>
    judge({ name: '', request: req('Lavadora 3 no desagua', { contact: 'ct-2' }), open: [incident('w1', ['Lavadora 1 no desagua'])], action: 'suggest', because: /another unit of the equipment/ }));
});

describe('symptoms of the building fabric and water', () => {
  const symptomsOf = (text: string) => [...gistOf(text).symptoms];
  it.each([
    // Damp, mould, condensation
    ['Mould and damp on the bedroom ceiling', 'damp'],
    ['Humedad y moho en la pared del baño', 'damp'],
    ['Igrasie și mucegai pe peretele din dormitor', 'damp'],
    ['Lots of condensation on the windows every morning', 'damp'],
    // Leak, seepage, overflow, water getting in
    ['Water seeping through the party wall', 'leak'],
    ['El agua rezuma por la junta del suelo', 'leak'],
    ['Agua entra por el techo cuando llueve', 'leak'],
    ['Gutter overflowing at the back', 'leak'],
    ['Plouă în casă, pe tavan', 'leak'],
    // Blocked, clogged
    ['The kitchen sink is clogged', 'blocked'],
    ['El fregadero no traga', 'blocked'],
    ['Chiuveta e înfundată', 'blocked'],
    ['Shower tray not draining', 'blocked'],
    // Smell
    ['Something stinks of sewage in the corridor', 'smell'],
    ['Apesta a gas en la escalera', 'smell'],
    ['Duhoare de canal în subsol', 'smell'],
    // Noise, vibration
    ['Squealing noise from the extractor', 'noise'],
    ['El motor chirría al arrancar', 'noise'],
    ['Radiators gurgling all night', 'noise'],
    ['Compresorul scârțâie', 'noise'],
    // Tripping
    ['Salta el diferencial cada vez que enciendo el horno', 'tripping'],
    ['The oven keeps tripping the power', 'tripping'],
    ['Sare siguranța când pornesc boilerul', 'tripping'],
    // Pressure
    ['La ducha sale sin fuerza', 'pressure'],
    ['Only a trickle from the kitchen tap', 'pressure'],
    ['Apa curge slab la robinet', 'pressure'],
    // Overheating, frozen, not heating
    ['The motor is overheating', 'hot'],
    ['El motor se recalienta', 'hot'],
    ['Evaporator iced up in the cold room', 'frozen'],
    ['Țevile au înghețat', 'frozen'],
    ['El evaporador lleno de escarcha', 'frozen'],
    ['The radiators are not warming up', 'cold'],
    ['Caloriferele nu se încălzesc', 'cold'],
  ])('%s -> %s', (text, symptom) => expect(symptomsOf(text)).toContain(symptom));

  it.each([
    // Words that are usually something else.
    ['Caldera de condensación nueva, revisión anual', 'damp'],
    ['Mașina de înghețată nu pornește', 'frozen'],
    ['Cámara de congelados: revisión anual', 'frozen'],
    ['Files are backed up nightly to the server', 'blocked'],
    ['El técnico está en un atasco', 'blocked'],
    ['A resident tripped on the step', 'tripping'],
  ])('%s is not %s', (text, symptom) => expect(symptomsOf(text)).not.toContain(symptom));

  it('the same damp told twice, in two languages, joins', () =>
    judge({ name: '', request: req('Mould coming back on the bathroom ceiling', { contact: 'ct-2' }), open: [incident('d', ['Humedad y moho en el techo del baño'])], action: 'join', best: 'd' }));
});

/** Everyday and short names of equipment the trades' lexicon did not know, and the forms the stemmer does not reach. */
describe('everyday names of equipment', () => {
  it.each([
    // A fan by itself, in the three languages and their plurals.
    ['The fan in the office is making a grinding noise', 'fan'],
    ['Fans not working in the warehouse', 'fan'],
    ['El ventilador del almacén no gira', 'fan'],
    ['Ventilatoarele din hală nu pornesc', 'fan'],
    ['Ventilatorul de pe hol face zgomot', 'fan'],
    // Loading docks by number.
    ['Dock 4 leveller won’t go down', 'dock'],
    ['El muelle 3 no baja', 'dock'],
    ['Rampa 2 de la depozit nu urcă', 'dock'],
    // HVAC and refrigeration
    ['La máquina del hielo gotea', 'icemachine'],
    ['The cooling tower is overflowing', 'coolingtower'],
    ['La torre de refrigeración pierde agua', 'coolingtower'],
    ['El deshumidificador del archivo no funciona', 'dehumidifier'],
    ['Dezumidificatorul nu mai scoate apă', 'dehumidifier'],
    ['Ventiloconvectoarele de la etaj nu merg', 'aircon'],
    ['Compresoarele nu pornesc', 'compressor'],
    ['La extracción de la cocina no tira', 'extractor'],
    ['The extraction in the kitchen is not working', 'extractor'],
    // Electrical
    ['There is a loud hum from the transformer', 'transformer'],
    ['El trafo hace un zumbido', 'transformer'],
    ['Postul de transformare a căzut', 'transformer'],
    ['Becurile de pe hol s-au ars', 'lighting'],
    ['Spoturile din magazin nu se aprind', 'lighting'],
    ['Încărcătoarele din parcare nu încarcă', 'evcharger'],
    // Kitchens, shops
    ['The grill is not heating up', 'griddle'],
    ['La salamandra no calienta', 'griddle'],
    ['La vitro no enciende', 'oven'],
    ['Cuptoarele nu se încălzesc', 'oven'],
    ['Hotele din bucătărie nu trag', 'hood'],
    ['Uscătoarele nu usucă', 'dryer'],
    ['The PDQ machine keeps declining cards', 'payment'],
    ['Cântarele nu cântăresc corect', 'scale'],
    // Building, plumbing, security
    ['Ușile automate nu se deschid', 'door'],
    ['The lock is jammed', 'lock'],
    ['El water del baño pierde agua', 'toilet'],
    ['Miroase a canal în subsol', 'drain'],
    ['Trebuie vidanjată fosa', 'drain'],
    ['Dozatoarele de apă curg', 'waterdispenser'],
    ['Contoarele de apă nu mai contorizează', 'watermeter'],
    ['Centralele din bloc nu merg', 'boiler'],
    ['Las cámaras no graban desde ayer', 'cctv'],
    ['Camerele nu înregistrează', 'cctv'],
    ['The cameras are down', 'cctv'],
    ['The front door buzzer is not working', 'intercom'],
    ['Stingătoarele trebuie verificate', 'firefighting'],
    ['El respirador de la UCI da alarma', 'respirator'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));

  it.each([
    // Spanish "la central" is a head office, English "central" a part of town: the boiler is Romanian 'centrala'.
    ['Les escribo desde la central de Madrid: la cámara no enfría', 'boiler'],
    ['Our office in central London has no internet', 'boiler'],
    // A laptop's dock, a ramp to walk up, a street named after the docks.
    ['Laptop docking station not charging', 'dock'],
    ['The wheelchair ramp at the entrance is cracked', 'dock'],
    ['La rampa del garaje tiene una gotera', 'dock'],
    ['Unit 3, Dock Road: the boiler is leaking', 'dock'],
    // Verbs spelled like equipment: what the appliance does.
    ['The oven is not heating up', 'heating'],
    ['The dishwasher won’t drain', 'drain'],
    ['El lavavajillas no desagua', 'drain'],
    ['The barrier won’t lift', 'lift'],
    ['The hob won’t light', 'lighting'],
    ['Gulls on the roof again', 'roof'],
    // Romanian "fân" (hay) is no fan, a patient's ventilator no fan, a remote's battery no tap.
    ['Presa de fân nu merge', 'fan'],
    ['El respirador de la UCI da alarma', 'fan'],
    ['Bateria telecomenzii e descărcată', 'tap'],
    // Spanish 'canal' is a TV channel; 'baño' and Romanian 'bani' (money) share a stem.
    ['Cambié de canal y la tele no tiene señal', 'drain'],
  ])('%s is not about %s', (text, concept) => expect(equipmentOf(text)).not.toContain(concept));

  it('a room word that is money or a question is no room', () => {
    expect([...gistOf('Bancomatul nu dă bani').rooms]).not.toContain('bathroom');
    expect([...gistOf('Tengo una consulta sobre la factura').rooms]).not.toContain('surgery');
    expect([...gistOf('El lavabo del baño gotea').rooms]).toContain('bathroom');
  });
});

describe('everyday names decide like the trade names', () => {
  const cases: Case[] = [
    {
      name: 'the warehouse fan told twice, in two languages, joins',
      request: req('El ventilador del almacén hace un ruido raro', { contact: 'ct-2' }),
      open: [incident('inc-1', ['The fan in the warehouse is making a grinding noise'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'the same dock told twice joins',
      request: req('Muelle 3 atascado desde esta mañana', { contact: 'ct-2' }),
      open: [incident('inc-1', ['El muelle 3 no baja'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'another dock of the warehouse is another problem',
      request: req('Dock 2 leveller won’t go down', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Dock 4 leveller won’t go down'])],
      action: 'suggest',
      because: /another unit of the equipment/,
    },
    {
      name: 'an oven not heating up is not the heating',
      request: req('The oven is not heating up'),
      open: [incident('inc-1', ['No heating in the restaurant since this morning'])],
      action: 'new',
    },
    {
      name: 'a barrier that will not lift is not the lift',
      request: req('The car park barrier won’t lift', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Lift stuck on the second floor'])],
      action: 'new',
    },
    {
      name: 'a dishwasher that will not drain is not the drain',
      request: req('The dishwasher won’t drain'),
      open: [incident('inc-1', ['Blocked drain in the yard, water everywhere'])],
      action: 'new',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});

describe('numbered units of the everyday names', () => {
  const unitsOf = (text: string) => [...gistOf(text).units];
  it.each([
    ['Ventilador 3 del almacén parado', 'fan:3'],
    ['Transformer 2 is humming', 'transformer:2'],
    ['Rampa 4 nu coboară', 'dock:4'],
    ['Muelle 12 atascado', 'dock:12'],
  ])('%s has %s', (text, unit) => expect(unitsOf(text)).toContain(unit));

  it('a boiler that works badly is still the open fault: the next report joins it', () =>
    judge({
      name: '',
      request: req('La caldera sigue sin encender', { contact: 'ct-2' }),
      open: [incident('b', ['La caldera no enciende', 'La caldera funciona mal'])],
      action: 'join',
      best: 'b',
    }));
});
