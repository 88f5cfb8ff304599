/**
 * Commercial kitchens and bakeries, laundries, shops and bars: cooking and warewashing, food preparation,
 * laundry machines, the till and what stands around it (scales, vending, cash machines, security tags), beer
 * and drinks dispense. A griddle, a combi oven and a microwave are three machines; a glasswasher is not
 * the dishwasher, though a kitchen may call both "el lavavajillas".
 */
import type { Trade } from './trade.js';

export const HOSPITALITY: Trade = {
  equipment: {
    oven: [
      'horno de conveccion', 'horno mixto', 'combi oven', 'combination oven', 'cuptor combi', 'cuptor cu convectie', 'convection oven', 'horno de pizza', 'pizza oven', 'horno de lena', 'deck oven', 'horno de pisos',
      'horno de panaderia', 'bakery oven', 'cuptor de paine', 'cuptor de patiserie', 'cuptor de pizza', 'rack oven', 'horno rotativo', 'cuptor rotativ', 'horno de carro', 'cocina de gas', 'cocina de induccion', 'cocina industrial',
      'range cooker', 'induction hob', 'gas hob', 'hornillo', 'hornillos', '=unox', '=convotherm', '=rational oven', 'steam oven', 'horno de vapor', 'masina de gatit', 'cuptorul electric',
    ],
    griddle: ['=grill', '=grills', 'the grill', 'salamandra', 'griddle', 'fry top', 'frytop', 'chargrill', 'char grill', 'grill plate', 'salamander', 'gratar*', 'plancha de cocina', 'plancha de asar', 'kebab grill', 'rotisserie'],
    microwave: ['microwave', 'microondas', 'microunde', 'cuptor cu microunde', 'cuptorul cu microunde'],
    fryer: ['deep fat fryer', 'deep fryer', 'freidoras', 'friteuze', 'fritadora'],
    dishwasher: [
      'lavavajilla', 'lavaplatos', 'lavavajillas industrial', 'pot wash', 'pot washer', 'lavaollas', 'tren de lavado', 'conveyor dishwasher', 'hood dishwasher', 'pass through dishwasher', 'masina de spalat vase industriala',
      'masina de vase', '=winterhalter', '=meiko', '=hobart dishwasher',
    ],
    glasswasher: ['glasswasher', 'glass washer', 'lavavasos', 'lava vasos', 'masina de spalat pahare', 'masina de pahare'],
    hood: ['campanas', 'canopy', 'extract canopy', 'kitchen canopy', 'campana de extraccion', 'filtros de la campana', 'hota industriala', 'hota de la bucatarie', 'extraction hood', 'hota de evacuare'],
    coffee: [
      'cafeteras', 'espresso machine', 'bean to cup', 'coffee maker', 'coffee grinder', 'molinillo de cafe', 'molino de cafe', 'rasnita de cafea', 'masina de espresso', 'aparat de cafea', 'espressorul', 'maquina espresso',
      '=nespresso', '=saeco', '=delonghi', 'de longhi', '=jura', 'la marzocco', '=faema', '=gaggia', 'grupo de la cafetera', 'cafetera industrial',
    ],
    mixer: [
      'dough mixer', 'planetary mixer', 'food mixer', 'stand mixer', 'spiral mixer', 'amasadora', 'batidora', 'batidora industrial', 'batidora planetaria', 'mezcladora', 'malaxor*', 'mixer de aluat', 'framantator*',
      'masina de framantat', 'thermomix', 'robot de cocina', 'food processor', 'robot coupe',
    ],
    bakery: ['dough sheeter', 'sheeter', 'laminadora', 'divisora', 'dough divider', 'boleadora', 'formadora', 'moulder', 'masina de laminat aluat', 'divizor de aluat', 'pan slicer', 'cortadora de pan', 'feliator de paine'],
    slicer: ['slicer', 'meat slicer', 'cortadora de fiambre', 'cortafiambres', 'feliator*', 'masina de feliat', 'picadora', 'picadora de carne', 'mincer', 'meat mincer', 'masina de tocat', 'sierra de carne', 'bandsaw'],
    vacuumpacker: ['vacuum packer', 'vacuum sealer', 'vacuum packing machine', 'envasadora al vacio', 'envasadora de vacio', 'maquina de vacio', 'masina de vidat', 'aparat de vidat'],
    hotholding: ['bain marie', 'bano maria', 'hot cupboard', 'plate warmer', 'calientaplatos', 'heated display', 'vitrina caliente', 'vitrina calda', 'mantenedor de calor', 'hot holding', 'warming drawer'],
    // Laundry.
    washer: [
      'lavadoras', 'lavadora industrial', 'washer extractor', 'lavadora centrifugadora', 'commercial washer', 'industrial washing machine', 'masina de spalat industriala', 'masini de spalat', 'lavadora de la lavanderia',
      '=electrolux professional', '=primus', '=girbau', '=speed queen',
    ],
    dryer: ['tumble dryers', 'secadoras', 'secadora industrial', 'industrial dryer', 'uscator de rufe', 'uscator industrial', 'masina de uscat', 'masina de uscat rufe', 'dryers'],
    ironer: ['ironer', 'flatwork ironer', 'calandra', 'planchadora', 'calandru', 'masina de calcat', 'rotary iron', 'steam press', 'prensa de planchado', 'presa de calcat', 'mesa de planchado', 'generador de vapor de plancha'],
    handdryer: ['hand dryer', 'hand dryers', 'secamanos', 'secador de manos', 'uscator de maini', 'uscatorul de maini', 'uscatoare de maini', '=dyson airblade', 'airblade'],
    // Shops.
    payment: [
      'datafonos', 'terminal de tarjetas', 'punto de venta', 'cajas registradoras', 'card payment machine', 'card payments', 'chip and pin', 'pin pad', 'pinpad', 'pos system', '=epos', 'self checkout', 'self checkouts',
      'self service till', 'caja de autocobro', 'cajas de autocobro', 'autocobro', 'casa de marcat fiscala', 'case de marcat', 'aparat de marcat', 'casa fiscala', 'cash drawer', 'cajon portamonedas', 'cash recycler',
      'cashguard', 'sertar de bani', 'barcode scanner', 'lector de codigos de barras', 'lector de codigo de barras', 'escaner de codigos', 'scaner de coduri', 'cititor de coduri de bare', 'scanner de coduri', '=sumup', '=ingenico', '=verifone',
    ],
    scale: ['=scales', 'weighing scale*', 'bascula', 'basculas', 'balanza', 'balanzas', '=cantar', '=cantarul', '=cantare', '=cantarele', '=cantarului', 'cantar electronic', 'weighbridge',
      'bascula de camiones', 'pod basculant', 'cantar de marfa', '=dibal', '=bizerba', '=mettler'],
    vending: [
      'vending', 'vending machine', 'vending machines', 'maquina expendedora', 'maquinas expendedoras', 'expendedora', 'maquina de vending', 'automat de cafea', 'automat de bauturi', 'automat de snacks', 'automat de vending',
      'automatul de cafea', 'automatul de bauturi', 'snack machine', 'drinks machine', 'maquina de bebidas', 'maquina de tabaco', 'change machine', 'cambiador de monedas', 'coin mechanism', 'monedero de la maquina', 'aparat de vending',
    ],
    atm: ['=atm', '=atms', 'cash machine', 'cashpoint', 'cajero automatico', 'bancomat', 'bancomatul', 'cash dispenser'],
    antitheft: ['security tags', 'security tag', 'anti theft', 'arco antihurto', 'arcos antihurto', 'antenas antihurto', 'sistema antihurto', 'antihurto', 'porti antifurt', 'sistem antifurt', 'antifurt', '=eas', 'shop alarm gates'],
    beer: [
      'beer', 'beer line', 'beer lines', 'beer tap', 'beer pump', 'beer cooler', 'cellar cooler', 'python cooler', 'cerveza', 'grifo de cerveza', 'grifos de cerveza', 'tirador de cerveza', 'enfriador de cerveza',
      'lineas de cerveza', 'barril*', '=keg', '=kegs', '=bere', '=berea', 'dozator de bere', 'instalatie de bere', 'draft beer', 'postmix', 'post mix', 'soda gun', 'dispensador de refrescos', 'drinks dispenser',
    ],
  },
  families: {
    refrigeration: ['beer'],
    warewash: ['dishwasher', 'glasswasher'],
    laundry: ['washer', 'dryer', 'ironer'],
    beverage: ['coffee', 'vending'],
    bakery: ['mixer', 'bakery'],
  },
};
