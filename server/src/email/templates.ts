/** The words of the mail Switchboard writes by itself, in Spanish, English and Romanian. Pure. */
import type { Locale } from '../contracts/api.js';

export const LOCALES: readonly Locale[] = ['es', 'en', 'ro'];
export const localeOr = (value: string | null | undefined, fallback: Locale = 'es'): Locale => (LOCALES.includes(value as Locale) ? (value as Locale) : fallback);

const ACK: Record<Locale, (r: { name: string; reference: string; mailbox: string }) => string> = {
  es: ({ name, reference, mailbox }) =>
    `Hola ${name}:\n\nHemos recibido su solicitud y la hemos registrado con la referencia ${reference}. Un miembro de nuestro equipo se pondrá en contacto con usted lo antes posible.\n\nPara añadir información, responda a este correo sin cambiar el asunto.\n\n${mailbox}`,
  en: ({ name, reference, mailbox }) =>
    `Hello ${name},\n\nWe have received your request and logged it under reference ${reference}. Someone from our team will get back to you as soon as possible.\n\nTo add anything, reply to this e-mail without changing the subject.\n\n${mailbox}`,
  ro: ({ name, reference, mailbox }) =>
    `Bună ziua, ${name},\n\nAm primit solicitarea dumneavoastră și am înregistrat-o cu referința ${reference}. Un membru al echipei noastre vă va contacta cât mai curând.\n\nPentru a adăuga informații, răspundeți la acest e-mail fără a schimba subiectul.\n\n${mailbox}`,
};

const ACK_PREFIX: Record<Locale, string> = { es: 'Recibido:', en: 'Received:', ro: 'Primit:' };

export function acknowledgement(locale: Locale, r: { name: string; reference: string; mailbox: string }): { text: string; subjectPrefix: string } {
  return { text: ACK[locale](r), subjectPrefix: ACK_PREFIX[locale] };
}

/** An agent's reply: their words, their name, the mailbox. */
export function agentReply(body: string, agent: string, mailbox: string): string {
  return `${body.trim()}\n\n--\n${agent}\n${mailbox}`;
}
