/**
 * Laboratories and the cold chain: fume cupboards and biological safety cabinets, clean rooms, centrifuges,
 * liquid-nitrogen storage, lab incubators and drying ovens, purified water. A lab fridge or a -80 freezer is
 * a fridge or a freezer (equipment.ts, hvac.ts); an incubator is agriculture.ts's.
 *
 * Spanish and Romanian "centrifuga" is the washing machine's spin ("la lavadora no centrifuga"), and shares
 * its stem with English "centrifuge": the centrifuge is said whole. A Spanish "vitrina" alone is a display
 * fridge, a "campana" a kitchen hood, a Romanian "nișă" an alcove: the fume cupboard is named as such.
 */
import type { Trade } from './trade.js';

export const LAB: Trade = {
  equipment: {
    fumecupboard: [
      'fume cupboard*', 'fume hood*', 'fumehood*', 'fume cabinet*', 'chemical hood', 'lab hood',
      'vitrina de gases', 'vitrinas de gases', 'vitrina de extraccion', 'vitrina de laboratorio', 'vitrinas de laboratorio', 'campana de gases', 'campana de laboratorio', 'campanas de laboratorio',
      'campana de extraccion de gases', 'campana extractora de gases',
      'nisa chimica', 'nise chimice', 'nisa de laborator', 'nisele chimice', 'nisa de gaze', 'hota chimica', 'hota de laborator', 'hote de laborator', 'nisa cu exhaustare',
    ],
    biosafety: [
      'biosafety cabinet*', 'biological safety cabinet*', 'microbiological safety cabinet*', 'class ii cabinet', 'class 2 cabinet', 'laminar flow', 'laminar flow cabinet', 'laminar flow hood', 'flow hood',
      'cabina de seguridad biologica', 'cabinas de seguridad biologica', 'cabina de flujo laminar', 'campana de flujo laminar', 'flujo laminar',
      'hota cu flux laminar', 'hota de siguranta biologica', 'hota microbiologica', 'nisa cu flux laminar', 'nisa de siguranta biologica', 'flux laminar',
    ],
    cleanroom: [
      'clean room*', 'cleanroom*', 'sala blanca', 'salas blancas', 'sala limpia', 'salas limpias', 'camera curata', 'camere curate', 'camerele curate', 'camera sterila', 'clean room pressure', 'pass box', 'passbox', 'sas de materiales',
    ],
    centrifuge: [
      '=centrifuge', '=centrifuges', 'microcentrifug*', 'ultracentrifug*', 'lab centrifuge', 'centrifuga de laboratorio', 'centrifugas de laboratorio', 'centrifugadora de laboratorio', 'centrifuga refrigerada',
      'centrifuga de laborator', 'centrifuga frigorifica', 'centrifuga din laborator', 'centrifugii din laborator',
    ],
    // Liquid nitrogen and cryogenic storage.
    cryostorage: [
      'liquid nitrogen', '=ln2', 'nitrogen dewar', 'dewar vessel', 'dewar de nitrogeno', 'cryogenic storage', 'cryostore', 'cryo tank', 'cryogenic freezer', 'nitrogeno liquido', 'tanque de nitrogeno', 'tanques de nitrogeno', 'contenedor criogenico',
      'azot lichid', 'azotul lichid', 'tanc de azot', 'vas dewar', 'bidon de azot',
    ],
    // Lab incubators and culture ovens; a lab's drying oven; a dental surgery's dry-heat steriliser is an autoclave.
    incubator: ['estufa de cultivo', 'estufas de cultivo', 'estufa de incubacion', 'co2 incubator', 'incubator co2', 'incubadora de co2', 'shaking incubator', 'incubadora de laboratorio'],
    autoclave: ['=etuva', '=etuve', '=etuvei', '=etuvele', 'etuva de sterilizare', '=poupinel', 'esterilizador de calor seco', 'sterilizator cu aer cald'],
    dryingoven: ['drying oven', 'lab oven', 'laboratory oven', 'estufa de secado', 'estufa de laboratorio', 'horno de laboratorio', 'etuva de uscare', 'etuva de laborator'],
    // Purified and ultrapure water for the lab: water treatment.
    watertreatment: [
      'ultrapure water', 'pure water system', 'deionised water', 'deionized water', 'agua ultrapura', 'agua desionizada', 'destilador de agua', 'sistema de agua pura',
      'apa ultrapura', 'apa deionizata', 'distilator de apa', 'instalatie de apa pura', '=millipore', 'milli q',
    ],
  },
  families: {
    // A fume cupboard draws through the building's extract; a clean room runs on its air handling.
    fumeextract: ['fumecupboard', 'extractor', 'fan'],
    cleanair: ['cleanroom', 'ventilation'],
  },
};
