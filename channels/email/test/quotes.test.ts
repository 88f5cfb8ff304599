import { describe, expect, it } from 'vitest';
import { parseEmail } from '../parse.js';
import { visibleReplyText } from '../quotes.js';
import { fixture } from './fixtures.js';

const T = 'soporte+ea7ryku6pngu4im4kufi43jlt5axyuo6hq5ibhq2w2cq@climatiza.example';
const quoted = '> Mensaje anterior\n> con dos líneas\n';
const plain = 'Mensaje anterior\ncon dos líneas\n';

// [client, header as the client writes it, whether the history under it is >-quoted]
const HEADERS: [string, string, boolean][] = [
  // Gmail
  ['Gmail en', 'On Fri, Nov 20, 2026 at 9:14 AM Climatiza Support <soporte@climatiza.example> wrote:', true],
  ['Gmail en, wrapped after <', `On Fri, Nov 20, 2026 at 9:14 AM Climatiza Support <\n${T}> wrote:`, true],
  ['Gmail en-GB', 'On Fri, 20 Nov 2026 at 09:14, Climatiza Support <soporte@climatiza.example> wrote:', true],
  ['Gmail es', 'El vie, 20 nov 2026 a las 9:14, Climatiza Soporte (<soporte@climatiza.example>) escribió:', true],
  ['Gmail es, wrapped after (<', `El vie, 20 nov 2026 a las 9:14, Climatiza Soporte (<\n${T}>) escribió:`, true],
  ['Gmail ro', 'În vin., 20 nov. 2026 la 09:14, Climatiza Suport <soporte@climatiza.example> a scris:', true],
  ['Gmail ro without diacritics', 'In vin., 20 nov. 2026 la 09:14, Climatiza Suport <soporte@climatiza.example> a scris:', true],
  ['Gmail ro, wrapped over three lines', `În vin., 20 nov. 2026 la 09:14,\nClimatiza Suport <\n${T}> a scris:`, true],
  // Apple Mail (macOS and iOS, unquoted attribution as some versions write it)
  ['Apple Mail en', 'On 20 Nov 2026, at 09:14, Climatiza Support <soporte@climatiza.example> wrote:', true],
  ['Apple Mail es', 'El 20 nov 2026, a las 9:14, Climatiza Soporte <soporte@climatiza.example> escribió:', true],
  ['Apple Mail ro', 'Pe 20 nov. 2026, la 09:14, Climatiza Suport <soporte@climatiza.example> a scris:', true],
  ['Apple Mail ro, quoted attribution', '> Pe 20 nov. 2026, la 09:14, Climatiza Suport <soporte@climatiza.example> a scris:\n>', true],
  // Thunderbird
  ['Thunderbird en', 'On 11/20/26 9:14 AM, Climatiza Support wrote:', true],
  ['Thunderbird es', 'El 20/11/26 a las 9:14, Climatiza Soporte escribió:', true],
  ['Thunderbird ro', 'Pe 20.11.2026 09:14, Climatiza Suport a scris:', true],
  ['Thunderbird en, with address', 'On 20/11/2026 09:14, Climatiza Support <soporte@climatiza.example> wrote:', true],
  // Outlook: header blocks, no > quoting
  ['Outlook en', 'From: Climatiza Support <soporte@climatiza.example>\nSent: Friday, November 20, 2026 9:14 AM\nTo: John Carter <john.carter@example.com>\nSubject: [#1042] Visit', false],
  ['Outlook en, Original Message', '-----Original Message-----\nFrom: Climatiza Support [mailto:soporte@climatiza.example]\nSent: Friday, November 20, 2026 9:14 AM', false],
  ['Outlook es', 'De: Climatiza Soporte <soporte@climatiza.example>\nEnviado: viernes, 20 de noviembre de 2026 9:14\nPara: Íñigo Zubizarreta <inigo@example.es>\nAsunto: [#1043] Revisión', false],
  ['Outlook es, new Outlook', 'De: Climatiza Soporte <soporte@climatiza.example>\nEnviado el: viernes, 20 de noviembre de 2026 9:14\nPara: Íñigo <inigo@example.es>', false],
  ['Outlook es, Mensaje original', '-----Mensaje original-----\nDe: Climatiza Soporte\nEnviado: viernes, 20 de noviembre de 2026 9:14', false],
  ['Outlook es, name only', 'De: Climatiza Soporte\nEnviado: viernes, 20 de noviembre de 2026 9:14\nPara: Íñigo Zubizarreta', false],
  ['Outlook web es, underscore line', '________________________________\nDe: Climatiza Soporte <soporte@climatiza.example>\nEnviado: viernes, 20 de noviembre de 2026 9:14', false],
  ['Outlook ro', 'De la: Climatiza Suport <soporte@climatiza.example>\nTrimis: vineri, 20 noiembrie 2026 09:14\nCătre: Ioana Popescu <ioana@example.ro>\nSubiect: [#1044] Revizie', false],
  ['Outlook ro, without diacritics', 'De la: Climatiza Suport <soporte@climatiza.example>\nTrimis: vineri, 20 noiembrie 2026 09:14\nCatre: Ioana Popescu', false],
  ['Outlook ro, Mesaj original', '-----Mesaj original-----\nDe la: Climatiza Suport\nTrimis: vineri, 20 noiembrie 2026 09:14', false],
  ['Outlook via Gmail, bold markers', '*From:* Climatiza Support <soporte@climatiza.example>\n*Sent:* Friday, November 20, 2026 9:14 AM', false],
  // An HTML reply converted to text: attribution without > under it
  ['Gmail es, HTML turned to text', 'El vie, 20 nov 2026 a las 9:14, Climatiza Soporte (<soporte@climatiza.example>) escribió:', false],
];

