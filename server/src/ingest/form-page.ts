/**
 * The public, embeddable web form: plain HTML that works without JavaScript, in es/en/ro.
 * Every value is escaped; a fresh submissionId per render makes a double submit one request.
 */
import { randomUUID } from 'node:crypto';
import { HONEYPOT_FIELD, WEBFORM_LIMITS } from '../../../channels/webform/index.js';
import type { Locale } from '../contracts/api.js';

const TEXT: Record<Locale, Record<string, string>> = {
  es: {
    title: 'Contactar con el servicio técnico', intro: 'Cuéntenos qué ocurre y le responderemos lo antes posible.',
    name: 'Nombre', email: 'Correo electrónico', phone: 'Teléfono', address: 'Dirección del servicio (opcional)', subject: 'Asunto', message: 'Mensaje',
    emailOrPhone: 'Indique un correo electrónico o un teléfono.', send: 'Enviar', leave: 'Deje este campo vacío',
    thanks: 'Gracias, hemos recibido su solicitud.', reference: 'Su número de referencia es', keep: 'Consérvelo para cualquier consulta.',
    later: 'La procesaremos en breve.', errors: 'Revise los campos marcados.', another: 'Enviar otra solicitud',
    required: 'Obligatorio', invalid: 'No es válido',
  },
  en: {
    title: 'Contact our service desk', intro: 'Tell us what is wrong and we will get back to you as soon as possible.',
    name: 'Name', email: 'E-mail', phone: 'Phone', address: 'Service address (optional)', subject: 'Subject', message: 'Message',
    emailOrPhone: 'Give an e-mail address or a phone number.', send: 'Send', leave: 'Leave this field empty',
    thanks: 'Thank you, we have received your request.', reference: 'Your reference number is', keep: 'Please keep it for any follow-up.',
    later: 'We will process it shortly.', errors: 'Please check the marked fields.', another: 'Send another request',
    required: 'Required', invalid: 'Not valid',
  },
  ro: {
    title: 'Contactați serviciul tehnic', intro: 'Spuneți-ne ce s-a întâmplat și vă răspundem cât mai curând.',
    name: 'Nume', email: 'E-mail', phone: 'Telefon', address: 'Adresa intervenției (opțional)', subject: 'Subiect', message: 'Mesaj',
    emailOrPhone: 'Indicați o adresă de e-mail sau un număr de telefon.', send: 'Trimite', leave: 'Lăsați acest câmp gol',
    thanks: 'Vă mulțumim, am primit solicitarea dumneavoastră.', reference: 'Numărul de referință este', keep: 'Păstrați-l pentru orice întrebare ulterioară.',
    later: 'O vom procesa în curând.', errors: 'Verificați câmpurile marcate.', another: 'Trimiteți o altă solicitare',
    required: 'Obligatoriu', invalid: 'Nu este valid',
  },
};

export function pickLocale(explicit: unknown, acceptLanguage: string | undefined): Locale {
  if (explicit === 'es' || explicit === 'en' || explicit === 'ro') return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'es' || tag === 'en' || tag === 'ro') return tag;
  }
  return 'es';
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(locale: Locale, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(TEXT[locale].title)}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
main{max-width:34rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:10px;box-shadow:0 1px 3px #0002}
h1{font-size:1.35rem;margin:.2rem 0 .5rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input,textarea{width:100%;box-sizing:border-box;padding:.55rem .6rem;border:1px solid #c5cad3;border-radius:6px;font:inherit}
textarea{min-height:8rem}.err{color:#b42318;font-size:.9rem}.bad{border-color:#b42318}
button{margin-top:1.2rem;background:#2454d6;color:#fff;border:0;border-radius:6px;padding:.65rem 1.4rem;font:inherit;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.ref{font-size:1.4rem;font-weight:700}
.langs{float:right;font-size:.85rem}.langs a{margin-left:.4rem}
</style></head><body><main>${body}</main></body></html>`;
}

export function renderForm(locale: Locale, key: string, values: Record<string, unknown> = {}, errors: Record<string, string> = {}): string {
  const t = TEXT[locale];
  const field = (name: 'name' | 'email' | 'phone' | 'address' | 'subject', type: string, autocomplete: string) => `
<label for="f-${name}">${esc(t[name])}</label>
<input id="f-${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" maxlength="${WEBFORM_LIMITS[name]}" value="${esc(values[name])}"${errors[name] ? ' class="bad" aria-invalid="true"' : ''}${name === 'name' || name === 'subject' ? ' required' : ''}>
${errors[name] ? `<div class="err">${esc(errors[name])}</div>` : ''}`;
  const langs = (['es', 'en', 'ro'] as const).map((l) => (l === locale ? `<strong>${l}</strong>` : `<a href="?lang=${l}">${l}</a>`)).join(' ');
  const hasErrors = Object.keys(errors).length > 0;
  return page(
    locale,
    `<div class="langs">${langs}</div><h1>${esc(t.title)}</h1><p>${esc(t.intro)}</p>
${hasErrors ? `<p class="err" role="alert">${esc(t.errors)}</p>` : ''}
<form method="post" action="/forms/${esc(key)}?lang=${locale}" accept-charset="utf-8">
<input type="hidden" name="submissionId" value="${esc(values.submissionId || randomUUID())}">
<input type="hidden" name="locale" value="${locale}">
${field('name', 'text', 'name')}${field('email', 'email', 'email')}${field('phone', 'tel', 'tel')}
<small>${esc(t.emailOrPhone)}</small>
${field('address', 'text', 'street-address')}
${field('subject', 'text', 'off')}
<label for="f-message">${esc(t.message)}</label>
<textarea id="f-message" name="message" maxlength="${WEBFORM_LIMITS.message}" required${errors.message ? ' class="bad" aria-invalid="true"' : ''}>${esc(values.message)}</textarea>
${errors.message ? `<div class="err">${esc(errors.message)}</div>` : ''}
<div class="hp" aria-hidden="true"><label for="f-hp">${esc(t.leave)}</label><input id="f-hp" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<button type="submit">${esc(t.send)}</button>
</form>`,
  );
}

export function renderThanks(locale: Locale, key: string, reference: string | null): string {
  const t = TEXT[locale];
  return page(
    locale,
    `<h1>${esc(t.thanks)}</h1>${
      reference ? `<p>${esc(t.reference)}</p><p class="ref" data-reference>${esc(reference)}</p><p>${esc(t.keep)}</p>` : `<p>${esc(t.later)}</p>`
    }<p><a href="/forms/${esc(key)}?lang=${locale}">${esc(t.another)}</a></p>`,
  );
}

/** The adapter's field errors, said in the form's language. */
export function localizeErrors(locale: Locale, fields: Record<string, string>): Record<string, string> {
  const t = TEXT[locale];
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v === 'required' ? t.required : v.startsWith('an e-mail address or') ? t.emailOrPhone : `${t.invalid}: ${v}`]),
  );
}
