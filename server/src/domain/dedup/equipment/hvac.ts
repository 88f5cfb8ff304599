/**
 * HVAC and refrigeration, written from the trade rather than from messages: air conditioning and heat pumps,
 * ventilation, commercial and domestic refrigeration, cold rooms, the cold chain. A compressor or an
 * evaporator is a part: named alone it relates to the cold-making equipment it serves (families), named
 * with it ("el compresor de la cámara") the request is about that equipment.
 */
import type { Trade } from './trade.js';

export const HVAC: Trade = {
  equipment: {
    aircon: [
      'aire acondicionado central', 'equipo de aire', 'aparato de aire', 'maquina de aire', 'split unit', 'indoor unit', 'unidad interior', 'unitate interioara', 'unitatea interioara', 'unitate exterioara',
      'unidad exterior', 'air conditioning unit', 'aircon unit', 'window unit', 'window ac', 'portable air con', 'aire portatil', 'aer conditionat portabil', 'ductable', 'aire por conductos', '=rtu', 'rooftop unit',
      'climatizador', 'aparat de climatizare', 'instalatie de climatizare', 'heat pumps', 'air source heat pump', 'ground source heat pump', '=ashp', '=gshp', 'pompa de caldura aer apa',
      '=midea', '=trane', '=lennox',
    ],
    ventilation: [
      'ductwork', 'ducting', 'air ducts', 'conductos de ventilacion', 'conductos de aire', 'tubulatura de ventilatie', 'heat recovery', 'recuperador de calor', 'recuperator*', '=mvhr', '=hrv', '=vmc',
      'ventilacion mecanica', 'centrala de ventilatie', 'unitate de tratare', 'unitatea de tratare', 'roof fan', 'supply fan', 'make up air', 'aire de renovacion',
    ],
    // A fan by itself: "the fan", "el ventilador", "ventilatorul", "ventilatoarele". A fan of another machine is
    // named with it (the extractor fan, the fan heater, the fan coil, the boiler's fan); Romanian "de fân" is hay.
    '-': ['de fan', 'cu fan'],
    fan: [
      'ceiling fan', 'ventilador de techo', 'ventilator de tavan', 'pedestal fan', 'desk fan', 'ventilador de pie', '=fan', '=fans', 'ventilador', 'ventilator', 'ventilatoare', 'industrial fan', 'ventilador industrial',
      'wall fan', 'floor fan', 'tower fan', 'ventilator de perete', 'ventilator de podea',
    ],
    dehumidifier: ['dehumidifier*', 'deshumidificador*', 'deshumectador*', 'dezumidificator*'],
    humidifier: ['humidifier*', 'humidificador*', 'umidificator*', 'steam humidifier'],
    // A chiller plant's heat rejection: the tower on the roof is not the chiller, though one fault may show at both.
    coolingtower: ['cooling tower', 'cooling towers', 'torre de refrigeracion', 'torres de refrigeracion', 'torre de enfriamiento', 'turn de racire', 'turnul de racire', 'turnuri de racire', 'evaporative condenser', 'condensador evaporativo'],
    fridge: [
      'frigorifico industrial', 'nevera industrial', 'armario frigorifico', 'armario refrigerado', 'reach in fridge', 'upright fridge', 'undercounter fridge', 'under counter fridge', 'bottle fridge', 'bottle cooler', 'botellero',
      'drinks fridge', 'beer fridge', 'beverage cooler', 'frigider de bauturi', 'frigider industrial', 'frigider vertical', 'mesa fria', 'mesa refrigerada', 'bajo mostrador refrigerado', 'prep fridge', 'prep counter',
      'saladette', 'saladeta', 'bar fridge', 'wine fridge', 'wine cooler', 'vinoteca', 'medical fridge', 'vaccine fridge', 'pharmacy fridge', 'nevera de vacunas', 'frigider de vaccinuri', 'combi fridge',
    ],
    freezer: [
      'deep freezer', 'upright freezer', 'congelador vertical', 'congelador horizontal', 'arcon congelador', 'congelator vertical', 'congelator orizontal', 'lada congelator', 'isla de congelados', 'freezer island',
      'ultracongelador', 'ultra low freezer', 'congeladores', 'congelatoare',
    ],
    blastchiller: ['blast chiller', 'blast freezer', 'abatidor*', 'abatidor de temperatura', 'celula de racire rapida', 'racitor rapid', 'shock freezer'],
    coldroom: [
      'cold store', 'cold storage', 'cuarto frio', 'camara de refrigeracion', 'camara de conservacion', 'camaras frigorificas', 'almacen frigorifico', 'depozit frigorific', 'camera de refrigerare', 'chiller room',
      'tunel de congelacion', 'freezer tunnel', 'tunel de congelare', 'antecamara frigorifica',
    ],
    display: [
      'vitrina refrigerada', 'vitrina expositora', 'mostrador frigorifico', 'mostrador refrigerado', 'serve over counter', 'deli counter', 'open chiller', 'open fronted chiller', 'vitrina de congelados', 'vitrina congeladora',
      'tejghea frigorifica', 'vitrine frigorifice', 'refrigerated display', 'chilled display', 'meat counter', 'mostrador de carne',
    ],
    icemachine: ['ice cube machine', 'ice dispenser', 'icemaker', 'maquina del hielo', 'maquina de hacer hielo', 'maquina de los cubitos', 'maquina de cubitos', 'fabrica de hielo',
      'productora de hielo', 'masina de cuburi de gheata', 'aparat de gheata', 'masina de facut gheata', 'ice flaker', 'escamadora'],
    icecream: ['ice cream machine', 'soft serve', 'soft serve machine', 'maquina de helados', 'masina de inghetata', 'aparat de inghetata', 'granizadora', 'slush machine', 'slushie machine', 'masina de granita'],
    // The refrigerant circuit's parts, without the unit they serve.
    refcircuit: [
      // Charging the refrigerant: "ha cargado gas", "regassed it", "a încărcat gaz" is the cold-making circuit's gas, not
      // the gas supply. A lack of gas ("falta gas", "lipsă gaz") is left alone: the cooker's butane runs out too.
      'cargar gas', 'cargado gas', 'cargo gas', 'cargaron gas', 'carga de gas', 'recarga de gas', 'recargar gas', 'recargado gas', 'recargo gas', 'perdida de gas refrigerante',
      '=regas', 'regassed', 're gas', 're gassed', 'topped up the gas', 'top up the gas', 'low on refrigerant',
      'incarcat gaz', 'incarcat cu gaz', 'incarcat freon', 'incarcat cu freon', 'incarcare cu freon', 'incarcare freon', 'incarcare cu gaz', 'lipsa freon',
      'evaporador*', 'evaporator*', 'condensador*', 'condenser', 'condenser unit', 'unidad condensadora', 'gas refrigerante', 'refrigerant', 'refrigerante', '=freon', '=freonul', 'agent frigorific', 'agentul frigorific',
      'expansion valve', 'valvula de expansion', 'ventilador del evaporador', 'evaporator fan', 'condenser fan', 'ventilador del condensador', 'ventilatorul condensatorului', '=r410a', '=r32', '=r404a', '=r134a', '=r290',
    ],
    // The cold chain on wheels.
    reefer: [
      'reefer', 'reefer unit', 'refrigerated truck', 'refrigerated van', 'refrigerated trailer', 'fridge van', 'camion frigorifico', 'furgoneta frigorifica', 'remolque frigorifico', 'equipo de frio del camion',
      'camion frigorific', 'duba frigorifica', 'masina frigorifica', 'semiremorca frigorifica', 'thermo king', '=thermoking', 'carrier transicold',
    ],
    templogger: ['temperature logger', 'data logger', 'registrador de temperatura', 'registrador de datos', 'datalogger'],
  },
  families: {
    refrigeration: ['blastchiller', 'refcircuit', 'compressor', 'reefer', 'templogger', 'icemachine', 'icecream'],
    // The refrigerant circuit is air conditioning's as much as refrigeration's; a compressor named alone is
    // as often the workshop's air compressor (equipment.ts), which is not the air conditioning.
    aircircuit: ['aircon', 'refcircuit'],
    airflow: ['ventilation', 'extractor', 'fan'],
    humidity: ['dehumidifier', 'humidifier'],
    // A building's chiller makes the chilled water its air conditioning runs on ("the chiller feeding the main hall").
    chilledwater: ['chiller', 'coolingtower', 'aircon'],
  },
};
