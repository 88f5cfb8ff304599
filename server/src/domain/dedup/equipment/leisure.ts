/**
 * Audio-visual and signage, fitness and leisure: projectors and their screens, interactive boards, sound and
 * PA, video conferencing, signs, LED screens and digital signage; treadmills and gym machines, hot tubs,
 * bowling, arcade and amusement machines. Written from the trades, not from messages.
 *
 * A projector is said whole: Spanish "proyecto" is a project (and a slip away from "proyector"), and a
 * Spanish "proyector LED" or a Romanian "proiector" alone is a floodlight (lighting). A "display" is a
 * refrigerated one (equipment.ts) and a boiler's LED display no sign: signs are named as such. "Speaker"
 * is said with its kind or in the plural; a "sign" alone is a signature.
 */
import type { Trade } from './trade.js';

export const LEISURE: Trade = {
  equipment: {
    projector: [
      'projector*', 'projection screen', 'projector screen', 'motorised screen', 'motorized screen', 'cinema projector', 'digital cinema projector', 'cinema screen', 'projector lamp',
      'proyector*', 'videoproyector*', 'pantalla de proyeccion', 'pantalla del proyector', 'pantalla motorizada', 'proyector de cine', 'pantalla de cine', 'cabina de proyeccion', 'lampara del proyector',
      'videoproiecto*', 'proiector video', 'proiectorul video', 'proiectorul din sala', 'proiectorul de la sala', 'proiector de cinema', 'ecran de proiectie', 'ecranul de proiectie', 'ecranul proiectorului',
    ],
    // A floodlight is lighting: "proyector LED", "proiectorul din curte", "proiectoare LED".
    lighting: [
      'proyector* led', 'proyector* de led', 'proyector* exterior*', 'proyector* de luz', 'proyector* con sensor', 'proyector* de jardin', 'proiector* led', 'proiectoare led', 'proiector* cu senzor', 'proiector* exterior*',
      'proiectorul din curte', 'proiectoarele din curte', 'stage lighting', 'stage lights', 'lighting rig', 'focos del escenario', 'iluminacion escenica', 'luminile de scena',
    ],
    whiteboard: [
      'interactive whiteboard*', 'smartboard*', 'smart board', 'interactive panel*', 'interactive screen*', 'interactive display', 'pizarra digital', 'pizarras digitales', 'pizarra interactiva', 'pizarras interactivas',
      'panel interactivo', 'pantalla interactiva', 'tabla interactiva', 'tabla smart', 'table interactive', 'monitor interactiv', '=promethean',
    ],
    // Sound: PA and background music, speakers, amplifiers, microphones, hearing loops, voice alarm.
    sound: [
      'pa system', 'public address', '=tannoy', 'tannoy system', 'sound system', 'audio system', 'voice alarm', 'voice evacuation', 'background music', 'loudspeaker*', '=speakers', 'speaker system', 'ceiling speaker*', 'wall speaker*', 'bluetooth speaker*',
      'audio amplifier', 'mixing desk', 'sound desk', 'microphone*', 'radio mic*', 'wireless mic*', 'induction loop', 'hearing loop', '=sonos', 'bose speaker*', 'jbl speaker*',
      'sistema de sonido', 'equipo de sonido', 'equipo de musica', 'sonorizacion', 'megafon*', 'hilo musical', 'musica ambiental', 'altavo*', 'amplificador de sonido', 'amplificador de audio', 'mesa de mezclas',
      'microfono*', 'bucle magnetico', 'bucle de induccion',
      'difuzo*', '=boxe', '=boxele', '=boxelor', 'sistem de sonorizare', 'sistemul de sonorizare', 'sonorizare*', 'statie de amplificare', 'statia de amplificare', 'amplificator audio', 'amplificatorul audio', 'mixer audio',
      'mixerul audio', 'microfon*', 'microfoan*', 'bucla de inductie', 'muzica ambientala', 'sistem de muzica ambientala',
    ],
    videoconf: [
      'video conferencing', 'videoconferencing', 'video conference', 'video conference system', 'conference phone', 'conference camera', 'teams room', 'zoom room', '=polycom', 'logitech rally',
      'videoconferencia', 'equipo de videoconferencia', 'sistema de videoconferencia', 'camara de videoconferencia', 'videoconferint*', 'sistem de videoconferinta', 'camera de videoconferinta',
    ],
    // The meeting room's system as a whole ("the AV in the boardroom"): related to each of its parts.
    avsystem: ['audio visual', 'audiovisual*', 'av system', 'av equipment', 'av kit', 'the av', 'sistema audiovisual', 'equipos audiovisuales', 'sistem audio video', 'echipament* audio video', 'sistemul audio video'],
    // Signs, LED screens, video walls, digital signage, price totems and billboards.
    signage: [
      'digital signage', 'signage', 'led sign', 'led signs', 'led sign board', 'illuminated sign', 'illuminated signs', 'shop sign', 'shop signs', 'neon sign*', 'fascia sign', 'sign lights', 'sign lighting', 'lightbox',
      'light box', 'billboard*', 'price sign', 'price board', 'price totem', 'video wall', 'videowall', 'led wall', 'led screen', 'led screens', 'menu board*', 'digital menu board*', 'menu screen*', 'information screen*',
      'departure board*', 'queue display',
      'senalizacion digital', 'carteleria digital', 'carteleria', 'cartel luminoso', 'carteles luminosos', 'letrero luminoso', 'letreros luminosos', 'letrero de neon', '=letrero', '=letreros', '=rotulo', '=rotulos',
      'rotulo luminoso', 'rotulos luminosos', 'caja de luz', 'valla publicitaria', 'vallas publicitarias', '=totem', 'totem digital', 'totem de precios', 'monolito de precios', 'pantalla led', 'pantallas led',
      'pantalla gigante', 'pared de video', 'pantallas de menu', 'pantalla de menu', 'pantallas informativas', 'pantalla de turnos',
      'caseta luminoasa', 'casete luminoase', 'caseta luminoase', 'reclama luminoasa', 'reclame luminoase', 'reclama luminoase', 'firma luminoasa', 'firma luminoase', 'litere volumetrice', 'literele volumetrice', 'panou publicitar', 'panouri publicitare',
      'panoul publicitar', 'ecran led', 'ecrane led', 'ecranul led', 'ecranele led', 'panou de preturi', 'panoul de preturi', 'totemul', 'semnalistica', 'afisaj digital', 'afisajul digital',
    ],
    // The gym: each kind of machine its own, of one family.
    treadmill: [
      'treadmill*', 'running machine*', 'cinta de correr', 'cintas de correr', 'cinta de andar', 'cinta para correr', 'cintas para correr', 'caminadora*',
      'banda de alergat', 'benzi de alergat', 'banda de alergare', 'banda pentru alergat', 'benzile de alergat',
    ],
    crosstrainer: [
      'cross trainer*', 'crosstrainer*', 'elliptical*', 'stepper machine', 'stair climber', 'stairmaster', 'eliptica', 'elipticas', 'bicicleta eliptica', 'maquina eliptica', 'escaladora', 'aparat eliptic', 'bicicleta eliptica',
      '=orbitrek', '=orbitrekul',
    ],
    exercisebike: [
      'exercise bike*', 'spin bike*', 'spinning bike*', 'stationary bike*', 'wattbike*', 'watt bike*', 'bicicleta estatica', 'bicicletas estaticas', 'bicicleta de spinning', 'bicicletas de spinning', 'bicicleta spinning',
      'bicicleta fija', 'bicicleta de ciclo indoor', 'bicicleta medicinala', 'biciclete medicinale', 'bicicleta fitness', 'biciclete de spinning', 'bicicleta de camera',
    ],
    rower: ['rowing machine*', '=rower', '=rowers', 'maquina de remo', 'maquinas de remo', 'remo indoor', 'remoergometro', 'aparat de vaslit', 'aparatul de vaslit', 'aparat de canotaj'],
    gymmachine: [
      'gym equipment', 'gym machine*', 'fitness equipment', 'fitness machine*', 'cable machine', 'leg press', 'chest press', 'smith machine', 'multigym', 'multi gym', 'weight machine*', 'weights machine*',
      'maquinas del gimnasio', 'maquina del gimnasio', 'maquinaria de gimnasio', 'maquinas de gimnasio', 'maquinas de musculacion', 'maquina de musculacion', 'prensa de piernas', 'multiestacion', 'maquina smith',
      'aparate de fitness', 'aparatele de fitness', 'aparat de fitness', 'aparate de forta', 'aparatele de forta', 'presa de picioare', 'aparatele de la sala de fitness', '=technogym', 'life fitness', '=precor', 'matrix fitness',
    ],
    // A hot tub is not the pool beside it, though its pump is a pump.
    hottub: [
      'hot tub*', 'hottub*', 'jacuzzi*', 'spa pool', 'spa bath', 'swim spa', 'whirlpool bath', 'hot tub heater', 'hot tub pump', 'spa heater', 'spa pump', 'hidromasaje', 'banera de hidromasaje', 'banera hidromasaje',
      'calentador del jacuzzi', 'bomba del jacuzzi', 'hydromassage', 'hidromasaj', 'cada cu hidromasaj', 'ciubar*', 'ciuber*', 'pompa ciubarului', 'pompa jacuzzi',
    ],
    bowling: [
      'pinsetter*', 'pinspotter*', 'pin setter*', 'pin spotter*', 'bowling lane*', 'bowling machine*', 'ball return', 'maquina de bolos', 'maquinas de bolos', 'maquina de la bolera', 'pista de bolos', 'pistas de bolos',
      'pista de bowling', 'pistas de bowling', 'pista* de bowling', 'masina de bowling', 'masina de popice', 'instalatia de bowling', 'culoar de bowling', '=brunswick', '=qubica',
    ],
    // Amusements: arcade and gaming machines, claw cranes, jukeboxes, a pub's coin-op pool table and darts.
    arcade: [
      'arcade machine*', 'arcade game*', 'amusement machine*', 'slot machine*', 'fruit machine*', 'gaming machine*', 'pinball*', 'claw machine*', 'crane machine*', 'the crane machine', 'grabber machine*', 'coin pusher*', 'penny pusher*',
      'jukebox*', 'pool table*', 'snooker table*', 'dart board*', 'dartboard*', 'electronic darts', 'air hockey',
      'tragaperras', 'maquina tragaperras', 'maquina recreativa', 'maquinas recreativas', 'maquinas de juego', 'maquina de dardos', 'maquinas de dardos', 'diana electronica', 'dianas electronicas', 'futbolin*',
      'mesa de billar', 'mesas de billar', '=billar', 'maquina de peluches', 'maquina de gancho', '=rocola',
      'pacane*', 'aparat* de joc', 'aparat* de jocuri', 'masina de jocuri', 'masa de biliard', 'mese de biliard', 'biliard*', 'tonomat*', 'aparat de darts', 'aparatul de darts',
    ],
  },
  families: {
    av: ['avsystem', 'projector', 'whiteboard', 'sound', 'videoconf'],
    // A sign's lights and the shop's lighting can be one circuit.
    signs: ['signage', 'lighting'],
    gym: ['treadmill', 'crosstrainer', 'exercisebike', 'rower', 'gymmachine'],
    pool: ['hottub'],
  },
};
