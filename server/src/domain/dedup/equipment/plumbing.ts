/**
 * Plumbing and drainage, water supply and meters, gas supply. A gas, water or electricity meter is not the
 * supply: the supply is the utility's (equipment.ts, SUPPLIES), the meter a piece of equipment of the site.
 */
import type { Trade } from './trade.js';

export const PLUMBING: Trade = {
  equipment: {
    pipe: [
      'caneria', 'pipework', 'burst pipe', 'tuberia de agua', 'water pipe', 'tuberias de cobre', 'copper pipe', 'teava de apa', 'conducta de apa', 'instalacion de fontaneria', 'fontaneria', 'plumbing',
      'instalatia sanitara', 'instalatie sanitara', 'tubo de desague',
    ],
    drain: [
      'blocked drain', 'drains', 'arqueta', 'manhole', 'camin de vizitare', 'caminul de vizitare', 'fosa septica', 'septic tank', 'pozo negro', 'grease trap', 'separador de grasas', 'separator de grasimi', 'sumidero',
      '=gully', 'floor drain', 'desague de suelo', 'rigola', 'sifon de pardoseala', 'sewage', 'aguas residuales', 'apa uzata', 'ape uzate', 'soil stack', 'waste pipe',
      // Romanian 'canal' is the sewer ("miroase a canal", "canalul e înfundat"), Spanish 'canal' a TV channel (tv):
      // the sewer is named with what shows it. A septic tank is emptied ("vidanjare"); a treatment plant treats sewage.
      'miroase a canal', 'miros a canal', 'huele a alcantarilla', 'miros de canal', 'duhoare de canal', 'capac de canal', 'capacul de canal', 'gura de canal', 'canalul infundat', 'canalul e infundat', 's a infundat canalul', 'infundat canalul', 'teava de canal',
      'tevi de canal', 'cloaca', 'vidanj*', 'fosa ecologica', 'fosa betonata', 'depuradora de aguas residuales', 'depuradora biologica', 'depuradora de oxidacion total', 'sewage treatment plant', '=gullies',
      'cesspit*', 'cesspool*', 'soakaway*', 'oil interceptor*', 'petrol interceptor*', 'fuel interceptor*', 'separador de hidrocarburos', 'separador de grasas e hidrocarburos', 'separator de hidrocarburi', 'separatorul de hidrocarburi',
      'pozo septico', 'foso septico', 'capac de camin', 'capacul caminului', 'capacul de la camin', 'channel drain', 'linear drain', 'aco drain', 'rejilla del sumidero', 'rejilla de desague',
    ],
    sink: ['lavamanos', 'hand basin', 'handbasin', 'wash basin', 'pileta', 'vanity unit', 'chiuveta de bucatarie', 'kitchen sink'],
    toilet: ['bidet', 'bideu', 'toaleta', 'retrete', 'taza del vater', 'taza del inodoro', 'saniflo', 'macerator', 'rezervor de wc', 'rezervorul wc', 'cisterna del vater', 'descarcare wc'],
    // Romanian 'baterie' is a mixer tap, and the battery of a remote or an alarm panel: the battery's is said with it.
    '-': ['bateri* descarcat*', 'bateri* slab*', 'bateri* de rezerva', 'bateria telecomenzii', 'bateriile telecomenzii', 'bateria alarmei', 'bateria centralei de alarma', 'bateria de la alarma'],
    tap: ['grifos', 'canilla', 'mixer', 'robinete', 'grifo monomando', 'grifo termostatico', 'baterie de bucatarie', 'bateria de la chiuveta', 'robinetul de la chiuveta'],
    water: [
      'red de agua', 'water network', 'reteaua de apa', 'agua potable', 'apa potabila', 'drinking water', 'mains water', 'aljibe', 'cisterna de agua', 'bazin de apa', 'rezervor de apa', 'water butt', 'water storage',
      'deposito de agua potable', 'apa de la retea', 'furnizare apa', 'alimentare cu apa', 'water pressure',
    ],
    watermeter: ['water meter', 'contador de agua', 'contador del agua', 'contor de apa', 'contorul de apa', 'contoare de apa', 'contoarele de apa', 'apometr*', 'water meters', 'bulk meter'],
    watertreatment: [
      'water softener', 'softener', 'descalcificador*', 'dedurizator*', 'statie de dedurizare', 'osmosis', 'osmosis inversa', 'reverse osmosis', 'osmoza', 'osmoza inversa', 'water filter', 'filtro de agua',
      'filtru de apa', 'filtrul de apa', 'potabilizadora', 'clorador de agua', 'uv steriliser', 'uv lamp', 'lampara uv', 'depuradora de agua', 'purificador de agua', 'water purifier', 'ablandador de agua',
    ],
    waterdispenser: ['water cooler', 'water dispenser', 'fuente de agua', 'dispensador de agua', 'dozator de apa', 'dozatorul de apa', 'dozatoare de apa', 'dozatoarele de apa', 'drinking fountain', 'fuente bebedero'],
    pump: [
      'electrobomba', 'hidrofor*', 'motobomba', 'submersible pump', 'bomba sumergible', 'pompa submersibila', 'bomba de pozo', 'borehole pump', 'well pump', 'pompa de put', 'pompa din put', 'sewage pump', 'bomba de aguas residuales',
      'pumping station', 'estacion de bombeo', 'statie de pompare', 'statia de pompare', 'pozo de bombeo', 'pump station', 'grupo de bombeo', 'pressure set', 'booster set', 'pompa de drenaj', 'drainage pump', 'bomba de drenaje',
      'bomba de aguas fecales', 'bomba de fecales', 'bomba de pozo negro', 'pompa de ape uzate', 'pompa de fecale', 'pompa de dejectii', 'pompa de canalizare',
      '=grundfos', '=wilo', '=ebara', '=pedrollo', '=espa',
    ],
    gas: [
      'gas natural', 'gaz natural', 'gas supply', 'suministro de gas', 'furnizare gaz', 'alimentare cu gaz', 'butano', 'bombona', 'bombona de butano', 'butelie', 'butelia', 'butelii', 'propano', 'propane', '=lpg', '=glp', '=gpl',
      'gas bottle', 'gas cylinder', 'deposito de gas', 'tanque de gas', 'regulador de gas', 'regulator de gaz', 'gas regulator', 'gas detector', 'detector de gas', 'detector de gaz', 'detectorul de gaz', 'instalacion de gas',
      'instalatia de gaz', 'gas pipe', 'tuberia de gas', 'conducta de gaz', 'teava de gaz', 'gas valve', 'valvula de gas', 'electrovalvula de gas', 'electrovalva de gaz',
    ],
    gasmeter: ['gas meter', 'contador de gas', 'contador del gas', 'contor de gaz', 'contorul de gaz', 'contoare de gaz', 'contoarele de gaz', 'gas meters'],
  },
  families: {
    plumbing: ['drain', 'watermeter', 'watertreatment'],
    sanitary: ['sink', 'toilet', 'tap', 'drain'],
    gassupply: ['gas', 'gasmeter'],
  },
};
