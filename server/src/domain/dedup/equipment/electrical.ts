/**
 * Electrical installations and supply: the supply and its quality, the board and its protections, switches,
 * meters, lighting (street and public lighting is lighting), standby power (generators, UPS), solar PV,
 * batteries and EV charging. "Battery" alone is any appliance's (the alarm panel's, the remote's): only a
 * storage battery is named here.
 */
import type { Trade } from './trade.js';

export const ELECTRICAL: Trade = {
  equipment: {
    power: [
      'suministro electrico', 'la red electrica', 'red de distribucion', 'suministro de luz', 'red electrica', 'reteaua electrica', 'power supply', 'electricity supply', 'alimentare cu energie', 'energie electrica', 'energia electrica', '=mains',
      'voltage', 'voltaj', 'tensiune', 'subidas de tension', 'bajadas de tension', 'bajada de tension', 'caida de tension', 'power surge', 'power surges', 'power dip', 'power dips', 'brownout', 'sobretension',
      'falta una fase', 'perdida de fase', 'missing phase', 'phase loss', 'lipsa faza', 'lipseste o faza', 'three phase', 'trifasic*', 'monofasic*', 'single phase', 'acometida electrica', 'bransament electric',
    ],
    breaker: [
      'interruptor diferencial', 'interruptor general', 'interruptor automatico', 'interruptor de control de potencia', '=icp', 'el automatico', 'los automaticos', 'un automatico', 'automatico general', 'caja de fusibles', 'fusible*', 'cuadro de luces', 'cuadro general',
      'panou electric', 'tablou de sigurante', 'tabloul de sigurante', 'sigurante automate', 'main switch', 'isolator', 'distribution board', 'fuseboard', 'fuse board', '=rcbo', '=rcbos', 'diferential', 'protectie diferentiala',
      'circuit breakers', 'trip switches', 'limitador', 'fusebox', 'a sarit automatul', 'sare automatul', 'automatul a sarit', 'automatul sare', 'automatul de la tablou', 'automatul general',
    ],
    switch: ['light switch', 'wall switch', 'interruptor', 'interruptor de la luz', 'interruptores', 'intrerupator*', 'apagador', 'dimmer', 'dimmer switch', 'regulador de luz', 'variator de lumina'],
    socket: ['enchufes', 'toma de luz', 'tomas de corriente', 'double socket', 'usb socket', 'prize electrice', 'priza electrica', 'base de enchufe', 'regleta', 'extension lead', 'prelungitor'],
    powermeter: [
      'electricity meter', 'electric meter', 'smart meter', 'prepayment meter', 'key meter', 'contador de luz', 'contador de la luz', 'contador electrico', 'contador inteligente', 'contor electric', 'contorul electric',
      'contor de curent', 'contorul de curent', 'contoare electrice', 'contoarele electrice', 'contor de energie', 'contorul de energie', 'contor inteligent', 'meter box', 'caja del contador', 'firida', 'firida de bransament',
    ],
    lighting: [
      'tubo fluorescente', 'tubos fluorescentes', 'led panel', 'panel led', 'panou led', 'panouri led', 'led lights', 'luces led', 'tira led', 'led strip', 'banda led', 'led tube', 'tub led', 'tuburi led', 'spotlight*', 'floodlight*',
      '=spoturi', '=spoturile', '=spotul', 'reflector*', 'reflectoare*', 'led driver', 'driver led', 'transformador led', '=becurile', '=becului', '=becurilor', 'aplique*', '=lustra', 'candelabru',
      'chandelier', 'neon*', '=neoane', '=neoanele', 'exit sign', 'emergency light', 'lampa de urgenta', 'lampi de urgenta', 'iluminacion de emergencia', 'alumbrado', 'alumbrado publico',
      'street light*', 'streetlight*', 'street lamp*', 'lamp post*', 'lamppost*', 'iluminat public', 'iluminatul public', 'stalp de iluminat', 'stalpul de iluminat', 'poste de luz', 'felinar*', 'corp de iluminat', 'corpuri de iluminat',
      'luminaria', 'luminarias', 'luminaire*', 'high bay', 'campana led', 'light fitting', 'light fittings', 'security light', 'outside light', 'outdoor lighting', 'garden lights', 'iluminacion exterior', 'ceiling light*',
    ],
    // The supply's transformer and substation ("el trafo", "postul de transformare"); a LED driver is the lighting's.
    transformer: [
      'transformer*', 'transformador*', 'transformator*', '=trafo', '=trafos', '=trafoul', 'substation', 'sub station', 'subestacion', 'subestacion electrica', 'centro de transformacion', 'post de transformare',
      'postul de transformare', 'post trafo', 'postul trafo', 'substatie',
    ],
    // The distribution network in the street: overhead lines, poles and pylons (a street light on its pole is lighting).
    powerline: [
      'overhead line*', 'overhead cable*', 'overhead power line*', 'power line*', 'powerline*', 'electricity pole*', 'electric pole*', 'power pole*', 'utility pole*', 'electricity pylon*', 'pylon*',
      'high voltage line*', 'high voltage cable*', 'power cable* down',
      'tendido electrico', 'linea electrica aerea', 'lineas electricas aereas', 'cable aereo', 'cables aereos', 'poste electrico', 'postes electricos', 'poste de la luz', 'postes de la luz', 'torre de alta tension',
      'torreta electrica', 'torre electrica', 'cable de alta tension', 'cables de alta tension', 'linea de alta tension', 'linea de media tension',
      'stalp de curent', 'stalpul de curent', 'stalpi de curent', 'stalpii de curent', 'stalp de electricitate', 'stalpul de electricitate', 'stalp electric', 'stalpul electric', 'linie aeriana', 'linia aeriana',
      'retea aeriana', 'reteaua aeriana', 'linie de medie tensiune', 'linia de medie tensiune', 'linie de inalta tensiune', 'linia de inalta tensiune', 'stalp de inalta tensiune',
    ],
    generator: ['generator', 'generador', 'grupo electrogeno', 'grup electrogen', 'grupul electrogen', 'genset', 'standby generator', 'backup generator', 'generador de emergencia', 'generator de rezerva', 'generador diesel'],
    ups: ['=ups', '=sai', 'uninterruptible power supply', 'alimentacion ininterrumpida', 'sistema de alimentacion ininterrumpida', 'unitate ups', '=apc'],
    solar: ['placa solar', 'photovolta*', '=pv', 'pv panel*', 'pv system', 'solar pv', 'instalacion solar', 'instalacion fotovoltaica', 'panouri fotovoltaice', 'solar array', 'autoconsumo', 'parque solar', 'solar farm'],
    inverter: ['inversores', 'invertoare', 'solar inverter', 'inversor solar', 'invertor solar', 'hybrid inverter', '=fronius', '=growatt', '=solax', '=goodwe', '=solaredge'],
    battery: [
      'battery storage', 'home battery', 'solar battery', 'battery system', 'storage battery', 'bateria solar', 'baterias solares', 'baterias de litio', 'bateria de litio', 'sistema de baterias', 'almacenamiento de energia',
      'baterie solara', 'baterii solare', 'acumulatori solari', 'sistem de stocare', 'stocare energie', '=powerwall', '=pylontech', 'battery bank', 'banco de baterias',
    ],
    evcharger: [
      'electric car charger', 'ev charging', 'charging station', 'charging bay', 'estacion de carga', 'estacion de recarga', 'poste de recarga', 'cargador del coche', 'cargador de coche electrico', 'borne de recarga', 'wall box',
      'incarcator auto', 'incarcator ev', 'statii de incarcare', 'punct de incarcare', '=zappi', '=easee', '=pod point', 'podpoint',
    ],
  },
  families: {
    electrical: ['switch', 'powermeter', 'generator', 'ups', 'transformer', 'powerline'],
    pv: ['battery'],
  },
};
