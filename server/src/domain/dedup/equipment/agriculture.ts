/**
 * Pools and spas, agriculture and the food industry: milking and the dairy's cooling, irrigation, grain
 * drying and storage, conveyors and packing lines, pasteurisers and incubators. "Ordenador" is a computer
 * (telecom.ts) and "ordeñadora" a milking machine: both are written as exact words, their stems meet.
 */
import type { Trade } from './trade.js';

export const AGRICULTURE: Trade = {
  equipment: {
    pool: [
      // A hot tub or a jacuzzi is its own (leisure.ts), of the pool's family.
      'pool', 'swimming pool', 'piscina', 'piscine', 'piscinas', 'depuradora de piscina', 'depuradora', 'filtro de la piscina', 'pool filter', 'filtru piscina',
      'filtrul piscinei', 'sand filter', 'filtro de arena', 'pool heater', 'clorador', 'chlorinator', 'clorinator', 'dosificador de cloro', 'salt chlorinator', 'clorador salino', 'electrolisis salina', 'pool cover', 'cubierta de piscina',
    ],
    sauna: ['sauna', 'saunas', 'steam room', 'bano de vapor', 'baie de aburi', 'hammam', 'sauna finlandesa', 'generador de vapor de la sauna', 'steam generator sauna'],
    milking: [
      'milking machine', 'milking parlour', 'milking parlor', 'milking robot', 'milking unit', '=ordenadora', '=ordenadoras', 'maquina de ordeno', 'sala de ordeno', 'robot de ordeno', 'equipo de ordeno', 'aparat de muls',
      'aparatul de muls', 'instalatie de muls', 'instalatia de muls', 'sala de muls', 'robot de muls', 'mulgator*', '=lely', '=delaval', '=gea milking', 'vacuum pump milking', 'pulsator', 'pulsadores de ordeno',
    ],
    irrigation: [
      'irrigation', 'irrigation system', 'riego', 'sistema de riego', 'riego por goteo', 'drip irrigation', 'aspersor*', 'irrigation sprinkler', 'garden sprinkler', 'garden sprinklers', 'pivote de riego', 'center pivot',
      'centre pivot', 'irigati*', 'irigare', 'sistem de irigare', 'sistemul de irigatii', 'irigare prin picurare', 'programador de riego', 'electrovalvula de riego', 'irrigation controller', 'riego automatico',
    ],
    graindryer: ['grain dryer', 'grain drier', 'secadero de cereal', 'secadero de grano', 'secadora de grano', 'secadora de cereal', 'uscator de cereale', 'uscatorul de cereale', 'uscator de porumb', 'instalatie de uscare'],
    silo: ['silo', 'silos', 'siloz*', 'grain store', 'tornillo sinfin', 'sinfin', 'auger', 'elevador de cangilones', 'bucket elevator', 'elevator cu cupe', 'transportor cu snec', '=snec', 'melc transportor'],
    conveyor: ['conveyor', 'conveyor belt', 'cinta transportadora', 'banda transportadora', 'transportador', 'banda transportoare', 'conveior*', 'transportor*', 'cinta de la linea', 'roller conveyor'],
    packer: [
      'packaging machine', 'packing machine', 'envasadora', 'empaquetadora', 'flowpack', 'flow pack', 'masina de ambalat', 'masina de ambalare', 'linea de envasado', 'packing line', 'filling machine', 'llenadora', 'masina de umplere',
      'labeller', 'labeler', 'etiquetadora', 'etichetator*', 'masina de etichetat', 'selladora', 'termoselladora', 'retractiladora', 'shrink wrapper', 'wrapping machine', 'enfardadora', 'masina de infoliat',
    ],
    pasteuriser: ['pasteuriser', 'pasteurizer', 'pasteurizador', 'pasteurizadora', 'pasteurizator*', 'pasteurizer plant', 'homogenizer', 'homogeneizador', 'omogenizator'],
    incubator: ['incubator*', 'incubadora*', 'nacedora', 'hatchery', 'eclozionator*'],
    feeder: ['feeding system', 'feed system', 'comedero automatico', 'comederos automaticos', 'sistema de alimentacion del ganado', 'hranitoare automata', 'sistem de furajare', 'mixer feeder', 'carro unifeed', 'unifeed'],
  },
  families: {
    pool: ['pool', 'pump'],
    dairy: ['milking', 'chiller', 'milktank'],
    grain: ['graindryer', 'silo'],
    line: ['conveyor', 'packer'],
  },
};