describe('visibleReplyText cuts the quote headers of every major client in es/en/ro', () => {
  it.each(HEADERS)('%s', (_client, header, isQuoted) => {
    const reply = 'Gracias, el martes me va bien.\n\nUn saludo,\nMarta';
    const text = `${reply}\n\n${header}\n${isQuoted ? quoted : `\n${plain}`}`;
    expect(visibleReplyText(text)).toBe(reply);
  });

  it('works with CRLF line ends and a BOM', () => {
    expect(visibleReplyText('\uFEFFVale.\r\n\r\nOn 11/20/26 9:14 AM, X wrote:\r\n> hola\r\n')).toBe('Vale.');
  });
});

describe('visibleReplyText keeps what the person wrote', () => {
  it('keeps answers written between quoted lines (inline replies)', () => {
    const text = 'On 11/20/26 9:14 AM, Climatiza Support wrote:\n> Which day suits you?\nThursday.\n> And the time?\nAfter 15:00.\n';
    expect(visibleReplyText(text)).toBe('Thursday.\nAfter 15:00.');
  });

  it('does not cut a sentence that merely ends in "wrote:" or contains "De:"', () => {
    const text = 'The engineer wrote: the valve is fine.\nDe: nada, gracias por todo.\nPara mañana está bien.';
    expect(visibleReplyText(text)).toBe(text);
  });

  it('does not treat a forward as quoted history', () => {
    const fwd = 'Os reenvío la queja del vecino.\n\n---------- Forwarded message ---------\nDe: Luis Pardo <luis@example.es>\nDate: jue, 19 nov 2026 a las 18:02\nSubject: Ruido\nTo: <admin@example.es>\n\nEl compresor hace ruido por la noche.';
    expect(visibleReplyText(fwd)).toContain('El compresor hace ruido por la noche.');
    const outlookFwd = 'Ver abajo.\n\nDe: Luis Pardo <luis@example.es>\nEnviado: jueves, 19 de noviembre de 2026 18:02\nPara: admin@example.es\nAsunto: Ruido\n\nEl compresor hace ruido.';
    expect(visibleReplyText(outlookFwd, { subject: 'RV: Ruido' })).toContain('El compresor hace ruido.');
    expect(visibleReplyText(outlookFwd, { subject: 'RE: RV: Ruido' })).toBe('Ver abajo.');
  });

  it('cuts mobile signatures in es/en/ro', () => {
    for (const sig of ['Sent from my iPhone', 'Enviado desde mi iPhone', 'Trimis de pe iPhone-ul meu', 'Get Outlook for Android', 'Obtener Outlook para Android']) {
      expect(visibleReplyText(`Ok, mañana a las 9.\n\n${sig}\n`)).toBe('Ok, mañana a las 9.');
    }
  });

  it('returns an empty string when everything is quoted', () => {
    expect(visibleReplyText('On 11/20/26 9:14 AM, X wrote:\n> hola\n')).toBe('');
  });
});

describe('visibleReplyText on the recorded replies', () => {
  it.each([
    ['gmail-reply-en.eml', 'Hi,\n\nTuesday morning works for us. The gate code is 4471, please ring flat 3B\nwhen you arrive.\n\nThanks,\nJohn'],
    ['outlook-reply-es.eml', 'Buenas tardes:\n\nLes confirmo que el martes a las 9:00 estaremos en el taller. Los 85 € del desplazamiento los abonamos por transferencia, ¿verdad?\n\nUn saludo,\nÍñigo Zubizarreta\nGerente – Talleres Zubizarreta S.L.'],
    ['apple-mail-reply-ro.eml', 'Bună ziua,\n\nMarți la ora 10 e perfect. Vă rog să sunați la interfon, apartamentul 12.\n\nMulțumesc,\nIoana'],
    ['thunderbird-reply-en.eml', "Hello,\n\nThe unit is still making the rattling noise after yesterday's visit. Could the technician come back this week? Thursday afternoon would be best for us."],
    ['tech-acepto-es.eml', 'Acepto. Estaré allí a las 9:30.'],
    ['tech-no-puedo-es.eml', 'Hola,\n\nNo puedo ir hoy, estoy con una avería en Getafe hasta la tarde.\n\nSaludos\nAndrés'],
  ])('%s', async (name, expected) => {
    const p = await parseEmail(fixture(name));
    expect(visibleReplyText(p.text, { subject: p.subject })).toBe(expected);
  });
});
