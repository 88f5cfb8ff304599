/**
 * Heating and hot water: boilers of every fuel, district heating (Romanian "termoficare"), emitters,
 * controls, flues, cylinders and solar thermal. Solar thermal makes hot water: it is hot water, not the
 * photovoltaic "solar" of electrical.ts.
 */
import type { Trade } from './trade.js';

export const HEATING: Trade = {
  equipment: {
    boiler: [
      'caldera mural', 'caldera de condensacion', 'caldera de gasoil', 'caldera de gasoleo', 'caldera de pellets', 'caldera de biomasa', 'caldera de lena', 'caldera de vapor', 'oil boiler', 'condensing boiler',
      'system boiler', 'combi boiler', 'steam boiler', 'biomass boiler', 'pellet boiler', 'centrala pe lemne', 'centrala pe peleti', 'centrala in condensare', 'centrala murala', 'cazan*', 'cazan de abur',
      'quemador de la caldera', 'quemador de gasoil', 'oil burner', 'boiler burner', 'arzator*', 'generador de vapor', 'steam generator',
      'boiler fan', 'ventilador de la caldera', 'ventilatorul centralei', 'ventilatorul de la centrala',
      '=vokera', '=navien', '=domusa', '=fondital', '=glowworm', 'glow worm', '=intergas', '=remeha', '=ecoflam', '=riello', '=termet', 
    ],
    heating: [
      '=rads', 'towel rail', 'heated towel rail', 'toallero', 'toallero electrico', 'radiador toallero', 'port prosop', 'calorifer port prosop', 'floor heating', 'incalzire in pardoseala', 'pardoseala radianta',
      'termoficar*', 'agent termic', 'agentul termic', 'punct termic', 'punctul termic', 'district heating', 'calefaccion de distrito', 'calefaccion comunitaria', 'calefaccion central comunitaria',
      'estufa de pellets', 'pellet stove', 'wood stove', 'wood burner', 'log burner', 'soba', 'soba de teracota', 'soba pe lemne', 'estufa de lena', 'calefactor electrico', 'electric heater', 'oil heater', 'radiator electric',
      'infrared heater', 'patio heater', 'estufa de terraza', 'radiant heater', 'circulating pump', 'circulation pump', 'circulator pump', 'bomba circuladora', 'bomba de circulacion', 'pompa de circulatie', 'pompa de recirculare',
      // Gas and electric fires, electric radiators and Spanish storage heaters ("acumuladores de calor"): the
      // heating, not the electrics nor the hot water.
      'gas fire', 'gas fires', 'electric fire', 'electric fires', 'log effect fire', 'radiat* electric*', 'radiador* electric*', 'calorifer* electric*', 'convector* electric*', 'electric radiator*', 'acumulador* de calor', 'emisor* termico* electric*',
      'stufa electrica', 'soba electrica',
      'valvula termostatica', '=trv', '=trvs', 'power flush', 'powerflush', 'radiator valve', 'robinet de calorifer', 'robinetul caloriferului', 'vas de expansiune', 'vaso de expansion', 'expansion vessel', 'heating system', 'sistema de calefaccion',
    ],
    thermostat: ['programador de calefaccion', 'heating programmer', 'heating timer', 'smart thermostat', 'room thermostat', 'termostato ambiente', 'termostato inteligente', '=nest', '=tado', '=netatmo', 'cronotermostato'],
    hotwater: [
      '=termos', 'termo de agua', 'calentador de agua', 'calentador electrico', 'calentador instantaneo', 'calentador a gas', 'calentador de butano', 'instant water heater', 'electric water heater', 'unvented cylinder',
      '=megaflo', 'immersion heater', 'boiler de apa calda', 'boiler pe gaz', 'boilerul de apa', 'instant de apa', 'electric shower', 'power shower', 'mixer shower', 'shower pump', 'cabezal de ducha', 'alcachofa de la ducha',
      'solar thermal', 'solar termica', 'energia solar termica', 'placas solares termicas', 'paneles solares termicos', 'colector solar', 'colectores solares', 'panou solar termic', 'panouri solare termice',
      'apa calda menajera', 'agua caliente sanitaria', 'hot water system', 'deposito de acs', 'interacumulador', 'calentadores',
    ],
    // A fireplace is its chimney ("la chimenea" is both); Romanian "hornul" is the chimney, Spanish "horno" the oven.
    flue: [
      'fireplace*', 'an open fire', 'the open fire', 'our open fire', 'chimney breast', 'chimney pot*', 'chimney stack', 'chimney sweep*', 'deshollin*', 'insert de chimenea', 'hogar de la chimenea', 'semineu*', 'seminee*', '=hornul', '=hornuri', '=hornului', '=hornurile',
      'flue', 'boiler flue', 'flue pipe', 'chimney', 'chimenea', 'salida de humos', 'conducto de humos', 'cos de fum', 'cosul de fum', 'tub de evacuare', 'kit de evacuare', 'terminal de humos', 'flue terminal',
    ],
    // A heat meter or a Romanian block's heat-cost allocators ("repartitoarele"): not the heating, related to it.
    heatmeter: [
      'heat meter*', 'heat cost allocator*', 'contador de calor*', 'contadores de calor*', 'contador de energia termica', 'repartidor* de coste*', 'repartidores de calefaccion',
      'repartitoar*', 'repartitor* de cost*', 'contor de caldura', 'contorul de caldura', 'contoare de caldura', 'contor de energie termica', 'contorul de energie termica', 'contor de agent termic', 'contorul de agent termic',
    ],
  },
  families: { thermal: ['flue', 'heatmeter'] },
};
