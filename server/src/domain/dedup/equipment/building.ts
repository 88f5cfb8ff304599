/**
 * Lifts and escalators, doors, gates, barriers and shutters, locks, fences, and the building fabric (roofs,
 * gutters, windows and shop fronts, ceilings, plaster, cladding, floors and tiling). "Roof", "tejado" and "acoperiș" are rooms (vocabulary.ts, ROOMS), where other
 * equipment stands ("the AC on the roof"): only the roof's own parts are equipment here. "Lock" alone is
 * a boiler's lock-out as often as a door's: locks are named by their kind.
 */
import type { Trade } from './trade.js';

export const BUILDING: Trade = {
  equipment: {
    // A time window is the visit's, not a window's.
    '-': [
      'time window', 'time slot window', 'delivery window', 'arrival window', 'visit window', 'window of time', 'ventana horaria', 'ventana de tiempo', 'ventana de horario', 'fereastra de timp', 'fereastra orara', 'interval orar',
      // A ramp to walk or drive up is no loading dock; nor a street or a district named after the docks.
      'rampa de acceso', 'rampa del garaje', 'rampa de garaje', 'rampa del parking', 'rampa de minusvalidos', 'rampa para minusvalidos', 'rampa de discapacitados', 'rampa de acces', 'rampa parcarii', 'rampa pentru persoane',
      'wheelchair ramp', 'rampa de gunoi', 'rampa de gunoi a blocului', 'rampa pentru carucioare',
      // A spring is no loading dock ("el muelle de la puerta del garaje": the door stays; "el muelle del colchón").
      'el muelle de la', 'un muelle de la', 'el muelle del porton', 'muelle del colchon', 'muelles del colchon', 'muelle del sofa', 'muelle de la persiana',
      'dock road', 'dock rd', 'dock street', 'dock st', 'dock lane', 'royal docks', 'albert dock', 'docklands',
    ],
    lift: [
      'montacoches', 'car elevator', 'elevador', 'platform lift', 'plataforma elevadora', 'lift car', 'lift shaft', 'hueco del ascensor', 'cabina del ascensor', 'cabina liftului', 'putul liftului',
      'dumbwaiter', 'dumb waiter', 'montaplatos', 'montacarga', 'ascensoare', '=otis', '=schindler', '=kone', '=thyssen', '=thyssenkrupp', '=orona',
    ],
    stairlift: ['plataforma salvaescaleras', 'platforma pentru scari', 'platforma pentru persoane cu dizabilitati', 'wheelchair lift'],
    escalator: ['escalators', 'rampa mecanica', 'travelator', 'moving walkway', 'pasillo rodante', 'pasillo mecanico', 'banda rulanta pentru persoane'],
    door: [
      'revolving door', 'puerta giratoria', 'usa rotativa', 'usa turnanta', 'puerta corredera', 'usa glisanta', 'usa culisanta', 'fire door', 'fire doors', 'puerta cortafuegos', 'puerta ignifuga', 'puerta contra incendios',
      'usa antifoc', 'usa de incendiu', 'door closer', 'cierrapuertas', 'amortizor de usa', 'amortizorul usii', 'sectional door', 'puerta seccional', 'usa sectionala', 'usa de garaj', 'usa garajului', 'rapid roll door',
      'high speed door', 'puerta rapida', 'usa rapida', 'glass door', 'puerta de cristal', 'usa de sticla',
      'loading bay door', 'puerta del muelle', 'usa de la rampa',
    ],
    // A loading dock by itself, mostly numbered: "dock 4", "muelle 3", Romanian "rampa 2". Exact words: 'docking'
    // is a laptop's, English 'ramp' a slope.
    dock: [
      'dock leveller', 'dock leveler', 'rampa niveladora', 'niveladora de muelle', 'rampa de incarcare', 'rampa hidraulica', 'dock shelter', 'abrigo de muelle', '=dock', '=docks', 'loading dock', 'loading bay', 'loading bays',
      '=muelle', '=muelles', 'muelle de carga', 'muelle de descarga', 'muelles de carga', '=rampa', '=rampe', '=rampei', '=rampele', '=rampelor', 'rampa de carga', 'rampa de descarga', 'rampa de descarcare',
      'dock plate', 'chapa del muelle',
    ],
    gate: [
      'sliding gate', 'swing gate', 'automatic gate', 'electric gate', 'porton automatico', 'porton corredero', 'porton batiente', 'puerta del parking', 'poarta automata', 'poarta culisanta', 'poarta batanta', 'poarta de acces',
      'motor del porton', 'motorul portii', 'gate opener', 'portones', '=porti', '=portile', '=portii', '=faac', '=bft', '=beninca',
    ],
    barrier: [
      'barreras', 'bariere', 'bollard*', 'bolardo*', 'pilona*', 'rising bollard', 'parking gate', 'bariera de parcare', 'bariera de acces', 'barrera del parking', 'barrera de acceso', 'car park barrier', 'barrier arm',
      'brazo de la barrera', 'bratul barierei',
    ],
    shutter: [
      'blinds', 'roller blind', 'roller blinds', 'venetian blind*', '=estor', '=estores', 'persianas', 'cierre enrollable', 'puerta enrollable', 'rulouri', 'obloane', 'security shutter', 'shop shutter',
      'motor de la persiana', 'motor persiana', 'motorul rulouli', 'motorul ruloului', '=somfy',
    ],
    // 'toldo' stems to English "told".
    awning: ['awning', '=toldo', '=toldos', 'copertina', 'copertine', 'marquesina', 'pergola bioclimatica', 'retractable roof'],
    lock: [
      'door lock', 'cerradura', 'cerraduras', '=yala', '=yale', 'broasca', 'broasca usii', 'incuietoare', 'incuietori', 'electric lock', 'maglock', 'mag lock', 'magnetic lock', 'cerradura electrica', 'cerradura electronica',
      'electroiman', 'electroimant', 'electromagnet', 'electric strike', 'abrepuertas', 'cerradero electrico', '=bombin', 'smart lock', 'keypad lock', 'panic bar', 'barra antipanico', 'bara antipanica',
      'the lock is', 'lock is jammed', 'lock is broken', 'lock is stuck', 'lock jammed', 'lock broken', 'lock stuck', 'in the lock', 'key wont turn', 'la llave no gira', 'la llave no entra', 'cheia nu intra', 'cheia nu se invarte',
    ],
    roof: [
      'gutter*', 'canalon*', 'jgheab*', 'burlan*', 'downpipe', 'rainwater pipe', '=teja', '=tejas', 'roof tile*', 'tigl*', 'tabla de pe acoperis', 'flat roof', 'cubierta plana', 'tela asfaltica', 'impermeabiliz*',
      'waterproofing', 'roof membrane', 'lucernario', 'claraboya', 'skylight', 'lucarna', '=velux', '=roofing', 'tejado roto', 'cubierta del tejado', 'hidroizolati*',
    ],
    window: [
      'ventana*', 'window', 'windows', 'fereastr*', 'ferestr*', 'geam*', 'termopan*', 'double glazing', 'doble acristalamiento', 'climalit', '=cristal', '=cristales', 'vidrio*', 'glazing', 'window pane', 'window frame',
      'marco de la ventana', 'tamplarie', 'tamplaria', 'carpinteria de aluminio', 'pvc windows',
      // Shop fronts and glass walls.
      'shop front*', 'shopfront*', 'shop window*', 'curtain wall*', 'glass partition*', 'escaparate*', 'luna del escaparate', 'cristalera*', 'ventanal*', 'muro cortina', 'vitrina magazinului', 'vitrinele magazinului',
      'geamul vitrinei', 'perete cortina', 'pereti cortina', 'fatada cortina',
    ],
    // The fabric inside. A ceiling, a wall or a floor by itself is where the water shows or the unit hangs ("the
    // cassette in the ceiling", "agua en el suelo", "pata pe tavan"), not what broke: their own parts are named.
    ceiling: [
      'suspended ceiling*', 'false ceiling*', 'drop ceiling*', 'ceiling tile*', 'ceiling panel*', 'ceiling board*', 'ceiling collapsed', 'ceiling has collapsed', 'ceiling came down', 'ceiling caved in', 'ceiling fell in',
      'ceiling is sagging', 'sagging ceiling', 'ceiling is bowing', 'artex ceiling',
      'falso techo', 'falsos techos', 'techo falso', 'techo desmontable', 'techo registrable', 'placas del techo', 'placas de techo', 'placa del techo', 'placa de escayola', 'placas de escayola', '=escayola', 'techo de escayola',
      'techo de pladur', 'se ha caido el techo', 'se ha caido parte del techo', 'se cae el techo', 'se esta cayendo el techo', 'el techo se ha caido', 'el techo se cae', 'el techo se esta cayendo',
      'tavan fals', 'tavanul fals', 'tavane false', 'tavan suspendat', 'tavanul suspendat', 'tavan casetat', 'tavanul casetat', 'placi de tavan', 'placile de tavan', 'placi din tavan', 'placa din tavan', 'placa de tavan',
      'a cazut tavanul', 'tavanul a cazut', 'cade tavanul', 'se prabuseste tavanul', 'tavan de rigips', 'tavanul din rigips', 'tavanul de rigips',
    ],
    // Walls: plaster and render, plasterboard, the paint on them, damp-proofing.
    plaster: [
      'plaster', 'plasterwork', 'plastering', 'plasterboard', 'drywall', 'skim coat', 'external render', 'rendered wall', 'damp proof course', 'damp proofing', 'damp course', '=dpc',
      '=enlucido', '=yeso', '=revoco', '=enfoscado', '=gotele', '=pladur', 'tabique de pladur', 'pared de pladur', 'tratamiento de humedades', 'tratamiento antihumedad', 'barrera antihumedad',
      'tencui*', '=glet', '=gletul', '=gleturi', '=rigips', '=rigipsul', 'gips carton', 'gipscarton*', 'zugraveal*', 'pereti de rigips', 'peretele de rigips',
    ],
    // Facade cladding and external insulation: the facade itself is where the sign or the unit hangs.
    cladding: [
      'cladding', 'cladding panel*', 'rainscreen', 'revestimiento de fachada', 'aplacado de fachada', 'placas de la fachada', 'placas de fachada', 'fachada ventilada', '=aplacado', 'sate de fachada',
      'placare fatada', 'placarea fatadei', 'placajul fatadei', 'termoizolati*', 'polistirenul de pe fatada', 'polistiren de pe fatada',
    ],
    flooring: [
      '=flooring', 'floorboard*', 'floor board*', 'parquet*', '=laminate', 'laminate floor*', 'vinyl floor*', '=lvt', '=linoleum', '=lino', 'resin floor*', 'epoxy floor*', 'raised floor*', 'access floor*',
      '=tarima', 'tarima flotante', 'tarima de madera', 'suelo laminado', 'suelo de madera', 'suelo vinilico', 'suelo de resina', 'suelo tecnico', 'suelo elevado',
      'parchet*', 'parchet laminat', 'pardoseala epoxidica', 'pardoseala din rasina', 'pardoseala tehnica', 'pardoseala flotanta', 'covor pvc', 'linoleumul',
    ],
    tiling: [
      'floor tile*', 'wall tile*', '=tiling', 'tiled floor', 'tiled wall', '=grout', '=grouting', 'baldosa*', 'baldosin*', 'azulejo*', 'alicatado', 'juntas de los azulejos', 'losetas', '=loseta', 'suelo de baldosas',
      // Romanian 'gresie' (floor tiles) is one letter from 'greșit' (wrong): said with what it does or where it is.
      'gresie din*', 'gresie de la', 'gresie de pe', 'gresie s a', 'gresie e', 'gresie este', 'gresie sparta', 'gresie crapata', 'gresie fisurata', 'placi de gresie', 'gresie si faianta', 'faianta si gresie', 'gresiei din*',
      '=faianta', '=faiantei', '=faiante', '=faiantele', 'placi ceramice', 'placile ceramice', 'placari ceramice',
    ],
    // Fences and electric fences.
    fence: [
      'fence', 'fences', 'fencing', 'fence panel*', 'palisade fenc*', 'security fenc*', 'chain link fenc*', 'electric fenc*', 'perimeter fenc*', 'fence post*',
      '=valla', '=vallas', '=vallado', 'valla perimetral', 'vallado perimetral', 'cerramiento perimetral', 'malla metalica', 'malla de simple torsion', 'pastor electrico', 'cerca electrica', 'cercado electrico',
      '=gard', '=gardul', '=garduri', '=gardului', '=gardurile', 'gard electric', 'gardul electric', 'imprejmuir*', 'plasa de gard', 'panouri de gard', 'panou de gard', 'panourile de gard',
    ],
  },
  families: {
    access: ['lock', 'door', 'accesscontrol', 'intercom'],
    loading: ['dock', 'door', 'shutter'],
    fabric: ['roof', 'window', 'ceiling', 'plaster', 'cladding', 'flooring', 'tiling'],
  },
};
