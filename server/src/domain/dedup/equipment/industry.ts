/**
 * Workshops, factories, garages and forecourts, and a business's waste: compressed air, forklifts and pallet
 * trucks, cranes and hoists, presses, machine tools, welding, dust and fume extraction; vehicle lifts, the
 * tyre bay, car washes and pressure washers, fuel and AdBlue dispensers, paint booths; waste compactors and
 * cardboard balers. Written from the trades, not from messages.
 *
 * Words that begin everyday ones are said whole or in phrases: "press" is what one does to a button, Spanish
 * "prensa" the newspapers and Romanian "presa" the media (a supermarket's "prensa" is its baler, a factory's its
 * press), "crane" a surname, "hoist" a care home's patient hoist (medical.ts), Spanish "torno" a turnstile
 * (security.ts), "grúa" the tow truck, "surtido" an assortment, "compacto" compact. A fuel dispenser is not a
 * water pump (equipment.ts, 'pump'), and a forklift's charger is not an EV charger.
 */
import type { Trade } from './trade.js';

export const INDUSTRY: Trade = {
  equipment: {
    // "It won't charge" is a battery's or a phone's as often as a charger's: the verb is no charger (a slip of 'charger').
    '-': ['=charge',
      // The crane operator ("macaragiul") is who came, not the crane, and is one letter from it.
      '=macaragiu', '=macaragiul', '=macaragii', '=macaragiului', '=macaragiii'],
    // The air compressor is the core's 'compressor' (equipment.ts); compressed air is what it makes.
    compressor: [
      'compressed air', 'compressed air line', 'compressed air system', 'air receiver', 'screw compressor', 'aire comprimido', 'red de aire comprimido', 'instalacion de aire comprimido', 'compresor de tornillo',
      'aer comprimat', 'instalatia de aer comprimat', 'reteaua de aer comprimat', 'compresor cu surub', 'air dryer compressor', 'secador de aire comprimido', 'uscator de aer comprimat',
      '=kaeser', 'atlas copco', 'ingersoll rand',
    ],
    aircon: [
      // The air conditioning's compressor: the unit, not the workshop's air.
      'compresor de aire acondicionado', 'compresor* de aer conditionat', 'compresor* aerului conditionat',
    ],
    // Process chillers and chilled water of a plant.
    chiller: ['process chiller', 'water chiller', 'glycol chiller', 'planta enfriadora', 'racitor de apa', 'racitorul de apa', 'agregat de apa racita', 'grup de apa racita', 'apa racita'],
    // Steam of a plant: its lines and traps are the steam boiler's.
    boiler: ['steam trap*', 'steam line', 'steam main', 'steam system', 'purgador* de vapor', 'linea de vapor', 'red de vapor', 'conducta de abur', 'conductele de abur', 'retea de abur', 'reteaua de abur', 'oala de condens', 'oale de condens'],
    // Forklifts, reach trucks, stackers and pallet trucks, with their batteries and chargers.
    forklift: [
      'forklift*', 'fork lift*', 'fork truck*', 'forktruck*', '=flt', '=flts', 'reach truck*', 'counterbalance truck', 'pallet truck*', 'pallet jack*', 'electric pallet truck', 'pump truck', '=stacker', '=stackers',
      'order picker*', 'forklift battery', 'forklift charger*', 'forklift battery charger*', 'pallet truck charger',
      'carretilla elevadora', 'carretillas elevadoras', '=carretilla', '=carretillas', 'carretilla retractil', 'carretilla electrica', 'transpalet*', 'traspalet*', 'apilador*', 'recogepedidos', 'preparadora de pedidos',
      'cargador de la carretilla', 'cargador de carretilla*', 'cargadores de las carretillas', 'bateria de la carretilla', 'baterias de las carretillas', 'cargador de la transpaleta',
      'stivuito*', 'motostivuito*', 'liza electrica', 'lize electrice', 'liza manuala', 'incarcator* stivuitor*', 'incarcator* de stivuitor*', 'bateria stivuitor*', 'bateria de la stivuitor',
      'linde forklift', 'carretilla linde', '=jungheinrich', 'still forklift', 'toyota forklift', '=hyster', 'yale forklift', 'crown forklift',
    ],
    // Overhead and gantry cranes, jib cranes, hoists and winches of a workshop.
    crane: [
      'overhead crane', 'gantry crane', 'bridge crane', 'jib crane', 'tower crane', 'the crane', 'our crane', 'crane hook', 'crane hoist', 'crane remote', 'chain hoist', 'electric hoist', 'wire rope hoist', 'chain block',
      'puente grua', 'puentes grua', 'grua puente', 'grua torre', 'grua pluma', 'grua de taller', 'grua del taller', 'pluma giratoria', 'polipasto*', 'aparejo electrico', 'cabrestante', 'winch',
      'pod rulant', 'podul rulant', 'poduri rulante', 'podurile rulante', '=macara', '=macaraua', '=macarale', '=macaralele', '=macaralei', 'electropalan*', 'palan electric', '=palanul', 'palanul electric', '=troliu', '=troliul',
      '=demag', '=konecranes', 'abus crane',
    ],
    // Presses: hydraulic and power presses, press brakes, punching and stamping.
    press: [
      'hydraulic press', 'power press', 'press brake', 'pressbrake', 'punch press', 'stamping press', 'turret punch', 'prensa hidraulica', 'prensas hidraulicas', 'prensa plegadora', 'plegadora', 'prensa excentrica',
      'prensa de estampacion', 'prensa de estampar', 'troqueladora', 'punzonadora', 'presa hidraulica', 'presele hidraulice', 'presa de stantat', 'presa cu excentric', 'presa de indoit', 'abkant*', '=stanta', '=stantele',
      'masina de stantat', 'guillotine shear', 'cizalla', 'cizalla hidraulica', 'ghilotina de tabla', 'foarfeca de tabla',
    ],
    // Injection moulding of plastics.
    moulding: ['injection moulding machine', 'injection molding machine', 'moulding machine', '=inyectora', '=inyectoras', 'maquina de inyeccion', 'masina de injectie', 'masina de injectat', 'masini de injectie'],
    // Machine tools: CNC machines, machining centres, lathes, mills.
    machinetool: [
      '=cnc', 'cnc machine*', 'cnc router', 'router cnc', 'cnc lathe', 'cnc mill', 'machining centre', 'machining center', 'lathe', 'lathes', 'milling machine', 'pillar drill', 'bandsaw machine', 'surface grinder',
      'torno cnc', 'torno paralelo', 'tornos cnc', 'torno de control numerico', 'fresadora*', 'centro de mecanizado', '=rectificadora', '=rectificadoras', 'taladro de columna', 'maquina cnc', 'maquinas cnc', 'control numerico',
      '=strung', '=strungul', '=strunguri', '=strungurile', '=strungului', 'freza cnc', 'masina de frezat', 'centru de prelucrare', 'masina cnc', 'masini cnc', 'masina de gaurit', 'masina de rectificat',
      'laser cutter', 'laser cutting machine', 'cortadora laser', 'corte por laser', 'masina de taiat cu laser', 'plasma cutter', 'corte por plasma',
      'haas cnc', 'haas lathe', '=mazak', '=fanuc', '=heidenhain', '=okuma', 'dmg mori', '=trumpf',
    ],
    // Welding sets; Spanish 'soldadura' and Romanian 'sudură' alone are a weld (the pipe cracked at the weld).
    welder: [
      'welder', 'welders', 'welding machine', 'welding set', 'welding plant', 'mig welder', 'tig welder', 'arc welder', 'spot welder', 'welding torch', 'inverter welder', 'welding robot',
      'maquina de soldar', 'equipo de soldar', 'equipo de soldadura', '=soldadora', '=soldadoras', 'soldadora mig', 'grupo de soldar', 'grupo de soldadura', 'antorcha de soldar', 'robot de soldadura',
      'aparat de sudura', 'aparatul de sudura', 'aparate de sudura', 'aparatele de sudura', 'masina de sudura', 'masina de sudat', 'invertor de sudura', 'invertorul de sudura', 'transformator de sudura', 'robot de sudura',
      '=esab', 'lincoln welder', '=kemppi', 'fronius welder', 'miller welder',
    ],
    // Dust and fume extraction of a workshop (LEV), not a kitchen's or a bathroom's extractor.
    dustextraction: [
      'dust extraction', 'dust extractor*', 'dust collector*', 'fume extraction', 'fume extractor*', 'welding fume*', 'local exhaust ventilation', '=lev', 'chip extraction', 'extraction ducting',
      'aspiracion de virutas', 'aspiracion de serrin', 'aspiracion de polvo', 'aspirador de virutas', 'extraccion de polvo', 'extraccion de virutas', 'extraccion de humos de soldadura', 'aspiracion de humos',
      'captador de polvo', 'colector de polvo', 'filtro de mangas', 'ciclon de aspiracion',
      'aspiratie rumegus', 'aspiratia de rumegus', 'instalatie de aspiratie', 'instalatia de aspiratie', 'exhaustor*', 'aspiratie praf', 'aspiratia de praf', 'aspiratie fum sudura', 'desprafuire',
    ],
    // Garages: vehicle lifts (a UK garage's "ramp", a Spanish one's "elevador" or "puente").
    vehiclelift: [
      'car lift', 'car lifts', 'vehicle lift', 'vehicle lifts', 'two post lift', '2 post lift', 'four post lift', '4 post lift', 'scissor lift', 'car ramp', 'vehicle ramp', 'garage ramp', 'mot ramp', 'mot bay ramp',
      'elevador de coches', 'elevador de vehiculos', 'elevador del taller', 'elevador de dos columnas', 'elevador de 2 columnas', 'elevador de cuatro columnas', 'elevador de 4 columnas', 'elevador de tijera',
      'puente elevador', 'puente del taller', 'elevadores del taller',
      'elevat* auto', 'elevat* cu doua coloane', 'elevat* pe doua coloane', 'elevat* cu 2 coloane', 'elevat* cu patru coloane', 'elevat* foarfeca', 'elevat* tip foarfeca', 'elevatorul de la service', 'lift auto',
      '=ravaglioli', '=bendpak', '=stertil', 'rotary lift',
    ],
    // The tyre bay: the tyre changer (it runs on compressed air), the balancer, the alignment rig.
    tyrechanger: [
      'tyre changer', 'tire changer', 'tyre machine', 'tyre fitting machine', 'desmontadora', 'desmontadoras', 'desmontadora de neumaticos', 'desmontadora de ruedas', 'maquina de cambiar neumaticos',
      'masina de montat anvelope', 'masina de demontat anvelope', 'masina de montat roti',
    ],
    wheelbalancer: ['wheel balancer', 'wheel balancing machine', 'balancing machine', 'equilibradora', 'equilibradora de ruedas', 'masina de echilibrat', 'masina de echilibrare', 'aparat de echilibrat', 'aparatul de echilibrat'],
    alignment: ['wheel alignment machine', 'alignment rig', 'tracking machine', '=alineadora', 'alineador de direccion', 'maquina de alineacion', 'aparat de geometrie', 'aparatul de geometrie', 'stand de geometrie'],
    // Car washes: the gantry, the tunnel, the jet wash bays.
    carwash: [
      'car wash', 'car washes', 'carwash', 'car wash gantry', 'wash gantry', 'jet wash', 'jet washes', 'jetwash', 'wash bay', 'wash bays', 'rollover wash',
      'tunel de lavado', 'puente de lavado', 'box de lavado', 'boxes de lavado', 'lavado de coches', 'lavadero de coches', 'autolavado', 'lavado automatico', 'tren de lavado de coches',
      'spalatori* auto', 'spalatori* de masini', 'portal de spalare', 'portalul de spalare', 'tunel de spalare', 'tunelul de spalare', 'boxa de spalare', 'boxele de spalare', 'statie de spalare auto',
      '=istobal', '=washtec',
    ],
    pressurewasher: [
      'pressure washer*', 'power washer*', 'hidrolimpiadora*', 'hidrolavadora*', 'maquina de agua a presion', 'limpiadora a presion', '=karcher', '=karcherul',
      'aparat de spalat cu presiune', 'aparatul de spalat cu presiune', 'masina de spalat cu presiune', 'spalator cu presiune',
    ],
    // Forecourts: the fuel dispensers and the AdBlue one.
    fueldispenser: [
      'fuel dispenser*', 'fuel pump', 'fuel pumps', 'petrol pump', 'petrol pumps', 'diesel pump', 'diesel pumps', 'fuel nozzle', 'pump nozzle',
      'surtidor*', 'manguera del surtidor', 'dispensador de combustible', 'dispensador de gasoil', 'aparato surtidor',
      'pompa de benzina', 'pompele de benzina', 'pompa de motorina', 'pompa de carburant', 'pompele de carburant', 'pistol de alimentare', 'pistolul de alimentare', 'distribuitor de carburant',
      '=tokheim', 'wayne dispenser', '=gilbarco',
    ],
    adblue: ['adblue', 'ad blue', 'adblue dispenser', 'adblue pump', 'surtidor de adblue', 'pompa de adblue'],
    fueltank: ['fuel tank', 'underground tank', 'tank gauge', 'tank probe', 'tanque de combustible', 'deposito de combustible', 'rezervor de combustibil', 'rezervorul de combustibil', 'rezervoare de carburant'],
    // Paint and spray booths of a body shop, their oven.
    paintbooth: [
      'paint booth', 'spray booth', 'spray bake oven', 'spray bake booth', 'paint shop booth', 'cabina de pintura', 'cabina de pintado', 'horno de pintura', 'cabina horno', 'cabina de barnizado',
      'cabina de vopsire', 'cabina de vopsit', 'cabina de vopsitorie', 'camera de vopsire', 'cuptor de vopsire', 'cuptorul de vopsire',
    ],
    // A business's waste: the compactor and the cardboard baler.
    compactor: [
      'compactor*', 'waste compactor', 'rubbish compactor', 'bin compactor', 'compactadora*', 'compactador de basura', 'compactador de residuos', 'compactador*', 'compactor de deseuri', 'compactorul de gunoi',
      'presa de deseuri', 'presa de gunoi', 'contenedor compactador', 'container compactor',
    ],
    baler: [
      'baler', 'balers', 'cardboard baler', 'waste baler', 'bale press', 'prensa de carton', 'prensa de residuos', 'prensa compactadora', 'prensa de plastico', 'embaladora de carton', 'presa de carton', 'presa de baloti',
      'presa de balotat', 'presa pentru carton', 'presa de maculatura', 'presa de folie',
    ],
  },
  families: {
    // The tyre changer and a workshop's tools run on its compressed air.
    compressedair: ['compressor', 'tyrechanger'],
    tyrebay: ['tyrechanger', 'wheelbalancer', 'alignment'],
    // A garage's "elevador", "elevator" or "lift" is as often its vehicle lift as a passenger lift.
    lifting: ['vehiclelift', 'lift'],
    wash: ['carwash', 'pressurewasher'],
    fuel: ['fueldispenser', 'adblue', 'fueltank'],
    // A booth's or a workshop's extraction and the fans that drive it.
    extraction: ['dustextraction', 'paintbooth', 'extractor', 'fan'],
    waste: ['compactor', 'baler'],
  },
};
