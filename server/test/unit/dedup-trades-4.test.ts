/**
 * The fourth round of trades (equipment/industry.ts, leisure.ts, lab.ts and the additions to building, heating,
 * electrical, plumbing and telecom): workshops and garages, forecourts, a business's waste, audio-visual and
 * signage, the gym and leisure, building fabric, the street's lines and poles, labs. Each concept read in
 * es/en/ro, colloquial and without accents; the words it must not take; different equipment kept apart.
 */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { incident, judge, req, type Case } from './dedup-fixtures.js';

const equipmentOf = (text: string) => [...gistOf(text).equipment];

describe('workshops, factories and a business’s waste', () => {
  it.each([
    // Compressed air is the compressor's.
    ['No compressed air in the workshop since this morning', 'compressor'],
    ['La red de aire comprimido pierde presión', 'compressor'],
    ['Nu avem aer comprimat în hală', 'compressor'],
    // Forklifts, pallet trucks and their chargers.
    ['The forklift won’t start', 'forklift'],
    ['Forklift charger in the warehouse is dead', 'forklift'],
    ['Electric pallet truck not lifting', 'forklift'],
    ['La carretilla elevadora pierde aceite', 'forklift'],
    ['La transpaleta eléctrica no sube', 'forklift'],
    ['La traspaleta no baja', 'forklift'],
    ['El cargador de la carretilla no carga', 'forklift'],
    ['Stivuitorul nu pornește', 'forklift'],
    ['Motostivuitoarele nu se încarcă', 'forklift'],
    ['Transpaletul electric nu ridică', 'forklift'],
    // Cranes and hoists.
    ['Overhead crane stuck in the middle of the bay', 'crane'],
    ['The chain hoist is slipping', 'crane'],
    ['El puente grúa no responde al mando', 'crane'],
    ['El polipasto hace un ruido raro', 'crane'],
    ['Podul rulant nu se mai mișcă', 'crane'],
    ['Macaraua din hală e blocată', 'crane'],
    // Presses.
    ['Hydraulic press leaking oil', 'press'],
    ['The press brake is showing a fault', 'press'],
    ['La prensa hidráulica no baja', 'press'],
    ['La plegadora da error', 'press'],
    ['Presa hidraulică nu coboară', 'press'],
    ['Abkantul nu mai îndoaie', 'press'],
    // Injection moulding.
    ['Injection moulding machine 2 alarming', 'moulding'],
    ['La inyectora se ha parado', 'moulding'],
    ['Mașina de injecție nu mai pornește', 'moulding'],
    // Machine tools.
    ['The CNC is throwing an alarm', 'machinetool'],
    ['Lathe making a grinding noise', 'machinetool'],
    ['El torno CNC no arranca', 'machinetool'],
    ['La fresadora vibra mucho', 'machinetool'],
    ['Strungul nu pornește', 'machinetool'],
    ['Mașina CNC afișează eroare', 'machinetool'],
    // Welding sets.
    ['The MIG welder keeps cutting out', 'welder'],
    ['Welding machine tripping the breaker', 'welder'],
    ['La máquina de soldar no da corriente', 'welder'],
    ['La soldadora no arranca', 'welder'],
    ['Aparatul de sudură nu merge', 'welder'],
    ['Invertorul de sudură s-a oprit', 'welder'],
    // Dust and fume extraction.
    ['Dust extraction in the joinery shop not pulling', 'dustextraction'],
    ['Welding fume extractor very loud', 'dustextraction'],
    ['La aspiración de virutas no funciona', 'dustextraction'],
    ['El colector de polvo está atascado', 'dustextraction'],
    ['Instalația de aspirație rumeguș nu trage', 'dustextraction'],
    ['Exhaustorul din atelier face zgomot', 'dustextraction'],
    // Waste: compactors and balers.
    ['The compactor is jammed again', 'compactor'],
    ['Compactadora de basura atascada', 'compactor'],
    ['Compactorul de deșeuri nu presează', 'compactor'],
    ['Cardboard baler stuck half way', 'baler'],
    ['La prensa de cartón no funciona', 'baler'],
    ['Presa de carton nu mai leagă baloții', 'baler'],
    // Process chillers and steam.
    ['The process chiller is alarming on high pressure', 'chiller'],
    ['Răcitorul de apă nu mai răcește', 'chiller'],
    ['Steam trap leaking on the main line', 'boiler'],
    ['Pierde vapor la línea de vapor', 'boiler'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));
});

describe('garages and forecourts', () => {
  it.each([
    ['Car lift in bay 2 stuck up', 'vehiclelift'],
    ['The two post lift won’t come down', 'vehiclelift'],
    ['MOT ramp not lifting', 'vehiclelift'],
    ['El elevador de dos columnas no sube', 'vehiclelift'],
    ['El puente elevador del taller pierde aceite', 'vehiclelift'],
    ['Elevatorul auto nu coboară', 'vehiclelift'],
    ['Elevatorul cu două coloane s-a blocat', 'vehiclelift'],
    ['Tyre changer not turning', 'tyrechanger'],
    ['La desmontadora de neumáticos pierde aire', 'tyrechanger'],
    ['Mașina de montat anvelope nu mai are aer', 'tyrechanger'],
    ['Wheel balancer giving wrong readings', 'wheelbalancer'],
    ['La equilibradora no equilibra bien', 'wheelbalancer'],
    ['Mașina de echilibrat roți nu pornește', 'wheelbalancer'],
    ['The alignment rig needs calibrating', 'alignment'],
    ['Aparatul de geometrie nu mai citește', 'alignment'],
    ['Car wash gantry stuck halfway', 'carwash'],
    ['Jet wash bay 3 has no pressure', 'carwash'],
    ['El túnel de lavado se ha parado con un coche dentro', 'carwash'],
    ['El puente de lavado no arranca', 'carwash'],
    ['Spălătoria auto nu pornește', 'carwash'],
    ['Portalul de spălare s-a blocat', 'carwash'],
    ['Pressure washer not building pressure', 'pressurewasher'],
    ['La hidrolimpiadora pierde agua', 'pressurewasher'],
    ['Karcherul nu face presiune', 'pressurewasher'],
    ['Diesel pump on the forecourt not dispensing', 'fueldispenser'],
    ['Petrol pump 4 display blank', 'fueldispenser'],
    ['El surtidor de gasoil no echa', 'fueldispenser'],
    ['Los surtidores no cobran', 'fueldispenser'],
    ['Pompa de benzină nu dă carburant', 'fueldispenser'],
    ['Pistolul de alimentare de la pompa 2 curge', 'fueldispenser'],
    ['AdBlue dispenser out of order', 'adblue'],
    ['El surtidor de AdBlue no funciona', 'adblue'],
    ['Pompa de AdBlue nu merge', 'adblue'],
    ['The underground tank probe is in alarm', 'fueltank'],
    ['Rezervorul de combustibil are o scurgere', 'fueltank'],
    ['Spray booth not getting up to temperature', 'paintbooth'],
    ['La cabina de pintura no calienta', 'paintbooth'],
    ['Cabina de vopsire nu mai trage', 'paintbooth'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));
});

describe('audio-visual, signage, the gym and leisure', () => {
  it.each([
    ['The projector in the boardroom won’t turn on', 'projector'],
    ['El proyector de la sala de reuniones no enciende', 'projector'],
    ['Videoproyector sin imagen', 'projector'],
    ['Videoproiectorul din sala de ședințe nu merge', 'projector'],
    ['Motorised projector screen stuck down', 'projector'],
    ['La pantalla de proyección no baja', 'projector'],
    ['Interactive whiteboard not responding to touch', 'whiteboard'],
    ['La pizarra digital del aula 3 no va', 'whiteboard'],
    ['Tabla interactivă nu răspunde', 'whiteboard'],
    ['PA system crackling in the warehouse', 'sound'],
    ['The speakers in the restaurant are buzzing', 'sound'],
    ['La megafonía no se oye', 'sound'],
    ['Los altavoces del bar no suenan', 'sound'],
    ['El hilo musical no funciona', 'sound'],
    ['Boxele din restaurant nu merg', 'sound'],
    ['Sistemul de sonorizare scoate zgomot', 'sound'],
    ['Difuzoarele din magazin nu se aud', 'sound'],
    ['Microfonul din sala de conferințe nu merge', 'sound'],
    ['Video conferencing kit in room 2 has no camera', 'videoconf'],
    ['El equipo de videoconferencia no conecta', 'videoconf'],
    ['Sistemul de videoconferință nu pornește', 'videoconf'],
    ['The AV in the boardroom is not working', 'avsystem'],
    ['Digital signage screens all blank', 'signage'],
    ['The illuminated sign outside is off', 'signage'],
    ['Video wall has a dead panel', 'signage'],
    ['El rótulo luminoso de la fachada no enciende', 'signage'],
    ['El letrero de la entrada parpadea', 'signage'],
    ['El tótem de precios está apagado', 'signage'],
    ['Reclama luminoasă de pe fațadă nu se aprinde', 'signage'],
    ['Caseta luminoasă pâlpâie', 'signage'],
    ['Ecranul LED de la intrare e negru', 'signage'],
    ['Treadmill belt slipping', 'treadmill'],
    ['Running machine 4 stops after a minute', 'treadmill'],
    ['La cinta de correr se para sola', 'treadmill'],
    ['Banda de alergat nu pornește', 'treadmill'],
    ['Cross trainer squeaking badly', 'crosstrainer'],
    ['La elíptica hace ruido', 'crosstrainer'],
    ['Orbitrekul scârțâie', 'crosstrainer'],
    ['Spin bike resistance knob broken', 'exercisebike'],
    ['Bicicleta estática no marca', 'exercisebike'],
    ['Bicicleta de spinning rota', 'exercisebike'],
    ['Bicicleta medicinală nu mai are rezistență', 'exercisebike'],
    ['Rowing machine seat stuck', 'rower'],
    ['La máquina de remo no tiene resistencia', 'rower'],
    ['Leg press cable frayed', 'gymmachine'],
    ['Las máquinas del gimnasio necesitan revisión', 'gymmachine'],
    ['Aparatele de fitness trebuie verificate', 'gymmachine'],
    ['Hot tub in lodge 5 not heating', 'hottub'],
    ['El jacuzzi no calienta', 'hottub'],
    ['La bañera de hidromasaje no hace burbujas', 'hottub'],
    ['Ciubărul nu se încălzește', 'hottub'],
    ['Jacuzzi-ul nu face bule', 'hottub'],
    ['Pinsetter on lane 6 jammed', 'bowling'],
    ['La máquina de bolos de la pista 4 no recoge', 'bowling'],
    ['Pista de bowling 3 nu ridică popicele', 'bowling'],
    ['Fruit machine swallowing coins', 'arcade'],
    ['The pool table is not releasing the balls', 'arcade'],
    ['La máquina tragaperras no paga', 'arcade'],
    ['La diana electrónica no cuenta', 'arcade'],
    ['Aparatul de jocuri nu dă credit', 'arcade'],
    ['Masa de biliard nu eliberează bilele', 'arcade'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));
});

describe('the building fabric, solid fuel and the street', () => {
  it.each([
    ['Suspended ceiling tiles have fallen in the office', 'ceiling'],
    ['Ceiling has collapsed in the back room', 'ceiling'],
    ['Se ha caído el falso techo del pasillo', 'ceiling'],
    ['Se cae la escayola del techo', 'ceiling'],
    ['Tavanul fals din hol s-a desprins', 'ceiling'],
    ['Au căzut plăcile de tavan', 'ceiling'],
    ['Plaster coming off the wall in the hallway', 'plaster'],
    ['El enlucido de la pared se cae', 'plaster'],
    ['El pladur del tabique está roto', 'plaster'],
    ['Tencuiala cade de pe pereți', 'plaster'],
    ['Rigipsul s-a fisurat', 'plaster'],
    ['Cladding panel hanging off the side of the building', 'cladding'],
    ['Se han soltado placas de la fachada ventilada', 'cladding'],
    ['Cade termoizolația de pe bloc', 'cladding'],
    ['Laminate flooring lifting by the door', 'flooring'],
    ['El parquet se ha levantado', 'flooring'],
    ['La tarima flotante cruje', 'flooring'],
    ['Parchetul s-a umflat', 'flooring'],
    ['Floor tiles cracked in the entrance', 'tiling'],
    ['Se han caído azulejos en la cocina', 'tiling'],
    ['Baldosas sueltas en el pasillo', 'tiling'],
    ['Gresia din baie s-a crăpat', 'tiling'],
    ['Faianța din bucătărie a căzut', 'tiling'],
    ['The fence blew down in the wind', 'fence'],
    ['Electric fence on the top field is dead', 'fence'],
    ['La valla del parking está rota', 'fence'],
    ['El pastor eléctrico no da corriente', 'fence'],
    ['Gardul dinspre stradă s-a dărâmat', 'fence'],
    ['Shop front glass cracked', 'window'],
    ['Han roto la luna del escaparate', 'window'],
    ['Vitrina magazinului e spartă', 'window'],
    ['Gas fire won’t light', 'heating'],
    ['The electric fire smells of burning', 'heating'],
    ['Los acumuladores de calor no calientan', 'heating'],
    ['Los radiadores eléctricos no funcionan', 'heating'],
    ['Caloriferul electric nu încălzește', 'heating'],
    ['The fireplace is smoking into the room', 'flue'],
    ['Șemineul scoate fum în cameră', 'flue'],
    ['Hornul nu trage', 'flue'],
    ['Repartitoarele de pe calorifere nu afișează nimic', 'heatmeter'],
    ['El contador de calorías no marca', 'heatmeter'],
    ['Overhead line down across the road', 'powerline'],
    ['Electricity pole leaning after the storm', 'powerline'],
    ['Un poste eléctrico se ha caído en la finca', 'powerline'],
    ['Stâlpul de curent din fața casei e înclinat', 'powerline'],
    ['Telegraph pole down, no phone since', 'phoneline'],
    ['Stâlpul de telefonie a căzut', 'phoneline'],
    ['Septic tank soakaway overflowing', 'drain'],
    ['El separador de hidrocarburos está lleno', 'drain'],
    ['Capacul căminului lipsește', 'drain'],
    ['La bomba de aguas fecales no arranca', 'pump'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));
});

describe('labs and the cold chain', () => {
  it.each([
    ['Fume cupboard airflow alarm sounding', 'fumecupboard'],
    ['La vitrina de gases no extrae', 'fumecupboard'],
    ['Nișa chimică nu trage', 'fumecupboard'],
    ['The class II cabinet is alarming', 'biosafety'],
    ['La cabina de flujo laminar no arranca', 'biosafety'],
    ['Hota cu flux laminar dă eroare', 'biosafety'],
    ['Clean room pressure dropped overnight', 'cleanroom'],
    ['La sala blanca ha perdido la sobrepresión', 'cleanroom'],
    ['Camera curată nu mai ține presiunea', 'cleanroom'],
    ['The centrifuge won’t spin up', 'centrifuge'],
    ['La centrífuga de laboratorio vibra', 'centrifuge'],
    ['Centrifuga din laborator dă eroare', 'centrifuge'],
    ['Liquid nitrogen dewar venting', 'cryostorage'],
    ['El tanque de nitrógeno pierde', 'cryostorage'],
    ['Nivel scăzut la azot lichid', 'cryostorage'],
    ['La estufa de cultivo no llega a 37', 'incubator'],
    ['Drying oven not heating', 'dryingoven'],
    ['Etuva nu mai încălzește', 'autoclave'],
    ['El sistema de agua ultrapura da alarma', 'watertreatment'],
    ['The -80 freezer is alarming', 'freezer'],
    ['Ultracongelador de -80 en alarma', 'freezer'],
  ])('%s -> %s', (text, concept) => expect(equipmentOf(text)).toContain(concept));
});

describe('words the new trades must not take', () => {
  it.each([
    // A project, an assortment, a compact car, a tow truck, a turnstile, a long weekend.
    ['El proyecto de reforma está parado', 'projector'],
    ['Tenemos un surtido nuevo en la tienda', 'fueldispenser'],
    ['Hay un coche compacto en la puerta', 'compactor'],
    ['Ha venido la grúa a por el coche', 'crane'],
    ['El torno de la entrada del gimnasio no gira', 'machinetool'],
    ['Mañana es puente y no hay nadie', 'vehiclelift'],
    // "Press the button", a signature, a crane operator, the welder who came.
    ['Please press the reset button and hold it', 'press'],
    ['Can you sign the job sheet?', 'signage'],
    ['Vine macaragiul la 10?', 'crane'],
    ['Ya ha venido el soldador', 'welder'],
    // A floodlight is lighting; an injector is a burner's; a rectifier the electrics'.
    ['El proyector LED del patio no enciende', 'projector'],
    ['Proiectorul LED din curte nu se aprinde', 'projector'],
    ['El inyector del quemador gotea', 'moulding'],
    // Romanian "greșit" is wrong, not the floor tiles.
    ['Am greșit adresa, scuze', 'tiling'],
    ['Ați greșit factura', 'tiling'],
    // A floor, a ceiling, a wall are where it shows.
    ['Lift stuck on the second floor', 'flooring'],
    ['Water on the floor in the bathroom', 'flooring'],
    ['Water dripping from the ceiling in the kitchen', 'ceiling'],
    ['The cassette in the ceiling is leaking', 'ceiling'],
    ['Roof tiles missing after the wind', 'tiling'],
    ['Cae agua del techo del baño', 'ceiling'],
    ['Pe tavan e o pată de apă', 'ceiling'],
    // The washing machine's spin is no centrifuge; a whirlpool brand no hot tub.
    ['La lavadora no centrifuga', 'centrifuge'],
    ['Mașina de spălat nu face centrifuga', 'centrifuge'],
    ['The speaker on the intercom is crackling', 'sound'],
    // "Won't charge" is the laptop's, the phone's, the bill's.
    ['My phone won’t charge', 'evcharger'],
    ['What is the charge for the visit?', 'evcharger'],
    ['The laptop won’t charge', 'evcharger'],
    // A fire door, a gas suppression system, an airline.
    ['Can’t open fire door at the back', 'flue'],
    ['Gas fire suppression system in the server room beeping', 'heating'],
    ['La línea aérea nos ha perdido la maleta', 'powerline'],
    // Powerline networking is the network.
    ['The powerline adapter in the office keeps dropping', 'powerline'],
  ])('%s is not about %s', (text, concept) => expect(equipmentOf(text)).not.toContain(concept));

  it('a forklift’s charger is the forklift, not an EV charger', () => {
    expect(equipmentOf('The forklift battery charger is dead')).toEqual(['forklift']);
    expect(equipmentOf('El cargador de la carretilla no carga')).not.toContain('evcharger');
  });
  it('a fuel pump is not a water pump, a Spanish oven not a Romanian chimney', () => {
    expect(equipmentOf('El surtidor 3 no da gasoil')).not.toContain('pump');
    expect(equipmentOf('Pompa de benzină nu merge')).not.toContain('pump');
    expect(equipmentOf('El horno no calienta')).toEqual(['oven']);
    expect(equipmentOf('Hornul trage prost')).toEqual(['flue']);
  });
  it('the powerline adapter is the network', () => expect(equipmentOf('The powerline adapter in the office keeps dropping')).toContain('internet'));
});

describe('the new trades decide like the core', () => {
  const cases: Case[] = [
    {
      name: 'the forklift told twice, in two languages, joins',
      request: req('Stivuitorul nu pornește deloc', { contact: 'ct-2' }),
      open: [incident('inc-1', ['The forklift won’t start'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'the car wash told twice joins',
      request: req('El túnel de lavado sigue parado', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Car wash gantry stuck halfway'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'the hot tub told twice joins',
      request: req('El jacuzzi sigue sin calentar', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Hot tub not heating up'])],
      action: 'join',
      best: 'inc-1',
    },
    {
      name: 'a forklift’s charger and the office sockets are two faults',
      request: req('The forklift charger is not charging'),
      open: [incident('inc-1', ['The sockets in the office have no power'])],
      action: 'new',
    },
    {
      name: 'a forklift’s charger is not the car park’s EV charger',
      request: req('El cargador de la carretilla no carga'),
      open: [incident('inc-1', ['El punto de recarga del parking da error'])],
      action: 'new',
    },
    {
      name: 'a fuel dispenser is not the water pump',
      request: req('Diesel pump 2 not dispensing'),
      open: [incident('inc-1', ['The booster pump for the toilets is tripping'])],
      action: 'new',
    },
    {
      name: 'a vehicle lift and a passenger lift of one customer: related, for an agent',
      request: req('The two post lift in bay 3 won’t come down'),
      open: [incident('inc-1', ['Lift stuck on the first floor'])],
      action: 'suggest',
    },
    {
      name: 'the hot tub and the pool: related, for an agent',
      request: req('The hot tub is leaking'),
      open: [incident('inc-1', ['The pool filter is leaking'])],
      action: 'suggest',
    },
    {
      name: 'a treadmill and a cross trainer are two machines of the gym',
      request: req('Treadmill 2 belt slipping'),
      open: [incident('inc-1', ['Cross trainer squeaking badly'])],
      action: 'suggest',
    },
    {
      name: 'the projector and the kitchen oven are two faults',
      request: req('El proyector de la sala no enciende'),
      open: [incident('inc-1', ['El horno de la cocina no calienta'])],
      action: 'new',
    },
    {
      name: 'a fume cupboard is not the kitchen hood',
      request: req('La vitrina de gases del laboratorio no extrae'),
      open: [incident('inc-1', ['La campana de la cocina no tira'])],
      action: 'new',
    },
    {
      name: 'a centrifuge is not the washing machine',
      request: req('The centrifuge is vibrating badly'),
      open: [incident('inc-1', ['The washing machine won’t spin'])],
      action: 'new',
    },
    {
      name: 'the waste compactor and the cardboard baler: related, for an agent',
      request: req('Cardboard baler stuck half way'),
      open: [incident('inc-1', ['The compactor is jammed'])],
      action: 'suggest',
    },
    {
      name: 'the tyre changer without air and the compressor: related, for an agent',
      request: req('La desmontadora no tiene aire'),
      open: [incident('inc-1', ['El compresor del taller no arranca'])],
      action: 'suggest',
    },
    {
      name: 'a fence and a gate of one site are two faults',
      request: req('The fence by the car park blew down'),
      open: [incident('inc-1', ['The electric gate won’t open'])],
      action: 'new',
    },
    {
      name: 'a ceiling that came down and the roof leak above it: related, for an agent',
      request: req('Part of the suspended ceiling has come down in the office'),
      open: [incident('inc-1', ['Water coming in through the flat roof'])],
      action: 'suggest',
    },
    {
      name: 'an overhead line down and the power cut it caused: related, for an agent',
      request: req('Stâlpul de curent din fața casei a căzut', { contact: 'ct-2' }),
      open: [incident('inc-1', ['Nu avem curent de azi-noapte'])],
      action: 'suggest',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});

describe('numbered units of the new trades', () => {
  const unitsOf = (text: string) => [...gistOf(text).units];
  it('two treadmills of a gym are two problems', () =>
    judge({ name: '', request: req('Treadmill 2 is not working', { contact: 'ct-2' }), open: [incident('t', ['Treadmill 4 is not working'])], action: 'suggest', because: /another unit of the equipment/ }));
  it.each([
    ['Forklift 3 won’t charge', 'forklift:3'],
    ['Treadmill 4 belt slipping', 'treadmill:4'],
    ['Centrifuge 2 out of balance', 'centrifuge:2'],
    ['Wash bay 2 has no pressure', 'carwash:2'],
    ['Fuel pump 3 not dispensing', 'fueldispenser:3'],
    ['Hot tub 4 is cold', 'hottub:4'],
  ])('%s has %s', (text, unit) => expect(unitsOf(text)).toContain(unit));
});
