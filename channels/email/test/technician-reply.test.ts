import { describe, expect, it } from 'vitest';
import { parseEmail } from '../parse.js';
import { visibleReplyText } from '../quotes.js';
import { readTechnicianReply, type TechnicianDecision } from '../technician-reply.js';
import { fixture } from './fixtures.js';

const CONFIRMED: string[] = [
  // es
  'Acepto', 'acepto.', 'ACEPTO!!', 'Acepto la orden.', 'Confirmo', 'Confirmo, estaré allí a las 10.', 'Sí', 'Sí.', 'si',
  'Si, voy', 'Sí, sí, voy para allá', 'Sí puedo', 'Ok', 'OK, voy ahora', 'Okey', 'Vale', 'Vale, de camino.', 'De acuerdo',
  'Perfecto, allí estaré', 'Claro que sí', 'Por supuesto', 'Sin problema', 'No hay problema, voy a las 11', 'Te confirmo la visita',
  'Gracias, acepto', 'Hoy sí', '👍', 'Ok 👍', 'Hecho', 'Sí, mañana a primera hora',
  // en
  'Yes', 'yes!', 'Yep', 'Sure, on my way', 'Confirm', 'Confirmed.', 'Accept', 'Accepted', 'I accept', 'I confirm', 'Agreed',
  'Will do', 'On my way', 'No problem', "No problem, I'll go", 'No worries, I’ll be there at 9', "I'll be there", 'Sounds good',
  'Got it, thanks', 'Of course', 'OK', 'Fine', 'I will go tomorrow', // days are not interpreted
  // ro
  'Da', 'Da.', 'Da, vin', 'Da sigur', 'Accept', 'Accept lucrarea.', 'Confirm', 'Confirmat', 'Vă confirm', 'Bine', 'În regulă',
  'In regula, ajung la 10', 'De acord', 'Sigur', 'Desigur', 'Perfect', 'Nicio problemă', 'Nu e nicio problemă, vin', 'Mă ocup eu',
];

const DECLINED: string[] = [
  // es
  'Rechazo', 'Rechazo la orden.', 'No puedo', 'No puedo ir hoy', 'No puedo ir hoy, estoy de baja.', 'no puedo, estoy en otra obra',
  'No', 'No.', 'No, lo siento', 'NO!', 'Lo siento, no puedo', 'Lo siento pero no puedo', 'Lamentablemente no podré ir',
  'No me es posible', 'Imposible hoy', 'No llego', 'Hoy no', 'Hoy no puedo', 'No se puede, el coche está en el taller', 'Nop',
  'No acepto', 'No confirmo', 'Yo no puedo', '👎',
  // en
  'Decline', 'Declined', 'I decline', 'Reject', "Can't", 'Can’t make it today, sorry', 'Cannot', 'I cannot attend', "I can't",
  "Sorry, I can't", 'Unfortunately no', 'Unable to attend', "I'm unable to go", 'Not possible today', 'Not available',
  "I'm not available", 'Nope', 'No way', 'Not today', "I won't be able to", 'No, sorry', 'Thanks, but I can’t',
  // ro
  'Refuz', 'Refuz lucrarea.', 'Nu pot', 'Nu pot azi', 'Nu pot ajunge azi, sunt bolnav.', 'Nu', 'Nu.', 'Nu, îmi pare rău',
  'Îmi pare rău, dar nu pot', 'Din păcate nu pot', 'Nu accept', 'Nu se poate', 'Indisponibil', 'Nu sunt disponibil',
  'Azi nu', 'Nu voi putea ajunge',
];

const UNCLEAR: string[] = [
  // es
  'OK pero mañana no puedo', 'Vale, pero llego tarde', 'Vale, no llego antes de las 12', 'Acepto pero mañana',
  'Sí, pero solo por la tarde', 'No puedo hoy, pero mañana sí', 'No puedo ir hoy, ¿puede ser mañana?', 'Confirmo luego',
  'Mañana confirmo', 'Te confirmo más tarde', 'Quizás', 'Tal vez', 'No sé', 'No sé si podré', 'Si puedo, voy', 'Si puedo ir mañana',
  'Da igual', 'Claro que no', '¿A qué hora?', 'Ok, ¿a qué hora?', 'Voy mañana', 'Estoy de vacaciones', 'Llámame',
  'Confirmo que no podré ir', 'Depende del tráfico', 'Igual llego tarde', 'Gracias',
  // en
  "I'll confirm later", 'Maybe', 'Perhaps tomorrow', 'Not sure', "I don't know yet", 'Yes but only after 3pm',
  "No problem but I can't today", 'OK, what time?', 'Call me', 'Who is the customer?', 'Ok, I will let you know', 'Probably',
  "Can't today, but tomorrow is fine",
  // ro
  'Poate', 'Probabil', 'Nu știu', 'Da, dar mâine', 'Da, dar nu azi', 'Revin', 'Revin cu un răspuns', 'Nu pot azi, dar mâine da',
  'Accept, dar ajung după ora 12', 'Mă gândesc', 'Sunați-mă', 'Ok, la ce oră?', 'Mai târziu',
];

