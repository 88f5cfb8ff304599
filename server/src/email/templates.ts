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

const PRIORITY: Record<Locale, Record<string, string>> = {
  es: { low: 'baja', normal: 'normal', high: 'alta', urgent: 'urgente' },
  en: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
  ro: { low: 'scăzută', normal: 'normală', high: 'ridicată', urgent: 'urgentă' },
};

const ORDER: Record<Locale, Record<string, string>> = {
  es: {
    prefix: 'Orden de servicio:',
    title: 'Orden de servicio',
    customer: 'Cliente',
    address: 'Dirección',
    contact: 'Persona de contacto',
    phone: 'tel.',
    asset: 'Equipo',
    type: 'Tipo',
    priority: 'Prioridad',
    window: 'Ventana solicitada',
    last: 'Últimos mensajes',
    how: 'Responda a este correo con «Acepto» para confirmar o «No puedo» para rechazar.',
    confirm: 'Confirmar',
    decline: 'Rechazar',
  },
  en: {
    prefix: 'Service order:',
    title: 'Service order',
    customer: 'Customer',
    address: 'Address',
    contact: 'Contact person',
    phone: 'phone',
    asset: 'Equipment',
    type: 'Type',
    priority: 'Priority',
    window: 'Requested window',
    last: 'Latest messages',
    how: 'Reply to this e-mail with "Accept" to confirm or "Decline" to refuse.',
    confirm: 'Confirm',
    decline: 'Decline',
  },
  ro: {
    prefix: 'Comandă de service:',
    title: 'Comandă de service',
    customer: 'Client',
    address: 'Adresă',
    contact: 'Persoană de contact',
    phone: 'tel.',
    asset: 'Echipament',
    type: 'Tip',
    priority: 'Prioritate',
    window: 'Interval solicitat',
    last: 'Ultimele mesaje',
    how: 'Răspundeți la acest e-mail cu „Accept” pentru a confirma sau „Nu pot” pentru a refuza.',
    confirm: 'Confirmă',
    decline: 'Refuză',
  },
};

export interface ServiceOrderFacts {
  reference: string;
  subject: string;
  customer: string | null;
  siteAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  asset: string | null;
  serviceType: string | null;
  priority: string;
  requestedWindow: string | null;
  lastMessages: { at: Date; author: string; text: string }[];
  links: { confirm: string; decline: string } | null;
}

/** The service order a technician gets, in their language. */
export function serviceOrder(locale: Locale, f: ServiceOrderFacts): { text: string; subjectPrefix: string } {
  const w = ORDER[locale];
  const dash = '—';
  const contact = [f.contactName, f.contactPhone ? `${w.phone} ${f.contactPhone}` : null].filter(Boolean).join(', ') || dash;
  const lines = [
    `${w.title} ${f.reference}: ${f.subject}`,
    '',
    `${w.customer}: ${f.customer ?? dash}`,
    `${w.address}: ${f.siteAddress ?? dash}`,
    `${w.contact}: ${contact}`,
    `${w.asset}: ${f.asset ?? dash}`,
    `${w.type}: ${f.serviceType ?? dash}`,
    `${w.priority}: ${PRIORITY[locale][f.priority] ?? f.priority}`,
    `${w.window}: ${f.requestedWindow ?? dash}`,
  ];
  if (f.lastMessages.length > 0) {
    lines.push('', `${w.last}:`);
    for (const m of f.lastMessages) lines.push(`— ${m.at.toISOString().slice(0, 16).replace('T', ' ')} ${m.author}: ${m.text}`);
  }
  lines.push('', w.how);
  if (f.links) lines.push('', `${w.confirm}: ${f.links.confirm}`, `${w.decline}: ${f.links.decline}`);
  return { text: lines.join('\n'), subjectPrefix: w.prefix };
}

