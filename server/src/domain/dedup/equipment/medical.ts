/**
 * Medical and dental equipment of clinics, surgeries and care homes. A dental chair, its suction and the
 * compressor that drives them could be one fault (family); a vaccine fridge is a fridge (hvac.ts).
 */
import type { Trade } from './trade.js';

export const MEDICAL: Trade = {
  equipment: {
    dentalchair: [
      'dental chair', 'dental unit', 'sillon dental', 'sillon del dentista', 'equipo dental', 'unidad dental', 'scaun stomatologic', 'scaunul stomatologic', 'unit dentar', 'unitul dentar', 'unitate dentara', 'scaun dentar',
      'turbina dental', 'dental handpiece', 'handpiece', 'turbina de la silla', 'piesa de mana', 'micromotor dental',
    ],
    suction: ['dental suction', 'surgical suction', 'suction unit', 'suction pump', 'aspiracion dental', 'aspiracion quirurgica', 'aspirador quirurgico', 'aspiratie dentara', 'aspiratia dentara', 'motor de aspiracion', 'bomba de vacio', 'vacuum pump', 'pompa de vid'],
    autoclave: ['autoclave', 'autoclav*', 'esterilizador*', 'sterilizer', 'steriliser', 'sterilizator*', 'sterilisation unit', 'equipo de esterilizacion'],
    xray: ['x ray', 'xray', 'x rays', 'rayos x', 'equipo de rayos', 'aparato de rayos', 'radiografia digital', '=opg', 'ortopantomograf*', 'panoramico dental', 'aparat rx', 'aparatul rx', 'aparat de radiologie', 'raze x', 'radiologie dentara', 'ct scanner', '=cbct', '=rx'],
    ultrasound: ['ultrasound', 'ultrasound scanner', 'ecografo', 'ecografos', 'ecograf', 'ecograful', 'aparat de ecografie'],
    // A patient's ventilator is not a fan (hvac.ts): it is named as a medical one.
    respirator: ['respirador', 'respiradores', 'patient ventilator', 'mechanical ventilator', 'ventilador mecanico', 'ventilator mecanic',
      // English "ventilator" on a ward is the patient's (Romanian "ventilator" alone is a fan, hvac.ts).
      'ventilator alarm', 'ventilator alarming', 'ventilator in bed', 'icu ventilator', 'ventilator circuit', 'ventilator tubing', 'on the ventilator', '=cpap', '=bipap'],
    defibrillator: ['defibrillator', 'desfibrilador*', 'defibrilator*', '=aed', '=dea', '=dae', 'desfibrilador externo'],
    medicalgas: ['medical gas', 'medical gases', 'gases medicinales', 'gaze medicale', 'oxygen', 'oxigeno', 'oxigen', 'oxygen concentrator', 'concentrador de oxigeno', 'concentrator de oxigen', 'vacuum plant', 'central de vacio'],
    patienthoist: ['patient hoist', 'patient lift', 'ceiling hoist', 'grua de pacientes', 'grua geriatrica', 'elevador de pacientes', 'lift pentru pacienti', 'macara pentru pacienti'],
    medicalbed: ['hospital bed', 'cama articulada', 'cama hospitalaria', 'pat de spital', 'patul de spital', 'pat medical', 'care bed', 'cama geriatrica', 'pressure mattress', 'colchon antiescaras', 'saltea antiescara'],
    nursecall: ['nurse call', 'nurse call system', 'llamada de enfermeria', 'timbre de enfermeria', 'sistemul de apel asistente', 'sonerie de apel pacient', 'call bell', 'call bells', 'pulsador de llamada'],
  },
  families: { dental: ['dentalchair', 'suction', 'compressor'] },
};