describe('a technician reply: the first meaningful line decides', () => {
  const table: [string, TechnicianDecision][] = [
    ...CONFIRMED.map((l) => [l, 'confirmed'] as [string, TechnicianDecision]),
    ...DECLINED.map((l) => [l, 'declined'] as [string, TechnicianDecision]),
    ...UNCLEAR.map((l) => [l, 'unclear'] as [string, TechnicianDecision]),
  ];
  it.each(table)('%j -> %s', (line, decision) => {
    expect(readTechnicianReply(line).decision).toBe(decision);
  });
});

describe('what counts as the first meaningful line', () => {
  it.each([
    ['Hola,\n\nAcepto.\n\nSaludos,\nAndrés', 'confirmed', 'Acepto.'],
    ['Hola Marta,\nno puedo ir hoy', 'declined', 'no puedo ir hoy'],
    ['Hola, acepto', 'confirmed', 'Hola, acepto'],
    ['Hola acepto', 'confirmed', 'Hola acepto'],
    ['Hola Ana acepto', 'confirmed', 'Hola Ana acepto'],
    ['Buenos días Marta\n\nNo puedo, estoy en Getafe.', 'declined', 'No puedo, estoy en Getafe.'],
    ['Buenas tardes:\nConfirmo', 'confirmed', 'Confirmo'],
    ['Hi John,\nYes, I will be there', 'confirmed', 'Yes, I will be there'],
    ['Hi, no problem, I\'ll go', 'confirmed', "Hi, no problem, I'll go"],
    ['Hello team -\nCannot make it', 'declined', 'Cannot make it'],
    ['Good morning,\n\nConfirmed.', 'confirmed', 'Confirmed.'],
    ['Bună ziua,\nNu pot veni astăzi.', 'declined', 'Nu pot veni astăzi.'],
    ['Buna ziua,\n\nAccept, vin la 10.', 'confirmed', 'Accept, vin la 10.'],
    ['Salut,\nDa', 'confirmed', 'Da'],
    ['Marta:\nVale', 'confirmed', 'Vale'],
    ['Gracias.\nAcepto', 'confirmed', 'Acepto'],
    ['\n\n   \nAcepto', 'confirmed', 'Acepto'],
    ['Estoy en Getafe.\nNo puedo', 'unclear', 'Estoy en Getafe.'], // only the first line decides
    ['> Responda "Acepto" o "No puedo"\n> Acepto', 'unclear', undefined], // quoted lines never answer
    ['', 'unclear', undefined],
    ['Hola,', 'unclear', undefined],
  ] as [string, TechnicianDecision, string | undefined][])('%j', (text, decision, line) => {
    const r = readTechnicianReply(text);
    expect(r.decision).toBe(decision);
    expect(r.line).toBe(line);
  });

  it('says why', () => {
    expect(readTechnicianReply('Acepto').reason).toBe('accepting start');
    expect(readTechnicianReply('No puedo').reason).toBe('declining start');
    expect(readTechnicianReply('Estoy de camino').reason).toBe('no answer at the start');
    expect(readTechnicianReply('OK pero mañana no puedo').reason).toBe('hedged');
    expect(readTechnicianReply('Sí, no puedo').reason).toBe('mixed');
    expect(readTechnicianReply('').reason).toBe('empty');
  });
});

describe('recorded technician replies, after quote stripping', () => {
  it.each([
    ['tech-acepto-es.eml', 'confirmed'],
    ['tech-no-puedo-es.eml', 'declined'],
  ])('%s -> %s', async (name, decision) => {
    const p = await parseEmail(fixture(name));
    expect(readTechnicianReply(visibleReplyText(p.text, { subject: p.subject })).decision).toBe(decision);
    // Without stripping, the quoted order (which says "Acepto" o "No puedo") must not be what decides.
    expect(readTechnicianReply(p.text).decision).toBe(decision);
  });
});