const RELEASED: Record<Locale, { prefix: string; text: (f: { reference: string; subject: string; into: string }) => string }> = {
  es: { prefix: 'Anulada:', text: (f) => `La orden de servicio ${f.reference} («${f.subject}») queda anulada: era el mismo problema que ${f.into}, que atiende otro técnico. No tiene que desplazarse.` },
  en: { prefix: 'Cancelled:', text: (f) => `Service order ${f.reference} ("${f.subject}") is cancelled: it was the same problem as ${f.into}, which another technician handles. You do not need to go.` },
  ro: { prefix: 'Anulată:', text: (f) => `Comanda de service ${f.reference} („${f.subject}”) este anulată: era aceeași problemă ca ${f.into}, de care se ocupă alt tehnician. Nu trebuie să vă deplasați.` },
};

/** A technician is released: their incident was merged into one another technician has. */
export function released(locale: Locale, f: { reference: string; subject: string; into: string }): { text: string; subjectPrefix: string } {
  return { text: RELEASED[locale].text(f), subjectPrefix: RELEASED[locale].prefix };
}

const UNASSIGNABLE: Record<Locale, { prefix: string; text: (f: { reference: string; subject: string; offers: number; link: string | null }) => string }> = {
  es: { prefix: 'Sin técnico:', text: (f) => `Nadie puede atender ${f.reference} («${f.subject}»): se ofreció a ${f.offers} técnico(s) y ninguno la aceptó a tiempo, o no hay ninguno libre con las competencias necesarias. Asígnela a mano.${f.link ? `\n\n${f.link}` : ''}` },
  en: { prefix: 'No technician:', text: (f) => `Nobody can take ${f.reference} ("${f.subject}"): it was offered to ${f.offers} technician(s) and none accepted in time, or nobody free has the skills it needs. Assign it by hand.${f.link ? `\n\n${f.link}` : ''}` },
  ro: { prefix: 'Fără tehnician:', text: (f) => `Nimeni nu poate prelua ${f.reference} („${f.subject}”): a fost oferit la ${f.offers} tehnician(i) și niciunul nu a acceptat la timp, sau nu este liber nimeni cu competențele necesare. Atribuiți-l manual.${f.link ? `\n\n${f.link}` : ''}` },
};

/** A department supervisor is told that nobody is left to offer an incident to. */
export function unassignable(locale: Locale, f: { reference: string; subject: string; offers: number; link: string | null }): { text: string; subjectPrefix: string } {
  return { text: UNASSIGNABLE[locale].text(f), subjectPrefix: UNASSIGNABLE[locale].prefix };
}

const SLA: Record<Locale, { warning: string; breached: string; first: string; resolution: string; text: (f: { reference: string; what: string; due: string; policy: string; link: string | null }) => string }> = {
  es: { warning: 'Aviso SLA:', breached: 'SLA incumplido:', first: 'primera respuesta', resolution: 'resolución', text: (f) => `${f.reference}: ${f.what} (política «${f.policy}») vence ${f.due}.${f.link ? `\n\n${f.link}` : ''}` },
  en: { warning: 'SLA warning:', breached: 'SLA breached:', first: 'first response', resolution: 'resolution', text: (f) => `${f.reference}: ${f.what} (policy "${f.policy}") is due ${f.due}.${f.link ? `\n\n${f.link}` : ''}` },
  ro: { warning: 'Avertizare SLA:', breached: 'SLA depășit:', first: 'primul răspuns', resolution: 'rezolvare', text: (f) => `${f.reference}: ${f.what} (politica „${f.policy}”) are termen ${f.due}.${f.link ? `\n\n${f.link}` : ''}` },
};

/** An SLA warning or breach, to the addresses its policy names. */
export function slaNotice(locale: Locale, f: { reference: string; target: 'first-response' | 'resolution'; state: 'warning' | 'breached'; dueAt: Date; policy: string; link: string | null }): { text: string; subjectPrefix: string } {
  const w = SLA[locale];
  const due = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(f.dueAt) + ' UTC';
  return { text: w.text({ reference: f.reference, what: f.target === 'first-response' ? w.first : w.resolution, due, policy: f.policy, link: f.link }), subjectPrefix: f.state === 'warning' ? w.warning : w.breached };
}
